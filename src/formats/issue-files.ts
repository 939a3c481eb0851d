import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV_CAST } from './csv-safe.js';

/** One open flag as the QA list's exports hold it (issue 13). */
export interface IssueFileRow {
  readonly articleId: number;
  readonly articleTitle: string;
  /** The article's review status (not-started, in-review, done). */
  readonly status: string;
  readonly mtEngine: string;
  readonly check: string;
  readonly checkName: string;
  readonly severity: string;
  /** The segment of the flag's first place, counted from 1 as editors count ("Headline 5" is 5). */
  readonly segment: number;
  /** That place as the review page names it ("Headline 5"). */
  readonly where: string;
  /** How many places the flag covers. */
  readonly places: number;
  readonly text: string;
  readonly message: string;
  readonly suggestions: readonly string[];
  /** The person (or glossary entry) the flag is about: its key, or ''. */
  readonly person: string;
  readonly fingerprint: string;
  /** The review page at the flag's segment, as a path (`/articles/3#s4`). */
  readonly url: string;
}

/** The CSV columns, in order (one row per flag). */
export const ISSUE_CSV_COLUMNS: readonly (keyof IssueFileRow)[] = [
  'articleId', 'articleTitle', 'status', 'mtEngine', 'check', 'checkName', 'severity', 'segment', 'where', 'places',
  'text', 'message', 'suggestions', 'person', 'fingerprint', 'url',
];

/** How a CSV cell joins a flag's suggestions (a suggestion is a name or a phrase, never holds it). */
const SUGGESTION_SEPARATOR = ' | ';

/**
 * Returns some rows of the QA list as RFC 4180 CSV (CRLF), with the header when asked (an export
 * streams batches: the header with the first). Article text is untrusted: a cell a spreadsheet
 * would run as a formula (=, +, -, @, a tab or a carriage return first) gets a quote in front
 * (SAFE_CSV_CAST); numbers stay numbers.
 */
export function writeIssueCsvRows(rows: readonly IssueFileRow[], opts: { hasHeader: boolean }): string {
  if (rows.length === 0 && !opts.hasHeader) return '';
  const cell = (r: IssueFileRow, c: keyof IssueFileRow): string | number => {
    const value = r[c];
    if (Array.isArray(value)) return value.join(SUGGESTION_SEPARATOR);
    return typeof value === 'number' ? value : String(value);
  };
  return stringify(
    rows.map((r) => ISSUE_CSV_COLUMNS.map((c) => cell(r, c))),
    { header: opts.hasHeader, columns: ISSUE_CSV_COLUMNS.map((c, i) => ({ key: String(i), header: c })), record_delimiter: 'windows', cast: SAFE_CSV_CAST },
  );
}

/**
 * Returns the QA list's JSON in three parts, so an export can stream every flag without holding
 * them: the opening (what was asked for, then `"issues": [`), each batch of rows, and the closing.
 * Joined, they are one JSON document: { format, version, ...head, issues }.
 */
export const issueJsonParts = {
  open(head: { readonly generatedAt: string; readonly filters: object; readonly [key: string]: unknown }): string {
    const text = JSON.stringify({ format: 'copydesk-issues', version: 1, ...head }, null, 2);
    return `${text.slice(0, text.lastIndexOf('}')).trimEnd()},\n  "issues": [`;
  },
  rows(rows: readonly IssueFileRow[], isFirstBatch: boolean): string {
    if (rows.length === 0) return '';
    const text = rows.map((r) => `\n    ${JSON.stringify(r)}`).join(',');
    return isFirstBatch ? text : `,${text}`;
  },
  close(): string {
    return '\n  ]\n}\n';
  },
};
