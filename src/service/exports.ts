import type { ServiceContext } from './context.js';
import { getArticle } from '../store/articles.js';
import { listSegments } from '../store/segments.js';
import { listCurrentCorrections } from '../store/corrections.js';
import type { ExportArticle, ArticleExportFormat, ExportedFile } from '../formats/article/types.js';
import { exportArticle } from '../formats/article/index.js';
import { TOOL } from '../formats/tool.js';
import { ServiceError } from './errors.js';
import { readArticleState } from './flag-reader.js';
import { spansOf } from '../core/checks/flag-spans.js';

/** Returns an article as the exports need it (each segment's MT, current edit, last author, corrections and open error flags), or undefined. */
export async function loadExportArticle(ctx: ServiceContext, articleId: number): Promise<(ExportArticle & { readonly mtEngine: string }) | undefined> {
  const article = await getArticle(ctx.store, articleId);
  if (!article) return undefined;
  const [segments, corrections, state] = await Promise.all([listSegments(ctx.store, articleId), listCurrentCorrections(ctx.store, articleId), readArticleState(ctx.store, articleId)]);
  // The checks' open error flags, per segment: an export never calls such a segment reviewed.
  const flags = state ? await ctx.flags.flagsFor(articleId, state) : undefined;
  const openErrors = new Map<number, number>();
  // A flag with several places (issue 12) counts once in each segment it touches.
  for (const flag of flags?.open ?? []) {
    if (flag.severity !== 'error') continue;
    for (const segment of new Set(spansOf(flag).map((s) => s.segment))) openErrors.set(segment, (openErrors.get(segment) ?? 0) + 1);
  }
  return {
    id: article.id,
    title: article.title,
    sourceName: article.sourceName,
    status: article.status,
    importedAt: article.importedAt,
    mtEngine: article.mtEngine,
    segments: segments.map((s) => ({
      position: s.position,
      kind: s.kind,
      mt: s.mt,
      edit: s.edit,
      revision: s.revision,
      author: s.author,
      savedAt: s.savedAt,
      corrections: corrections.filter((c) => c.position === s.position).map((c) => ({ mtText: c.mtText, editText: c.editText })),
      openErrors: openErrors.get(s.position) ?? 0,
    })),
  };
}

/** Returns an article exported in `format` with its title (for the file name); throws not-found when there is no such article. */
export async function exportArticleFile(ctx: ServiceContext, articleId: number, format: ArticleExportFormat): Promise<{ file: ExportedFile; title: string }> {
  const article = await loadExportArticle(ctx, articleId);
  if (!article) throw new ServiceError('not-found', `There is no article ${articleId}.`);
  const file = exportArticle(article, format, { now: ctx.now(), tool: TOOL, mtEngine: article.mtEngine || undefined });
  return { file, title: article.title };
}
