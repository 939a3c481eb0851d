import type { ArticleCorrection, ArticleView } from './types.js';
import { diffSegment } from '../diff/diff-segment.js';
import { deriveCorrections } from '../diff/corrections.js';

/** Returns the corrections of an article computed from its segments' MT and edit (for files checked without a database). */
export function deriveArticleCorrections(article: ArticleView): ArticleCorrection[] {
  return article.segments.flatMap((s) => {
    if (s.mt === s.edit) return [];
    const { parts } = diffSegment(s.mt, s.edit);
    return deriveCorrections(s.mt, s.edit, parts).map((c) => ({ segment: s.index, ...c }));
  });
}
