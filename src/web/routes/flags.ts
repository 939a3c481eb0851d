import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { loadArticle, loadedArticle } from '../load.js';
import { HttpError } from '../errors.js';
import { cleanAuthor, readAuthor, rememberAuthor } from '../author.js';
import { getSegment, listSegments, type SegmentView } from '../../store/segments.js';
import { saveEdit } from '../../store/save-edit.js';
import { toArticleView } from '../../store/check-article.js';
import { dismissFlags, restoreFlag } from '../../store/decisions.js';
import { planFixes, replaceSpans, selectSameFix, type SegmentFix } from '../../core/checks/plan-fixes.js';
import type { Flag } from '../../core/checks/types.js';
import type { ArticleRow } from '../../store/articles.js';
import { buildFixPreview } from '../view-models/fix-preview-view.js';

/** Longest replacement accepted from a form (a suggestion is a name or a phrase). */
const MAX_REPLACEMENT_CHARS = 1000;
/** Longest dismissal reason kept. */
const MAX_REASON_CHARS = 500;

const Count = z.coerce.number().int().min(0);
const ApplyForm = z.object({
  segment: Count,
  start: Count,
  end: Count,
  text: z.string().min(1),
  replacement: z.string().max(MAX_REPLACEMENT_CHARS),
  base: Count,
  author: z.string().optional(),
});
const FixQuery = z.object({ fingerprint: z.string().min(1).max(2000), replacement: z.string().max(MAX_REPLACEMENT_CHARS) });
const DismissForm = z.object({
  fingerprint: z.union([z.string(), z.array(z.string())]).optional(),
  reason: z.string().optional(),
  author: z.string().optional(),
});

/** Returns the editor's name from the cookie or the form, or throws 422 asking for it. */
function requireAuthor(req: Request, res: Response, fromForm: string | undefined): string {
  const author = readAuthor(req) || cleanAuthor(fromForm);
  if (!author) throw new HttpError(422, 'Enter your name first (in the header): every change is kept with who made it.');
  if (author !== readAuthor(req)) rememberAuthor(res, author);
  return author;
}

/** Returns the open flags of an article now, with its segments and the planned fixes for one flag's suggestion. */
function planFor(deps: RouteDeps, article: ArticleRow, fingerprint: string, replacement: string): { segments: SegmentView[]; fixes: SegmentFix[]; flag: Flag } {
  const segments = listSegments(deps.db, article.id);
  const open = deps.flags.flagsFor(article.id, segments).open;
  const flag = open.find((f) => f.fingerprint === fingerprint);
  if (!flag) throw new HttpError(404, 'That flag is no longer open: it was fixed or dismissed since the page was loaded. Go back to the article to see the current flags.');
  if (!flag.suggestions.includes(replacement)) throw new HttpError(422, `“${replacement}” is not one of the suggestions for “${flag.text}”.`);
  const fixes = planFixes(toArticleView(article.id, article.title, segments), selectSameFix(open, flag, replacement), replacement);
  return { segments, fixes, flag };
}

/** Returns the routes that act on flags: apply a suggestion here or everywhere, dismiss, restore. */
export function flagRoutes(deps: RouteDeps): Router {
  const router = Router();
  const load = loadArticle(deps);

  router.post('/:id/flags/apply', load, (req, res) => {
    const article = loadedArticle(res.locals);
    const form = ApplyForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'The suggestion form was incomplete. Reload the article and try again.');
    const { segment: position, start, end, text, replacement, base } = form.data;
    const segment = getSegment(deps.db, article.id, position);
    if (!segment) throw new HttpError(404, `Article ${article.id} has no segment ${position}.`);
    const after = segment.revision === base ? replaceSpans(segment.edit, [{ start, end, text, replacement }]) : undefined;
    if (after === undefined) {
      throw new HttpError(409, 'This segment changed since the page was loaded, so the suggestion was not applied. Reload the article and look at the flag again.');
    }
    const author = requireAuthor(req, res, form.data.author);
    const outcome = saveEdit(deps.db, segment, { text: after, baseNumber: base, author, now: deps.now() });
    if (outcome.status === 'conflict') throw new HttpError(409, 'Someone saved this segment a moment ago, so the suggestion was not applied. Reload the article.');
    res.redirect(303, `/articles/${article.id}?applied=1#s${position}`);
  });

  router.get('/:id/fixes', load, (req, res) => {
    const article = loadedArticle(res.locals);
    const query = FixQuery.safeParse(req.query);
    if (!query.success) throw new HttpError(422, 'Say which flag and which suggestion to apply (the link is incomplete).');
    const { segments, fixes, flag } = planFor(deps, article, query.data.fingerprint, query.data.replacement);
    res.render('flags/preview', buildFixPreview(article, segments, flag, query.data.replacement, fixes));
  });

  router.post('/:id/fixes', load, (req, res) => {
    const article = loadedArticle(res.locals);
    const query = FixQuery.safeParse(req.body);
    if (!query.success) throw new HttpError(422, 'The form was incomplete. Go back to the article and open the preview again.');
    const body = req.body as Record<string, unknown>;
    const chosen = new Set([body.segment ?? []].flat().map(String));
    const { segments, fixes } = planFor(deps, article, query.data.fingerprint, query.data.replacement);
    const selected = fixes.filter((f) => chosen.has(String(f.segment)));
    if (selected.length === 0) throw new HttpError(422, 'No change was selected, so nothing was applied.');
    const byPosition = new Map(segments.map((s) => [s.position, s]));
    const isStale = selected.some((f) => String(byPosition.get(f.segment)?.revision) !== String(body[`base_${f.segment}`]));
    if (isStale) throw new HttpError(409, 'The article changed since you saw the preview, so nothing was applied. Open the preview again to see the current changes.');
    const author = requireAuthor(req, res, typeof body.author === 'string' ? body.author : undefined);
    const now = deps.now();
    // All or nothing: one transaction; a concurrent save in between rolls every change back.
    const applied = deps.db.transaction(() => {
      let count = 0;
      for (const fix of selected) {
        const segment = byPosition.get(fix.segment) as SegmentView;
        const outcome = saveEdit(deps.db, segment, { text: fix.after, baseNumber: segment.revision, author, now });
        if (outcome.status === 'conflict') throw new HttpError(409, 'Someone saved one of these segments a moment ago, so nothing was applied. Open the preview again.');
        count += fix.count;
      }
      return count;
    }).immediate();
    res.redirect(303, `/articles/${article.id}?applied=${applied}`);
  });

  router.post('/:id/dismissals', load, (req, res) => {
    const article = loadedArticle(res.locals);
    const form = DismissForm.safeParse(req.body);
    const fingerprints = new Set(form.success ? [form.data.fingerprint ?? []].flat() : []);
    const reason = form.success ? (form.data.reason ?? '').replace(/\s+/gu, ' ').trim().slice(0, MAX_REASON_CHARS) : '';
    if (fingerprints.size === 0) throw new HttpError(422, 'Tick at least one flag to dismiss.');
    if (!reason) throw new HttpError(422, 'Say why the flags are wrong (for example “different people” or “correct as written”): the reason is kept with the dismissal.');
    const author = requireAuthor(req, res, form.success ? form.data.author : undefined);
    const open = deps.flags.flagsFor(article.id).open.filter((f) => fingerprints.has(f.fingerprint));
    const unique = [...new Map(open.map((f) => [f.fingerprint, { checkId: f.check, fingerprint: f.fingerprint, text: f.text }])).values()];
    const added = dismissFlags(deps.db, article.id, unique, { reason, author, now: deps.now() });
    res.redirect(303, `/articles/${article.id}?dismissed=${added}#flags`);
  });

  router.post('/:id/dismissals/:dismissalId/restore', load, (req, res) => {
    const article = loadedArticle(res.locals);
    const id = Count.safeParse(req.params.dismissalId);
    const author = requireAuthor(req, res, typeof req.body?.author === 'string' ? req.body.author : undefined);
    if (!id.success || !restoreFlag(deps.db, article.id, id.data, { author, now: deps.now() })) {
      throw new HttpError(404, 'That dismissal is not in force (it may have been restored already).');
    }
    res.redirect(303, `/articles/${article.id}?restored=1#flags`);
  });

  return router;
}
