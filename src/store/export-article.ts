import type { Db } from './open-db.js';
import { getArticle } from './articles.js';
import { listSegments } from './segments.js';
import { listCurrentCorrections } from './corrections.js';
import type { ExportArticle } from '../formats/article/types.js';

/** Returns an article as the exports need it (each segment's MT, current edit, last author and corrections), or undefined. */
export function loadExportArticle(db: Db, articleId: number): ExportArticle | undefined {
  const article = getArticle(db, articleId);
  if (!article) return undefined;
  const corrections = listCurrentCorrections(db, articleId);
  return {
    id: article.id,
    title: article.title,
    sourceName: article.sourceName,
    status: article.status,
    importedAt: article.importedAt,
    segments: listSegments(db, articleId).map((s) => ({
      position: s.position,
      kind: s.kind,
      mt: s.mt,
      edit: s.edit,
      revision: s.revision,
      author: s.author,
      savedAt: s.savedAt,
      corrections: corrections.filter((c) => c.position === s.position).map((c) => ({ mtText: c.mtText, editText: c.editText })),
    })),
  };
}
