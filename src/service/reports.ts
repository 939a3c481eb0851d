import type { ServiceContext } from './context.js';
import { listArticleRows, type ArticleRow } from '../store/articles.js';
import { listEditorActivity, type EditorActivity } from '../store/revisions.js';
import { mqmPassScore, setMqmPassScore } from '../store/settings.js';
import { qualityOf, type ArticleQuality } from './quality.js';
import { ServiceError } from './errors.js';

/** Returns every article with its quality figures, newest import first. */
export async function corpusQuality(ctx: ServiceContext, opts: { caseSensitive: boolean }): Promise<{ article: ArticleRow; quality: ArticleQuality }[]> {
  const out: { article: ArticleRow; quality: ArticleQuality }[] = [];
  for (const article of await listArticleRows(ctx.store)) {
    const result = await qualityOf(ctx, article.id, { caseSensitive: opts.caseSensitive });
    if (result) out.push({ article, quality: result.quality });
  }
  return out;
}

/** Returns what each editor did across the corpus, most revisions first. */
export function editorActivity(ctx: ServiceContext): Promise<EditorActivity[]> {
  return listEditorActivity(ctx.store);
}

/** Returns the team's MQM pass score (0-100). */
export function passScore(ctx: ServiceContext): Promise<number> {
  return mqmPassScore(ctx.store);
}

/** Sets the team's MQM pass score; throws invalid outside 0-100. */
export async function changePassScore(ctx: ServiceContext, score: number): Promise<void> {
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new ServiceError('invalid', 'The pass score is a number from 0 to 100.');
  await setMqmPassScore(ctx.store, score);
}
