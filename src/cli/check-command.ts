import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { deriveArticleCorrections } from '../core/checks/article-corrections.js';
import { runChecks } from '../core/checks/run-checks.js';
import { readArticleFile, readEditedArticleFile, withSourceFile, type ArticleFileResult } from '../formats/article-file.js';
import type { ArticleView } from '../core/checks/types.js';
import { formatReportPart, reportPieces } from '../formats/check-report.js';
import { checkFile, readInput, type CheckedFile, type CheckTask } from './check-worker.js';
import { EXIT, type CliIo } from './run-cli.js';

/** The report formats of `copydesk check`. */
export const CHECK_FORMATS = ['text', 'json'] as const;

/** Options of `copydesk check`. */
export interface CheckCommandOptions {
  /** The editor's version of the single FILE; its corrections feed the correction checks. */
  readonly edited?: string;
  /** The Korean original of the single FILE (issue 12): the source checks read it. */
  readonly source?: string;
  readonly format: (typeof CHECK_FORMATS)[number];
  /** Worker threads for many files (default: one per core); 1 checks them on this thread. */
  readonly threads?: number;
}

/**
 * Below this many files, check them on this thread: starting the threads and loading the checks in
 * each (about 0.2 s) costs more than sharing ~2.5 ms of checks per file saves.
 */
export const THREADED_CHECK_MIN_FILES = 200;

/**
 * Files per worker task (range 1-1,000): large enough that handing a task over costs nothing
 * beside its checks (~2.5 ms a file), small enough that the threads finish close together.
 */
const CHECK_BATCH = 25;

/** Tasks in flight per thread: one running and one queued behind it, so no thread waits on this one between batches. */
const TASKS_PER_THREAD = 2;

/** The worker module; it exists only in the compiled code (dist/cli/check-worker.js), not when the sources run under vitest. */
const WORKER = new URL('./check-worker.js', import.meta.url);

/**
 * Runs every check on article files without a database and writes the report to stdout; resolves
 * to the exit code: 0 when no flag is an error, 1 when one is, 2 on bad usage or unreadable input
 * (then no report is written and each problem is named on stderr). Many files are checked on
 * worker threads a window of batches at a time; the report is the same byte for byte, in the
 * files' order, whatever the number of threads.
 */
export async function runCheckCommand(files: readonly string[], opts: CheckCommandOptions, io: CliIo): Promise<number> {
  // Guard: --edited pairs one MT file with its edit; with several files it could not say which.
  if (opts.edited !== undefined && files.length !== 1) {
    io.stderr.write(`copydesk: --edited needs exactly one FILE (the MT that ${opts.edited} was edited from); got ${files.length}\n`);
    return EXIT.usage;
  }
  // Guard: --source is the original of one article; with several files it could not say which.
  if (opts.source !== undefined && files.length !== 1) {
    io.stderr.write(`copydesk: --source needs exactly one FILE (the MT translated from ${opts.source}); got ${files.length}\n`);
    return EXIT.usage;
  }
  const threads = opts.threads ?? availableParallelism();
  const checked = opts.edited !== undefined || opts.source !== undefined
    ? [checkPair(files[0] ?? '', opts.edited, opts.format, opts.source)]
    : threads > 1 && files.length >= THREADED_CHECK_MIN_FILES && existsSync(fileURLToPath(WORKER))
      ? await checkOnThreads(files, opts.format, threads)
      : checkHere(files, opts.format);
  const failures = checked.flatMap((c) => (c.ok ? [] : [c]));
  for (const f of failures) io.stderr.write(`copydesk: ${f.file}: ${f.message}\n`);
  // Guard: a report over part of the input would pass for a clean run of all of it.
  if (failures.length > 0) return EXIT.usage;

  const parts = checked.flatMap((c) => (c.ok ? [c.part] : []));
  writeInChunks(io.stdout, reportPieces(opts.format, parts));
  return parts.some((p) => p.counts.error > 0) ? EXIT.refused : EXIT.ok;
}

/** Characters written to stdout at once (range 4,096-1,048,576): few writes, and never the whole report in one more string. */
const WRITE_CHUNK_CHARS = 65_536;

/** Writes the pieces in order, gathered into writes of about WRITE_CHUNK_CHARS. */
function writeInChunks(stream: NodeJS.WritableStream, pieces: readonly string[]): void {
  let chunk: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    chunk.push(piece);
    size += piece.length;
    if (size < WRITE_CHUNK_CHARS) continue;
    stream.write(chunk.join(''));
    chunk = [];
    size = 0;
  }
  if (chunk.length > 0) stream.write(chunk.join(''));
}

/** Checks the files on this thread, in order; once one is unreadable the rest are only read (no report will be written). */
function checkHere(files: readonly string[], format: CheckTask['format']): CheckedFile[] {
  const checked: CheckedFile[] = [];
  let isReadOnly = false;
  for (const file of files) {
    const c: CheckedFile = checkFile(file, format, isReadOnly);
    isReadOnly ||= !c.ok;
    checked.push(c);
  }
  return checked;
}

/**
 * Checks the files on `threads` worker threads, CHECK_BATCH files per task, at most
 * TASKS_PER_THREAD tasks per thread in flight: memory holds the parts of the report written so
 * far (what the report needs anyway), never more than that window of articles. Results are
 * collected in the files' order.
 */
async function checkOnThreads(files: readonly string[], format: CheckTask['format'], threads: number): Promise<CheckedFile[]> {
  const pool = new Piscina<CheckTask, CheckedFile[]>({ filename: WORKER.href, minThreads: threads, maxThreads: threads });
  const checked: CheckedFile[] = [];
  let isReadOnly = false;
  try {
    const pending: Promise<CheckedFile[]>[] = [];
    let next = 0;
    const fill = () => {
      while (pending.length < threads * TASKS_PER_THREAD && next < files.length) {
        const task = pool.run({ files: files.slice(next, next + CHECK_BATCH), format, isReadOnly });
        // A failed task throws where it is awaited, in turn; until then this keeps it from counting as unhandled.
        task.catch(() => {});
        pending.push(task);
        next += CHECK_BATCH;
      }
    };
    fill();
    while (pending.length > 0) {
      const batch = await pending.shift();
      for (const c of batch ?? []) {
        // A file that cannot be read means no report: the files after it are only read, to name every such file.
        isReadOnly ||= !c.ok;
        checked.push(c);
      }
      fill();
    }
  } finally {
    await pool.destroy();
  }
  return checked;
}

/**
 * Reads the MT file, its edited version and its Korean original (each when given), runs every
 * check with the corrections between MT and edit, and returns the file's part of the report.
 */
function checkPair(file: string, edited: string | undefined, format: CheckTask['format'], source?: string): CheckedFile {
  const paired = edited === undefined ? readOne(file) : readPair(file, edited);
  const read = paired.ok && source !== undefined ? readSource(paired.article, source) : paired;
  if (!read.ok) return read;
  const flags = runChecks(read.article, { corrections: deriveArticleCorrections(read.article) });
  return { ok: true, part: formatReportPart(format, { file: read.article.key, flags }) };
}

/** Reads the MT file alone. */
function readOne(file: string): ArticleFileResult {
  const mt = readInput(file);
  return 'message' in mt ? mt : readArticleFile(mt);
}

/** Reads the Korean original (the article size limit, regular files only) and aligns it with the article. */
function readSource(article: ArticleView, source: string): ArticleFileResult {
  const bytes = readInput(source);
  if ('message' in bytes) return { ...bytes, message: `the Korean source: ${bytes.message}` };
  return withSourceFile(article, bytes);
}

/** Reads the MT file and the edited file and pairs their segments. */
function readPair(file: string, edited: string): ArticleFileResult {
  const mt = readInput(file);
  if ('message' in mt) return mt;
  const ed = readInput(edited);
  return 'message' in ed ? ed : readEditedArticleFile(mt, ed);
}
