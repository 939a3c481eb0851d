import type { ArticleRow } from '../../service/types.js';
import type { SegmentView } from '../../service/types.js';
import type { RevisionRow } from '../../service/types.js';
import type { DiffPart } from '../../core/diff/types.js';
import { diffSegment } from '../../core/diff/diff-segment.js';
import { KIND_LABELS, formatTime, segmentPlace } from './format.js';

/** The 409 page: the revision saved in between, the editor's own text, and the diff between them. */
export interface ConflictVm {
  readonly title: string;
  readonly articleUrl: string;
  readonly action: string;
  readonly where: string;
  readonly theirs: { readonly text: string; readonly author: string; readonly when: string; readonly number: number };
  readonly yours: string;
  /** Diff from their text to yours. */
  readonly parts: readonly DiffPart[];
}

/** Returns the conflict page's view-model; the form on it is based on their revision, so a resubmit can succeed. */
export function buildConflictView(article: ArticleRow, segment: SegmentView, theirs: RevisionRow, yours: string): ConflictVm {
  return {
    title: 'Someone saved this segment first',
    articleUrl: `/articles/${article.id}#s${segment.position}`,
    action: `/articles/${article.id}/segments/${segment.position}`,
    where: `${segmentPlace(segment.kind, segment.position)} of “${article.title}”`,
    theirs: { text: theirs.text, author: theirs.author, when: formatTime(theirs.createdAt), number: theirs.number },
    yours,
    parts: diffSegment(theirs.text, yours).parts,
  };
}
