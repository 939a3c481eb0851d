import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV_CAST } from '../csv-safe.js';

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

/**
 * Returns the per-article figures as RFC 4180 CSV with a header (HTER and scores to 6 decimals; an
 * empty cell where there is no score). A text cell a spreadsheet would run as a formula (a title or
 * engine name starting with =, +, -, @, a tab or a carriage return) gets a single quote in front
 * (see neutraliseFormula); figures are written as numbers, so a negative one stays a number.
 */
export function writeReportCsv(rows: readonly ReportFileRow[]): string {
  return writeReportCsvRows(rows, { hasHeader: true });
}

/** Returns some rows of the report CSV, with the header when asked (an export streams batches: the header with the first). */
export function writeReportCsvRows(rows: readonly ReportFileRow[], opts: { hasHeader: boolean }): string {
  const round = (n: number | null) => (n === null ? null : Math.round(n * 1e6) / 1e6);
  const cell = (r: ReportFileRow, c: keyof ReportFileRow): string | number | null => {
    const value = r[c];
    if (c === 'hter' || c === 'mqmScore' || c === 'charShare') return round(value as number | null);
    return typeof value === 'number' ? value : String(value);
  };
  if (rows.length === 0 && !opts.hasHeader) return '';
  return stringify(
    rows.map((r) => REPORT_CSV_COLUMNS.map((c) => cell(r, c))),
    { header: opts.hasHeader, columns: REPORT_CSV_COLUMNS.map((c) => ({ key: String(REPORT_CSV_COLUMNS.indexOf(c)), header: c })), record_delimiter: 'windows', cast: SAFE_CSV_CAST },
  );
}

/**
 * Returns the report JSON in three parts, so an export can stream every article without holding
 * them: the opening (the corpus figures, then `"articles": [`), each batch of article rows, and the
 * closing. Joined, they are one JSON document: { format, version, ...report, articles }.
 */
export const reportJsonParts = {
  open(report: { readonly generatedAt: string; readonly passScore: number; readonly corpus: object; readonly [key: string]: unknown }): string {
    const head = JSON.stringify({ format: 'copydesk-report', version: 1, ...report }, null, 2);
    return `${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "articles": [`;
  },
  rows(rows: readonly ReportFileRow[], isFirstBatch: boolean): string {
    if (rows.length === 0) return '';
    const text = rows.map((r) => `\n    ${JSON.stringify(r)}`).join(',');
    return isFirstBatch ? text : `,${text}`;
  },
  close(): string {
    return '\n  ]\n}\n';
  },
};

/** Returns the whole report as JSON (2-space indent, keys in a stable order). */
export function writeReportJson(report: { readonly generatedAt: string; readonly passScore: number; readonly corpus: object; readonly articles: readonly ReportFileRow[]; readonly [key: string]: unknown }): string {
  return `${JSON.stringify({ format: 'copydesk-report', version: 1, ...report }, null, 2)}\n`;
}
