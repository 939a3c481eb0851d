import type { ServiceContext } from './context.js';
import type { Store } from '../store/store.js';
import { appendRevision, getRevision, listRevisions, type NewRevision, type RevisionRow } from '../store/revisions.js';
import { getArticleSegment, getSegment, type SegmentView } from '../store/segments.js';
import { diffSegment } from '../core/diff/diff-segment.js';
import { deriveCorrections } from '../core/diff/corrections.js';
import { countWords } from '../core/metrics/word-count.js';
import { ServiceError } from './errors.js';
import { refreshAfterWrite } from './refresh.js';

/** What the editor submitted for one segment. */
export interface EditInput {
  readonly text: string;
  readonly baseNumber: number;
  readonly author: string;
  /** Set when the edit restores an older revision (a revert is a new revision). */
  readonly revertedTo?: number | undefined;
}

/** The outcome of a save: saved (or nothing to save), or refused because someone saved in between. */
export type SaveOutcome =
  | { readonly status: 'saved'; readonly number: number }
  | { readonly status: 'unchanged'; readonly number: number }
  | { readonly status: 'conflict'; readonly current: RevisionRow };

/** Normalises submitted text the way the importer normalises MT: \n line ends, no surrounding white space. */
export function normaliseEditText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/**
 * Returns the revision a save would write, with its diffs and corrections computed once, here,
 * before any transaction (a long diff never holds the write lock); undefined when the text is
 * the current one (nothing to save). `previous` is the base revision's text.
 */
export function prepareRevision(segment: SegmentView, input: EditInput, previous: string, now: string): NewRevision | undefined {
  const text = normaliseEditText(input.text);
  if (input.baseNumber === segment.revision && text === segment.edit && input.revertedTo === undefined) return undefined;
  const fromMt = diffSegment(segment.mt, text);
  const fromPrevious = diffSegment(previous, text);
  const corrections = deriveCorrections(segment.mt, text, fromMt.parts);
  return {
    segmentId: segment.id,
    articleId: segment.articleId,
    baseNumber: input.baseNumber,
    text,
    author: input.author,
    now,
    revertedTo: input.revertedTo,
    diffMt: fromMt.parts,
    diffPrev: fromPrevious.parts,
    isCoarse: fromMt.isCoarse,
    wordsChanged: corrections.reduce((sum, c) => sum + countWords(c.mtText), 0),
    corrections,
  };
}

/** Returns the text of the revision an edit was based on (the current edit when the base is current). */
async function baseText(store: Store, segment: SegmentView, baseNumber: number): Promise<string> {
  if (baseNumber === segment.revision) return segment.edit;
  if (baseNumber === 0) return segment.mt;
  return (await getRevision(store, segment.id, baseNumber))?.text ?? segment.mt;
}

/** Most characters a segment's edit may hold (the form, the API and any other way in). */
export const MAX_SEGMENT_CHARS = 200_000;

/** Saves an edit of `segment` as a new revision; refuses a stale base (someone saved in between) and then writes nothing. */
export async function saveEdit(ctx: ServiceContext, segment: SegmentView, input: EditInput): Promise<SaveOutcome> {
  if (input.text.length > MAX_SEGMENT_CHARS) throw new ServiceError('invalid', `A segment can hold at most ${MAX_SEGMENT_CHARS.toLocaleString('en')} characters.`);
  const revision = prepareRevision(segment, input, await baseText(ctx.store, segment, input.baseNumber), ctx.now());
  if (!revision) return { status: 'unchanged', number: segment.revision };
  const result = await appendRevision(ctx.store, revision);
  if (!result.ok) return { status: 'conflict', current: result.current };
  await refreshAfterWrite(ctx.store, [segment.articleId], ctx.decisionsOf);
  return { status: 'saved', number: result.number };
}

/** A segment to change as part of one all-or-nothing save, from the revision the editor saw. */
export interface PlannedEdit {
  readonly segment: SegmentView;
  readonly text: string;
}

/**
 * Saves several segments in one transaction (fix everywhere, glossary apply): every change is
 * based on the revision the editor saw; if any segment was saved since, nothing is written and a
 * conflict is thrown. Returns how many revisions were written.
 */
export async function saveEdits(ctx: ServiceContext, edits: readonly PlannedEdit[], author: string, conflictMessage: string): Promise<number> {
  const now = ctx.now();
  const revisions = edits.flatMap(({ segment, text }) => prepareRevision(segment, { text, baseNumber: segment.revision, author }, segment.edit, now) ?? []);
  // On PostgreSQL each save locks its article's row: take them in one order, so two of these never wait on each other.
  revisions.sort((a, b) => a.articleId - b.articleId || a.segmentId - b.segmentId);
  const count = await ctx.store.transaction(async (tx) => {
    for (const revision of revisions) {
      const result = await appendRevision(tx, revision);
      if (!result.ok) throw new ServiceError('conflict', conflictMessage);
    }
    return revisions.length;
  });
  await refreshAfterWrite(ctx.store, revisions.map((r) => r.articleId), ctx.decisionsOf);
  return count;
}

/** Reverts a segment to revision `to` (0: the MT) as a new revision; throws not-found when there is no such revision. */
export async function revertSegment(ctx: ServiceContext, segment: SegmentView, input: { to: number; baseNumber: number; author: string }): Promise<{ outcome: SaveOutcome; target: string }> {
  const target = input.to === 0 ? segment.mt : (await getRevision(ctx.store, segment.id, input.to))?.text;
  if (target === undefined) throw new ServiceError('not-found', `Segment ${segment.position} has no revision ${input.to}.`);
  const outcome = await saveEdit(ctx, segment, { text: target, baseNumber: input.baseNumber, author: input.author, revertedTo: input.to });
  return { outcome, target };
}

/** Returns an article and one of its segments in one read (segment undefined when it has none), or undefined when there is no such article. */
export function findArticleSegment(ctx: ServiceContext, articleId: number, position: number): ReturnType<typeof getArticleSegment> {
  return getArticleSegment(ctx.store, articleId, position);
}

/** Returns a segment (by article and 0-based position) with its current edit, or undefined. */
export function findSegment(ctx: ServiceContext, articleId: number, position: number): Promise<SegmentView | undefined> {
  return getSegment(ctx.store, articleId, position);
}

/** Returns every revision of a segment, newest first. */
export function segmentHistory(ctx: ServiceContext, segment: SegmentView): Promise<RevisionRow[]> {
  return listRevisions(ctx.store, segment.id);
}
