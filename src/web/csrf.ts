import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';

/** The signed, HTTP-only cookie that holds the server's copy of the CSRF token. */
const CSRF_COOKIE = 'copydesk.csrf';

/**
 * Returns csrf-sync configured for Copydesk: the token travels in the `_csrf` form field (or the
 * x-csrf-token header from the script) and the server's copy lives in a signed cookie, since the
 * app keeps no session store; the signature stops a forged cookie from matching a forged field.
 */
export function createCsrf(isSecure: (req: Request) => boolean) {
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
      const local = req.res?.locals.csrfState as string | undefined;
      if (local) return local;
      const cookie = (req.signedCookies as Record<string, unknown>)[CSRF_COOKIE];
      return typeof cookie === 'string' ? cookie : undefined;
    },
    storeTokenInState: (req: Request, token) => {
      const res = req.res;
      if (!res) return;
      res.locals.csrfState = token ?? undefined;
      if (token) res.cookie(CSRF_COOKIE, token, { signed: true, httpOnly: true, sameSite: 'lax', secure: isSecure(req), path: '/' });
      else res.clearCookie(CSRF_COOKIE, { path: '/' });
    },
    size: 32,
  });
}
