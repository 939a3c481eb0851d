import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import type { RouteDeps } from '../app.js';
import { MAX_ENGINE_CHARS } from '../../service/types.js';
import { listCorpus } from '../../service/articles.js';
import { importArticle } from '../../service/import-articles.js';
import { MAX_ARTICLE_BYTES } from '../../core/article/decode-input.js';
import { buildCorpusView } from '../view-models/corpus-view.js';
import { cleanAuthor, readAuthor, rememberAuthor } from '../author.js';

/** Keeps an upload in memory: one file, refused by multer once it passes the article size limit. */
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_ARTICLE_BYTES + 1, files: 1, fields: 10, fieldSize: MAX_ARTICLE_BYTES + 1024 },
});

/** Returns the corpus page (`/`) and the import form (`/import`). */
export function corpusRoutes(deps: RouteDeps, csrfProtection: RequestHandler): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const { articles, openFlags } = await listCorpus(deps.service);
    res.render('corpus/index', buildCorpusView(articles, openFlags));
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
