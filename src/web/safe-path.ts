import { Router } from 'express';
import { cleanAuthor, rememberAuthor } from '../author.js';
import { HttpError } from '../errors.js';

/** Returns a local path to go back to, refusing anything that could leave the site (`//host`, `http:`). */
export function safeBackPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

/** Returns the route that remembers the editor's name (`POST /author`). */
export function authorRoutes(): Router {
  const router = Router();
  router.post('/author', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const author = cleanAuthor(body.author);
    if (!author) throw new HttpError(422, 'Enter your name: every saved correction is kept with who made it.');
    rememberAuthor(res, author);
    res.redirect(303, safeBackPath(body.back));
  });
  return router;
}
