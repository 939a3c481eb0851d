import { createHash, randomBytes } from 'node:crypto';
import ejs from 'ejs';
import { hasRole } from '../service/accounts.js';

/**
 * One cached page for every viewer (issue 10): a page is rendered once per state with markers where
 * the viewer's own parts go (the CSRF token of every form, the name in the header), kept as the
 * pieces between the markers, and each request gets the pieces joined around its own token and
 * name, HTML-escaped as EJS escapes them. A first visit (no cookies yet) then costs what a returning
 * browser costs: no render. Pages differ by the viewer's role (the forms it may use), so that is part
 * of the key; nothing else per viewer is printed.
 */

/** What a rendered page holds for the viewer's parts (random per process, so no article text can be mistaken for one). */
const MARK = randomBytes(9).toString('base64url');
const CSRF_MARK = `\uE000csrf${MARK}\uE000`;
const AUTHOR_MARK = `\uE000author${MARK}\uE000`;
const SPLIT = new RegExp(`(${CSRF_MARK}|${AUTHOR_MARK})`, 'u');

/** A rendered page cut at the viewer's parts. */
export interface SharedPage {
  readonly pieces: readonly Buffer[];
  readonly slots: readonly ('csrf' | 'author')[];
  readonly bytes: number;
}

/**
 * Returns the locals a shared page is rendered with for viewers of one role ('' when nobody is
 * signed in): markers instead of the viewer's token and name, and what the role may use.
 */
export function sharedLocals(role: string): { csrfToken: string; author: string; role: string; can: { edit: boolean; glossary: boolean; admin: boolean } } {
  return {
    csrfToken: CSRF_MARK,
    author: role ? AUTHOR_MARK : '',
    role,
    can: { edit: hasRole(role, 'editor'), glossary: hasRole(role, 'terminologist'), admin: hasRole(role, 'admin') },
  };
}

/** Returns a rendered page cut at its markers. */
export function toSharedPage(html: string): SharedPage {
  const parts = html.split(SPLIT);
  const pieces: Buffer[] = [];
  const slots: ('csrf' | 'author')[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) pieces.push(Buffer.from(part));
    else slots.push(part === CSRF_MARK ? 'csrf' : 'author');
  });
  return { pieces, slots, bytes: pieces.reduce((n, p) => n + p.length, 0) };
}

/** Returns the page for one viewer: the pieces joined around their escaped token and name. */
export function pageFor(page: SharedPage, viewer: { csrfToken: string; author: string }): Buffer {
  const csrf = Buffer.from(ejs.escapeXML(viewer.csrfToken));
  const author = Buffer.from(ejs.escapeXML(viewer.author));
  const out: Buffer[] = [];
  page.pieces.forEach((piece, i) => {
    out.push(piece);
    const slot = page.slots[i];
    if (slot) out.push(slot === 'csrf' ? csrf : author);
  });
  return Buffer.concat(out);
}

/** Returns a weak ETag for what one viewer is sent of a page state. */
export function viewerEtag(stateKey: string, viewer: { csrfToken: string; author: string }): string {
  return `W/"${createHash('sha1').update(stateKey).update('\u0000').update(viewer.csrfToken).update('\u0000').update(viewer.author).digest('base64url')}"`;
}
