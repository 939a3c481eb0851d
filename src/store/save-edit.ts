import type { Db } from './open-db.js';
import { appendRevision, getRevision, type RevisionRow } from './revisions.js';
import type { SegmentView } from './segments.js';
import { diffSegment } from '../core/diff/diff-segment.js';
import { deriveCorrections } from '../core/diff/corrections.js';
import { countWords } from '../core/metrics/word-count.js';

/** What the editor submitted for one segment. */
export interface EditInput {
  readonly text: string;
  readonly baseNumber: number;
  readonly author: string;
  readonly now: string;
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

/** Saves an edit of `segment` as a new revision with its diffs and corrections computed once, here; refuses a stale base. */
export function saveEdit(db: Db, segment: SegmentView, input: EditInput): SaveOutcome {
  const text = normaliseEditText(input.text);
  const isCurrentBase = input.baseNumber === segment.revision;
  if (isCurrentBase && text === segment.edit && input.revertedTo === undefined) {
    return { status: 'unchanged', number: segment.revision };
  }
  // The previous text is the base revision's; if the base is stale appendRevision refuses anyway.
  const previous = isCurrentBase ? segment.edit : (getRevision(db, segment.id, input.baseNumber)?.text ?? segment.mt);
  const fromMt = diffSegment(segment.mt, text);
  const fromPrevious = diffSegment(previous, text);
  const corrections = deriveCorrections(segment.mt, text, fromMt.parts);
  const result = appendRevision(db, {
    segmentId: segment.id,
    articleId: segment.articleId,
    baseNumber: input.baseNumber,
    text,
    author: input.author,
    now: input.now,
    revertedTo: input.revertedTo,
    diffMt: fromMt.parts,
    diffPrev: fromPrevious.parts,
    isCoarse: fromMt.isCoarse,
    wordsChanged: corrections.reduce((sum, c) => sum + countWords(c.mtText), 0),
    corrections,
  });
  return result.ok ? { status: 'saved', number: result.number } : { status: 'conflict', current: result.current };
}
