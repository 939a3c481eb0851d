import type { RequestHandler } from 'express';
import type { RouteDeps } from './app.js';
import { getArticle, type ArticleRow } from '../store/articles.js';
import { getSegment, type SegmentView } from '../store/segments.js';
import { HttpError } from './errors.js';

/** Parses a route id: a positive decimal integer without sign or leading zeros, else undefined. */
export function parseId(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^(0|[1-9]\d{0,12})$/.test(value)) return undefined;
  return Number(value);
}

/** Returns the middleware that loads `:id` into res.locals.article, turning a missing article into a 404. */
export function loadArticle(deps: RouteDeps): RequestHandler {
  return (req, res, next) => {
    const id = parseId(req.params.id);
    const article = id === undefined ? undefined : getArticle(deps.db, id);
    if (!article) throw new HttpError(404, `There is no article ${String(req.params.id)}. It may have been removed; go back to the corpus.`);
    res.locals.article = article;
    next();
  };
}

/** Returns the middleware that loads `:n` of the loaded article into res.locals.segment, or 404. */
export function loadSegment(deps: RouteDeps): RequestHandler {
  return (req, res, next) => {
    const article = res.locals.article as ArticleRow;
    const position = parseId(req.params.n);
    const segment = position === undefined ? undefined : getSegment(deps.db, article.id, position);
    if (!segment) throw new HttpError(404, `Article ${article.id} has no segment ${String(req.params.n)}.`);
    res.locals.segment = segment;
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
