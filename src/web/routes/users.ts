import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { addUser, listAllUsers, removeUser, resetPassword, ROLE_DESCRIPTIONS, ROLES, setUserRole } from '../../service/accounts.js';
import { ServiceError } from '../../service/errors.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';

const ADD_FORM = z.object({ username: z.string().max(200), role: z.string().max(40) });
const ROLE_FORM = z.object({ role: z.string().max(40) });

/** Returns the admin's page of users: add (the one-time password is shown once), change a role, reset a password, remove. */
export function userRoutes(deps: RouteDeps): Router {
  const router = Router();

  const render = async (res: import('express').Response, extra: { message?: string | null; created?: { username: string; password: string } | null; status?: number }) => {
    res.status(extra.status ?? 200).render('admin/users', {
      title: 'Users', users: await listAllUsers(deps.service), roles: ROLES, descriptions: ROLE_DESCRIPTIONS,
      message: extra.message ?? null, created: extra.created ?? null, me: actorOf(res),
    });
  };

  router.get('/admin/users', async (_req, res) => {
    await render(res, {});
  });

  router.post('/admin/users', async (req, res) => {
    const form = ADD_FORM.safeParse(req.body ?? {});
    if (!form.success) throw new HttpError(400, 'Send the form: a user name and a role.');
    try {
      const { user, password } = await addUser(deps.service, { username: form.data.username.trim(), role: form.data.role, createdBy: actorOf(res) });
      // The password is in this answer only; it must not be cached anywhere.
      res.set('Cache-Control', 'no-store');
      await render(res, { created: { username: user.username, password } });
    } catch (err) {
      if (err instanceof ServiceError && (err.kind === 'invalid' || err.kind === 'conflict')) {
        await render(res, { message: err.message, status: 422 });
        return;
      }
      throw err;
    }
  });

  router.post('/admin/users/:username/role', async (req, res) => {
    const form = ROLE_FORM.safeParse(req.body ?? {});
    if (!form.success) throw new HttpError(400, 'Send the form: a role.');
    const username = String(req.params.username);
    if (username === actorOf(res) && form.data.role !== 'admin') throw new HttpError(422, 'You cannot take the admin role from yourself: ask another admin.');
    await setUserRole(deps.service, username, form.data.role);
    res.redirect(303, '/admin/users');
  });

  router.post('/admin/users/:username/password', async (req, res) => {
    const username = String(req.params.username);
    const password = await resetPassword(deps.service, username);
    res.set('Cache-Control', 'no-store');
    await render(res, { created: { username, password } });
  });

  router.post('/admin/users/:username/remove', async (req, res) => {
    const username = String(req.params.username);
    if (username === actorOf(res)) throw new HttpError(422, 'You cannot remove yourself: ask another admin.');
    await removeUser(deps.service, username);
    res.redirect(303, '/admin/users');
  });

  return router;
}
