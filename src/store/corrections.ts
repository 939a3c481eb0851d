import { sql } from 'kysely';
import type { Store } from './store.js';

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
export async function listCurrentCorrections(store: Store, articleId: number): Promise<CorrectionRow[]> {
  const { rows } = await sql<CorrectionRow>`
    SELECT c.id, c.article_id AS "articleId", c.segment_id AS "segmentId", s.position, r.number AS revision,
           c.mt_text AS "mtText", c.edit_text AS "editText", c.mt_start AS "mtStart", c.mt_end AS "mtEnd",
           c.edit_start AS "editStart", c.edit_end AS "editEnd", r.author, r.created_at AS "createdAt"
    FROM corrections c
    JOIN revisions r ON r.id = c.revision_id
    JOIN segments s ON s.id = c.segment_id
    WHERE c.article_id = ${articleId}
      AND r.number = (SELECT MAX(number) FROM revisions WHERE segment_id = c.segment_id)
    ORDER BY s.position, c.mt_start, c.id`.execute(store.db);
  return rows;
}

/** One correction standing in the corpus now, with its article (for grouping per reader). */
export interface StandingCorrection {
  readonly mtText: string;
  readonly editText: string;
  readonly articleId: number;
  readonly title: string;
}

/** Returns every correction that stands now (latest revisions), in all articles, pure insertions left out, in the order they were made. */
export async function listStandingCorrections(store: Store): Promise<StandingCorrection[]> {
  const { rows } = await sql<StandingCorrection>`
    SELECT c.mt_text AS "mtText", c.edit_text AS "editText", a.id AS "articleId", a.title
    FROM corrections c
    JOIN revisions r ON r.id = c.revision_id
    JOIN articles a ON a.id = c.article_id
    WHERE c.mt_text <> ''
      AND r.number = (SELECT MAX(number) FROM revisions WHERE segment_id = c.segment_id)
    ORDER BY c.id`.execute(store.db);
  return rows;
}
