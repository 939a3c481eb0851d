import type { SegmentView } from '../store/segments.js';
import type { CorrectionRow } from '../store/corrections.js';
import type { ArticleCorrection, ArticleView } from '../core/checks/types.js';

/** Returns the article as the checks see it: each segment's MT and current edit. */
export function toArticleView(articleId: number, title: string, segments: readonly SegmentView[]): ArticleView {
  return {
    key: String(articleId),
    title,
    segments: segments.map((s) => ({ index: s.position, kind: s.kind, mt: s.mt, edit: s.edit })),
  };
}

/** Returns the checks' view of a stored correction. */
export function toArticleCorrection(c: CorrectionRow): ArticleCorrection {
  return { segment: c.position, mtText: c.mtText, editText: c.editText, mtStart: c.mtStart, mtEnd: c.mtEnd, editStart: c.editStart, editEnd: c.editEnd };
}
