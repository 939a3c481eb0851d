import type { Request, Response } from 'express';

/** The cookie that remembers the editor's name until accounts exist. */
export const AUTHOR_COOKIE = 'copydesk.author';

/** Longest name kept; longer input is cut, since the name is shown in every history line. */
export const MAX_AUTHOR_LENGTH = 80;

/** Returns a cleaned editor name (trimmed, single-spaced, at most MAX_AUTHOR_LENGTH characters), or '' when none was given. */
export function cleanAuthor(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(/\s+/gu, ' ').trim().slice(0, MAX_AUTHOR_LENGTH);
}

/** Returns the editor name remembered in the cookie, or ''. */
export function readAuthor(req: Request): string {
  return cleanAuthor((req.signedCookies as Record<string, unknown>)[AUTHOR_COOKIE]);
}

/** Remembers the editor's name for a year. */
export function rememberAuthor(res: Response, author: string): void {
  res.cookie(AUTHOR_COOKIE, author, { signed: true, httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 * 1000, path: '/' });
}
