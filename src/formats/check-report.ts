import type { Flag, Severity } from '../core/checks/types.js';

/** The flags of one checked file, under the name it was given on the command line. */
export interface FileFlags {
  readonly file: string;
  readonly flags: readonly Flag[];
}

/** One flag as the JSON report writes it (issue 3's contract): every field of the flag but its fingerprint; the writer fixes the key order and leaves out group and variants when absent. */
export type JsonFlag = Omit<Flag, 'fingerprint'>;

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
 * (`file:segment: severity check-id: message`, segment 0-based as in the JSON), then a summary line.
 */
export function formatTextReport(files: readonly FileFlags[]): string {
  const lines = files.flatMap(({ file, flags }) =>
    flags.map((f) => `${file}:${f.segment}: ${f.severity} ${f.check}: ${oneLine(f.message)}`),
  );
  return [...lines, summaryLine(files)].join('\n') + '\n';
}

/** Returns the summary: "2 files checked: 1 error, 3 warnings, 2 info" or "1 file checked: no flags". */
export function summaryLine(files: readonly FileFlags[]): string {
  const counts = countSeverities(files);
  const checked = `${files.length} ${files.length === 1 ? 'file' : 'files'} checked`;
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
  return `${JSON.stringify(buildJsonReport(files), null, 2)}\n`;
}

function toJsonFlag(f: Flag): JsonFlag {
  const base: JsonFlag = {
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
  };
}

/** Line breaks in a message (a quoted caption) would break the one-line-per-flag format. */
function oneLine(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ');
}
