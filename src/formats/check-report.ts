import type { Flag, FlagSpan, Severity } from '../core/checks/types.js';
import { spansOf } from '../core/checks/flag-spans.js';

/** The flags of one checked file, under the name it was given on the command line. */
export interface FileFlags {
  readonly file: string;
  readonly flags: readonly Flag[];
}

/**
 * One flag as the JSON report writes it (issue 3's contract): every field of the flag but its
 * fingerprint; the writer fixes the key order, leaves out group and variants when absent, and
 * always writes `spans`, every place the flag covers (issue 12), the first being segment/start/end/text.
 */
export type JsonFlag = Omit<Flag, 'fingerprint' | 'spans'> & { readonly spans: readonly FlagSpan[] };

/** The JSON report: `{"files": [{"file": …, "flags": […]}]}`. */
export interface JsonReport {
  readonly files: readonly { readonly file: string; readonly flags: readonly JsonFlag[] }[];
}

/** Returns how many flags there are of each severity, over all files. */
export function countSeverities(files: readonly FileFlags[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of files) for (const flag of f.flags) counts[flag.severity] += 1;
  return counts;
}

/**
 * Returns the text report, one line per flag the way compilers write them
 * (`file:segment: severity check-id: message`, segment 0-based as in the JSON), a flag with several
 * places ending in ` [3 places: 4:0-12 “Cho Tae-yeol”, 8:0-12 …]`, then a summary line.
 */
export function formatTextReport(files: readonly FileFlags[]): string {
  return joinReportParts('text', files.map((f) => formatReportPart('text', f)));
}

/** Returns the summary: "2 files checked: 1 error, 3 warnings, 2 info" or "1 file checked: no flags". */
export function summaryLine(files: readonly FileFlags[]): string {
  return summaryOf(files.length, countSeverities(files));
}

/** Returns the summary line of `fileCount` files with these flag counts. */
function summaryOf(fileCount: number, counts: Readonly<Record<Severity, number>>): string {
  const checked = `${fileCount} ${fileCount === 1 ? 'file' : 'files'} checked`;
  if (counts.error + counts.warning + counts.info === 0) return `${checked}: no flags`;
  const error = `${counts.error} ${counts.error === 1 ? 'error' : 'errors'}`;
  const warning = `${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}`;
  return `${checked}: ${error}, ${warning}, ${counts.info} info`;
}

/** Returns the JSON report object, each flag's keys in the contract's order. */
export function buildJsonReport(files: readonly FileFlags[]): JsonReport {
  return { files: files.map(({ file, flags }) => ({ file, flags: flags.map(toJsonFlag) })) };
}

/** Returns the JSON report as text, indented by two spaces, with a final newline. */
export function formatJsonReport(files: readonly FileFlags[]): string {
  return joinReportParts('json', files.map((f) => formatReportPart('json', f)));
}

/** The formats a report is written in. */
export type ReportFormat = 'text' | 'json';

/**
 * One file's share of a report, written on its own so that files can be checked on other threads
 * and only this text travels back: the file's lines of the text report, or its entry of the JSON
 * report, and its flags' severities for the summary.
 */
export interface ReportPart {
  readonly text: string;
  readonly counts: Readonly<Record<Severity, number>>;
}

/** The severities in the order the summary counts them. */
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Indentation of a file's entry in the JSON report: inside `{"files": [...]}`, two levels of two spaces. */
const JSON_ENTRY_INDENT = '    ';

/** Returns one file's part of the report in `format`; joinReportParts puts the parts together. */
export function formatReportPart(format: ReportFormat, { file, flags }: FileFlags): ReportPart {
  const counts = countSeverities([{ file, flags }]);
  if (format === 'text') {
    return { text: flags.map((f) => `${file}:${f.segment}: ${f.severity} ${f.check}: ${oneLine(f.message)}${placesOf(f)}\n`).join(''), counts };
  }
  // The entry as JSON.stringify(report, null, 2) nests it. JSON.stringify writes no line break
  // inside a string (it escapes \n; U+2028 and U+2029 stay raw, so split on "\n" only, never /^/m).
  const entry = JSON.stringify({ file, flags: flags.map(toJsonFlag) }, null, 2);
  return { text: JSON_ENTRY_INDENT + entry.split('\n').join(`\n${JSON_ENTRY_INDENT}`), counts };
}

/** Returns the whole report from its files' parts, in order: exactly what formatTextReport or formatJsonReport writes for those files. */
export function joinReportParts(format: ReportFormat, parts: readonly ReportPart[]): string {
  return reportPieces(format, parts).join('');
}

/**
 * Returns the report from its files' parts as pieces to write one after the other, which joined
 * are joinReportParts's text: a long report is written without a second copy of it in memory.
 */
export function reportPieces(format: ReportFormat, parts: readonly ReportPart[]): string[] {
  if (format === 'text') {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const part of parts) for (const severity of SEVERITIES) counts[severity] += part.counts[severity];
    return [...parts.map((p) => p.text), `${summaryOf(parts.length, counts)}\n`];
  }
  // JSON.stringify writes an empty array as [] on one line.
  if (parts.length === 0) return ['{\n  "files": []\n}\n'];
  return ['{\n  "files": [\n', ...parts.flatMap((p, i) => (i === 0 ? [p.text] : [',\n', p.text])), '\n  ]\n}\n'];
}

function toJsonFlag(f: Flag): JsonFlag {
  const base: Omit<JsonFlag, 'spans'> = {
    check: f.check,
    severity: f.severity,
    segment: f.segment,
    start: f.start,
    end: f.end,
    text: f.text,
    message: f.message,
    suggestions: f.suggestions,
  };
  // Spread in this order so the keys come out in the contract's order, and absent ones not at all.
  return {
    ...base,
    ...(f.group !== undefined ? { group: f.group } : {}),
    ...(f.variants !== undefined ? { variants: f.variants } : {}),
    spans: spansOf(f).map((s) => ({ segment: s.segment, start: s.start, end: s.end, text: s.text })),
  };
}

/** " [3 places: 4:0-12 “Cho Tae-yeol”, 8:0-12 “Cho Tae-yeol”, …]" for a flag with several places (segment:start-end), else "". */
function placesOf(f: Flag): string {
  const spans = spansOf(f);
  if (spans.length < 2) return '';
  return ` [${spans.length} places: ${spans.map((s) => `${s.segment}:${s.start}-${s.end} “${oneLine(s.text)}”`).join(', ')}]`;
}

/** Line breaks in a message (a quoted caption) would break the one-line-per-flag format. */
function oneLine(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ');
}
