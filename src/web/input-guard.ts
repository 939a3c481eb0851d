import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';

/**
 * Longest path segment a Copydesk URL has a use for: ids have at most ten digits, concept keys
 * eleven characters, user names 64 (service/accounts.ts). A longer segment names nothing.
 */
const MAX_PATH_SEGMENT_CHARS = 256;

/** Deepest nesting of a form or JSON body searched for a NUL; the routes refuse anything nested at all. */
const MAX_DEPTH = 32;

/** The refusal of text with a NUL character in it. */
export const NUL_MESSAGE = 'What you sent contains a NUL character (U+0000), which Copydesk cannot store. Remove it (it usually comes from copying out of a binary file) and send it again.';

/** Returns true when a string anywhere in `value` (a form, a JSON body, a query), or a key, holds a NUL character. */
export function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  return Object.entries(value).some(([key, v]) => key.includes('\u0000') || hasNul(v, depth + 1));
}

/**
 * Refuses input that no route can use, once for all of them, after the body parsers: a NUL
 * character in the URL, the query or a form or JSON body (PostgreSQL cannot store one in text,
 * and SQLite measures a string only up to it) gets 400; a path segment longer than any name gets
 * 404, without echoing it back. Multipart bodies are read by their routes, which call `hasNul`.
 */
export function inputGuard(): RequestHandler {
  return (req, _res, next) => {
    if (/%00/u.test(req.originalUrl) || hasNul(req.query) || hasNul(req.body)) return next(new HttpError(400, NUL_MESSAGE));
    const longest = Math.max(...req.path.split('/').map((segment) => segment.length));
    if (longest > MAX_PATH_SEGMENT_CHARS) {
      return next(new HttpError(404, `There is no page at this address: part of it is ${longest.toLocaleString('en')} characters long, longer than any name in Copydesk.`));
    }
    next();
  };
}
