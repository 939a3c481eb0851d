import { parseArticle } from '../../../src/core/article/index.js';
import type { ArticleView } from '../../../src/core/checks/types.js';

/**
 * Returns the article the checks see for raw article text, parsed as the app parses it: each
 * segment indexed by position, its MT and edit both the text (an unedited article).
 */
export function articleFrom(raw: string, key = 'test.txt'): ArticleView {
  const parsed = parseArticle(raw);
  const segments = parsed.segments.map((s, index) => ({ index, kind: s.kind, mt: s.text, edit: s.text }));
  return { key, title: parsed.title, segments };
}

/** Returns raw article text from paragraphs: the first is the headline, the rest are separated by blank lines. */
export function rawArticle(...paragraphs: string[]): string {
  return paragraphs.join('\n\n');
}
