/** The HTER bands of the reports' distribution, in percent: [from, to). Kept as running counts per band (store migration 008). */
export const HTER_BINS: readonly (readonly [number, number])[] = [[0, 5], [5, 10], [10, 20], [20, 30], [30, 50], [50, Infinity]];

/** Returns the index of the band an HTER (0..n, a share, not a percentage) falls in. */
export function hterBinOf(hter: number): number {
  const percent = hter * 100;
  const index = HTER_BINS.findIndex(([from, to]) => percent >= from && percent < to);
  return index < 0 ? 0 : index;
}

/** The kinds of segment the reports break figures down by (page chrome is never counted). */
export const REPORT_KINDS = ['headline', 'standfirst', 'body', 'caption'] as const;

/** One of REPORT_KINDS. */
export type ReportKind = (typeof REPORT_KINDS)[number];
