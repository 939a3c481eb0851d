import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../app.js';
import { corpusPage } from '../../service/articles.js';
import { articleSegments } from '../../service/article-segments.js';
import { exportGlossaryFile } from '../../service/glossary.js';
import { findSegment, MAX_SEGMENT_CHARS, saveEdit } from '../../service/save-segment.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { readCorpusQuery } from './corpus.js';

/** The glossary formats of GET /api/glossary. */
const API_FORMATS = ['tbx', 'csv', 'json'] as const;

const ID = z.string().regex(/^[1-9]\d{0,9}$/u).transform(Number);
const INDEX = z.string().regex(/^(0|[1-9]\d{0,5})$/u).transform(Number);
const SaveBody = z.object({
  text: z.string().max(MAX_SEGMENT_CHARS, `A segment can hold at most ${MAX_SEGMENT_CHARS.toLocaleString('en')} characters.`),
  base: z.number().int().min(0),
}).strict();

/** Returns what is wrong with a PUT body that SaveBody refused, as a sentence (zod's own words name types, not fields). */
function saveBodyProblem(issue: z.ZodError['issues'][number] | undefined): string {
  if (issue?.code === 'unrecognized_keys') return `Only "text" and "base" are read; leave out ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
  if (issue?.path[0] === 'text') return issue.code === 'too_big' ? issue.message : 'The "text" must be a string: the segment’s new text.';
  if (issue?.path[0] === 'base') return 'The "base" must be a whole number from 0: the revision the text was edited from.';
  return 'The body must be a JSON object.';
}

/** Returns the JSON API for scripts (docs/api.md): the same service calls as the pages, answers as JSON, errors as {"error": sentence}. */
export function apiRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get('/articles', async (req, res) => {
    let query;
    try {
      query = readCorpusQuery(req.query);
    } catch {
      throw new HttpError(400, 'The query could not be read: page is a whole number from 1, sort and the filters as on the corpus page.');
    }
    const page = await corpusPage(deps.service, query);
    const pageNumber = query.offset / query.limit + 1;
    res.json({
      page: pageNumber,
      pageSize: query.limit,
      total: page.total,
      articles: page.rows.map((r) => ({
        id: r.id, title: r.title, sourceName: r.sourceName, status: r.status, mtEngine: r.mtEngine, importedAt: r.importedAt,
        segments: r.segmentCount, editedSegments: r.editedSegmentCount, mtWords: r.mtWords, wordsChanged: r.wordsChanged,
        openErrors: r.openErrors, openWarnings: r.openWarnings, lastEditedAt: r.lastEditedAt, isStale: r.isStale,
      })),
      ...(pageNumber * query.limit < page.total ? { next: `/api/articles?page=${pageNumber + 1}` } : {}),
    });
  });

  router.get('/articles/:id', async (req, res) => {
    const id = ID.safeParse(req.params.id);
    const found = id.success ? await articleSegments(deps.service, id.data) : undefined;
    if (!found) throw new HttpError(404, 'There is no such article.');
    const { article, segments } = found;
    res.json({ id: article.id, title: article.title, sourceName: article.sourceName, status: article.status, mtEngine: article.mtEngine, importedAt: article.importedAt, segments });
  });

  router.put('/articles/:id/segments/:n', express.json({ limit: '1mb', strict: true }), async (req, res) => {
    const id = ID.safeParse(req.params.id);
    const n = INDEX.safeParse(req.params.n);
    const segment = id.success && n.success ? await findSegment(deps.service, id.data, n.data) : undefined;
    if (!segment) throw new HttpError(404, 'There is no such segment.');
    if (!req.is('application/json')) throw new HttpError(415, 'Send the segment as JSON: {"text": "…", "base": N} with Content-Type: application/json.');
    const body = SaveBody.safeParse(req.body);
    if (!body.success) throw new HttpError(422, `${saveBodyProblem(body.error.issues[0])} Send {"text": "…", "base": N}.`);
    const outcome = await saveEdit(deps.service, segment, { text: body.data.text, baseNumber: body.data.base, author: actorOf(res) });
    if (outcome.status === 'conflict') {
      res.status(409).json({
        error: `Someone saved this segment after revision ${body.data.base}: it is at revision ${outcome.current.number}. Merge your text into the current one and send it with "base": ${outcome.current.number}.`,
        current: { revision: outcome.current.number, text: outcome.current.text, author: outcome.current.author, at: outcome.current.createdAt },
      });
      return;
    }
    const saved = (await findSegment(deps.service, segment.articleId, segment.position)) ?? segment;
    res.json({ index: saved.position, revision: saved.revision, text: saved.edit, saved: outcome.status === 'saved' });
  });

  router.get('/glossary', async (req, res) => {
    const format = API_FORMATS.find((f) => f === (req.query.format ?? 'json'));
    if (!format) throw new HttpError(400, `Choose a format: ${API_FORMATS.join(', ')}.`);
    const file = await exportGlossaryFile(deps.service, format);
    res.type(file.contentType).send(file.body);
  });

  // Anything else under /api is a JSON 404, never a page.
  router.use((_req: Request, _res: Response, next: NextFunction) => next(new HttpError(404, 'There is no such API route: see docs/api.md.')));
  return router;
}
