import { stringify } from 'csv-stringify/sync';

/** One article's figures as the report exports hold them. */
export interface ReportFileRow {
  readonly id: number;
  readonly title: string;
  readonly mtEngine: string;
  readonly status: string;
  readonly hter: number;
  readonly hterEdits: number;
  readonly words: number;
  readonly charShare: number;
  readonly untouchedSegments: number;
  readonly contentSegments: number;
  readonly mqmScore: number | null;
  readonly mqmPenalty: number;
  readonly verdict: string;
  readonly confirmedCorrections: number;
  readonly proposedCorrections: number;
}

/** The CSV columns, in order (one row per article). */
export const REPORT_CSV_COLUMNS: readonly (keyof ReportFileRow)[] = [
  'id', 'title', 'mtEngine', 'status', 'hter', 'hterEdits', 'words', 'charShare', 'untouchedSegments', 'contentSegments',
  'mqmScore', 'mqmPenalty', 'verdict', 'confirmedCorrections', 'proposedCorrections',
];

/** Returns the per-article figures as RFC 4180 CSV with a header (HTER and scores to 6 decimals; an empty cell where there is no score). */
export function writeReportCsv(rows: readonly ReportFileRow[]): string {
  const round = (n: number | null) => (n === null ? '' : String(Math.round(n * 1e6) / 1e6));
  return stringify(
    rows.map((r) => REPORT_CSV_COLUMNS.map((c) => (c === 'hter' || c === 'mqmScore' || c === 'charShare' ? round(r[c] as number | null) : String(r[c])))),
    { header: true, columns: REPORT_CSV_COLUMNS.map((c) => ({ key: String(REPORT_CSV_COLUMNS.indexOf(c)), header: c })), record_delimiter: 'windows' },
  );
}

/** Returns the whole report as JSON (2-space indent, keys in a stable order). */
export function writeReportJson(report: { readonly generatedAt: string; readonly passScore: number; readonly corpus: object; readonly articles: readonly ReportFileRow[]; readonly [key: string]: unknown }): string {
  return `${JSON.stringify({ format: 'copydesk-report', version: 1, ...report }, null, 2)}\n`;
}
