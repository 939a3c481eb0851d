import type { SegmentKind } from '../../core/article/types.js';
import type { ArticleStatus } from '../../service/types.js';

/** Labels shown for each segment kind. */
export const KIND_LABELS: Readonly<Record<SegmentKind, string>> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  body: 'Paragraph',
  caption: 'Caption',
  boilerplate: 'Page chrome',
};

/**
 * Returns where a segment is, as an editor counts: its kind and its number from 1 ("Headline 1",
 * "Paragraph 7"). Positions stay 0-based in URLs and anchors; only what is read is counted from 1.
 */
export function segmentPlace(kind: SegmentKind | undefined, position: number): string {
  return `${kind ? KIND_LABELS[kind] : 'Segment'} ${position + 1}`;
}

/** Labels shown for each article status. */
export const STATUS_LABELS: Readonly<Record<ArticleStatus, string>> = {
  'not-started': 'Not started',
  'in-review': 'In review',
  done: 'Done',
};

/** Returns an ISO timestamp as "2026-11-29 14:50 UTC" (editors in one newsroom share a clock; UTC avoids guessing theirs). */
export function formatTime(iso: string | null): string {
  if (!iso) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

export { formatShare } from '../../formats/figures.js';
