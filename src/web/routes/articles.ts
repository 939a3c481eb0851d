import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../service/types.js';
import { changeEngine, changeStatus, confirmCorrectionCategory, findCorrection, nextArticleWithOpenErrors } from '../../service/articles.js';
import { cachedReviewPageKey, loadReview } from '../../service/review.js';
import { exportArticleFile } from '../../service/exports.js';
import { qualityOf } from '../../service/quality.js';
import { buildReviewView } from '../view-models/review-view.js';
import { loadArticle, loadedArticle, parseId } from '../load.js';
import { HttpError } from '../errors.js';
import { ALL_CHECKS } from '../../core/checks/index.js';
import { countSameFix } from '../../core/checks/plan-fixes.js';
import { isArticleExportFormat } from '../../formats/article/index.js';
import { ARTICLE_EXPORT_FORMATS } from '../../formats/article/types.js';
import { buildCategoryFormView, buildQualityView } from '../view-models/quality-view.js';
import { KIND_LABELS, formatTime, segmentPlace } from '../view-models/format.js';
import { isMqmCategoryId, type MqmCategoryId } from '../../core/mqm/typology.js';
import { isMqmSeverity, type MqmSeverity } from '../../core/mqm/severities.js';
import { actorOf } from '../auth.js';
import { downloadName, sendDownload } from '../download.js';
import { sharedLocals, toSharedPage, viewerEtag } from '../page-splice.js';
import { REVIEW_KEYS } from '../view-models/review-keys.js';

/** Returns the confirmation to show after a redirect from an action (?applied=3, ?dismissed=2, ?distinct=1), or null. */
function noticeFrom(query: Record<string, unknown>): string | null {
  const count = (v: unknown) => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : undefined);
  const applied = count(query.applied);
  if (applied !== undefined) return `Applied ${applied} change${applied === 1 ? '' : 's'}; each is a new revision in the segment's history.`;
  const dismissed = count(query.dismissed);
  if (dismissed !== undefined) return `Dismissed ${dismissed} flag${dismissed === 1 ? '' : 's'}; they stay dismissed when the checks run again.`;
  if (query.restored === '1') return 'The flag is shown again.';
  if (query.distinct === '1') return 'Recorded: these spellings name different people, in every article.';
  if (query.errors === 'none') return 'No other article has an open error flag.';
  return null;
}

const CorrectionQuery = z.object({ segmentId: z.coerce.number().int().min(1), mtText: z.string().max(5000), editText: z.string().max(5000) });

const CategoryForm = z.object({
  segmentId: z.coerce.number().int().min(1),
  mtText: z.string().max(5000),
  editText: z.string().max(5000),
  category: z.string().refine(isMqmCategoryId),
  severity: z.string().refine(isMqmSeverity),
  author: z.string().optional(),
});

const StatusForm = z.object({ status: z.enum(ARTICLE_STATUSES as [ArticleStatus, ...ArticleStatus[]]) });

/** Returns the review page (`GET /articles/:id`) and the status form (`POST /articles/:id/status`). */
export function articleRoutes(deps: RouteDeps): Router {
  const router = Router();
  const load = loadArticle(deps);

  router.get('/:id', async (req, res, next) => {
    // The page is rendered once per state of the article and served from memory to every viewer,
    // their CSRF token and name spliced in (page-splice.ts); the ETag lets a browser's reload be a
    // 304. The state's key is derived from the database's counters (service/review.ts), read with
    // the article in the one query a cached page makes, so a save through another app instance is
    // seen on the next request.
    const id = parseId(req.params.id);
    const known = id === undefined ? undefined : await cachedReviewPageKey(deps.service, id);
    if (!known) throw new HttpError(404, `There is no article ${String(req.params.id)}. It may have been removed; go back to the corpus.`);
    const { article, pageKey } = known;
    const viewer = { csrfToken: String(res.locals.csrfToken ?? ''), author: String(res.locals.author ?? '') };
    const role = String(res.locals.role ?? '');
    const cacheKey = (key: string) => [article.id, key, role || 'anonymous', req.originalUrl].join('\u0000');
    const cached = pageKey === null ? undefined : deps.pages.get(cacheKey(pageKey));
    if (cached) return deps.sendPage(req, res, cached, viewer, viewerEtag(cacheKey(pageKey as string), viewer));
    const review = await loadReview(deps.service, article.id);
    if (!review) throw new HttpError(404, `There is no article ${article.id}.`);
    const imported = req.query.imported === 'new' || req.query.imported === 'existing' ? req.query.imported : null;
    const view = buildReviewView({
      article: review.article,
      segments: review.state.segments,
      corrections: review.corrections,
      imported,
      message: noticeFrom(req.query),
      checks: ALL_CHECKS,
      flags: review.flags,
      dismissals: review.flags.dismissals,
      countSameFix: (flag, replacement) => countSameFix(review.flags.open, flag, replacement),
      source: review.source,
    });
    const locals = {
      ...view, quality: buildQualityView(review.quality, article.id), ...sharedLocals(role),
      reviewKeys: REVIEW_KEYS, skipLink: { href: '#flags', label: 'Skip to flags' },
    };
    res.render('articles/show', locals, (err: Error | null, html: string) => {
      if (err) return next(err);
      const key = cacheKey(review.pageKey);
      const page = toSharedPage(html);
      deps.pages.set(key, page);
      deps.sendPage(req, res, page, viewer, viewerEtag(key, viewer));
    });
  });

  // "Next article with open errors" (issue 13): a redirect worked out on each request, so the
  // review page, cached per state of its own article, never holds a link that another article's
  // save has made stale. With none left it says so on the article, not with a dead end.
  router.get('/:id/next-with-errors', load, async (_req, res) => {
    const article = loadedArticle(res.locals);
    const next = await nextArticleWithOpenErrors(deps.service, article.id);
    res.redirect(303, next === undefined ? `/articles/${article.id}?errors=none` : `/articles/${next}`);
  });

  router.get('/:id/export', load, async (req, res) => {
    const article = loadedArticle(res.locals);
    const format = typeof req.query.format === 'string' ? req.query.format : '';
    if (!isArticleExportFormat(format)) throw new HttpError(422, `Choose an export format: ${ARTICLE_EXPORT_FORMATS.join(', ')}.`);
    const { file, title } = await exportArticleFile(deps.service, article.id, format);
    sendDownload(res, file, downloadName(title, format === 'xliff12' ? 'xliff12' : '', file.extension));
  });

  router.get('/:id/report', load, async (_req, res) => {
    const article = loadedArticle(res.locals);
    const review = await loadReview(deps.service, article.id);
    if (!review) throw new HttpError(404, `There is no article ${article.id}.`);
    const { flags, quality, passScore } = review;
    const segments = review.state.segments;
    const reviewView = buildReviewView({
      article: review.article, segments, corrections: [], imported: null, checks: ALL_CHECKS, flags, dismissals: flags.dismissals, countSameFix: () => 0,
    });
    res.render('articles/report', {
      title: `QA report: ${reviewView.title}`,
      article: reviewView.article,
      generatedAt: formatTime(deps.service.now()),
      passScore,
      quality: buildQualityView(quality, article.id),
      flags: reviewView.flagGroups.flatMap((g) => g.flags.map((f) => ({ severity: f.severity, where: f.where, message: f.message }))),
      segments: segments.filter((s) => s.kind !== 'boilerplate').map((s) => ({
        position: s.position,
        kindLabel: KIND_LABELS[s.kind],
        isEdited: s.edit !== s.mt,
        author: s.author,
        savedAt: formatTime(s.savedAt),
        parts: s.diff,
      })),
    });
  });

  router.get('/:id/corrections', load, async (_req, res) => {
    const article = loadedArticle(res.locals);
    const result = await qualityOf(deps.service, article.id);
    if (!result) throw new HttpError(404, `There is no article ${article.id}.`);
    res.render('articles/corrections', { title: `Corrections: ${article.title}`, articleUrl: `/articles/${article.id}`, articleTitle: article.title, quality: buildQualityView(result.quality, article.id) });
  });

  router.get('/:id/categories', load, async (req, res) => {
    const article = loadedArticle(res.locals);
    const query = CorrectionQuery.safeParse(req.query);
    if (!query.success) throw new HttpError(422, 'Say which correction to categorise (the link is incomplete).');
    const found = await findCorrection(deps.service, article.id, query.data);
    res.render('articles/category', buildCategoryFormView(
      article.id,
      { ...query.data, where: segmentPlace(found.segmentKind, found.correction.position) },
      { category: found.category, severity: found.severity, reason: found.status === 'confirmed' ? 'Confirmed earlier; choose again to change it.' : `Proposed: ${found.proposal.reason}` },
    ));
  });

  router.post('/:id/categories', load, async (req, res) => {
    const article = loadedArticle(res.locals);
    const form = CategoryForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'Choose an MQM category and a severity for the correction.');
    const author = actorOf(res);
    const { segmentId, mtText, editText } = form.data;
    await confirmCorrectionCategory(deps.service, article.id, { segmentId, mtText, editText, category: form.data.category as MqmCategoryId, severity: form.data.severity as MqmSeverity }, author);
    res.redirect(303, `/articles/${article.id}/corrections`);
  });

  router.post('/:id/engine', load, async (req, res) => {
    const article = loadedArticle(res.locals);
    const engine = typeof req.body?.engine === 'string' ? (req.body.engine as string) : undefined;
    if (engine === undefined) throw new HttpError(422, 'Name the MT engine (or leave the field empty for unknown).');
    await changeEngine(deps.service, article.id, engine);
    res.redirect(303, `/articles/${article.id}`);
  });

  router.post('/:id/status', load, async (req, res) => {
    const article = loadedArticle(res.locals);
    const form = StatusForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, `Choose a status: ${ARTICLE_STATUSES.join(', ')}.`);
    await changeStatus(deps.service, article.id, form.data.status);
    res.redirect(303, `/articles/${article.id}`);
  });

  return router;
}
