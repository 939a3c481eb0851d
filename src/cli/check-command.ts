import { readFileSync, statSync } from 'node:fs';
import { MAX_ARTICLE_BYTES } from '../core/article/decode-input.js';
import { deriveArticleCorrections } from '../core/checks/article-corrections.js';
import { runChecks } from '../core/checks/run-checks.js';
import { readArticleFile, readEditedArticleFile, type ArticleFile, type ArticleFileResult } from '../formats/article-file.js';
import { countSeverities, formatJsonReport, formatTextReport, type FileFlags } from '../formats/check-report.js';
import { EXIT, type CliIo } from './run-cli.js';

/** The report formats of `copydesk check`. */
export const CHECK_FORMATS = ['text', 'json'] as const;

/** Options of `copydesk check`. */
export interface CheckCommandOptions {
  /** The editor's version of the single FILE; its corrections feed the correction checks. */
  readonly edited?: string;
  readonly format: (typeof CHECK_FORMATS)[number];
}

/**
 * Runs every check on article files without a database and writes the report to stdout; returns
 * the exit code: 0 when no flag is an error, 1 when one is, 2 on bad usage or unreadable input
 * (then nothing is checked and each problem is named on stderr).
 */
export function runCheckCommand(files: readonly string[], opts: CheckCommandOptions, io: CliIo): number {
  // Guard: --edited pairs one MT file with its edit; with several files it could not say which.
  if (opts.edited !== undefined && files.length !== 1) {
    io.stderr.write(`copydesk: --edited needs exactly one FILE (the MT that ${opts.edited} was edited from); got ${files.length}\n`);
    return EXIT.usage;
  }
  const results = opts.edited === undefined ? files.map((f) => readOne(f)) : [readPair(files[0] ?? '', opts.edited)];
  const failures = results.filter((r) => !r.ok);
  for (const f of failures) io.stderr.write(`copydesk: ${f.file}: ${f.message}\n`);
  // Guard: a report over part of the input would pass for a clean run of all of it.
  if (failures.length > 0) return EXIT.usage;

  const articles = results.flatMap((r) => (r.ok ? [r.article] : []));
  const checked: FileFlags[] = articles.map((article) => {
    // Without --edited the edit is the MT, so there are no corrections to derive.
    const corrections = opts.edited === undefined ? [] : deriveArticleCorrections(article);
    return { file: article.key, flags: runChecks(article, { corrections }) };
  });
  io.stdout.write(opts.format === 'json' ? formatJsonReport(checked) : formatTextReport(checked));
  return countSeverities(checked).error > 0 ? EXIT.refused : EXIT.ok;
}

/** Reads and parses one MT file. */
function readOne(file: string): ArticleFileResult {
  const input = readInput(file);
  return 'message' in input ? input : readArticleFile(input);
}

/** Reads the MT file and the edited file and pairs their segments. */
function readPair(file: string, edited: string): ArticleFileResult {
  const mt = readInput(file);
  if ('message' in mt) return mt;
  const ed = readInput(edited);
  return 'message' in ed ? ed : readEditedArticleFile(mt, ed);
}

/** Returns the file's bytes, or why it cannot be read (missing, a folder, too large to be an article). */
function readInput(file: string): ArticleFile | { ok: false; reason: 'unreadable'; file: string; message: string } {
  const refuse = (message: string) => ({ ok: false as const, reason: 'unreadable' as const, file, message });
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return refuse('is a folder; name the article files to check.');
    // Refuse oversized files before reading them whole (the decoder would refuse them after).
    if (stat.size > MAX_ARTICLE_BYTES) return refuse(`The file is ${(stat.size / 1048576).toFixed(1)} MB; articles over 2 MB are refused.`);
    return { file, bytes: readFileSync(file) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return refuse(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read it (${code ?? String(err)})`);
  }
}
