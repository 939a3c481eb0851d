import type { Db } from './open-db.js';
import { statement } from './statements.js';
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
export function listConfirmedCategories(db: Db, articleId: number): Map<string, ConfirmedCategory> {
  const rows = statement(
    db,
    `SELECT segment_id AS segmentId, mt_text AS mtText, edit_text AS editText, category, severity, author, created_at AS createdAt
     FROM correction_categories WHERE article_id = ? ORDER BY id`,
  ).all(articleId) as ConfirmedCategory[];
  return new Map(rows.map((r) => [categoryKey(r.segmentId, r.mtText, r.editText), r]));
}

/** Records an editor's category for a correction (appended; the latest wins). */
export function confirmCategory(
  db: Db,
  articleId: number,
  input: { segmentId: number; mtText: string; editText: string; category: MqmCategoryId; severity: MqmSeverity },
  meta: { author: string; now: string },
): void {
  statement(
    db,
    `INSERT INTO correction_categories (article_id, segment_id, mt_text, edit_text, category, severity, author, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(articleId, input.segmentId, input.mtText, input.editText, input.category, input.severity, meta.author, meta.now);
}

/** Returns a value that changes whenever any category is confirmed. */
export function categoriesStamp(db: Db): number {
  return (statement(db, 'SELECT COALESCE(MAX(id), 0) AS n FROM correction_categories').get() as { n: number }).n;
}
