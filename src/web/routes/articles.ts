import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { ARTICLE_STATUSES, setArticleStatus, type ArticleStatus } from '../../store/articles.js';
import { listSegments } from '../../store/segments.js';
import { listCurrentCorrections } from '../../store/corrections.js';
import { buildReviewView } from '../view-models/review-view.js';
import { loadArticle, loadedArticle } from '../load.js';
import { HttpError } from '../errors.js';
import { ALL_CHECKS } from '../../core/checks/index.js';
import { selectSameFix } from '../../core/checks/plan-fixes.js';
import { reviewPageStamp } from '../../store/check-article.js';
import { createHash } from 'node:crypto';
import { exportArticle, isArticleExportFormat } from '../../formats/article/index.js';
import { ARTICLE_EXPORT_FORMATS, type ExportArticle } from '../../formats/article/types.js';
import { loadExportArticle } from '../../store/export-article.js';
import { TOOL, downloadName, sendDownload } from '../download.js';

/** Returns the confirmation to show after a redirect from an action (?applied=3, ?dismissed=2, ?distinct=1), or null. */
function noticeFrom(query: Record<string, unknown>): string | null {
  const count = (v: unknown) => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : undefined);
  const applied = count(query.applied);
  if (applied !== undefined) return `Applied ${applied} change${applied === 1 ? '' : 's'}; each is a new revision in the segment's history.`;
  const dismissed = count(query.dismissed);
  if (dismissed !== undefined) return `Dismissed ${dismissed} flag${dismissed === 1 ? '' : 's'}; they stay dismissed when the checks run again.`;
  if (query.restored === '1') return 'The flag is shown again.';
  if (query.distinct === '1') return 'Recorded: these spellings name different people, in every article.';
  return null;
}

const StatusForm = z.object({ status: z.enum(ARTICLE_STATUSES as [ArticleStatus, ...ArticleStatus[]]) });

/** Returns the review page (`GET /articles/:id`) and the status form (`POST /articles/:id/status`). */
export function articleRoutes(deps: RouteDeps): Router {
  const router = Router();
  const load = loadArticle(deps);

  router.get('/:id', load, (req, res, next) => {
    const article = loadedArticle(res.locals);
    // The page is rendered once per state of the article and per viewer (the CSRF token and the
    // name are printed in it) and then served from memory; the ETag lets a browser's reload be a 304.
    const key = [article.id, reviewPageStamp(deps.db, article.id), res.locals.csrfToken, res.locals.author, req.originalUrl].join('\u0000');
    res.set('ETag', `W/"${createHash('sha1').update(key).digest('base64url')}"`);
    res.type('html');
    const cached = deps.pages.get(key);
    if (cached) return res.send(cached);
    const imported = req.query.imported === 'new' || req.query.imported === 'existing' ? req.query.imported : null;
    const segments = listSegments(deps.db, article.id);
    const flags = deps.flags.flagsFor(article.id, segments);
    const view = buildReviewView({
      article,
      segments,
      corrections: listCurrentCorrections(deps.db, article.id),
      imported,
      message: noticeFrom(req.query),
      checks: ALL_CHECKS,
      flags,
      dismissals: flags.dismissals,
      countSameFix: (flag, replacement) => selectSameFix(flags.open, flag, replacement).length,
    });
    res.render('articles/show', view, (err: Error | null, html: string) => {
      if (err) return next(err);
      const page = Buffer.from(html);
      deps.pages.set(key, page);
      res.send(page);
    });
  });

  router.get('/:id/export', load, (req, res) => {
    const article = loadedArticle(res.locals);
    const format = typeof req.query.format === 'string' ? req.query.format : '';
    if (!isArticleExportFormat(format)) throw new HttpError(422, `Choose an export format: ${ARTICLE_EXPORT_FORMATS.join(', ')}.`);
    const file = exportArticle(loadExportArticle(deps.db, article.id) as ExportArticle, format, { now: deps.now(), tool: TOOL });
    sendDownload(res, file, downloadName(article.title, format === 'xliff12' ? 'xliff12' : '', file.extension));
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
