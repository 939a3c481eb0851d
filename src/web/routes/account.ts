import { CSRF_COOKIE } from '../csrf.js';
import { Router } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { changePassword, LOCK_MINUTES, MAX_FAILED_SIGN_INS, MIN_PASSWORD_LENGTH, signIn, signOut } from '../../service/accounts.js';
import { ServiceError } from '../../service/errors.js';
import { SESSION_COOKIE, sessionCookieOptions, userOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { safeBackPath } from '../safe-path.js';

/** The slow-down after a wrong password: 250 ms, doubling with each failure in a row, at most 4 s. */
function slowDownMs(failures: number): number {
  return Math.min(4000, 250 * 2 ** Math.max(0, failures - 1));
}

const SIGN_IN_FORM = z.object({
  username: z.string().max(200).default(''),
  password: z.string().max(1000).default(''),
  next: z.string().max(2000).optional(),
});

const PASSWORD_FORM = z.object({
  current: z.string().max(1000).default(''),
  password: z.string().max(1000).default(''),
  confirm: z.string().max(1000).default(''),
});

/** Returns the routes of signing in and out and of one's own password. */
export function accountRoutes(deps: RouteDeps, opts: { isSecure: (req: import('express').Request) => boolean }): Router {
  const router = Router();

  router.get('/login', (req, res) => {
    if (userOf(res)) {
      res.redirect(303, safeBackPath(req.query.next));
      return;
    }
    res.render('account/login', { title: 'Sign in', next: safeBackPath(req.query.next), username: '', message: null });
  });

  router.post('/login', async (req, res) => {
    const form = SIGN_IN_FORM.safeParse(req.body ?? {});
    if (!form.success) throw new HttpError(400, 'Send the sign-in form: a user name and a password.');
    const { username, password } = form.data;
    const next = safeBackPath(form.data.next);
    const result = username && password ? await signIn(deps.service, username.trim(), password) : { ok: false as const, reason: 'wrong' as const, failures: 0 };
    if (result.ok) {
      res.cookie(SESSION_COOKIE, result.token, sessionCookieOptions(opts.isSecure(req), result.expiresAt));
      // Signed in, the CSRF token comes from the session (csrf.ts): the sign-in form's cookie is done with.
      res.clearCookie(CSRF_COOKIE, { path: '/' });
      res.redirect(303, result.user.mustChangePassword ? '/account/password' : next);
      return;
    }
    if (result.reason === 'locked') {
      const minutes = Math.max(1, Math.ceil((new Date(result.lockedUntil ?? 0).getTime() - Date.parse(deps.service.now())) / 60_000));
      res.set('Retry-After', String(minutes * 60));
      res.status(429).render('account/login', {
        title: 'Sign in', next, username,
        message: `After ${MAX_FAILED_SIGN_INS} wrong passwords in a row this account is locked for ${LOCK_MINUTES} minutes: try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an admin to reset the password.`,
      });
      return;
    }
    // Each wrong password in a row makes the next answer slower; the wait holds no thread.
    await sleep(slowDownMs(result.failures));
    res.status(401).render('account/login', { title: 'Sign in', next, username, message: 'The user name or the password is not right.' });
  });

  router.post('/logout', async (req, res) => {
    const token = (req.cookies as Record<string, unknown>)[SESSION_COOKIE];
    if (typeof token === 'string') await signOut(deps.service, token);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(opts.isSecure(req)));
    res.redirect(303, '/login');
  });

  router.get('/account/password', (_req, res) => {
    res.render('account/password', { title: 'Change password', message: null, minLength: MIN_PASSWORD_LENGTH, mustChange: userOf(res)?.mustChangePassword ?? false });
  });

  router.post('/account/password', async (req, res) => {
    const user = userOf(res);
    if (!user) throw new HttpError(401, 'Sign in first.');
    const form = PASSWORD_FORM.safeParse(req.body ?? {});
    if (!form.success) throw new HttpError(400, 'Send the form: your current password and the new one twice.');
    const fail = (message: string) => res.status(422).render('account/password', { title: 'Change password', message, minLength: MIN_PASSWORD_LENGTH, mustChange: user.mustChangePassword });
    if (form.data.password !== form.data.confirm) {
      fail('The two new passwords are not the same.');
      return;
    }
    const token = (req.cookies as Record<string, unknown>)[SESSION_COOKIE];
    try {
      await changePassword(deps.service, user, { current: form.data.current, next: form.data.password, keepSession: typeof token === 'string' ? token : undefined });
    } catch (err) {
      if (err instanceof ServiceError && err.kind === 'invalid') {
        fail(err.message);
        return;
      }
      throw err;
    }
    res.redirect(303, '/?password=changed');
  });

  return router;
}
