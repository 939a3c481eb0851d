import type { SegmentView } from '../store/segments.js';
import type { CorrectionRow } from '../store/corrections.js';
import type { ArticleCorrection, ArticleView } from '../core/checks/types.js';
import type { ArticleSource } from '../core/source/types.js';

/** Returns the article as the checks see it: each segment's MT and current edit, and its Korean original when stored (issue 12). */
export function toArticleView(articleId: number, title: string, segments: readonly SegmentView[], source?: ArticleSource): ArticleView {
  const view = {
    key: String(articleId),
    title,
    segments: segments.map((s) => ({ index: s.position, kind: s.kind, mt: s.mt, edit: s.edit })),
  };
  return source === undefined ? view : { ...view, source };
}

/** Returns the checks' view of a stored correction. */
export function toArticleCorrection(c: CorrectionRow): ArticleCorrection {
  return { segment: c.position, mtText: c.mtText, editText: c.editText, mtStart: c.mtStart, mtEnd: c.mtEnd, editStart: c.editStart, editEnd: c.editEnd };
}
