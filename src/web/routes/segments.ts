import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { findSegment, revertSegment, saveEdit, segmentHistory } from '../../service/save-segment.js';
import { loadArticleSegment, loadedArticle, loadedSegment } from '../load.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { buildSegmentView } from '../view-models/segment-view.js';
import { buildReviewView, segmentOfReview } from '../view-models/review-view.js';
import { loadReview } from '../../service/review.js';
import { ALL_CHECKS } from '../../core/checks/index.js';
import { buildConflictView } from '../view-models/conflict-view.js';
import { buildHistoryView } from '../view-models/history-view.js';
import { buildEditView } from '../view-models/edit-view.js';
import type { ArticleRow, SegmentView } from '../../service/types.js';

/** Longest segment text accepted, in characters (a whole 2 MB article pasted into one segment is refused). */
export { MAX_SEGMENT_CHARS } from '../../service/save-segment.js';
import { MAX_SEGMENT_CHARS } from '../../service/save-segment.js';

const RevisionNumber = z.coerce.number().int().min(0);

const EditForm = z.object({
  text: z.string().max(MAX_SEGMENT_CHARS, `A segment can hold at most ${MAX_SEGMENT_CHARS.toLocaleString('en')} characters.`),
  base: RevisionNumber,
  author: z.string().optional(),
});

const RevertForm = z.object({ to: RevisionNumber, base: RevisionNumber, author: z.string().optional() });

/** True when the small script sent the request and wants a fragment or JSON rather than a page. */
function isFetch(req: Request): boolean {
  return req.get('x-requested-with') === 'fetch';
}

/** Returns the editor's name from the cookie or the form, remembering a newly entered one. */
/** Returns who saves: the signed-in user (a name typed into a form is never taken). */
function resolveAuthor(_req: Request, res: Response, _fromForm: string | undefined): string {
  return actorOf(res);
}

/** Renders the segment's edit page with a message and status, keeping what the editor typed. */
function renderEditPage(res: Response, status: number, article: ArticleRow, segment: SegmentView, text: string, message: string | null): void {
  res.status(status).render('segments/edit', buildEditView(article, segment, text, message));
}

/** Returns the segment routes: edit page, save, history and revert. */
export function segmentRoutes(deps: RouteDeps): Router {
  const router = Router();
  const load = [loadArticleSegment(deps)];

  router.get('/:id/segments/:n', ...load, (req, res) => {
    const article = loadedArticle(res.locals);
    const segment = loadedSegment(res.locals);
    if (isFetch(req)) return res.render('articles/_segment', { segment: buildSegmentView(article.id, segment), csrfToken: res.locals.csrfToken, author: res.locals.author });
    renderEditPage(res, 200, article, segment, segment.edit, null);
  });

  router.post('/:id/segments/:n', ...load, async (req, res) => {
    const article = loadedArticle(res.locals);
    const segment = loadedSegment(res.locals);
    const form = EditForm.safeParse(req.body);
    const typed = typeof req.body?.text === 'string' ? (req.body.text as string) : segment.edit;
    if (!form.success) {
      const message = form.error.issues[0]?.path[0] === 'text' && typeof req.body?.text === 'string'
        ? (form.error.issues[0]?.message ?? 'The text could not be read.')
        : 'The form was incomplete (the text or the revision it was based on is missing). Reload the page and try again.';
      if (isFetch(req)) return res.status(422).json({ error: message });
      return renderEditPage(res, 422, article, segment, typed.slice(0, MAX_SEGMENT_CHARS), message);
    }
    const author = resolveAuthor(req, res, form.data.author);
    if (!author) {
      const message = 'Enter your name before saving: every correction is kept with who made it.';
      if (isFetch(req)) return res.status(422).json({ error: message });
      return renderEditPage(res, 422, article, segment, form.data.text, message);
    }
    const outcome = await saveEdit(deps.service, segment, { text: form.data.text, baseNumber: form.data.base, author });
    if (outcome.status === 'conflict') {
      return res.status(409).render('segments/conflict', buildConflictView(article, segment, outcome.current, form.data.text));
    }
    if (isFetch(req)) {
      // The segment as the review page draws it, with its flag marks and count and its Korean
      // original: the page's refresh leaves the saved segment as it is, to keep the focus on it.
      const review = await loadReview(deps.service, article.id);
      const shown = review && segmentOfReview(buildReviewView({
        article: review.article, segments: review.state.segments, corrections: [], imported: null, checks: ALL_CHECKS,
        flags: review.flags, dismissals: review.flags.dismissals, countSameFix: () => 0, source: review.source,
      }), segment.position);
      const vm = shown ?? buildSegmentView(article.id, (await findSegment(deps.service, article.id, segment.position)) ?? segment);
      return res.render('articles/_segment', { segment: vm, csrfToken: res.locals.csrfToken, author });
    }
    res.redirect(303, `/articles/${article.id}#s${segment.position}`);
  });

  router.get('/:id/segments/:n/history', ...load, async (_req, res) => {
    const article = loadedArticle(res.locals);
    const segment = loadedSegment(res.locals);
    res.render('segments/history', buildHistoryView(article, segment, await segmentHistory(deps.service, segment)));
  });

  router.post('/:id/segments/:n/revert', ...load, async (req, res) => {
    const article = loadedArticle(res.locals);
    const segment = loadedSegment(res.locals);
    const form = RevertForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'The revert form was incomplete. Reload the history page and try again.');
    const author = resolveAuthor(req, res, form.data.author);
    if (!author) throw new HttpError(422, 'Enter your name before reverting: every change is kept with who made it.');
    const { outcome, target } = await revertSegment(deps.service, segment, { to: form.data.to, baseNumber: form.data.base, author });
    if (outcome.status === 'conflict') {
      return res.status(409).render('segments/conflict', buildConflictView(article, segment, outcome.current, target));
    }
    res.redirect(303, `/articles/${article.id}/segments/${segment.position}/history`);
  });

  return router;
}
