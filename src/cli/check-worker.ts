/**
 * The files of `copydesk check`, read, checked and written into their parts of the report: on the
 * command's own thread for a few files, and as a worker thread of its pool (check-command.ts runs
 * this module through piscina) for many, a batch of files per task. Each file is checked on its
 * own: the checks take nothing from the other files, so any split of the files gives the same flags.
 */
import { runChecks } from '../core/checks/run-checks.js';
import { readArticleFile, type ArticleFile } from '../formats/article-file.js';
import { formatReportPart, type ReportFormat, type ReportPart } from '../formats/check-report.js';
import { ARTICLE_FILE_LIMIT, readInputFile } from '../service/read-input-file.js';

/** One file checked: its part of the report, or why it could not be read. */
export type CheckedFile =
  | { readonly ok: true; readonly part: ReportPart }
  | { readonly ok: false; readonly file: string; readonly message: string };

/** A batch of files for one worker, in the order of the command line. */
export interface CheckTask {
  readonly files: readonly string[];
  readonly format: ReportFormat;
  /** Only read the files, to name every unreadable one: a file already failed, so no report will be written. */
  readonly isReadOnly?: boolean;
}

/** An unreadable input: the file and a sentence saying why. */
export interface InputFailure {
  readonly ok: false;
  readonly reason: 'unreadable';
  readonly file: string;
  readonly message: string;
}

/** Reads, checks and formats each file of the task, in order (the worker's task). */
export default function checkBatch(task: CheckTask): CheckedFile[] {
  return task.files.map((file) => checkFile(file, task.format, task.isReadOnly === true));
}

/** Returns one MT file's part of the report (every check, no corrections: the edit is the MT), or why it cannot be read. */
export function checkFile(file: string, format: ReportFormat, isReadOnly = false): CheckedFile {
  const input = readInput(file);
  if ('message' in input) return input;
  const read = readArticleFile(input);
  if (!read.ok) return read;
  // Without --edited the edit is the MT, so there are no corrections to derive.
  const flags = isReadOnly ? [] : runChecks(read.article, { corrections: [] });
  return { ok: true, part: formatReportPart(format, { file: read.article.key, flags }) };
}

/**
 * Returns the file's bytes, or why it cannot be read: missing, not a regular file (a folder,
 * /dev/zero, a FIFO), too large to be an article (refused before it is read).
 */
export function readInput(file: string): ArticleFile | InputFailure {
  const read = readInputFile(file, ARTICLE_FILE_LIMIT);
  return read.ok ? { file, bytes: read.bytes } : { ok: false, reason: 'unreadable', file, message: read.message };
}
