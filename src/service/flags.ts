import type { ServiceContext } from './context.js';
import type { ArticleRow } from '../store/articles.js';
import { getSegment, type SegmentView } from '../store/segments.js';
import { dismissFlags, restoreFlag } from '../store/decisions.js';
import { planFixes, replaceSpans, selectSameFix, type SegmentFix } from '../core/checks/plan-fixes.js';
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

/** Returns the changes applying `replacement` to every flag like the one with `fingerprint` would make; throws not-found when the flag is no longer open, invalid when the replacement is not one of its suggestions. */
export async function planFixEverywhere(ctx: ServiceContext, article: ArticleRow, fingerprint: string, replacement: string): Promise<FixPlan> {
  const state = await readArticleState(ctx.store, article.id);
  if (!state) throw new ServiceError('not-found', `There is no article ${article.id}.`);
  const open = (await ctx.flags.flagsFor(article.id, state)).open;
  const flag = open.find((f) => f.fingerprint === fingerprint);
  if (!flag) throw new ServiceError('not-found', 'That flag is no longer open: it was fixed or dismissed since the page was loaded. Go back to the article to see the current flags.');
  if (!flag.suggestions.includes(replacement)) throw new ServiceError('invalid', `“${replacement}” is not one of the suggestions for “${flag.text}”.`);
  const fixes = planFixes(toArticleView(article.id, article.title, state.segments), selectSameFix(open, flag, replacement), replacement);
  return { segments: state.segments, fixes, flag };
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

/** Dismisses the open flags of an article with these fingerprints, with a reason; returns how many were added. Throws invalid without a flag or a reason. */
export async function dismissOpenFlags(ctx: ServiceContext, articleId: number, fingerprints: ReadonlySet<string>, reason: string, author: string): Promise<number> {
  const cleanReason = reason.replace(/\s+/gu, ' ').trim().slice(0, MAX_REASON_CHARS);
  if (fingerprints.size === 0) throw new ServiceError('invalid', 'Tick at least one flag to dismiss.');
  if (!cleanReason) throw new ServiceError('invalid', 'Say why the flags are wrong (for example “different people” or “correct as written”): the reason is kept with the dismissal.');
  const open = (await ctx.flags.flagsFor(articleId)).open.filter((f) => fingerprints.has(f.fingerprint));
  const added = await dismissFlags(ctx.store, articleId, open.map((f) => ({ checkId: f.check, fingerprint: f.fingerprint, text: f.text })), { reason: cleanReason, author, now: ctx.now() });
  await refreshAfterWrite(ctx.store, [articleId], ctx.decisionsOf);
  return added;
}

/** Shows a dismissed flag again; throws not-found when that dismissal is not in force. */
export async function restoreDismissal(ctx: ServiceContext, articleId: number, dismissalId: number, author: string): Promise<void> {
  if (!(await restoreFlag(ctx.store, articleId, dismissalId, { author, now: ctx.now() }))) {
    throw new ServiceError('not-found', 'That dismissal is not in force (it may have been restored already).');
  }
  await refreshAfterWrite(ctx.store, [articleId], ctx.decisionsOf);
}
