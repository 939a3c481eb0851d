import type { ServiceContext } from './context.js';
import type { ArticleRow } from '../store/articles.js';
import { getSegment, type SegmentView } from '../store/segments.js';
import { dismissFlags, restoreFlag, type NewDismissal } from '../store/decisions.js';
import { planFixesOf, replaceSpans, selectSameFix, type SegmentFix } from '../core/checks/plan-fixes.js';
import type { Flag } from '../core/checks/types.js';
import { readArticleState, toArticleView } from './flag-reader.js';
import { saveEdit, saveEdits } from './save-segment.js';
import { ServiceError } from './errors.js';
import { refreshAfterWrite } from './refresh.js';

/** Longest dismissal reason kept. */
export const MAX_REASON_CHARS = 500;

/** A suggestion applied at one span, as the flag showed it. */
export interface SpanFix {
  readonly segment: number;
  readonly start: number;
  readonly end: number;
  /** The flagged text the editor saw at start..end. */
  readonly text: string;
  readonly replacement: string;
  /** The segment's revision the editor saw. */
  readonly base: number;
}

/** Most places one "use … here" applies to (a flag's spans in one article; the form posts them all). */
export const MAX_SPANS_PER_APPLY = 500;

/**
 * Applies a flag's suggestion at its places in the article (issue 12: every span of the flag, each
 * as the page showed it) as new revisions, all or nothing; throws invalid for no place or too
 * many, not-found for no such segment, conflict when a segment changed since.
 */
export async function applySuggestionHere(ctx: ServiceContext, article: ArticleRow, fixes: SpanFix | readonly SpanFix[], author: string): Promise<void> {
  const all: readonly SpanFix[] = Array.isArray(fixes) ? fixes : [fixes as SpanFix];
  if (all.length === 0) throw new ServiceError('invalid', 'The suggestion named no place to apply it. Reload the article and try again.');
  if (all.length > MAX_SPANS_PER_APPLY) throw new ServiceError('invalid', `A suggestion is applied at most at ${MAX_SPANS_PER_APPLY} places at once.`);
  const bySegment = new Map<number, SpanFix[]>();
  for (const fix of all) bySegment.set(fix.segment, [...(bySegment.get(fix.segment) ?? []), fix]);
  const stale = 'This segment changed since the page was loaded, so the suggestion was not applied. Reload the article and look at the flag again.';
  const edits: { segment: SegmentView; text: string; base: number }[] = [];
  for (const [position, spans] of [...bySegment].sort((a, b) => a[0] - b[0])) {
    const segment = await getSegment(ctx.store, article.id, position);
    if (!segment) throw new ServiceError('not-found', `Article ${article.id} has no segment ${position}.`);
    const base = spans[0]?.base;
    const after = spans.every((f) => f.base === base && base === segment.revision) ? replaceSpans(segment.edit, spans) : undefined;
    if (after === undefined) throw new ServiceError('conflict', stale);
    edits.push({ segment, text: after, base: segment.revision });
  }
  const conflict = 'Someone saved this segment a moment ago, so the suggestion was not applied. Reload the article.';
  const [only] = edits;
  if (edits.length === 1 && only) {
    const outcome = await saveEdit(ctx, only.segment, { text: only.text, baseNumber: only.base, author });
    if (outcome.status === 'conflict') throw new ServiceError('conflict', conflict);
    return;
  }
  await saveEdits(ctx, edits.map(({ segment, text }) => ({ segment, text })), author, conflict);
}

/** Every change "apply everywhere" would make for one flag's suggestion, on the article as it is now. */
export interface FixPlan {
  readonly segments: readonly SegmentView[];
  readonly fixes: readonly SegmentFix[];
  readonly flag: Flag;
}

/** One open flag of an article to fix everywhere in it, and the suggestion to use (its first when not given). */
export interface FixChoice {
  readonly fingerprint: string;
  readonly replacement?: string | undefined;
}

/**
 * Returns the changes of fixing several flags of one article everywhere in it (each choice: every
 * flag like it, with its suggestion), on the article as it is now, with each choice's open flag
 * (undefined when it is no longer open) and the suggestion used (undefined when it has none, or
 * the one asked for is not among them). Throws not-found when there is no such article.
 */
export async function planArticleFixes(ctx: ServiceContext, article: ArticleRow, choices: readonly FixChoice[]): Promise<{
  segments: readonly SegmentView[]; fixes: readonly SegmentFix[]; chosen: readonly { flag: Flag | undefined; replacement: string | undefined }[];
}> {
  const state = await readArticleState(ctx.store, article.id);
  if (!state) throw new ServiceError('not-found', `There is no article ${article.id}.`);
  const open = (await ctx.flags.flagsFor(article.id, state)).open;
  const chosen = choices.map((c) => {
    const flag = open.find((f) => f.fingerprint === c.fingerprint);
    const replacement = c.replacement === undefined ? flag?.suggestions[0] : flag?.suggestions.includes(c.replacement) ? c.replacement : undefined;
    return { flag, replacement };
  });
  const planned = chosen.flatMap(({ flag, replacement }) => (flag && replacement !== undefined ? [{ flags: selectSameFix(open, flag, replacement), replacement }] : []));
  return { segments: state.segments, fixes: planFixesOf(toArticleView(article.id, article.title, state.segments), planned), chosen };
}

/** Returns the changes applying `replacement` to every flag like the one with `fingerprint` would make; throws not-found when the flag is no longer open, invalid when the replacement is not one of its suggestions. */
export async function planFixEverywhere(ctx: ServiceContext, article: ArticleRow, fingerprint: string, replacement: string): Promise<FixPlan> {
  const { segments, fixes, chosen } = await planArticleFixes(ctx, article, [{ fingerprint, replacement }]);
  const flag = chosen[0]?.flag;
  if (!flag) throw new ServiceError('not-found', 'That flag is no longer open: it was fixed or dismissed since the page was loaded. Go back to the article to see the current flags.');
  if (!flag.suggestions.includes(replacement)) throw new ServiceError('invalid', `“${replacement}” is not one of the suggestions for “${flag.text}”.`);
  return { segments, fixes, flag };
}

/**
 * Applies the chosen changes of a fix-everywhere plan (by segment position), all or nothing, each
 * from the revision the editor saw in the preview (`bases`, by position); returns how many
 * replacements were made. Throws invalid when nothing was chosen, conflict when a segment changed.
 */
export async function applyFixEverywhere(
  ctx: ServiceContext,
  article: ArticleRow,
  choice: { fingerprint: string; replacement: string; segments: ReadonlySet<number>; bases: ReadonlyMap<number, string> },
  author: string,
): Promise<number> {
  const { segments, fixes } = await planFixEverywhere(ctx, article, choice.fingerprint, choice.replacement);
  const selected = fixes.filter((f) => choice.segments.has(f.segment));
  if (selected.length === 0) throw new ServiceError('invalid', 'No change was selected, so nothing was applied.');
  const byPosition = new Map(segments.map((s) => [s.position, s]));
  if (selected.some((f) => String(byPosition.get(f.segment)?.revision) !== choice.bases.get(f.segment))) {
    throw new ServiceError('conflict', 'The article changed since you saw the preview, so nothing was applied. Open the preview again to see the current changes.');
  }
  await saveEdits(
    ctx,
    selected.map((f) => ({ segment: byPosition.get(f.segment) as SegmentView, text: f.after })),
    author,
    'Someone saved one of these segments a moment ago, so nothing was applied. Open the preview again.',
  );
  return selected.reduce((sum, f) => sum + f.count, 0);
}

/** The changes a fix across articles (the glossary's apply, the QA list's fix everywhere) would make in one article. */
export interface ArticleChanges {
  readonly article: ArticleRow;
  readonly segments: readonly SegmentView[];
  readonly fixes: readonly SegmentFix[];
}

/**
 * Applies the chosen changes ("articleId:position") of a plan across articles, all or nothing, in
 * one transaction, each from the revision the editor saw (`bases`, same keys); returns how many
 * replacements were made. Throws invalid when none is chosen, conflict when a segment changed.
 */
export async function applyChosenChanges(
  ctx: ServiceContext, plan: readonly ArticleChanges[], choice: { changes: ReadonlySet<string>; bases: ReadonlyMap<string, string> }, author: string,
): Promise<number> {
  const chosen = plan.flatMap(({ article, segments, fixes }) =>
    fixes.filter((f) => choice.changes.has(`${article.id}:${f.segment}`)).map((fix) => ({
      key: `${article.id}:${fix.segment}`, fix, segment: segments.find((s) => s.position === fix.segment) as SegmentView,
    })),
  );
  if (chosen.length === 0) throw new ServiceError('invalid', 'No change was selected (or none is left to make), so nothing was applied.');
  if (chosen.some((p) => String(p.segment.revision) !== choice.bases.get(p.key))) {
    throw new ServiceError('conflict', 'Some of these segments changed since you saw the preview, so nothing was applied. Open the preview again.');
  }
  await saveEdits(ctx, chosen.map((p) => ({ segment: p.segment, text: p.fix.after })), author, 'Someone saved one of these segments a moment ago, so nothing was applied. Open the preview again.');
  return chosen.reduce((sum, p) => sum + p.fix.count, 0);
}

/** Returns a dismissal's reason as kept (white space folded, at most MAX_REASON_CHARS); throws invalid when it is empty. */
function dismissalReason(reason: string): string {
  const clean = reason.replace(/\s+/gu, ' ').trim().slice(0, MAX_REASON_CHARS);
  if (!clean) throw new ServiceError('invalid', 'Say why the flags are wrong (for example “different people” or “correct as written”): the reason is kept with the dismissal.');
  return clean;
}

/** Dismisses the open flags of an article with these fingerprints, with a reason; returns how many were added. Throws invalid without a flag or a reason. */
export async function dismissOpenFlags(ctx: ServiceContext, articleId: number, fingerprints: ReadonlySet<string>, reason: string, author: string): Promise<number> {
  return dismissFlagsAcross(ctx, new Map([[articleId, fingerprints]]), reason, author);
}

/**
 * Dismisses open flags of several articles (fingerprints by article id) with one reason, all in one
 * transaction; returns how many dismissals were added (a flag no longer open, or dismissed already,
 * adds none). Throws invalid without a flag or a reason.
 */
export async function dismissFlagsAcross(ctx: ServiceContext, picks: ReadonlyMap<number, ReadonlySet<string>>, reason: string, author: string): Promise<number> {
  if ([...picks.values()].every((fingerprints) => fingerprints.size === 0)) throw new ServiceError('invalid', 'Tick at least one flag to dismiss.');
  const cleanReason = dismissalReason(reason);
  const ids = [...picks.keys()].sort((a, b) => a - b);
  const toDismiss = new Map<number, NewDismissal[]>();
  for (const id of ids) {
    const fingerprints = picks.get(id) ?? new Set<string>();
    const open = (await ctx.flags.flagsFor(id)).open.filter((f) => fingerprints.has(f.fingerprint));
    if (open.length > 0) toDismiss.set(id, open.map((f) => ({ checkId: f.check, fingerprint: f.fingerprint, text: f.text })));
  }
  const meta = { reason: cleanReason, author, now: ctx.now() };
  // Articles in id order, as every write of several articles takes them (no two wait on each other).
  const added = await ctx.store.transaction(async (tx) => {
    let sum = 0;
    for (const [id, flags] of toDismiss) sum += await dismissFlags(tx, id, flags, meta);
    return sum;
  });
  await refreshAfterWrite(ctx.store, [...toDismiss.keys()], ctx.decisionsOf);
  return added;
}

/** Shows a dismissed flag again; throws not-found when that dismissal is not in force. */
export async function restoreDismissal(ctx: ServiceContext, articleId: number, dismissalId: number, author: string): Promise<void> {
  if (!(await restoreFlag(ctx.store, articleId, dismissalId, { author, now: ctx.now() }))) {
    throw new ServiceError('not-found', 'That dismissal is not in force (it may have been restored already).');
  }
  await refreshAfterWrite(ctx.store, [articleId], ctx.decisionsOf);
}
