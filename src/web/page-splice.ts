import { createHash, randomBytes } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import type { Request, Response } from 'express';
import ejs from 'ejs';
import { CSRF_TOKEN_LENGTH } from './csrf.js';
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
  /** Each piece compressed on its own as raw deflate blocks, ending byte-aligned (a sync flush) and not final. */
  readonly deflated: readonly Buffer[];
  readonly slots: readonly ('csrf' | 'author')[];
  /** What the page holds in memory: its pieces and their compressed copies. */
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

/**
 * Returns a rendered page cut at its markers, its pieces compressed for gzip responses (about 3 ms
 * for an 80 kB page, beside the ~14 ms of rendering it).
 */
export function toSharedPage(html: string): SharedPage {
  const parts = html.split(SPLIT);
  const pieces: Buffer[] = [];
  const slots: ('csrf' | 'author')[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) pieces.push(Buffer.from(part));
    else slots.push(part === CSRF_MARK ? 'csrf' : 'author');
  });
  const deflated = deflatePieces(pieces, slots);
  const size = (list: readonly Buffer[]) => list.reduce((n, p) => n + p.length, 0);
  return { pieces, deflated, slots, bytes: size(pieces) + size(deflated) };
}

/**
 * How much earlier text a piece's compression may refer back to: deflate's window, 2^13 = 8 kB
 * rather than the usual 32 kB. A page's repeats (its forms) are near each other, so it compresses
 * as well, in under half the time and a quarter of zlib's memory. Compression is synchronous, one
 * piece after another: each zlib context is freed as soon as its piece is done (many contexts in
 * flight on the thread pool, freed only by the garbage collector, held hundreds of MB while a
 * re-check made the listing pages render every second).
 */
const WINDOW_BITS = 13;
const DICTIONARY = 1 << WINDOW_BITS;

/**
 * Compresses each piece once per page state, as raw deflate blocks that end byte-aligned (a sync
 * flush) and are not final, so that a gzip response is a splice (gzipPageFor), not a compression.
 * A page has a CSRF slot in every form, so the pieces are short; compressed alone they would shrink
 * about 2×. Each piece is therefore compressed with the text before it as deflate's preset
 * dictionary, the viewer's parts in it stood in for by NUL bytes of the same length: a CSRF token
 * always has CSRF_TOKEN_LENGTH characters, so every distance back is the same in the browser's
 * window as in the compressor's, and since a piece holds no NUL byte no match can take bytes from a
 * stand-in. The name's length varies, so the text before it is not used. A piece that holds a NUL
 * (no page should) is compressed alone.
 */
function deflatePieces(pieces: readonly Buffer[], slots: readonly ('csrf' | 'author')[]): Buffer[] {
  let before: Buffer[] = [];
  const standIn = Buffer.alloc(CSRF_TOKEN_LENGTH);
  return pieces.map((piece, i) => {
    const history = Buffer.concat(before);
    const dictionary = history.subarray(Math.max(0, history.length - DICTIONARY));
    const useHistory = dictionary.length > 0 && !piece.includes(0);
    before = [dictionary, piece];
    const slot = slots[i];
    if (slot === 'csrf') before.push(standIn);
    else if (slot === 'author') before = [];
    return deflateRawSync(piece, { finishFlush: constants.Z_SYNC_FLUSH, windowBits: WINDOW_BITS, ...(useHistory ? { dictionary } : {}) });
  });
}

/** The viewer's parts, escaped as EJS escapes them, in the order of a page's slots. */
function viewerParts(page: SharedPage, viewer: { csrfToken: string; author: string }): Buffer[] {
  const csrf = Buffer.from(ejs.escapeXML(viewer.csrfToken));
  const author = Buffer.from(ejs.escapeXML(viewer.author));
  return page.slots.map((slot) => (slot === 'csrf' ? csrf : author));
}

/** Returns the page for one viewer: the pieces joined around their escaped token and name. */
export function pageFor(page: SharedPage, viewer: { csrfToken: string; author: string }): Buffer {
  const parts = viewerParts(page, viewer);
  const out: Buffer[] = [];
  page.pieces.forEach((piece, i) => {
    out.push(piece);
    const part = parts[i];
    if (part) out.push(part);
  });
  return Buffer.concat(out);
}

/** A gzip member's fixed header (RFC 1952 §2.3): deflate, no flags, no time, unknown OS. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** The last deflate block (RFC 1951 §3.2.4): an empty stored block with BFINAL set. */
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
/** Most bytes one stored block holds (its LEN field is 16 bits). */
const STORED_MAX = 0xffff;

/** Returns `data` as non-final stored deflate blocks, for a stream that is byte-aligned here (after a sync flush). */
function storedBlocks(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < data.length; at += STORED_MAX) {
    const chunk = data.subarray(at, at + STORED_MAX);
    const head = Buffer.alloc(5);
    head.writeUInt16LE(chunk.length, 1);
    head.writeUInt16LE(~chunk.length & 0xffff, 3);
    out.push(head, chunk);
  }
  return out;
}

/**
 * Returns the page for one viewer as a gzip stream, without compressing anything per request (the
 * technique of Varnish's ESI on gzip objects): the pieces' deflate blocks, compressed when the page
 * was cached and each ending on a byte boundary, are joined around the viewer's parts written as
 * stored blocks, then a final empty block and the trailer (the CRC-32 and length of the whole page).
 * Decompressed, it is exactly `pageFor(page, viewer)`. Returns null for a CSRF token of another
 * length than the app issues (then the page goes uncompressed).
 */
export function gzipPageFor(page: SharedPage, viewer: { csrfToken: string; author: string }): Buffer | null {
  const parts = viewerParts(page, viewer);
  // The pieces were compressed around tokens of one length (deflatePieces); any other cannot be spliced in.
  if (parts.some((part, i) => page.slots[i] === 'csrf' && part.length !== CSRF_TOKEN_LENGTH)) return null;
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  page.pieces.forEach((piece, i) => {
    out.push(page.deflated[i] as Buffer);
    crc = crc32(piece, crc);
    length += piece.length;
    const part = parts[i];
    if (part) {
      out.push(...storedBlocks(part));
      crc = crc32(part, crc);
      length += part.length;
    }
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  out.push(FINAL_BLOCK, trailer);
  return Buffer.concat(out);
}

/** Most bytes of gzip responses kept for viewers who come back (a review page is ~15 kB compressed). */
const GZIP_CACHE_BYTES = 16 * 1024 * 1024;

/** Sends a shared page to one viewer; made by createPageSender. */
export type PageSender = (req: Request, res: Response, page: SharedPage, viewer: { csrfToken: string; author: string }, etag: string) => void;

/**
 * Returns what sends a shared page to the viewer of a request, gzip-compressed when the browser
 * accepts it (every browser does: a review page of ~80 kB goes out as ~15 kB), with its ETag and
 * `Vary: Accept-Encoding`. A viewer's CSRF token is the same for the whole session, so the splice is
 * kept by ETag (which names the page state and the viewer) for the next tab or reload. A
 * conditional request that matches gets a 304 from res.send.
 */
export function createPageSender(): PageSender {
  const gzipped = new LRUCache<string, Buffer>({ max: 4096, maxSize: GZIP_CACHE_BYTES, sizeCalculation: (b) => b.length });
  return (req, res, page, viewer, etag) => {
    res.set('ETag', etag);
    res.vary('Accept-Encoding');
    res.type('html');
    const wantsGzip = req.acceptsEncodings('gzip', 'identity') === 'gzip';
    let body = wantsGzip ? gzipped.get(etag) ?? null : null;
    if (!body && wantsGzip) {
      body = gzipPageFor(page, viewer);
      if (body) gzipped.set(etag, body);
    }
    if (body) {
      res.set('Content-Encoding', 'gzip');
      res.send(body);
    } else {
      res.send(pageFor(page, viewer));
    }
  };
}

/** Returns a weak ETag for what one viewer is sent of a page state. */
export function viewerEtag(stateKey: string, viewer: { csrfToken: string; author: string }): string {
  return `W/"${createHash('sha1').update(stateKey).update('\u0000').update(viewer.csrfToken).update('\u0000').update(viewer.author).digest('base64url')}"`;
}
