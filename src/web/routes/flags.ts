import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { loadArticle, loadedArticle } from '../load.js';
import { HttpError } from '../errors.js';
import { actorOf } from '../auth.js';
import { MAX_SPANS_PER_APPLY, applyFixEverywhere, applySuggestionHere, dismissOpenFlags, planFixEverywhere, restoreDismissal, type SpanFix } from '../../service/flags.js';
import { buildFixPreview } from '../view-models/fix-preview-view.js';

/** Longest replacement accepted from a form (a suggestion is a name or a phrase). */
const MAX_REPLACEMENT_CHARS = 1000;

const Count = z.coerce.number().int().min(0);
/** One value or several (a flag with several places posts each field once per place, in the same order). */
const OneOrMore = <T extends z.ZodTypeAny>(item: T) => z.union([item, z.array(item).min(1).max(MAX_SPANS_PER_APPLY)]).transform((v) => [v].flat() as z.infer<T>[]);
const ApplyForm = z.object({
  segment: OneOrMore(Count),
  start: OneOrMore(Count),
  end: OneOrMore(Count),
  text: OneOrMore(z.string().min(1)),
  replacement: z.string().max(MAX_REPLACEMENT_CHARS),
  base: OneOrMore(Count),
  author: z.string().optional(),
});
const FixQuery = z.object({ fingerprint: z.string().min(1).max(2000), replacement: z.string().max(MAX_REPLACEMENT_CHARS) });
const DismissForm = z.object({
  fingerprint: z.union([z.string(), z.array(z.string())]).optional(),
  reason: z.string().optional(),
  author: z.string().optional(),
});

/** Returns the editor's name from the cookie or the form, or throws 422 asking for it. */
/** Returns who acts: the signed-in user (a name typed into a form is never taken). */
function requireAuthor(_req: Request, res: Response, _fromForm: string | undefined): string {
  return actorOf(res);
}

/** Returns the routes that act on flags: apply a suggestion here or everywhere, dismiss, restore. */
export function flagRoutes(deps: RouteDeps): Router {
  const router = Router();
  const load = loadArticle(deps);

  router.post('/:id/flags/apply', load, async (req, res) => {
    const article = loadedArticle(res.locals);
    const form = ApplyForm.safeParse(req.body);
    if (!form.success) throw new HttpError(422, 'The suggestion form was incomplete. Reload the article and try again.');
    const { segment, start, end, text, base, replacement } = form.data;
    // Each place is the i-th value of every field; a form whose lists differ in length is not one the page wrote.
    if (![start, end, text, base].every((list) => list.length === segment.length)) throw new HttpError(422, 'The suggestion form was incomplete. Reload the article and try again.');
    const fixes: SpanFix[] = segment.map((position, i) => ({
      segment: position, start: start[i] as number, end: end[i] as number, text: text[i] as string, base: base[i] as number, replacement,
    }));
    const author = requireAuthor(req, res, form.data.author);
    await applySuggestionHere(deps.service, article, fixes, author);
    res.redirect(303, `/articles/${article.id}?applied=${fixes.length}#s${segment[0] ?? 0}`);
  });

  router.get('/:id/fixes', load, async (req, res) => {
    const article = loadedArticle(res.locals);
    const query = FixQuery.safeParse(req.query);
    if (!query.success) throw new HttpError(422, 'Say which flag and which suggestion to apply (the link is incomplete).');
    const { segments, fixes, flag } = await planFixEverywhere(deps.service, article, query.data.fingerprint, query.data.replacement);
    res.render('flags/preview', buildFixPreview(article, segments, flag, query.data.replacement, fixes));
  });

  router.post('/:id/fixes', load, async (req, res) => {
    const article = loadedArticle(res.locals);
    const query = FixQuery.safeParse(req.body);
    if (!query.success) throw new HttpError(422, 'The form was incomplete. Go back to the article and open the preview again.');
    const body = req.body as Record<string, unknown>;
    const segments = new Set([body.segment ?? []].flat().map(Number).filter(Number.isInteger));
    const bases = new Map([...segments].map((position) => [position, String(body[`base_${position}`])]));
    const author = requireAuthor(req, res, typeof body.author === 'string' ? body.author : undefined);
    const applied = await applyFixEverywhere(deps.service, article, { ...query.data, segments, bases }, author);
    res.redirect(303, `/articles/${article.id}?applied=${applied}`);
  });

  router.post('/:id/dismissals', load, async (req, res) => {
    const article = loadedArticle(res.locals);
    const form = DismissForm.safeParse(req.body);
    const fingerprints = new Set(form.success ? [form.data.fingerprint ?? []].flat() : []);
    const reason = form.success ? (form.data.reason ?? '') : '';
    const author = requireAuthor(req, res, form.success ? form.data.author : undefined);
    if (fingerprints.size > 0 && reason.trim() === '') {
      // No reason (a browser without form validation, or a script): ask for it on a page that keeps
      // every ticked flag and posts them again, rather than a dead end that loses the ticks.
      const open = (await deps.service.flags.flagsFor(article.id)).open.filter((f) => fingerprints.has(f.fingerprint));
      res.status(422).render('articles/dismiss-reason', {
        title: 'Why dismiss these flags?',
        article: { id: article.id, title: article.title },
        flags: open.map((f) => ({ fingerprint: f.fingerprint, message: f.message })),
      });
      return;
    }
    const added = await dismissOpenFlags(deps.service, article.id, fingerprints, reason, author);
    res.redirect(303, `/articles/${article.id}?dismissed=${added}#flags`);
  });

  router.post('/:id/dismissals/:dismissalId/restore', load, async (req, res) => {
    const article = loadedArticle(res.locals);
    const id = Count.safeParse(req.params.dismissalId);
    const author = requireAuthor(req, res, typeof req.body?.author === 'string' ? req.body.author : undefined);
    if (!id.success || id.data > 999_999_999) throw new HttpError(404, 'That dismissal is not in force (it may have been restored already).');
    await restoreDismissal(deps.service, article.id, id.data, author);
    res.redirect(303, `/articles/${article.id}?restored=1#flags`);
  });

  return router;
}
