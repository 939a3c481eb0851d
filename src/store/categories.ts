import type { Store } from './store.js';
import { bumpArticleVersion } from './counters.js';
import type { MqmCategoryId } from '../core/mqm/typology.js';
import type { MqmSeverity } from '../core/mqm/severities.js';

/** A confirmed category of a correction: the latest an editor chose for it. */
export interface ConfirmedCategory {
  readonly segmentId: number;
  readonly mtText: string;
  readonly editText: string;
  readonly category: MqmCategoryId;
  readonly severity: MqmSeverity;
  readonly author: string;
  readonly createdAt: string;
}

/** Returns the key that ties a confirmation to a correction: the segment and both texts. */
export function categoryKey(segmentId: number, mtText: string, editText: string): string {
  return `${segmentId}\u0000${mtText}\u0000${editText}`;
}

/** Returns the confirmed categories of an article by categoryKey (the latest confirmation of each correction). */
export async function listConfirmedCategories(store: Store, articleId: number): Promise<Map<string, ConfirmedCategory>> {
  const rows = (await store.db.selectFrom('correction_categories')
    .select(['segment_id as segmentId', 'mt_text as mtText', 'edit_text as editText', 'category', 'severity', 'author', 'created_at as createdAt'])
    .where('article_id', '=', articleId).orderBy('id').execute()) as ConfirmedCategory[];
  return new Map(rows.map((r) => [categoryKey(r.segmentId, r.mtText, r.editText), r]));
}

/** Records an editor's category for a correction (appended; the latest wins). */
export async function confirmCategory(
  store: Store,
  articleId: number,
  input: { segmentId: number; mtText: string; editText: string; category: MqmCategoryId; severity: MqmSeverity },
  meta: { author: string; now: string },
): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.db.insertInto('correction_categories').values({
      article_id: articleId, segment_id: input.segmentId, mt_text: input.mtText, edit_text: input.editText,
      category: input.category, severity: input.severity, author: meta.author, created_at: meta.now,
    }).execute();
    await bumpArticleVersion(tx, articleId);
  });
}
