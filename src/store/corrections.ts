import type { Db } from './open-db.js';

/** A stored correction with where it was made. */
export interface CorrectionRow {
  readonly id: number;
  readonly articleId: number;
  readonly segmentId: number;
  readonly position: number;
  readonly revision: number;
  readonly mtText: string;
  readonly editText: string;
  readonly mtStart: number;
  readonly mtEnd: number;
  readonly editStart: number;
  readonly editEnd: number;
  readonly author: string;
  readonly createdAt: string;
}

/** Returns the corrections that stand in an article now: those of each segment's latest revision, in reading order. */
export function listCurrentCorrections(db: Db, articleId: number): CorrectionRow[] {
  return db
    .prepare(
      `SELECT c.id, c.article_id AS articleId, c.segment_id AS segmentId, s.position, r.number AS revision,
              c.mt_text AS mtText, c.edit_text AS editText, c.mt_start AS mtStart, c.mt_end AS mtEnd,
              c.edit_start AS editStart, c.edit_end AS editEnd, r.author, r.created_at AS createdAt
       FROM corrections c
       JOIN revisions r ON r.id = c.revision_id
       JOIN segments s ON s.id = c.segment_id
       WHERE c.article_id = ?
         AND r.number = (SELECT MAX(number) FROM revisions WHERE segment_id = c.segment_id)
       ORDER BY s.position, c.mt_start`,
    )
    .all(articleId) as CorrectionRow[];
}
