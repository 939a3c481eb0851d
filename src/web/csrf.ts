import { createHmac } from 'node:crypto';
import { csrfSync } from 'csrf-sync';
import { LRUCache } from 'lru-cache';
import type { Request } from 'express';
import { SESSION_COOKIE } from './auth.js';

/** Random bytes in a CSRF token; csrf-sync writes them as hex, so every token is twice as many characters. */
const CSRF_TOKEN_BYTES = 32;
/** The length of every CSRF token this app issues (page-splice.ts compresses pages around tokens of this length). */
export const CSRF_TOKEN_LENGTH = CSRF_TOKEN_BYTES * 2;

/** The signed, HTTP-only cookie that holds the server's copy of the CSRF token. */
export const CSRF_COOKIE = 'copydesk.csrf';

/**
 * Returns the CSRF token of a signed-in session: an HMAC of the session's token under the app's
 * secret, so every page of one session carries the same token (one per session, as OWASP's
 * synchronizer-token pattern allows) and no cookie is needed to keep it. It ends with the session.
 */
function sessionToken(secret: string, session: string): string {
  return createHmac('sha256', secret).update('copydesk csrf\u0000').update(session).digest('hex').slice(0, CSRF_TOKEN_LENGTH);
}

/** Returns the session cookie of a request that authenticate() found signed in, else undefined. */
function signedInSession(req: Request): string | undefined {
  if (!req.res?.locals.user || req.res.locals.isToken === true) return undefined;
  const cookie = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie ? cookie : undefined;
}

/**
 * Returns csrf-sync configured for Copydesk: the token travels in the `_csrf` form field (or the
 * x-csrf-token header from the script). For a signed-in editor the server's copy is derived from
 * the session (sessionToken): a new tab of a signed-in editor gets the same token, and the same
 * cached page, as the tab before it. Before signing in (the sign-in form) it lives in a signed
 * cookie, since the app keeps no session store for anonymous visitors; the signature stops a
 * forged cookie from matching a forged field.
 */
export function createCsrf(isSecure: (req: Request) => boolean, secret: string) {
  // The HMAC is the same for every request of a session: worked out once per session.
  const tokens = new LRUCache<string, string>({ max: 10_000 });
  const tokenOf = (session: string) => {
    let token = tokens.get(session);
    if (token === undefined) {
      token = sessionToken(secret, session);
      tokens.set(session, token);
    }
    return token;
  };
  return csrfSync({
    getTokenFromRequest: (req: Request) => {
      const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof fromBody === 'string') return fromBody;
      const header = req.get('x-csrf-token');
      if (header) return header;
      // A multipart form sends it in its action's URL, so it is checked before the body is read.
      const fromQuery = (req.query as Record<string, unknown> | undefined)?._csrf;
      return typeof fromQuery === 'string' && req.is('multipart/form-data') ? fromQuery : undefined;
    },
    getTokenFromState: (req: Request) => {
      const session = signedInSession(req);
      if (session) return tokenOf(session);
      const local = req.res?.locals.csrfState as string | undefined;
      if (local) return local;
      const cookie = (req.signedCookies as Record<string, unknown>)[CSRF_COOKIE];
      return typeof cookie === 'string' ? cookie : undefined;
    },
    storeTokenInState: (req: Request, token) => {
      const res = req.res;
      if (!res || signedInSession(req)) return;
      res.locals.csrfState = token ?? undefined;
      if (token) res.cookie(CSRF_COOKIE, token, { signed: true, httpOnly: true, sameSite: 'lax', secure: isSecure(req), path: '/' });
      else res.clearCookie(CSRF_COOKIE, { path: '/' });
    },
    size: CSRF_TOKEN_BYTES,
  });
}
