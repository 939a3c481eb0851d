import type { ArticleRow, ArticleStatus } from '../../service/types.js';
import { ARTICLE_STATUSES } from '../../service/types.js';
import type { SegmentView } from '../../service/types.js';
import type { CorrectionRow } from '../../service/types.js';
import { buildSegmentView, type SegmentVm } from './segment-view.js';
import type { Check, Flag } from '../../core/checks/types.js';
import type { ArticleFlags } from '../../service/types.js';
import type { DismissalRow } from '../../service/types.js';
import { buildDismissedList, buildFlagPanel, type DismissedVm, type FlagGroupVm } from './flags-view.js';
import { KIND_LABELS, STATUS_LABELS, formatShare, formatTime } from './format.js';

/** A block of the review page: one segment, or a run of page chrome shown collapsed. */
export type ReviewBlock =
  | { readonly type: 'segment'; readonly segment: SegmentVm }
  | { readonly type: 'chrome'; readonly segments: readonly SegmentVm[]; readonly summary: string };

/** One row of the corrections table. */
export interface CorrectionVm {
  readonly anchor: string;
  readonly where: string;
  readonly mtText: string;
  readonly editText: string;
  readonly revision: number;
  readonly author: string;
  readonly when: string;
}

/** The review page's view-model. */
export interface ReviewVm {
  readonly title: string;
  readonly article: { readonly id: number; readonly title: string; readonly sourceName: string; readonly importedAt: string; readonly statusLabel: string; readonly mtEngine: string };
  readonly statuses: readonly { readonly value: ArticleStatus; readonly label: string; readonly isCurrent: boolean }[];
  readonly stats: { readonly segments: number; readonly edited: number; readonly changedShare: string; readonly mtWords: number; readonly wordsChanged: number };
  readonly blocks: readonly ReviewBlock[];
  readonly corrections: readonly CorrectionVm[];
  readonly notice: string | null;
  readonly flagGroups: readonly FlagGroupVm[];
  readonly openFlagCount: number;
  readonly dismissed: readonly DismissedVm[];
}

/** Groups consecutive page-chrome segments so they can be shown collapsed, keeping reading order. */
function toBlocks(segments: readonly SegmentVm[]): ReviewBlock[] {
  const blocks: ReviewBlock[] = [];
  let run: SegmentVm[] = [];
  const flush = () => {
    if (run.length === 0) return;
    blocks.push({ type: 'chrome', segments: run, summary: `${run.length} line${run.length === 1 ? '' : 's'} of page chrome` });
    run = [];
  };
  for (const s of segments) {
    if (s.isBoilerplate) run.push(s);
    else {
      flush();
      blocks.push({ type: 'segment', segment: s });
    }
  }
  flush();
  return blocks;
}

/** Returns the review page's view-model for an article, its segments and its current corrections. */
export function buildReviewView(input: {
  article: ArticleRow;
  segments: readonly SegmentView[];
  corrections: readonly CorrectionRow[];
  imported: 'new' | 'existing' | null;
  /** A confirmation from the action that led here ("3 changes applied"). */
  message?: string | null;
  checks: readonly Check[];
  flags: ArticleFlags;
  dismissals: readonly DismissalRow[];
  countSameFix: (flag: Flag, replacement: string) => number;
}): ReviewVm {
  const { article, segments } = input;
  const panel = buildFlagPanel(article.id, input.checks, input.flags.open, segments, input.countSameFix);
  const vms = segments.map((s) => buildSegmentView(article.id, s, panel.bySegment.get(s.position)));
  const content = segments.filter((s) => s.kind !== 'boilerplate');
  const mtWords = content.reduce((sum, s) => sum + s.mtWords, 0);
  const wordsChanged = content.reduce((sum, s) => sum + s.wordsChanged, 0);
  const byPosition = new Map(segments.map((s) => [s.position, s]));
  return {
    title: article.title || '(untitled)',
    article: {
      id: article.id,
      title: article.title || '(untitled)',
      sourceName: article.sourceName,
      importedAt: formatTime(article.importedAt),
      statusLabel: STATUS_LABELS[article.status],
      mtEngine: article.mtEngine,
    },
    statuses: ARTICLE_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value], isCurrent: value === article.status })),
    stats: { segments: segments.length, edited: vms.filter((s) => s.isEdited).length, changedShare: formatShare(wordsChanged, mtWords), mtWords, wordsChanged },
    blocks: toBlocks(vms),
    corrections: input.corrections.map((c) => {
      const kind = byPosition.get(c.position)?.kind;
      return {
        anchor: `s${c.position}`,
        where: `${kind ? KIND_LABELS[kind] : 'Segment'} ${c.position}`,
        mtText: c.mtText,
        editText: c.editText,
        revision: c.revision,
        author: c.author,
        when: formatTime(c.createdAt),
      };
    }),
    flagGroups: panel.groups,
    openFlagCount: input.flags.open.length,
    dismissed: buildDismissedList(input.checks, input.flags.dismissed, input.dismissals),
    notice:
      input.imported === 'new'
        ? `Imported “${article.title || article.sourceName}”: ${segments.length} segments.`
        : input.imported === 'existing'
          ? 'This article was already in the corpus; nothing was imported twice.'
          : (input.message ?? null),
  };
}
