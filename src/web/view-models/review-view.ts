import type { ArticleRow, ArticleStatus } from '../../service/types.js';
import { ARTICLE_STATUSES } from '../../service/types.js';
import type { SegmentView } from '../../service/types.js';
import type { CorrectionRow } from '../../service/types.js';
import { buildSegmentView, type SegmentVm, type SourcePartVm } from './segment-view.js';
import type { ArticleSource } from '../../core/source/types.js';
import type { Check, Flag } from '../../core/checks/types.js';
import type { ArticleFlags } from '../../service/types.js';
import type { DismissalRow } from '../../service/types.js';
import { buildDismissedList, buildFlagPanel, type DismissedVm, type FlagGroupVm } from './flags-view.js';
import { KIND_LABELS, STATUS_LABELS, formatShare, formatTime, segmentPlace } from './format.js';

/** A block of the review page: one segment, or a run of page chrome shown collapsed. */
export type ReviewBlock =
  | { readonly type: 'segment'; readonly segment: SegmentVm }
  | { readonly type: 'chrome'; readonly segments: readonly SegmentVm[]; readonly summary: string }
  /** A segment of the Korean original that no MT segment translates (issue 12), where it stands in the order. */
  | { readonly type: 'source-only'; readonly text: string; readonly kindLabel: string };

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
  /** True when the article has its Korean original: the page shows three columns, source | MT | edit. */
  readonly hasSource: boolean;
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

/** Returns, for an MT position, the source segments aligned with it (null without a source): what the source column shows. */
function sourceParts(source: ArticleSource | undefined): (position: number) => SourcePartVm[] | null {
  if (source === undefined) return () => null;
  return (position) => source.segments
    .filter((s) => s.kind !== 'boilerplate' && s.aligned.includes(position))
    .map((s) => ({ text: s.text, isContinued: s.aligned[0] !== position }));
}

/**
 * Returns the blocks with a 'source-only' block for each segment of the Korean original that no MT
 * segment translates, right after the block of the MT segment aligned with the source before it
 * (first when none is): where the missing translation would stand.
 */
function withSourceOnly(blocks: readonly ReviewBlock[], source: ArticleSource | undefined): ReviewBlock[] {
  if (source === undefined) return [...blocks];
  const after = new Map<number, ReviewBlock[]>();
  const first: ReviewBlock[] = [];
  let last: number | undefined;
  for (const s of source.segments) {
    if (s.aligned.length > 0) {
      last = s.aligned[s.aligned.length - 1];
      continue;
    }
    if (s.kind === 'boilerplate') continue;
    const block: ReviewBlock = { type: 'source-only', text: s.text, kindLabel: `${KIND_LABELS[s.kind]} of the original, not in the translation` };
    if (last === undefined) first.push(block);
    else after.set(last, [...(after.get(last) ?? []), block]);
  }
  const positionOf = (b: ReviewBlock): number | undefined => (b.type === 'segment' ? b.segment.position : b.type === 'chrome' ? b.segments[b.segments.length - 1]?.position : undefined);
  return [...first, ...blocks.flatMap((b) => [b, ...(after.get(positionOf(b) ?? -1) ?? [])])];
}

/** Returns the segment at `position` as the review page draws it (flag marks and count, Korean original), or undefined. */
export function segmentOfReview(view: ReviewVm, position: number): SegmentVm | undefined {
  for (const block of view.blocks) {
    const segments = block.type === 'segment' ? [block.segment] : block.type === 'chrome' ? block.segments : [];
    const found = segments.find((s) => s.position === position);
    if (found) return found;
  }
  return undefined;
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
  /** The Korean original, aligned (issue 12). */
  source?: ArticleSource | undefined;
}): ReviewVm {
  const { article, segments } = input;
  const panel = buildFlagPanel(article.id, input.checks, input.flags.open, segments, input.countSameFix);
  const sourceOf = sourceParts(input.source);
  const vms = segments.map((s) => buildSegmentView(article.id, s, panel.bySegment.get(s.position), sourceOf(s.position)));
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
    blocks: withSourceOnly(toBlocks(vms), input.source),
    hasSource: input.source !== undefined,
    corrections: input.corrections.map((c) => {
      const kind = byPosition.get(c.position)?.kind;
      return {
        anchor: `s${c.position}`,
        where: segmentPlace(kind, c.position),
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
