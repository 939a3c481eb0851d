import { CsvError, parse } from 'csv-parse/sync';
import type { CsvDelimiter } from './csv-mapping.js';

/** One CSV record with the line it starts on (1-based; a quoted line break makes a record span lines). */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/** The records of a CSV text, or the parser's complaint with its line. */
export type CsvRecordsResult =
  | { readonly ok: true; readonly records: CsvRecord[] }
  | { readonly ok: false; readonly message: string; readonly line?: number };

/**
 * Returns the delimiter of a CSV text: whichever of comma, semicolon and tab occurs most in its
 * first line outside quotes; comma (RFC 4180) when none does or on a tie.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === '\n' || char === '\r')) break;
    else if (!isQuoted && char in counts) counts[char as CsvDelimiter] += 1;
  }
  const best = (Object.entries(counts) as [CsvDelimiter, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] === 0 ? ',' : best[0];
}

/**
 * Returns every record of `text` (RFC 4180, with `delimiter`), blank lines and records of empty
 * cells skipped (spreadsheets leave both; Google's glossary format ignores blank rows). Records
 * may differ in length here: the importer says which line is wrong.
 */
export function parseCsvRecords(text: string, delimiter: CsvDelimiter): CsvRecordsResult {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      info: true,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // info: true makes each record { record, info }; csv-parse's overloads type the result as string[][].
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    if (err instanceof CsvError) return parseFailure(err, text, delimiter);
    throw err;
  }
  const records = parsed.map(({ record, info }) => ({ fields: record, line: info.lines - lineBreaksIn(record) }));
  return { ok: true, records };
}

/** csv-parse reports the line a record ends on; subtract the line breaks inside its quoted fields. */
function lineBreaksIn(fields: readonly string[]): number {
  return fields.reduce((sum, field) => sum + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}

function parseFailure(err: CsvError, text: string, delimiter: CsvDelimiter): CsvRecordsResult {
  // csv-parse names the line where the file ended for an unclosed quote; the opening one helps more.
  const reported = (err as unknown as { lines?: unknown }).lines;
  const endLine = typeof reported === 'number' ? reported : undefined;
  const line = err.code === 'CSV_QUOTE_NOT_CLOSED' ? (unclosedQuoteLine(text, delimiter) ?? endLine) : endLine;
  const at = line === undefined ? 'The CSV' : `Line ${line}`;
  let problem: string;
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      problem = 'a quoted field starts here and is never closed, so the rest of the file would be one field. Close the quote ("), or write a quote inside a field as two quotes ("").';
      break;
    case 'CSV_INVALID_CLOSING_QUOTE':
      problem = 'text follows the quote that closes a field. Inside a quoted field, write a quote as two quotes (""), as RFC 4180 requires.';
      break;
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      problem = 'text follows the quote that closes a field.';
      break;
    default:
      problem = `the CSV cannot be read (${err.message}).`;
  }
  const message = `${at}: ${problem}`;
  return line === undefined ? { ok: false, message } : { ok: false, message, line };
}

/** Returns the line of the quote that opens a field and is never closed (RFC 4180 §2.5-2.7), or undefined. */
function unclosedQuoteLine(text: string, delimiter: CsvDelimiter): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  let isFieldStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (openedOn !== undefined) {
      if (char === '"' && text[i + 1] === '"') i += 1;
      else if (char === '"') openedOn = undefined;
      else if (char === '\n') line += 1;
      continue;
    }
    if (char === '"' && isFieldStart) openedOn = line;
    if (char === '\n') line += 1;
    isFieldStart = char === delimiter || char === '\n' || char === '\r';
  }
  return openedOn;
}
