import { Router, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import type { RouteDeps } from '../app.js';
import { z } from 'zod';
import { ARTICLE_STATUSES, CORPUS_SORTS, MAX_ENGINE_CHARS, type ArticleStatus, type CorpusQuery } from '../../service/types.js';
import { corpusPage } from '../../service/articles.js';
import { importUploads, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, uploadLimitMessage, type ImportInput, type UploadOutcome } from '../../service/import-articles.js';
import { isSourceFile, MAX_SOURCE_NAME_CHARS } from '../../service/prepare-import.js';
import { MAX_ZIP_ENTRIES, unpackZipUploads } from '../../service/read-zip-upload.js';
import { splitPastedList } from '../../formats/pasted-list.js';
import { ServiceError } from '../../service/errors.js';
import { MAX_ARTICLE_BYTES } from '../../core/article/decode-input.js';
import { buildCorpusView, CORPUS_PAGE_SIZE } from '../view-models/corpus-view.js';
import { buildImportResultsView, type ImportResultsVm } from '../view-models/import-view.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { hasNul, NUL_MESSAGE } from '../input-guard.js';

/**
 * multer storage that keeps an upload's files in memory, as multer.memoryStorage() does, and
 * refuses the whole request once they pass `maxTotalBytes` together: multer's limits bound each
 * file and how many there are, not their sum, and memory storage holds them all until the route
 * runs. A file over the 2 MB article limit but within the total is kept whole, so the import can
 * refuse that one file, saying its size, and take the others.
 */
function boundedMemoryStorage(maxTotalBytes: number): multer.StorageEngine {
  const received = new WeakMap<Request, number>();
  return {
    _handleFile(req, file, callback) {
      const chunks: Buffer[] = [];
      let isRefused = false;
      file.stream.on('data', (chunk: Buffer) => {
        if (isRefused) return;
        const total = (received.get(req) ?? 0) + chunk.length;
        received.set(req, total);
        if (total > maxTotalBytes) {
          // multer then drops the files kept so far and drains the request before the answer.
          isRefused = true;
          chunks.length = 0;
          callback(new HttpError(413, uploadLimitMessage('bytes')));
          return;
        }
        chunks.push(chunk);
      });
      file.stream.on('end', () => {
        if (isRefused) return;
        const buffer = Buffer.concat(chunks);
        callback(null, { buffer, size: buffer.length });
      });
    },
    _removeFile(_req, file, callback) {
      (file as { buffer?: Buffer }).buffer = undefined;
      callback(null);
    },
  };
}

/**
 * Reads an import form's files (field `file`, up to MAX_UPLOAD_FILES and MAX_UPLOAD_BYTES in all)
 * and its fields (the pasted text up to the article limit) into memory. A single file may be as
 * large as the whole allowance: the import refuses one over 2 MB by itself.
 */
const upload = multer({
  storage: boundedMemoryStorage(MAX_UPLOAD_BYTES),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_UPLOAD_FILES, fields: 10, fieldSize: MAX_ARTICLE_BYTES + 1024 },
}).array('file', MAX_UPLOAD_FILES);

/**
 * Most bytes an import request may announce (Content-Length): the files' allowance, the pasted
 * article, its pasted Korean original (issue 12) and the pasted list (issue 13), and the form's
 * other fields and part headers (64 kB: a hundred files' headers fit).
 */
const MAX_IMPORT_REQUEST_BYTES = MAX_UPLOAD_BYTES + 3 * MAX_ARTICLE_BYTES + 64 * 1024;

/** What the import page shows: the form (with what was pasted), a refusal, and the results of an import of several files. */
interface ImportPageView {
  readonly title: string;
  readonly message: string | null;
  readonly text: string;
  readonly sourceName: string;
  /** The pasted Korean original (issue 12), kept when the form comes back. */
  readonly sourceText: string;
  /** The pasted list of several articles (issue 13), kept when the form comes back. */
  readonly list: string;
  readonly results: ImportResultsVm | null;
  readonly maxFiles: number;
  readonly maxMegabytes: number;
  readonly maxZipEntries: number;
}

/** Returns the import page's locals: an empty form unless `changes` says otherwise. */
function importPage(changes: Partial<Pick<ImportPageView, 'message' | 'text' | 'sourceName' | 'sourceText' | 'list' | 'results'>> = {}): ImportPageView {
  return {
    title: 'Import articles',
    message: null,
    text: '',
    sourceName: '',
    sourceText: '',
    list: '',
    results: null,
    maxFiles: MAX_UPLOAD_FILES,
    maxMegabytes: MAX_UPLOAD_BYTES / (1024 * 1024),
    maxZipEntries: MAX_ZIP_ENTRIES,
    ...changes,
  };
}

/** Returns the refusal for an upload multer (or the storage) stopped at a limit, as status and sentence; undefined for other errors. */
function uploadRefusal(err: unknown): { status: number; message: string } | undefined {
  if (err instanceof HttpError) return { status: err.status, message: err.message };
  if (!(err instanceof multer.MulterError)) return undefined;
  if (err.code === 'LIMIT_FILE_COUNT' || (err.code === 'LIMIT_UNEXPECTED_FILE' && err.field === 'file')) {
    return { status: 413, message: uploadLimitMessage('files') };
  }
  if (err.code === 'LIMIT_FILE_SIZE') return { status: 413, message: uploadLimitMessage('bytes') };
  if (err.code === 'LIMIT_FIELD_VALUE' && err.field === 'list') {
    return { status: 413, message: 'The pasted list is over 2 MB, the most one box takes. Nothing was imported: paste fewer articles at a time, or send them as files or a .zip.' };
  }
  if (err.code === 'LIMIT_FIELD_VALUE') {
    const what = err.field === 'sourceText' ? 'The pasted Korean original' : 'The pasted text';
    return { status: 413, message: `${what} is over 2 MB, the article limit. Nothing was imported: split it, or remove embedded data.` };
  }
  return undefined;
}

/**
 * Runs the upload and turns a request past its limits into the import page with a 413 and the
 * sentence that says which limit and what to do: nothing is stored, since the route never runs.
 * Other errors (a malformed body) go to the error handler.
 */
const receiveUpload: RequestHandler = (req: Request, res: Response, next) => {
  // A request that says it is larger than any import is refused before a byte of it is read.
  if (Number(req.get('content-length')) > MAX_IMPORT_REQUEST_BYTES) {
    res.status(413).render('corpus/import', importPage({ message: uploadLimitMessage('bytes') }));
    return;
  }
  upload(req, res, (err: unknown) => {
    if (!err) {
      // A file name (filename*=UTF-8''a%00b) or field can carry a NUL, which no text column stores.
      const files = Array.isArray(req.files) ? req.files : [];
      if (!files.some((f) => hasNul(f.originalname)) && !hasNul(req.body)) return next();
      res.status(400).render('corpus/import', importPage({ message: NUL_MESSAGE }));
      return;
    }
    const refusal = uploadRefusal(err);
    if (!refusal) return next(err);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const kept = (field: string) => (typeof body[field] === 'string' ? body[field] : '');
    res.status(refusal.status).render('corpus/import', importPage({ message: refusal.message, text: kept('text'), list: kept('list') }));
  });
};

/**
 * Returns the outcome of each article input of an import, by input: importUploads answers one
 * outcome per input that is no Korean original, in the order given, before the unpaired originals.
 */
function articleOutcomes(inputs: readonly ImportInput[], outcomes: readonly UploadOutcome[]): Map<ImportInput, UploadOutcome> {
  const articles = inputs.filter((input) => !isSourceFile(input.sourceName));
  return new Map(articles.flatMap((input, i) => {
    const outcome = outcomes[i];
    return outcome === undefined ? [] : [[input, outcome] as const];
  }));
}

/** Deepest page a link may ask for: past it an offset scan would cost more than a page may (use the filters). */
const MAX_PAGE = 2000;

// Date.parse takes 2026-02-30 for 2 March: a day is valid only if it reads back the same.
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));
const CorpusParams = z.object({
  q: z.string().max(200).optional().catch(undefined),
  status: z.enum(ARTICLE_STATUSES as [ArticleStatus, ...ArticleStatus[]]).optional().catch(undefined),
  engine: z.string().max(MAX_ENGINE_CHARS).optional().catch(undefined),
  errors: z.literal('1').optional().catch(undefined),
  editor: z.string().max(80).optional().catch(undefined),
  from: Day.optional().catch(undefined),
  to: Day.optional().catch(undefined),
  sort: z.enum(CORPUS_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).optional().catch(undefined),
});

/** Returns the corpus query a page's URL asks for; anything malformed falls back to its default (a stale bookmark still shows the corpus). */
export function readCorpusQuery(params: unknown): CorpusQuery {
  const p = CorpusParams.parse(params ?? {});
  const sort = p.sort ?? 'imported';
  const page = p.page ?? 1;
  return {
    q: p.q?.trim() || undefined,
    status: p.status,
    engine: p.engine === undefined || p.engine === '' ? undefined : p.engine === '(unknown)' ? '' : p.engine,
    hasErrors: p.errors === '1',
    editor: p.editor?.trim() || undefined,
    from: p.from,
    to: p.to,
    sort,
    isDescending: p.dir ? p.dir === 'desc' : sort !== 'title' && sort !== 'status',
    offset: (page - 1) * CORPUS_PAGE_SIZE,
    limit: CORPUS_PAGE_SIZE,
  };
}

/** Returns the corpus page (`/`) and the import form (`/import`). */
export function corpusRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get('/', (req, res, next) => deps.listings.send(req, res, next, async () => {
    const query = readCorpusQuery(req.query);
    return { template: 'corpus/index', locals: { ...buildCorpusView(await corpusPage(deps.service, query), query) } };
  }));

  router.get('/import', (_req, res) => {
    res.render('corpus/import', importPage());
  });

  // The CSRF check ran before the body was read (app.ts): the form sends its token in the URL.
  router.post('/import', receiveUpload, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const pasted = typeof body.text === 'string' ? body.text : '';
    const pastedName = typeof body.sourceName === 'string' ? body.sourceName.trim().slice(0, MAX_SOURCE_NAME_CHARS) : '';
    const list = typeof body.list === 'string' ? body.list : '';
    const author = actorOf(res);
    const engine = typeof body.engine === 'string' ? body.engine.trim().slice(0, MAX_ENGINE_CHARS) : '';
    const files = Array.isArray(req.files) ? req.files : [];
    const sourceText = typeof body.sourceText === 'string' ? body.sourceText : '';
    const refuse = (status: number, message: string) =>
      res.status(status).render('corpus/import', importPage({ message, text: pasted, sourceName: pastedName, sourceText, list }));

    let inputs: ImportInput[] = files.map((f) => ({
      bytes: new Uint8Array(f.buffer.buffer, f.buffer.byteOffset, f.buffer.byteLength),
      sourceName: f.originalname.trim().slice(0, MAX_SOURCE_NAME_CHARS) || 'upload.txt',
    }));
    // Text pasted beside files is one more article, not ignored.
    let pastedInput: ImportInput | undefined = pasted.trim() === '' ? undefined : { text: pasted, sourceName: pastedName || 'pasted text' };
    if (pastedInput) inputs.push(pastedInput);
    // So is each article of the pasted list (issue 13); an empty one is listed as skipped.
    const listItems = splitPastedList(list);
    const listInputs: ImportInput[] = listItems.filter((item) => item.text !== '').map((item) => ({ text: item.text, sourceName: `Pasted ${item.number}` }));
    const emptyItems: UploadOutcome[] = listItems.filter((item) => item.text === '').map((item) => ({
      ok: false, reason: 'skipped', sourceName: `Pasted ${item.number}`, message: 'Empty: nothing between two separator lines (---).',
    }));
    inputs.push(...listInputs);
    if (inputs.length + emptyItems.length === 0) {
      return refuse(422, 'Choose a file or paste the article text: the form was empty.');
    }
    // Each .zip becomes its .txt entries (issue 13); one that cannot be read, or holds too much, imports nothing.
    let skipped: UploadOutcome[];
    try {
      ({ inputs, skipped } = await unpackZipUploads(inputs));
    } catch (err) {
      if (err instanceof ServiceError && (err.kind === 'too-large' || err.kind === 'invalid')) return refuse(err.kind === 'too-large' ? 413 : 422, err.message);
      throw err;
    }
    // A pasted Korean original (issue 12) goes with the pasted article, else with the one article sent.
    if (sourceText.trim() !== '') {
      const articles = inputs.filter((i) => !isSourceFile(i.sourceName));
      const target = pastedInput ?? (articles.length === 1 ? articles[0] : undefined);
      if (target === undefined) {
        return refuse(422, 'The pasted Korean original goes with one article: paste the article text too, or send one file. For several files, send each original as NAME.ko.txt beside NAME.txt.');
      }
      const withSource = { ...target, source: { text: sourceText, sourceName: `${pastedName || target.sourceName} (Korean original)` } };
      inputs[inputs.indexOf(target)] = withSource;
      if (target === pastedInput) pastedInput = withSource;
      if (listInputs.includes(target)) listInputs[listInputs.indexOf(target)] = withSource;
    }
    let imported;
    try {
      imported = await importUploads(deps.service, inputs, { importedBy: author, mtEngine: engine });
    } catch (err) {
      if (err instanceof ServiceError && err.kind === 'too-large') return refuse(413, err.message);
      throw err;
    }
    // What was imported or refused, in the order sent; then the archive entries and pasted items that were no article.
    const outcomes = [...imported, ...skipped, ...emptyItems];
    if (outcomes.length === 0) return refuse(422, 'Nothing to import: the archive holds no files.');

    // One article: straight to its review page. One file refused: back to the form with why (an
    // archive's entry or a skipped item is listed instead, so the page can name it).
    const [only] = outcomes;
    if (outcomes.length === 1 && only?.ok) return res.redirect(303, `/articles/${only.id}?imported=${only.isNew ? 'new' : 'existing'}`);
    if (outcomes.length === 1 && only && !only.ok && only.archive === undefined && only.reason !== 'skipped') {
      return refuse(only.reason === 'too-large' ? 413 : 422, only.message);
    }
    // Several: the results are this POST's answer, as the glossary import's are; sending the form
    // again stores nothing twice, since an identical article is recognised. Pasted text that was
    // refused stays in the form, to be corrected.
    const outcomeOf = articleOutcomes(inputs, imported);
    const isRefused = (input: ImportInput) => outcomeOf.get(input)?.ok !== true;
    const isPastedRefused = pastedInput !== undefined && isRefused(pastedInput);
    const isListRefused = listInputs.some(isRefused);
    const results = buildImportResultsView(outcomes, listItems.length > 0 ? 'item' : 'file');
    res.status(results.added + results.existing > 0 ? 200 : 422).render('corpus/import', importPage({
      results,
      text: isPastedRefused ? pasted : '',
      sourceName: isPastedRefused ? pastedName : '',
      sourceText: isPastedRefused ? sourceText : '',
      list: isListRefused ? list : '',
    }));
  });

  return router;
}
