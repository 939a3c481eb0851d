import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import type { RouteDeps } from '../app.js';
import { z } from 'zod';
import { ARTICLE_STATUSES, CORPUS_SORTS, MAX_ENGINE_CHARS, type ArticleStatus, type CorpusQuery } from '../../service/types.js';
import { corpusPage } from '../../service/articles.js';
import { importArticle } from '../../service/import-articles.js';
import { MAX_ARTICLE_BYTES } from '../../core/article/decode-input.js';
import { buildCorpusView, CORPUS_PAGE_SIZE } from '../view-models/corpus-view.js';
import { cleanAuthor, readAuthor, rememberAuthor } from '../author.js';

/** Keeps an upload in memory: one file, refused by multer once it passes the article size limit. */
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_ARTICLE_BYTES + 1, files: 1, fields: 10, fieldSize: MAX_ARTICLE_BYTES + 1024 },
});

/** Deepest page a link may ask for: past it an offset scan would cost more than a page may (use the filters). */
const MAX_PAGE = 2000;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
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
export function corpusRoutes(deps: RouteDeps, csrfProtection: RequestHandler): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const query = readCorpusQuery(req.query);
    res.render('corpus/index', buildCorpusView(await corpusPage(deps.service, query), query));
  });

  router.get('/import', (_req, res) => {
    res.render('corpus/import', { title: 'Import an article', message: null, text: '', sourceName: '' });
  });

  router.post('/import', upload.single('file'), csrfProtection, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const pasted = typeof body.text === 'string' ? body.text : '';
    const pastedName = typeof body.sourceName === 'string' ? body.sourceName.trim().slice(0, 200) : '';
    const author = readAuthor(req) || cleanAuthor(body.author);
    const engine = typeof body.engine === 'string' ? body.engine.trim().slice(0, MAX_ENGINE_CHARS) : '';
    const file = req.file;
    const refuse = (status: number, message: string) =>
      res.status(status).render('corpus/import', { title: 'Import an article', message, text: pasted, sourceName: pastedName });

    if (!file && pasted.trim() === '') {
      return refuse(422, 'Choose a file or paste the article text: the form was empty.');
    }
    const input = file
      ? { bytes: new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength), sourceName: file.originalname || 'upload.txt' }
      : { text: pasted, sourceName: pastedName || 'pasted text' };
    const outcome = await importArticle(deps.service, input, { importedBy: author || 'anonymous', mtEngine: engine });
    if (!outcome.ok) {
      return refuse(outcome.reason === 'too-large' ? 413 : 422, outcome.message);
    }
    if (author) rememberAuthor(res, author);
    res.redirect(303, `/articles/${outcome.id}?imported=${outcome.isNew ? 'new' : 'existing'}`);
  });

  return router;
}
