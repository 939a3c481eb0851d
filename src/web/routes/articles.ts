import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { ARTICLE_STATUSES, setArticleEngine, setArticleStatus, type ArticleStatus } from '../../store/articles.js';
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
import { qualityOf } from '../quality.js';
import { confirmCategory } from '../../store/categories.js';
import { buildCategoryFormView, buildQualityView } from '../view-models/quality-view.js';
import { KIND_LABELS, formatTime } from '../view-models/format.js';
import { isMqmCategoryId, type MqmCategoryId } from '../../core/mqm/typology.js';
import { isMqmSeverity, type MqmSeverity } from '../../core/mqm/severities.js';
import { cleanAuthor, readAuthor } from '../author.js';
import { downloadName, sendDownload } from '../download.js';
import { TOOL } from '../../formats/tool.js';

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
    const { quality } = qualityOf(deps, article.id, { segments, flags });
    res.render('articles/show', { ...view, quality: quality ? buildQualityView(quality, article.id) : null }, (err: Error | null, html: string) => {
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
    const file = exportArticle(loadExportArticle(deps.db, article.id) as ExportArticle, format, { now: deps.now(), tool: TOOL, mtEngine: article.mtEngine || undefined });
    sendDownload(res, file, downloadName(article.title, format === 'xliff12' ? 'xliff12' : '', file.extension));
  });

  router.get('/:id/report', load, (_req, res) => {
    const article = loadedArticle(res.locals);
    const segments = listSegments(deps.db, article.id);
    const { flags, quality, passScore } = qualityOf(deps, article.id, { segments });
    if (!quality) throw new HttpError(404, `There is no article ${article.id}.`);
    const review = buildReviewView({
      article, segments, corrections: [], imported: null, checks: ALL_CHECKS, flags, dismissals: flags.dismissals, countSameFix: () => 0,
    });
    res.render('articles/report', {
      title: `QA report: ${review.title}`,
      article: review.article,
      generatedAt: formatTime(deps.now()),
      passScore,
      quality: buildQualityView(quality, article.id),
      flags: review.flagGroups.flatMap((g) => g.flags.map((f) => ({ severity: f.severity, where: f.where, message: f.message }))),
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

  router.get('/:id/corrections', load, (_req, res) => {
    const article = loadedArticle(res.locals);
    const { quality } = qualityOf(deps, article.id);
    if (!quality) throw new HttpError(404, `There is no article ${article.id}.`);
    res.render('articles/corrections', { title: `Corrections: ${article.title}`, articleUrl: `/articles/${article.id}`, articleTitle: article.title, quality: buildQualityView(quality, article.id) });
  });

  router.get('/:id/categories', load, (req, res) => {
    const article = loadedArticle(res.locals);
    const query = CorrectionQuery.safeParse(req.query);
    if (!query.success) throw new HttpError(422, 'Say which correction to categorise (the link is incomplete).');
    const { quality } = qualityOf(deps, article.id);
    const found = quality?.corrections.find(
      (c) => c.correction.segmentId === query.data.segmentId && c.correction.mtText === query.data.mtText && c.correction.editText === query.data.editText,
    );
    if (!found) throw new HttpError(404, 'That correction no longer stands (the segment was edited since). Go back to the article.');
    res.render('articles/category', buildCategoryFormView(
      article.id,
      { ...query.data, where: `${KIND_LABELS[found.segmentKind]} ${found.correction.position}` },
      { category: found.category, severity: found.severity, reason: found.status === 'confirmed' ? 'Confirmed earlier; choose again to change it.' : `Proposed: ${found.proposal.reason}` },
    ));
  });

  router.post('/:id/categories', load, (req, res) => {
    const article = loadedArticle(res.locals);
    const form = CategoryForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'Choose an MQM category and a severity for the correction.');
    const author = readAuthor(req) || cleanAuthor(form.data.author);
    if (!author) throw new HttpError(422, 'Enter your name first (in the header): every confirmation is kept with who made it.');
    const stands = listCurrentCorrections(deps.db, article.id).some(
      (c) => c.segmentId === form.data.segmentId && c.mtText === form.data.mtText && c.editText === form.data.editText,
    );
    if (!stands) throw new HttpError(409, 'That correction no longer stands (the segment was edited since the page was loaded). Reload the article.');
    confirmCategory(deps.db, article.id, { ...form.data, category: form.data.category as MqmCategoryId, severity: form.data.severity as MqmSeverity }, { author, now: deps.now() });
    res.redirect(303, `/articles/${article.id}/corrections`);
  });

  router.post('/:id/engine', load, (req, res) => {
    const article = loadedArticle(res.locals);
    const engine = typeof req.body?.engine === 'string' ? (req.body.engine as string) : undefined;
    if (engine === undefined) throw new HttpError(422, 'Name the MT engine (or leave the field empty for unknown).');
    setArticleEngine(deps.db, article.id, engine);
    res.redirect(303, `/articles/${article.id}`);
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
