import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';

/** The names of this machine itself: what the app answers to unless COPYDESK_ALLOWED_HOSTS says more. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** Returns the host name of a Host header without its port, lower-cased, IPv6 without brackets; '' when it cannot be read. */
export function hostNameOf(host: string | undefined): string {
  if (!host) return '';
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(1, end) : '';
  }
  const colon = h.indexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

/**
 * Answers 421 to a request whose Host is not one the app serves: a page that DNS rebinding pointed
 * at this port sends its own site's name, so it never reaches the routes.
 */
export function hostGuard(allowed: readonly string[]): RequestHandler {
  const names = new Set(allowed.map((h) => h.trim().toLowerCase().replace(/^\[(.*)\]$/u, '$1')));
  return (req, _res, next) => {
    const name = hostNameOf(req.get('host'));
    if (names.has('*') || names.has(name)) return next();
    next(new HttpError(421, `This server does not answer to the name "${name.slice(0, 100)}". An admin lists the names it serves in COPYDESK_ALLOWED_HOSTS.`));
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a change (POST, PUT, DELETE…) sent from another site. A browser says where a request
 * comes from in Sec-Fetch-Site: only 'same-origin' (this app's pages) and 'none' (typed, a
 * bookmark) pass; 'same-site' (a sibling host) and 'cross-site' do not. Without it (older
 * browsers), an Origin header must name the request's own Host; "null" (sent under
 * Referrer-Policy: no-referrer) proves nothing either way. Requests with neither (curl, scripts)
 * go on to the CSRF check and the API token.
 */
export function originGuard(): RequestHandler {
  const refuse = () => new HttpError(403, 'A change sent from another site is refused.');
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    if (site !== undefined) return next(site === 'same-origin' || site === 'none' ? undefined : refuse());
    const origin = req.get('origin');
    if (origin === undefined || origin === 'null') return next();
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      return next(refuse());
    }
    next(originHost === (req.get('host') ?? '').toLowerCase() ? undefined : refuse());
  };
}
