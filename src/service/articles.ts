import type { ServiceContext } from './context.js';
import { getArticle, listArticles, setArticleEngine, setArticleStatus, type ArticleRow, type ArticleStatus, type ArticleSummary } from '../store/articles.js';
import { listCurrentCorrections } from '../store/corrections.js';
import { confirmCategory } from '../store/categories.js';
import type { MqmCategoryId } from '../core/mqm/typology.js';
import type { MqmSeverity } from '../core/mqm/severities.js';
import type { Severity } from '../core/checks/types.js';
import { qualityOf, type CategorisedCorrection } from './quality.js';
import { ServiceError } from './errors.js';

/** Returns the article with that id, or undefined. */
export function findArticle(ctx: ServiceContext, id: number): Promise<ArticleRow | undefined> {
  return getArticle(ctx.store, id);
}

/** Open flags of one article, by severity. */
export type FlagTally = Record<Severity, number>;

/** Returns every article with its review figures (newest import first) and, unless `withFlags` is false, its open flags by severity. */
export async function listCorpus(ctx: ServiceContext, opts: { withFlags?: boolean } = {}): Promise<{ articles: ArticleSummary[]; openFlags: Map<number, FlagTally> }> {
  const articles = await listArticles(ctx.store);
  const openFlags = new Map<number, FlagTally>();
  if (opts.withFlags === false) return { articles, openFlags };
  for (const a of articles) {
    const tally: FlagTally = { error: 0, warning: 0, info: 0 };
    for (const flag of (await ctx.flags.flagsFor(a.id)).open) tally[flag.severity] += 1;
    openFlags.set(a.id, tally);
  }
  return { articles, openFlags };
}

/** Sets an article's review status; throws not-found when there is no such article. */
export async function changeStatus(ctx: ServiceContext, articleId: number, status: ArticleStatus): Promise<void> {
  if (!(await setArticleStatus(ctx.store, articleId, status))) throw new ServiceError('not-found', `There is no article ${articleId}.`);
}

/** Sets the MT engine of an article ('' for unknown); throws not-found when there is no such article. */
export async function changeEngine(ctx: ServiceContext, articleId: number, engine: string): Promise<void> {
  if (!(await setArticleEngine(ctx.store, articleId, engine))) throw new ServiceError('not-found', `There is no article ${articleId}.`);
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
}
