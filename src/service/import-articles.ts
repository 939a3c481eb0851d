import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Piscina } from 'piscina';
import type { ServiceContext } from './context.js';
import { insertArticle, insertArticles } from '../store/articles.js';
import { fitSourceName, isSourceFile, prepareFile, prepareImport, siblingSource, SOURCE_SUFFIX, type ImportInput, type PreparedImport } from './prepare-import.js';
import { addArticleSource, type NewSource } from '../store/sources.js';
import { notAFileProblem } from './read-input-file.js';
import { refreshAfterWrite } from './refresh.js';
import { ServiceError } from './errors.js';
import { WORKER_RESOURCE_LIMITS } from './worker-limits.js';

export type { ImportInput } from './prepare-import.js';

/**
 * What became of the Korean original given with an article (issue 12): none given, stored with the
 * new article, added to the article already stored, or not stored because that article has one.
 */
export type SourceOutcome = 'none' | 'stored' | 'added' | 'kept';

/** What an import did: the article (new, or the identical one already stored), or why the input was refused. */
export type ImportOutcome =
  | { readonly ok: true; readonly id: number; readonly isNew: boolean; readonly title: string; readonly segmentCount: number; readonly source: SourceOutcome }
  | { readonly ok: false; readonly reason: string; readonly message: string };

/** Who imports and with which engine. */
export interface ImportMeta {
  readonly importedBy: string;
  readonly mtEngine?: string | undefined;
  /** Derive the article's figures and flags at once (one article from a form); a bulk import leaves them to the background refresher. */
  readonly isRefreshedNow?: boolean;
}

/** Decodes, segments and stores one article; refuses empty, binary, non-UTF-8 or oversized input and then writes nothing. */
export async function importArticle(ctx: ServiceContext, input: ImportInput, meta: ImportMeta): Promise<ImportOutcome> {
  return storePrepared(ctx, prepareImport(input), meta);
}

/** Stores one prepared article (prepareImport's answer): the second half of importArticle. */
async function storePrepared(ctx: ServiceContext, prepared: PreparedImport, meta: ImportMeta): Promise<ImportOutcome> {
  if (!prepared.ok) return prepared;
  const now = ctx.now();
  const { id, isNew } = await insertArticle(ctx.store, { ...prepared.article, importedBy: meta.importedBy, mtEngine: meta.mtEngine, now });
  const source = await sourceOutcome(ctx, id, isNew, prepared.article.source, meta.importedBy, now);
  if ((isNew || source === 'added') && meta.isRefreshedNow !== false) await refreshAfterWrite(ctx.store, [id], ctx.decisionsOf);
  return { ok: true, id, isNew, title: prepared.title, segmentCount: prepared.segmentCount, source };
}

/**
 * Returns what became of an import's Korean original: stored with a new article (insertArticles
 * did it), added to the article already stored when it had none (the same MT imported again with
 * its source), or kept out because it has one.
 */
async function sourceOutcome(ctx: ServiceContext, id: number, isNew: boolean, source: NewSource | undefined, addedBy: string, now: string): Promise<SourceOutcome> {
  if (source === undefined) return 'none';
  if (isNew) return 'stored';
  return (await addArticleSource(ctx.store, id, { ...source, addedBy, now })) ? 'added' : 'kept';
}

/**
 * Most files one web import takes: a desk's batch of wire copy, stored in a second or two. A
 * larger set is a folder for `copydesk import`, which reads it a batch at a time (on worker
 * threads when there are many) behind a progress bar, where a form would wait without a word.
 */
export const MAX_UPLOAD_FILES = 100;

/**
 * Most bytes the files of one web import may hold together (16 MiB): a hundred typical articles
 * (5-50 kB) several times over, or eight at the 2 MB article limit. An upload is held in memory
 * until it is stored, so this bounds what one request holds; a few at once stay well inside the
 * server's 300 MB (issue 10).
 */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

/** Returns the sentence for an upload past MAX_UPLOAD_FILES ('files') or MAX_UPLOAD_BYTES ('bytes'): the limit, and what to do instead. */
export function uploadLimitMessage(limit: 'files' | 'bytes'): string {
  const what = limit === 'files' ? `That is more than ${MAX_UPLOAD_FILES} files` : `The files come to more than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`;
  return `${what}, the most one import takes. Nothing was imported: send them in smaller groups, or import the folder with \`copydesk import\`.`;
}

/**
 * What became of one file of an upload (or of the pasted text, or of one entry of a .zip), under
 * the name it was sent with; `archive` names the .zip an entry came in.
 */
export type UploadOutcome = ImportOutcome & { readonly sourceName: string; readonly archive?: string | undefined };

/**
 * Imports the files of one web upload, and the pasted text if any, one at a time; returns what
 * became of each, in the order sent: added, already in the corpus (its id), or refused and why. A
 * refused file writes nothing and does not stop the others. Past MAX_UPLOAD_FILES or
 * MAX_UPLOAD_BYTES it throws a too-large ServiceError and stores nothing.
 */
export async function importUploads(ctx: ServiceContext, sent: readonly ImportInput[], meta: ImportMeta): Promise<UploadOutcome[]> {
  // The web route stops such uploads while they arrive; this guard holds for any other caller.
  if (sent.length > MAX_UPLOAD_FILES) throw new ServiceError('too-large', uploadLimitMessage('files'));
  const fileBytes = sent.reduce((sum, input) => sum + ('bytes' in input ? input.bytes.byteLength : 0), 0);
  if (fileBytes > MAX_UPLOAD_BYTES) throw new ServiceError('too-large', uploadLimitMessage('bytes'));
  const { inputs, unpaired } = pairSourceUploads(sent);
  // One article is refreshed before the answer, as importArticle does, so its review page opens
  // with its figures. Several are left to the background refresher (an insert marks them dirty,
  // and the corpus page refreshes a few itself): each refresh runs the checks on this thread for a
  // few ms, so a hundred inline would hold the answer, and every other editor's requests between
  // its awaits, several times longer than storing them does.
  const isRefreshedNow = inputs.length === 1;
  const prepared = await prepareUploads(inputs);
  const outcomes: UploadOutcome[] = [];
  for (const [i, input] of inputs.entries()) {
    if (i > 0) await nextTurn();
    const outcome = await storePrepared(ctx, prepared[i] ?? prepareImport(input), { ...meta, isRefreshedNow });
    outcomes.push({ ...outcome, sourceName: fitSourceName(input.sourceName), archive: input.archive });
  }
  return [...outcomes, ...unpaired];
}

/**
 * The compiled worker that decodes, segments and aligns uploads (import-worker.ts). When the
 * service runs from its TypeScript sources (the tests) it is not there, and uploads are prepared on
 * the calling thread, a file at a time with a turn of the event loop between.
 */
const UPLOAD_WORKER = new URL('./import-worker.js', import.meta.url);
/** How long the upload thread lives on after its last upload (ms). */
const UPLOAD_THREAD_IDLE_MS = 10_000;
let uploadPool: Piscina<readonly ImportInput[], PreparedImport[]> | null | undefined;

/** True when uploads are prepared on a worker thread (the compiled app), false on the calling thread. */
export function preparesUploadsOffThread(): boolean {
  uploadPool ??= existsSync(fileURLToPath(UPLOAD_WORKER))
    ? new Piscina({ filename: UPLOAD_WORKER.href, name: 'prepareInputs', minThreads: 0, maxThreads: 1, idleTimeout: UPLOAD_THREAD_IDLE_MS, resourceLimits: WORKER_RESOURCE_LIMITS })
    : null;
  return uploadPool !== null;
}

/**
 * Prepares the articles of a web import (issue 10: nothing holds the event loop for more than
 * 50 ms). Decoding, segmenting and aligning a 2 MB article with its Korean original takes a few
 * hundred ms of CPU: on the upload thread it holds no one's page. One thread for every upload of
 * the instance (imports queue behind each other; storing them is the app's own thread either way).
 */
async function prepareUploads(inputs: readonly ImportInput[]): Promise<PreparedImport[]> {
  if (preparesUploadsOffThread() && uploadPool) return uploadPool.run(inputs);
  const prepared: PreparedImport[] = [];
  for (const [i, input] of inputs.entries()) {
    if (i > 0) await nextTurn();
    prepared.push(prepareImport(input));
  }
  return prepared;
}

/**
 * Pairs the files of an upload with their Korean originals, as a folder import does (issue 12):
 * NAME.ko.txt goes with NAME.txt as its source, among the files sent or in the same folder of the
 * same .zip (issue 13). A NAME.ko.txt without its NAME.txt is refused with a sentence (it is not
 * an article), listed after the articles.
 */
export function pairSourceUploads(sent: readonly ImportInput[]): { inputs: ImportInput[]; unpaired: UploadOutcome[] } {
  const keyOf = (archive: string | undefined, name: string) => `${archive ?? ''}\u0000${name.toLowerCase()}`;
  const byName = new Map(sent.filter((i) => !isSourceFile(i.sourceName)).map((i) => [keyOf(i.archive, i.sourceName), i]));
  const sources = new Map<ImportInput, ImportInput>();
  const unpaired: UploadOutcome[] = [];
  for (const input of sent) {
    if (!isSourceFile(input.sourceName)) continue;
    const articleName = `${input.sourceName.slice(0, -SOURCE_SUFFIX.length)}.txt`;
    const article = byName.get(keyOf(input.archive, articleName));
    if (article === undefined || sources.has(article) || article.source !== undefined) {
      const where = input.archive === undefined ? 'was sent with it' : `is beside it in ${input.archive}`;
      unpaired.push({
        ok: false, reason: 'unpaired-source', sourceName: fitSourceName(input.sourceName), archive: input.archive,
        message: `This is a Korean original (its name ends in ${SOURCE_SUFFIX}), but no ${articleName} ${where}. Send the two together, or import the original as an article under another name.`,
      });
      continue;
    }
    sources.set(article, input);
  }
  const inputs = sent.filter((i) => !isSourceFile(i.sourceName)).map((i) => {
    const source = sources.get(i);
    return source === undefined ? i : { ...i, source };
  });
  return { inputs, unpaired };
}

/** The totals of a folder or file-list import, with each refused file and why. */
export interface CorpusImportResult {
  readonly added: number;
  readonly existing: number;
  /** Articles already stored that got the Korean original they lacked (issue 12). */
  readonly sourcesAdded?: number;
  readonly refused: readonly { readonly file: string; readonly message: string }[];
}

/**
 * Returns the article files a path names: the file itself, or the `.txt` files of a folder (sorted,
 * not recursive). Throws an invalid ServiceError for a path that is neither a regular file nor a
 * folder (/dev/zero, a FIFO, a socket), and the file system's error for a missing one.
 */
export function listArticleFiles(path: string): string[] {
  // statSync, unlike opening, never waits on a FIFO.
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    const problem = notAFileProblem(stat);
    if (problem !== undefined) throw new ServiceError('invalid', `${path} ${problem}`);
    return [path];
  }
  // A Korean original beside its article (NAME.ko.txt) is read with NAME.txt, not imported as an article.
  return readdirSync(path)
    .filter((f) => f.endsWith('.txt') && !isSourceFile(f))
    .sort()
    .map((f) => join(path, f));
}

/**
 * Articles read per batch by a file import, and stored per transaction: one commit per batch
 * rather than per article (the commit is most of an SQLite insert's cost), small enough that the
 * app's saves never wait long behind an import running beside it.
 */
const IMPORT_BATCH = 200;

/** Below this many files an import prepares them on its own thread: starting threads costs more than it saves. */
const THREADED_IMPORT_MIN_FILES = 1000;

/**
 * Imports every file named, calling `onFile` after each; identical articles are skipped, bad files
 * refused and reported. Files are read and parsed one batch at a time (on `threads` worker threads
 * when there are many, while this thread stores the batches before), so memory stays flat whatever
 * the number of files. Their figures, flags and search text are left to the background refresher
 * (`copydesk refresh`, or the app's).
 */
export async function importFiles(
  ctx: ServiceContext,
  files: readonly string[],
  meta: ImportMeta,
  onFile: (file: string) => void = () => {},
  opts: { threads?: number; source?: string } = {},
): Promise<CorpusImportResult> {
  // Guard: an explicit Korean original belongs to one article (copydesk import --source).
  if (opts.source !== undefined && files.length !== 1) throw new ServiceError('invalid', `--source needs exactly one article file (the MT translated from ${opts.source}); got ${files.length}.`);
  let added = 0;
  let existing = 0;
  let sourcesAdded = 0;
  const refused: { file: string; message: string }[] = [];
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += IMPORT_BATCH) batches.push(files.slice(i, i + IMPORT_BATCH));
  const store = async (batch: readonly string[], prepared: readonly PreparedImport[]) => {
    const now = ctx.now();
    const articles = prepared.flatMap((p) => (p.ok ? [{ ...p.article, importedBy: meta.importedBy, mtEngine: meta.mtEngine, now }] : []));
    for (const [i, { id, isNew }] of (await insertArticles(ctx.store, articles)).entries()) {
      if (isNew) added += 1;
      else existing += 1;
      // An article already stored gets the Korean original it lacked (rare: one statement more).
      const source = articles[i]?.source;
      if (!isNew && source !== undefined && (await addArticleSource(ctx.store, id, { ...source, addedBy: meta.importedBy, now }))) sourcesAdded += 1;
    }
    batch.forEach((file, i) => {
      const p = prepared[i];
      if (p && !p.ok) refused.push({ file, message: p.message });
      onFile(file);
    });
  };
  const threads = opts.threads ?? 0;
  if (threads < 1 || files.length < THREADED_IMPORT_MIN_FILES) {
    for (const batch of batches) await store(batch, batch.map((file) => prepareFile(file, opts.source ?? siblingSource(file))));
    return { added, existing, refused, sourcesAdded };
  }
  const pool = new Piscina<readonly string[], PreparedImport[]>({
    filename: new URL('./import-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: WORKER_RESOURCE_LIMITS,
  });
  try {
    // A window of batches being prepared ahead of the one being stored: every thread busy, and
    // no more than 2 × threads batches in memory at once.
    const window = threads * 2;
    const pending: Promise<PreparedImport[]>[] = [];
    let next = 0;
    const fill = () => {
      while (pending.length < window && next < batches.length) pending.push(pool.run(batches[next++] ?? []));
    };
    fill();
    for (const batch of batches) {
      const prepared = await pending.shift();
      fill();
      await store(batch, prepared ?? []);
    }
  } finally {
    await pool.destroy();
  }
  return { added, existing, refused, sourcesAdded };
}

/** Imports the corpus folder at start-up; a missing folder imports nothing. */
export async function importCorpus(ctx: ServiceContext, dir: string, meta: ImportMeta): Promise<CorpusImportResult> {
  let files: string[];
  try {
    files = listArticleFiles(dir);
  } catch {
    return { added: 0, existing: 0, refused: [] };
  }
  return importFiles(ctx, files, meta);
}
