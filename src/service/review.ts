import type { ServiceContext } from './context.js';
import { getArticle, type ArticleRow } from '../store/articles.js';
import { readArticleWithVersions, type ArticleVersions } from '../store/counters.js';
import type { CorrectionRow } from '../store/corrections.js';
import { readArticleState, type ArticleFlags, type ArticleState } from './flag-reader.js';
import { qualityOf, type ArticleQuality } from './quality.js';
import { readSourceSegments } from '../store/sources.js';
import type { ArticleSource } from '../core/source/types.js';

/** Everything the review page of an article shows, and the key it can be cached under. */
export interface ReviewData {
  readonly article: ArticleRow;
  readonly state: ArticleState;
  readonly flags: ArticleFlags;
  readonly corrections: readonly CorrectionRow[];
  readonly quality: ArticleQuality;
  readonly passScore: number;
  /** The Korean original, aligned, when the article has one (issue 12). */
  readonly source: ArticleSource | undefined;
  /** reviewPageKey of what was read. */
  readonly pageKey: string;
}

/**
 * Returns the key of what an article's pages show: every write to the article moves its version,
 * every glossary or people decision the decisions counter, the pass score the settings counter;
 * the flags' key covers the corrections of other articles that can raise a flag here. Nothing is
 * listed by hand, so a new field shown on the page is covered as long as its write goes through
 * the store (test/web/page-key.test.ts changes each field and checks the page follows).
 */
export function reviewPageKey(versions: ArticleVersions, flagsKey: string): string {
  return `${versions.version}|${versions.decisions}|${versions.settings}|${flagsKey}`;
}

/**
 * Returns an article and its page key from one read of its row and counters (the fast path of a
 * page view: the only query of a cached page), with `pageKey` null when its flags must be computed
 * first; undefined when there is no such article.
 */
export async function cachedReviewPageKey(ctx: ServiceContext, articleId: number): Promise<{ article: ArticleRow; pageKey: string | null } | undefined> {
  const read = await readArticleWithVersions(ctx.store, articleId);
  if (!read) return undefined;
  const flagsKey = ctx.flags.cachedKey(articleId, read.versions);
  return { article: read.article, pageKey: flagsKey === undefined ? null : reviewPageKey(read.versions, flagsKey) };
}

/** Returns what the review page of an article shows, or undefined when there is no such article. */
export async function loadReview(ctx: ServiceContext, articleId: number): Promise<ReviewData | undefined> {
  const state = await readArticleState(ctx.store, articleId);
  const article = state && (await getArticle(ctx.store, articleId));
  if (!state || !article) return undefined;
  const [result, source] = await Promise.all([qualityOf(ctx, articleId, { state }), readSourceSegments(ctx.store, articleId)]);
  if (!result) return undefined;
  const flagsKey = ctx.flags.cachedKey(articleId, state.versions) ?? '';
  return {
    article,
    state,
    flags: result.flags,
    corrections: result.corrections,
    quality: result.quality,
    passScore: result.passScore,
    source,
    pageKey: reviewPageKey(state.versions, flagsKey),
  };
}
