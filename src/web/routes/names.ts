import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { listArticles } from '../../store/articles.js';
import { listSegments } from '../../store/segments.js';
import { listCurrentCorrections } from '../../store/corrections.js';
import { listDistinctPeople, recordDistinctPeople } from '../../store/decisions.js';
import { toArticleView } from '../../store/check-article.js';
import { buildCorpusNameIndex } from '../../core/names/build-corpus-name-index.js';
import { buildNamesView } from '../view-models/names-view.js';
import { listConcepts } from '../../store/glossary.js';
import { toCheckGlossary } from '../../core/glossary/check-glossary.js';
import { cleanAuthor, readAuthor, rememberAuthor } from '../author.js';
import { safeBackPath } from './author.js';
import { HttpError } from '../errors.js';

/** Longest spelling accepted in a "different people" form. */
const MAX_SPELLING_CHARS = 200;

const DistinctForm = z.object({
  a: z.string().trim().min(1).max(MAX_SPELLING_CHARS),
  b: z.string().trim().min(1).max(MAX_SPELLING_CHARS),
  back: z.string().optional(),
  author: z.string().optional(),
});

/** Returns the names page (`GET /names`) and the "different people" decision (`POST /people/distinct`). */
export function nameRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get('/names', (_req, res) => {
    const articles = listArticles(deps.db);
    const views = articles.map((a) => toArticleView(a.id, a.title, listSegments(deps.db, a.id)));
    const corrections = new Map(
      articles.map((a) => [
        String(a.id),
        listCurrentCorrections(deps.db, a.id).map((c) => ({
          segment: c.position, mtText: c.mtText, editText: c.editText, mtStart: c.mtStart, mtEnd: c.mtEnd, editStart: c.editStart, editEnd: c.editEnd,
        })),
      ]),
    );
    const distinctPeople = listDistinctPeople(deps.db);
    const index = buildCorpusNameIndex(views, { corrections, distinctPeople, glossary: toCheckGlossary(listConcepts(deps.db)) });
    res.render('names/index', buildNamesView(index, distinctPeople));
  });

  router.post('/people/distinct', (req, res) => {
    const form = DistinctForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'Give the two spellings that name different people.');
    const { a, b } = form.data;
    if (a === b) throw new HttpError(422, `“${a}” is one spelling; choose two different spellings.`);
    const author = readAuthor(req) || cleanAuthor(form.data.author);
    if (!author) throw new HttpError(422, 'Enter your name first (in the header): every decision is kept with who made it.');
    if (author !== readAuthor(req)) rememberAuthor(res, author);
    recordDistinctPeople(deps.db, a, b, { author, now: deps.now() });
    res.redirect(303, safeBackPath(form.data.back ?? '/names'));
  });

  return router;
}
