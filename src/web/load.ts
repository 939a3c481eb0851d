import type { RequestHandler } from 'express';
import type { RouteDeps } from './app.js';
import type { ArticleRow, SegmentView } from '../service/types.js';
import { findArticle } from '../service/articles.js';
import { findArticleSegment } from '../service/save-segment.js';
import { HttpError } from './errors.js';

/**
 * Parses a route id: a non-negative decimal integer without sign or leading zeros, at most nine
 * digits (ids are 32-bit integers on PostgreSQL), else undefined.
 */
export function parseId(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^(0|[1-9]\d{0,8})$/.test(value)) return undefined;
  return Number(value);
}

/** Returns the middleware that loads `:id` into res.locals.article, turning a missing article into a 404. */
export function loadArticle(deps: RouteDeps): RequestHandler {
  return async (req, res, next) => {
    const id = parseId(req.params.id);
    const article = id === undefined ? undefined : await findArticle(deps.service, id);
    if (!article) throw new HttpError(404, `There is no article ${String(req.params.id)}. It may have been removed; go back to the corpus.`);
    res.locals.article = article;
    next();
  };
}

/** Returns the middleware that loads `:id` and its segment `:n` (one read) into res.locals.article and .segment, turning either missing into a 404. */
export function loadArticleSegment(deps: RouteDeps): RequestHandler {
  return async (req, res, next) => {
    const id = parseId(req.params.id);
    const position = parseId(req.params.n);
    const found = id === undefined ? undefined : await findArticleSegment(deps.service, id, position ?? -1);
    if (!found) throw new HttpError(404, `There is no article ${String(req.params.id)}. It may have been removed; go back to the corpus.`);
    if (!found.segment) throw new HttpError(404, `Article ${found.article.id} has no segment ${String(req.params.n)}.`);
    res.locals.article = found.article;
    res.locals.segment = found.segment;
    next();
  };
}

/** The article a load middleware put on the response. */
export function loadedArticle(locals: Record<string, unknown>): ArticleRow {
  return locals.article as ArticleRow;
}

/** The segment a load middleware put on the response. */
export function loadedSegment(locals: Record<string, unknown>): SegmentView {
  return locals.segment as SegmentView;
}
