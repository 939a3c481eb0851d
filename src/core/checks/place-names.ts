import type { CorpusCorrection } from './types.js';
import type { ArticleView } from './types.js';

/**
 * Returns how an editor would name a segment in a message: "the headline", "the standfirst",
 * "paragraph 3" (counting body paragraphs only, as an editor counts them), "the caption" (or
 * "caption 2" when there are several), "the page chrome"; "segment N" for an index not in the article.
 */
export function describeSegment(article: ArticleView, index: number): string {
  const segment = article.segments.find((s) => s.index === index);
  // Guard: a stale index (a correction stored against an older parse) still gets a name.
  if (segment === undefined) return `segment ${index}`;
  const sameKind = article.segments.filter((s) => s.kind === segment.kind);
  const ordinal = sameKind.findIndex((s) => s.index === index) + 1;
  switch (segment.kind) {
    case 'headline':
      return 'the headline';
    case 'standfirst':
      return 'the standfirst';
    case 'body':
      return `paragraph ${ordinal}`;
    case 'caption':
      return sameKind.length === 1 ? 'the caption' : `caption ${ordinal}`;
    case 'boilerplate':
      return 'the page chrome';
  }
}

/** Returns the places named once each, in article order, as an English list: "the headline and paragraph 2". */
export function describeSegments(article: ArticleView, indices: readonly number[]): string {
  const names = [...new Set([...indices].sort((a, b) => a - b).map((i) => describeSegment(article, i)))];
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Most article titles a message names before "and N more" (range 1-10). */
export const MAX_TITLES = 3;

/** Returns the titles quoted and comma-separated, at most MAX_TITLES of them, then "and N more". */
export function listTitles(articles: readonly { readonly title: string }[], total: number = articles.length): string {
  const shown = articles.slice(0, MAX_TITLES).map((a) => `“${a.title}”`);
  const rest = total - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** Returns the articles other than `articleKey` that made a corpus correction (a sample when the count is given), and how many there are. */
export function otherArticlesOf(cc: CorpusCorrection, articleKey: string): { articles: CorpusCorrection['articles']; count: number } {
  const articles = cc.articles.filter((a) => a.key !== articleKey);
  return { articles, count: cc.otherArticleCount ?? articles.length };
}
