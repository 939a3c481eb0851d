import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { ARTICLE_STATUSES, setArticleStatus, type ArticleStatus } from '../../store/articles.js';
import { listSegments } from '../../store/segments.js';
import { listCurrentCorrections } from '../../store/corrections.js';
import { buildReviewView } from '../view-models/review-view.js';
import { loadArticle, loadedArticle } from '../load.js';
import { HttpError } from '../errors.js';

const StatusForm = z.object({ status: z.enum(ARTICLE_STATUSES as [ArticleStatus, ...ArticleStatus[]]) });

/** Returns the review page (`GET /articles/:id`) and the status form (`POST /articles/:id/status`). */
export function articleRoutes(deps: RouteDeps): Router {
  const router = Router();
  const load = loadArticle(deps);

  router.get('/:id', load, (req, res) => {
    const article = loadedArticle(res.locals);
    const imported = req.query.imported === 'new' || req.query.imported === 'existing' ? req.query.imported : null;
    res.render(
      'articles/show',
      buildReviewView({ article, segments: listSegments(deps.db, article.id), corrections: listCurrentCorrections(deps.db, article.id), imported }),
    );
  });

  router.post('/:id/status', load, (req, res) => {
    const article = loadedArticle(res.locals);
    const form = StatusForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, `Choose a status: ${ARTICLE_STATUSES.join(', ')}.`);
    setArticleStatus(deps.db, article.id, form.data.status);
    res.redirect(303, `/articles/${article.id}`);
  });

  return router;
}
