import type { ServiceContext } from './context.js';
import { getArticle, listArticles, setArticleEngine, setArticleStatus, type ArticleRow, type ArticleStatus, type ArticleSummary } from '../store/articles.js';
import { countArticles, findNextWithOpenErrors, listCorpusFacets, listCorpusPage, readCorpusWordTotals, type CorpusQuery, type CorpusRow } from '../store/corpus.js';
import { readCorpusVersions } from '../store/counters.js';
import { countStaleArticles } from '../store/derived.js';
import { refreshPending } from './context.js';
import { listCurrentCorrections } from '../store/corrections.js';
import { confirmCategory } from '../store/categories.js';
import type { MqmCategoryId } from '../core/mqm/typology.js';
import type { MqmSeverity } from '../core/mqm/severities.js';
import { qualityOf, type CategorisedCorrection } from './quality.js';
import { ServiceError } from './errors.js';
import { refreshAfterWrite } from './refresh.js';

/** Returns the article with that id, or undefined. */
export function findArticle(ctx: ServiceContext, id: number): Promise<ArticleRow | undefined> {
  return getArticle(ctx.store, id);
}

/** Returns every article with its review figures computed from its segments, newest import first (the CLI's list: a scan, never a page). */
export function listAllArticles(ctx: ServiceContext): Promise<ArticleSummary[]> {
  return listArticles(ctx.store);
}

/** One page of the corpus, with what the page says about the whole corpus. */
export interface CorpusPage {
  readonly rows: readonly CorpusRow[];
  /** Articles matching the filters. */
  readonly total: number;
  readonly totals: { readonly articles: number; readonly done: number; readonly mtWords: number; readonly wordsChanged: number };
  /** Articles whose figures wait for the background refresher. */
  readonly stale: number;
  readonly facets: { readonly engines: readonly string[]; readonly editors: readonly string[] };
}

/**
 * Returns one page of the corpus (filters, search, sort) with its figures, after refreshing what
 * the last writes left stale within a page's budget; everything is read from indexed tables kept
 * at write time, whatever the corpus's size.
 */
export async function corpusPage(ctx: ServiceContext, query: CorpusQuery): Promise<CorpusPage> {
  await refreshPending(ctx);
  const { decisions } = await readCorpusVersions(ctx.store);
  const [page, counts, words, stale, facets] = await Promise.all([
    listCorpusPage(ctx.store, query, decisions),
    countArticles(ctx.store),
    readCorpusWordTotals(ctx.store),
    countStaleArticles(ctx.store, decisions),
    listCorpusFacets(ctx.store),
  ]);
  return { rows: page.rows, total: page.total, totals: { articles: counts.total, done: counts.done, ...words }, stale: stale.stale, facets };
}

/**
 * Returns the id of the next article after `articleId` in corpus order (by id, wrapping round)
 * that has an open error flag, or undefined when no other article has one; what the last writes
 * left stale is refreshed first, within a page's budget, so a fix just made is counted.
 */
export async function nextArticleWithOpenErrors(ctx: ServiceContext, articleId: number): Promise<number | undefined> {
  await refreshPending(ctx);
  return findNextWithOpenErrors(ctx.store, articleId);
}

/** Sets an article's review status; throws not-found when there is no such article. */
export async function changeStatus(ctx: ServiceContext, articleId: number, status: ArticleStatus): Promise<void> {
  if (!(await setArticleStatus(ctx.store, articleId, status))) throw new ServiceError('not-found', `There is no article ${articleId}.`);
  await refreshAfterWrite(ctx.store, [articleId], ctx.decisionsOf);
}

/** Sets the MT engine of an article ('' for unknown); throws not-found when there is no such article. */
export async function changeEngine(ctx: ServiceContext, articleId: number, engine: string): Promise<void> {
  if (!(await setArticleEngine(ctx.store, articleId, engine))) throw new ServiceError('not-found', `There is no article ${articleId}.`);
  await refreshAfterWrite(ctx.store, [articleId], ctx.decisionsOf);
}

/** A correction named by its segment and both texts (the link or form that categorises it). */
export interface CorrectionRef {
  readonly segmentId: number;
  readonly mtText: string;
  readonly editText: string;
}

/** Returns a correction that stands in an article, with its proposed or confirmed category; throws not-found when it no longer stands. */
export async function findCorrection(ctx: ServiceContext, articleId: number, ref: CorrectionRef): Promise<CategorisedCorrection> {
  const result = await qualityOf(ctx, articleId);
  const found = result?.quality.corrections.find(
    (c) => c.correction.segmentId === ref.segmentId && c.correction.mtText === ref.mtText && c.correction.editText === ref.editText,
  );
  if (!found) throw new ServiceError('not-found', 'That correction no longer stands (the segment was edited since). Go back to the article.');
  return found;
}

/** Records an editor's MQM category for a correction that still stands; throws conflict when it no longer does. */
export async function confirmCorrectionCategory(
  ctx: ServiceContext,
  articleId: number,
  input: CorrectionRef & { readonly category: MqmCategoryId; readonly severity: MqmSeverity },
  author: string,
): Promise<void> {
  const stands = (await listCurrentCorrections(ctx.store, articleId)).some(
    (c) => c.segmentId === input.segmentId && c.mtText === input.mtText && c.editText === input.editText,
  );
  if (!stands) throw new ServiceError('conflict', 'That correction no longer stands (the segment was edited since the page was loaded). Reload the article.');
  await confirmCategory(ctx.store, articleId, input, { author, now: ctx.now() });
  await refreshAfterWrite(ctx.store, [articleId], ctx.decisionsOf);
}

/** Returns how many articles wait for a refresh of their figures and flags. */
export async function countStale(ctx: ServiceContext): Promise<number> {
  const { decisions } = await readCorpusVersions(ctx.store);
  return (await countStaleArticles(ctx.store, decisions)).stale;
}
