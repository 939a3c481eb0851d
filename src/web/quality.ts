import type { RouteDeps } from './app.js';
import type { SegmentView } from '../store/segments.js';
import type { ArticleFlags } from '../store/check-article.js';
import { articleQuality, type ArticleQuality } from '../store/article-quality.js';
import { mqmPassScore } from '../store/settings.js';

/** Returns an article's flags and quality figures from the cached flag reader, scored against the team's pass score. */
export function qualityOf(
  deps: RouteDeps,
  articleId: number,
  opts: { segments?: readonly SegmentView[]; flags?: ArticleFlags; caseSensitive?: boolean } = {},
): { flags: ArticleFlags; quality: ArticleQuality | undefined; passScore: number } {
  const flags = opts.flags ?? deps.flags.flagsFor(articleId, opts.segments);
  const passScore = mqmPassScore(deps.db);
  const quality = articleQuality(
    deps.db,
    articleId,
    { open: flags.open, mt: () => deps.flags.mtFlagsFor(articleId, opts.segments) },
    { passScore },
    { caseSensitive: opts.caseSensitive ?? true },
  );
  return { flags, quality, passScore };
}
