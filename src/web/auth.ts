import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import type { ServiceContext } from '../service/context.js';
import { hasRole, userOfSession, userOfToken, type SignedInUser } from '../service/accounts.js';
import { accessFor } from './access.js';
import { HttpError } from './errors.js';

/** The cookie that carries a session's random token (the database keeps only its hash). */
export const SESSION_COOKIE = 'copydesk.session';

/** Returns the session cookie's options: httpOnly, sameSite=lax, Secure behind HTTPS. */
export function sessionCookieOptions(isSecure: boolean, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: isSecure, path: '/', ...(expires ? { expires } : {}) };
}

/** Returns the signed-in user of a request (set by `authenticate`), or null. */
export function userOf(res: Response): SignedInUser | null {
  return (res.locals.user as SignedInUser | undefined) ?? null;
}

/** Returns the signed-in user's name, for the history; the access middleware has made sure there is one. */
export function actorOf(res: Response): string {
  const user = userOf(res);
  if (!user) throw new HttpError(401, 'Sign in first.');
  return user.username;
}

/** Returns true when the request carried `Authorization: Bearer …` (a script: no cookies, so no CSRF to check). */
export function isTokenRequest(req: Request): boolean {
  return req.res?.locals.isToken === true;
}

function bearerOf(req: Request): string | null {
  const header = req.get('authorization');
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/iu.exec(header);
  return m ? (m[1] as string) : '';
}

/**
 * Reads who is asking: an API token (`Authorization: Bearer …`) or the session cookie. Sets
 * res.locals.user (null when nobody is signed in) and res.locals.isToken.
 */
export function authenticate(service: ServiceContext): RequestHandler {
  return async (req, res, next) => {
    try {
      const bearer = bearerOf(req);
      if (bearer !== null) {
        const user = bearer ? await userOfToken(service, bearer) : null;
        if (!user) throw new HttpError(401, 'The API token is not valid or was revoked. Create one with `copydesk token create NAME`.');
        res.locals.user = user;
        res.locals.isToken = true;
        next();
        return;
      }
      const token = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
      res.locals.user = typeof token === 'string' ? await userOfSession(service, token) : null;
      res.locals.isToken = false;
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Paths a user with a one-time password may still open: where they change it, and sign-out. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['/account/password', '/logout', '/login']);

/** Returns true for requests that want a page (a browser), not JSON (a script, the page's own fetches). */
function wantsPage(req: Request): boolean {
  return !req.path.startsWith('/api/') && req.get('x-requested-with') !== 'fetch' && Boolean(req.accepts('html'));
}

/**
 * Enforces the role × route table (access.ts) before any body is read: nobody signed in gets a
 * redirect to /login (a page) or 401; a role below the route's gets 403; a user who must still
 * change a one-time password is sent to do that first.
 */
export function requireAccess(): RequestHandler {
  return (req, res, next) => {
    const access = accessFor(req.method, req.path);
    if (access === 'public') return next();
    const user = userOf(res);
    if (!user) {
      if ((req.method === 'GET' || req.method === 'HEAD') && wantsPage(req)) {
        res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
        return;
      }
      return next(new HttpError(401, 'Sign in first: every change is kept with who made it.'));
    }
    if (user.mustChangePassword && !res.locals.isToken && !WHILE_PASSWORD_MUST_CHANGE.has(req.path)) {
      if (req.method === 'GET' && wantsPage(req)) {
        res.redirect(303, '/account/password');
        return;
      }
      return next(new HttpError(403, 'Choose your own password first (Account → Change password): the one you were given works once.'));
    }
    if (access !== 'signed-in' && !hasRole(user.role, access)) {
      return next(new HttpError(403, `Your role (${user.role}) cannot do this; it needs ${/^[aeiou]/u.test(access) ? 'an' : 'a'} ${access}. Ask an admin if you should.`));
    }
    next();
  };
}

/** What the pages may show the signed-in user: forms they may use (the server checks again on every request). */
export interface Permissions {
  readonly edit: boolean;
  readonly glossary: boolean;
  readonly admin: boolean;
}

export function permissionsOf(user: SignedInUser | null): Permissions {
  const role = user?.role ?? '';
  return { edit: hasRole(role, 'editor'), glossary: hasRole(role, 'terminologist'), admin: hasRole(role, 'admin') };
}
