import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { corpusNames, decideDistinctPeople, undoDistinctPeople, MAX_SPELLING_CHARS, PEOPLE_PAGE_SIZE } from '../../service/names.js';
import { buildNamesView } from '../view-models/names-view.js';
import { actorOf } from '../auth.js';
import { safeBackPath } from '../safe-path.js';
import { HttpError } from '../errors.js';

const DistinctForm = z.object({
  a: z.string().trim().min(1).max(MAX_SPELLING_CHARS),
  b: z.string().trim().min(1).max(MAX_SPELLING_CHARS),
  back: z.string().optional(),
  author: z.string().optional(),
  /** '1' once the editor has seen what the decision does (the confirmation page). */
  confirm: z.string().optional(),
});

/**
 * Returns the names page (`GET /names`), the "different people" decision (`POST /people/distinct`:
 * a confirmation page first, since it applies to every article) and taking it back
 * (`POST /people/distinct/undo`, from the names page).
 */
export function nameRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get('/names', (req, res, next) => deps.listings.send(req, res, next, async () => {
    const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(req.query.page ?? 1);
    return { template: 'names/index', locals: { ...buildNamesView(await corpusNames(deps.service, { page }), { page, pageSize: PEOPLE_PAGE_SIZE }) } };
  }));

  router.post('/people/distinct', async (req, res) => {
    const form = DistinctForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'Give the two spellings that name different people.');
    const { a, b } = form.data;
    if (a === b) throw new HttpError(422, `“${a}” is one spelling; choose two different spellings.`);
    const back = safeBackPath(form.data.back ?? '/names');
    if (form.data.confirm !== '1') {
      // It changes every article that names either spelling, so the editor sees that first.
      res.render('names/confirm-distinct', { title: 'Different people?', a, b, back });
      return;
    }
    const author = actorOf(res);
    await decideDistinctPeople(deps.service, a, b, author);
    res.redirect(303, back);
  });

  router.post('/people/distinct/undo', async (req, res) => {
    const form = DistinctForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'Give the two spellings to group again.');
    const { a, b } = form.data;
    const removed = await undoDistinctPeople(deps.service, a, b, actorOf(res));
    if (!removed) throw new HttpError(409, `“${a}” and “${b}” are not recorded as different people (any more); the names page shows what is.`);
    res.redirect(303, safeBackPath(form.data.back ?? '/names'));
  });

  return router;
}
