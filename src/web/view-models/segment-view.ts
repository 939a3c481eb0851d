import type { SegmentView } from '../../service/types.js';
import type { DiffPart } from '../../core/diff/types.js';
import type { SegmentKind } from '../../core/article/types.js';
import { editSideParts, mtSideParts } from '../../core/diff/compact.js';
import { KIND_LABELS, formatTime } from './format.js';
import { buildEditPieces, type EditPiece, type FlagMark } from './flags-view.js';

/** What the review page prints for one segment. */
export interface SegmentVm {
  readonly position: number;
  readonly anchor: string;
  readonly kind: SegmentKind;
  readonly kindLabel: string;
  readonly isBoilerplate: boolean;
  /** The MT with deleted stretches marked (eq and del parts). */
  readonly mtParts: readonly DiffPart[];
  /** The edit with inserted stretches marked (eq and ins parts). */
  readonly editParts: readonly DiffPart[];
  /** The edit split for printing: inserted stretches and flagged spans marked. */
  readonly editPieces: readonly EditPiece[];
  readonly flagCount: number;
  readonly isEdited: boolean;
  /** CSS class naming the state: is-edited or is-unchanged. */
  readonly stateClass: string;
  /** Height of the edit box: the text's length in 80-character lines, between 2 and 12. */
  readonly textRows: number;
  readonly isCoarse: boolean;
  readonly revision: number;
  readonly author: string | null;
  readonly savedAt: string;
  /** The current text, for the edit box. */
  readonly editText: string;
  readonly action: string;
  readonly historyUrl: string;
  readonly editUrl: string;
  /**
   * The Korean original's segments aligned with this one (issue 12), each marked when it began in an
   * earlier segment (the MT split it); null when the article has no original.
   */
  readonly source: readonly SourcePartVm[] | null;
}

/** One segment of the Korean original as a review row shows it. */
export interface SourcePartVm {
  readonly text: string;
  /** True when the same source segment was shown with the segment before (the MT split it in two or more). */
  readonly isContinued: boolean;
}

/** Returns the view-model of one segment of article `articleId`, with its open flags highlighted. */
export function buildSegmentView(articleId: number, segment: SegmentView, flags: readonly FlagMark[] = [], source: readonly SourcePartVm[] | null = null): SegmentVm {
  const base = `/articles/${articleId}/segments/${segment.position}`;
  const editParts = editSideParts(segment.diff);
  return {
    position: segment.position,
    anchor: `s${segment.position}`,
    kind: segment.kind,
    kindLabel: KIND_LABELS[segment.kind],
    isBoilerplate: segment.kind === 'boilerplate',
    mtParts: mtSideParts(segment.diff),
    editParts,
    editPieces: buildEditPieces(editParts, flags),
    // A flag with several places in the segment counts once.
    flagCount: new Set(flags.map((f) => f.id)).size,
    isEdited: segment.edit !== segment.mt,
    stateClass: segment.edit !== segment.mt ? 'is-edited' : 'is-unchanged',
    textRows: Math.min(12, Math.max(2, Math.ceil(segment.edit.length / 80) + segment.edit.split('\n').length - 1)),
    isCoarse: segment.isCoarse,
    revision: segment.revision,
    author: segment.author,
    savedAt: formatTime(segment.savedAt),
    editText: segment.edit,
    action: base,
    historyUrl: `${base}/history`,
    editUrl: base,
    source,
  };
}
