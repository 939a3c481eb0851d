import type { ArticleRow } from '../../service/types.js';
import type { SegmentView } from '../../service/types.js';
import type { RevisionRow } from '../../service/types.js';
import type { DiffPart } from '../../core/diff/types.js';
import { KIND_LABELS, formatTime, segmentPlace } from './format.js';

/** One entry of a segment's history (revision 0 is the MT). */
export interface HistoryEntryVm {
  readonly number: number;
  readonly label: string;
  readonly author: string;
  readonly when: string;
  readonly note: string | null;
  /** Diff from the revision before. */
  readonly parts: readonly DiffPart[];
  readonly isCurrent: boolean;
}

/** The history page of one segment. */
export interface HistoryVm {
  readonly title: string;
  readonly articleUrl: string;
  readonly revertAction: string;
  readonly base: number;
  readonly where: string;
  readonly entries: readonly HistoryEntryVm[];
}

/** Returns the history page's view-model: every revision newest first, each with its diff to the one before, then the MT. */
export function buildHistoryView(article: ArticleRow, segment: SegmentView, revisions: readonly RevisionRow[]): HistoryVm {
  const entries: HistoryEntryVm[] = revisions.map((r) => ({
    number: r.number,
    label: `Revision ${r.number}`,
    author: r.author,
    when: formatTime(r.createdAt),
    note: r.revertedTo === null ? null : r.revertedTo === 0 ? 'Reverted to the MT' : `Reverted to revision ${r.revertedTo}`,
    parts: r.diffPrev,
    isCurrent: r.number === segment.revision,
  }));
  entries.push({
    number: 0,
    label: 'Machine translation',
    author: 'MT',
    when: formatTime(article.importedAt),
    note: null,
    parts: segment.mt === '' ? [] : [{ op: 'eq', text: segment.mt }],
    isCurrent: segment.revision === 0,
  });
  return {
    title: `History of ${segmentPlace(segment.kind, segment.position).toLowerCase()}`,
    articleUrl: `/articles/${article.id}#s${segment.position}`,
    revertAction: `/articles/${article.id}/segments/${segment.position}/revert`,
    base: segment.revision,
    where: `${segmentPlace(segment.kind, segment.position)} of “${article.title}”`,
    entries,
  };
}
