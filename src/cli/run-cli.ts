import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { availableParallelism, userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { openServiceContext, type ServiceContext } from '../service/context.js';
import { importFiles, listArticleFiles } from '../service/import-articles.js';
import { countStale, listAllArticles } from '../service/articles.js';
import { exportArticleFile } from '../service/exports.js';
import { exportGlossaryFile, storeImportedConcepts } from '../service/glossary.js';
import { copyDatabase } from '../service/copy-database.js';
import { refreshAll } from '../service/background.js';
import { jobsWithProgress, recordRecheck } from '../service/jobs.js';
import { ServiceError } from '../service/errors.js';
import { GLOSSARY_FILE_LIMIT, readInputFile } from '../service/read-input-file.js';
import { isSourceFile, SOURCE_SUFFIX } from '../service/prepare-import.js';
import type { StoreConfig } from '../service/types.js';
import { writeCorpusList } from '../formats/corpus-list.js';
import { addAccountCommands } from './account-commands.js';
import { addBackupCommand } from './backup-command.js';
import { CHECK_FORMATS, runCheckCommand, type CheckCommandOptions } from './check-command.js';
import { CHECKS_FORMATS, runChecksCommand } from './checks-command.js';
import { METRICS_DESCRIPTION, METRICS_FORMATS, METRICS_HELP, runMetricsCommand, type MetricsCommandOptions } from './metrics-command.js';
import { ARTICLE_EXPORT_FORMATS, type ArticleExportFormat } from '../formats/article/types.js';
import { GLOSSARY_EXPORT_FORMATS, type GlossaryExportFormat } from '../formats/glossary/export-glossary.js';
import { importGlossary } from '../formats/glossary/import-glossary.js';

/** Where the CLI writes and what it reads from its environment; tests pass their own. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
}

/** Exit codes: 0 fine, 1 something was refused (or a check found an error), 2 bad usage or unreadable input. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** Files above this many get a progress bar (when stderr is a terminal). */
const PROGRESS_BAR_MIN_FILES = 5;

/** The database the CLI works on: PostgreSQL when DATABASE_URL is set, else the SQLite file COPYDESK_DB names (as the app). */
function storeConfig(io: CliIo): StoreConfig {
  const url = io.env.DATABASE_URL;
  if (url) return { postgres: url };
  return { sqlite: resolve(io.env.COPYDESK_DB ?? 'data/copydesk.db') };
}

/** Runs `fn` on the CLI's database, closing it afterwards. */
async function withService<T>(io: CliIo, fn: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const ctx = await openServiceContext(storeConfig(io), { now: io.now, log: (m) => io.stderr.write(`copydesk: ${m}\n`) });
  try {
    return await fn(ctx);
  } finally {
    await ctx.store.close();
  }
}

/** Writes an export to a file (or to stdout); returns the exit code, 2 when the file cannot be written. */
function writeOutput(io: CliIo, body: string, output: string | undefined): number {
  if (output === undefined) {
    io.stdout.write(body);
    return EXIT.ok;
  }
  try {
    writeFileSync(output, body);
    io.stderr.write(`wrote ${output}\n`);
    return EXIT.ok;
  } catch (err) {
    io.stderr.write(`copydesk: cannot write ${output}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.usage;
  }
}

/**
 * Who the history records for what the command line does: the operating-system account that ran
 * it (whoever can run the CLI on the database can do anything; a typed name would prove nothing).
 */
export function cliActor(): string {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No account entry (some containers): the history still says it was the command line.
  }
  return `cli:${name}`;
}

/** Runs the `copydesk` command line with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const now = () => (io.now ? io.now() : new Date()).toISOString();
  const program = new Command()
    .name('copydesk')
    .description('Review machine-translated news: import articles, check them, export corrections.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('import')
    .description('Import article files (or every .txt file of a folder) into the database named by COPYDESK_DB.')
    .argument('<paths...>', 'article files or folders')
    .option('--engine <name>', 'the MT engine that produced them (for the reports per engine)')
    .option('--source <file>', 'the Korean original of the one article file named (NAME.ko.txt beside NAME.txt is found without it)')
    .addOption(threadsOption())
    .action(async (paths: string[], opts: { engine?: string; threads?: number; source?: string }) => {
      const files: string[] = [];
      for (const p of paths) {
        try {
          files.push(...listArticleFiles(p));
        } catch (err) {
          // A path that is not a file or folder (/dev/zero, a FIFO) is named as such; anything else could not be found.
          io.stderr.write(err instanceof ServiceError ? `copydesk: ${err.message}\n` : `copydesk: cannot read ${p}: no such file or folder\n`);
          exitCode = EXIT.usage;
          return;
        }
      }
      // A Korean original named beside its article (a.txt a.ko.txt, or a shell's *.txt) is read with it, not imported as one.
      const named = new Set(files.map((f) => resolve(f)));
      const articles = files.filter((f) => !isSourceFile(f) || !named.has(resolve(`${f.slice(0, -SOURCE_SUFFIX.length)}.txt`)));
      files.splice(0, files.length, ...articles);
      if (opts.source !== undefined && files.length !== 1) {
        io.stderr.write(`copydesk: --source needs exactly one article file (the MT translated from ${opts.source}); got ${files.length}\n`);
        exitCode = EXIT.usage;
        return;
      }
      const bar = io.stderr.isTTY && files.length >= PROGRESS_BAR_MIN_FILES
        ? new SingleBar({ stream: io.stderr as NodeJS.WriteStream, format: 'importing [{bar}] {value}/{total} {file}' }, Presets.shades_classic)
        : undefined;
      bar?.start(files.length, 0, { file: '' });
      const { result, where } = await withService(io, async (ctx) => ({
        result: await importFiles(ctx, files, { importedBy: cliActor(), mtEngine: opts.engine }, (file) => bar?.increment({ file }), {
          // This thread writes while the others read and parse: one core is left to it.
          threads: opts.threads ?? Math.max(1, availableParallelism() - 1),
          source: opts.source,
        }),
        where: ctx.store.description,
      }));
      bar?.stop();
      for (const r of result.refused) io.stderr.write(`${r.file}: refused: ${r.message}\n`);
      const originals = result.sourcesAdded ? `, ${result.sourcesAdded} Korean original${result.sourcesAdded === 1 ? '' : 's'} added to articles already there` : '';
      io.stdout.write(`imported ${result.added} new, ${result.existing} already there${originals}, ${result.refused.length} refused (${where})\n`);
      if (result.refused.length > 0) exitCode = EXIT.refused;
    });

  program
    .command('list')
    .description('List the articles in the database with their status and how much was edited.')
    .action(async () => {
      const articles = await withService(io, (ctx) => listAllArticles(ctx));
      io.stdout.write(writeCorpusList(articles));
    });

  program
    .command('check')
    .description('Run every check on article files, without a database. Exit 0: no errors; 1: a flag is an error; 2: bad usage or unreadable input.')
    .argument('<files...>', 'article files (MT text)')
    .option('--edited <file>', "the editor's version of the single FILE, for the correction checks")
    .option('--source <file>', 'the Korean original of the single FILE, for the source checks (names from the Hangul, 만/억/조 numbers, omitted paragraphs)')
    .addOption(new Option('--format <format>', 'report format').choices(CHECK_FORMATS).default('text'))
    .addOption(threadsOption())
    .action(async (files: string[], opts: CheckCommandOptions) => {
      exitCode = await runCheckCommand(files, opts, io);
    });

  program
    .command('checks')
    .description('List every check: id, severity, name and description (markdown: docs/checks.md).')
    .addOption(new Option('--format <format>', 'list format').choices(CHECKS_FORMATS).default('text'))
    .action((opts: { format: (typeof CHECKS_FORMATS)[number] }) => {
      exitCode = runChecksCommand(opts.format, io);
    });

  program
    .command('metrics')
    .description(METRICS_DESCRIPTION)
    .requiredOption('--mt <file>', 'the MT: a one-segment text or an article file')
    .requiredOption('--edited <file>', "the editor's version of it")
    .addOption(new Option('--format <format>', 'output format').choices(METRICS_FORMATS).default('text'))
    .option('--ignore-case', 'compare words and characters case-insensitively')
    .addHelpText('after', METRICS_HELP)
    .action((opts: MetricsCommandOptions) => {
      exitCode = runMetricsCommand(opts, io);
    });

  program
    .command('export')
    .description('Export an article of the database: corrected text, or the MT/post-edit pairs for other tools.')
    .argument('<article>', 'the article id (see `copydesk list`)')
    .addOption(new Option('--format <format>', 'export format').choices(ARTICLE_EXPORT_FORMATS).default('txt'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (articleArg: string, opts: { format: ArticleExportFormat; output?: string }) => {
      const id = /^[1-9]\d{0,8}$/.test(articleArg) ? Number(articleArg) : undefined;
      const exported = await withService(io, async (ctx) => {
        try {
          return id === undefined ? undefined : await exportArticleFile(ctx, id, opts.format);
        } catch (err) {
          if (err instanceof ServiceError && err.kind === 'not-found') return undefined;
          throw err;
        }
      });
      if (!exported) {
        io.stderr.write(`copydesk: there is no article ${articleArg} in the database (see \`copydesk list\`)\n`);
        exitCode = EXIT.usage;
        return;
      }
      exitCode = writeOutput(io, exported.file.body, opts.output);
    });

  const glossary = program.command('glossary').description('Export or import the glossary of the database named by COPYDESK_DB.');
  glossary
    .command('export')
    .description('Print the glossary in a standard format (TBX-Basic, CSV, DeepL or Google CSV, JSON).')
    .addOption(new Option('--format <format>', 'export format').choices(GLOSSARY_EXPORT_FORMATS).default('tbx'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (opts: { format: GlossaryExportFormat; output?: string }) => {
      const file = await withService(io, (ctx) => exportGlossaryFile(ctx, opts.format));
      for (const warning of file.warnings) io.stderr.write(`warning: ${warning}\n`);
      exitCode = writeOutput(io, file.body, opts.output);
    });
  glossary
    .command('import')
    .description('Import a glossary file (TBX, CSV with the suggested column mapping, or JSON): all of it or, on any error, nothing.')
    .argument('<file>', 'the glossary file')
    .action(async (file: string) => {
      const by = cliActor();
      const input = readInputFile(file, GLOSSARY_FILE_LIMIT);
      if (!input.ok) {
        // Too large is a refusal of the file's content, as the decoder's own size check is (exit 1); missing or not a file is bad usage.
        io.stderr.write(input.reason === 'too-large' ? `${file}: refused: ${input.message}\n` : `copydesk: cannot read ${file}: ${input.message}\n`);
        exitCode = input.reason === 'too-large' ? EXIT.refused : EXIT.usage;
        return;
      }
      const read = importGlossary(input.bytes, { importedBy: by, now: now(), sourceName: basename(file) });
      if (!read.ok) {
        io.stderr.write(`${file}${read.line ? `:${read.line}` : ''}: refused: ${read.message}\n`);
        exitCode = EXIT.refused;
        return;
      }
      const ids = await withService(io, async (ctx) => {
        const stored = await storeImportedConcepts(ctx, read.concepts, by);
        if (stored.length > 0) await recordRecheck(ctx, `${stored.length} glossary concept${stored.length === 1 ? ' was' : 's were'} imported`, by);
        return stored;
      });
      for (const warning of read.warnings) io.stderr.write(`warning: ${warning}\n`);
      io.stdout.write(`imported ${ids.length} concept${ids.length === 1 ? '' : 's'} from ${file}\n`);
    });

  program
    .command('refresh')
    .description("Bring every article's figures, flags, people and search text up to date on every core (after a large import; the app does it in the background too).")
    .addOption(threadsOption())
    .action(async ({ threads }: { threads?: number }) => {
      const config = storeConfig(io);
      // Open once in this thread first: migrations run here, not in every worker at once.
      const stale = await withService(io, (ctx) => countStale(ctx));
      const bar = io.stderr.isTTY && stale > 0
        ? new SingleBar({ stream: io.stderr as NodeJS.WriteStream, format: 'refreshing [{bar}] {value}/{total} articles' }, Presets.shades_classic)
        : undefined;
      bar?.start(stale, 0);
      const refreshed = await refreshAll(config, { threads, onProgress: (remaining) => bar?.update(Math.max(0, stale - remaining)) });
      bar?.stop();
      io.stdout.write(`refreshed ${refreshed} article${refreshed === 1 ? '' : 's'}\n`);
    });

  program
    .command('jobs')
    .description('List the corpus-wide jobs (re-checks after a decision) with their progress.')
    .action(async () => {
      const jobs = await withService(io, (ctx) => jobsWithProgress(ctx, { limit: 20 }));
      for (const j of jobs) io.stdout.write(`${j.id}\t${j.state}\t${j.done}/${j.total}\t${j.createdAt}\t${j.message}\n`);
    });

  const db = program.command('db').description('Work on the database itself.');
  db
    .command('copy')
    .description('Copy the whole database (COPYDESK_DB, or DATABASE_URL) into an empty one, every table with its ids: the way from SQLite to PostgreSQL.')
    .requiredOption('--to <database>', 'the target: postgres://user@host/database, or an SQLite file')
    .action(async (opts: { to: string }) => {
      const target = /^postgres(ql)?:\/\//i.test(opts.to) ? { postgres: opts.to } : { sqlite: resolve(opts.to) };
      exitCode = await withService(io, async (from) => {
        const to = await openServiceContext(target, { log: (m) => io.stderr.write(`copydesk: ${m}\n`) });
        try {
          const copied = await copyDatabase(from.store, to.store, (table, rows) => io.stderr.write(`copied ${table}: ${rows} row${rows === 1 ? '' : 's'}\n`));
          io.stdout.write(`copied ${Object.values(copied).reduce((a, b) => a + b, 0)} rows from ${from.store.description} to ${to.store.description}\n`);
          return EXIT.ok;
        } catch (err) {
          if (!(err instanceof ServiceError)) throw err;
          io.stderr.write(`copydesk: ${err.message}\n`);
          return EXIT.refused;
        } finally {
          await to.store.close();
        }
      });
    });

  addAccountCommands(program, io, (fn) => withService(io, fn), (code) => { exitCode = code; });
  addBackupCommand(program, io, () => storeConfig(io), (fn) => withService(io, fn), (code) => { exitCode = code; });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw err;
  }
  return exitCode;
}

/** `--threads <n>`: how many worker threads a corpus-wide command uses (default: one per core). */
function threadsOption(): Option {
  return new Option('--threads <n>', 'worker threads (default: one per core)').argParser((value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('takes a whole number from 1 to 64.');
    return n;
  });
}
