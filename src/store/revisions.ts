import { statement } from './statements.js';
import type { Db } from './open-db.js';
import type { CorrectionPair, DiffPart } from '../core/diff/types.js';

/** One saved version of a segment's edit. */
export interface RevisionRow {
  readonly id: number;
  readonly segmentId: number;
  readonly number: number;
  readonly text: string;
  readonly author: string;
  readonly createdAt: string;
  readonly baseNumber: number;
  readonly revertedTo: number | null;
  /** Word diff MT -> this text. */
  readonly diffMt: readonly DiffPart[];
  /** Word diff previous revision (or MT) -> this text. */
  readonly diffPrev: readonly DiffPart[];
  readonly isCoarse: boolean;
  readonly wordsChanged: number;
}

/** What a save writes: the new text, everything derived from it, and the revision the editor started from. */
export interface NewRevision {
  readonly segmentId: number;
  readonly articleId: number;
  readonly baseNumber: number;
  readonly text: string;
  readonly author: string;
  readonly now: string;
  readonly revertedTo?: number | undefined;
  readonly diffMt: readonly DiffPart[];
  readonly diffPrev: readonly DiffPart[];
  readonly isCoarse: boolean;
  readonly wordsChanged: number;
  readonly corrections: readonly CorrectionPair[];
}

/** The outcome of a save: the new revision number, or the revision that was saved in between. */
export type AppendResult =
  | { readonly ok: true; readonly number: number }
  | { readonly ok: false; readonly current: RevisionRow };

interface RevisionDbRow {
  id: number; segmentId: number; number: number; text: string; author: string; createdAt: string;
  baseNumber: number; revertedTo: number | null; diffMt: string; diffPrev: string; isCoarse: number; wordsChanged: number;
}

const REVISION_COLUMNS = `id, segment_id AS segmentId, number, text, author, created_at AS createdAt,
  base_number AS baseNumber, reverted_to AS revertedTo, diff_mt AS diffMt, diff_prev AS diffPrev,
  is_coarse AS isCoarse, words_changed AS wordsChanged`;

function toRevision(row: RevisionDbRow): RevisionRow {
  return {
    ...row,
    diffMt: JSON.parse(row.diffMt) as DiffPart[],
    diffPrev: JSON.parse(row.diffPrev) as DiffPart[],
    isCoarse: row.isCoarse === 1,
  };
}

/** Returns the latest revision number of a segment (0 when it has none). */
export function currentRevisionNumber(db: Db, segmentId: number): number {
  const row = statement(db, 'SELECT MAX(number) AS n FROM revisions WHERE segment_id = ?').get(segmentId) as { n: number | null };
  return row.n ?? 0;
}

/** Returns one revision of a segment, or undefined. */
export function getRevision(db: Db, segmentId: number, number: number): RevisionRow | undefined {
  const row = statement(db, `SELECT ${REVISION_COLUMNS} FROM revisions WHERE segment_id = ? AND number = ?`).get(segmentId, number) as RevisionDbRow | undefined;
  return row ? toRevision(row) : undefined;
}

/** Returns every revision of a segment, newest first. */
export function listRevisions(db: Db, segmentId: number): RevisionRow[] {
  const rows = statement(db, `SELECT ${REVISION_COLUMNS} FROM revisions WHERE segment_id = ? ORDER BY number DESC`).all(segmentId) as RevisionDbRow[];
  return rows.map(toRevision);
}

/**
 * Appends a revision and its corrections unless someone saved the segment since `baseNumber`;
 * returns the new number, or the revision that was saved in between (the caller answers 409).
 */
export function appendRevision(db: Db, rev: NewRevision): AppendResult {
  return db.transaction((): AppendResult => {
    const current = currentRevisionNumber(db, rev.segmentId);
    if (current !== rev.baseNumber) {
      return { ok: false, current: getRevision(db, rev.segmentId, current) as RevisionRow };
    }
    const number = current + 1;
    const { lastInsertRowid } = statement(
      db,
        `INSERT INTO revisions (segment_id, number, text, author, created_at, base_number, reverted_to,
           diff_mt, diff_prev, is_coarse, words_changed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(rev.segmentId, number, rev.text, rev.author, rev.now, rev.baseNumber, rev.revertedTo ?? null,
        JSON.stringify(rev.diffMt), JSON.stringify(rev.diffPrev), rev.isCoarse ? 1 : 0, rev.wordsChanged);
    const insertCorrection = statement(
      db,
      `INSERT INTO corrections (revision_id, segment_id, article_id, mt_text, edit_text, mt_start, mt_end, edit_start, edit_end)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const c of rev.corrections) {
      insertCorrection.run(lastInsertRowid, rev.segmentId, rev.articleId, c.mtText, c.editText, c.mtStart, c.mtEnd, c.editStart, c.editEnd);
    }
    // A first save starts the review; an article already marked done stays done.
    statement(db, "UPDATE articles SET status = 'in-review' WHERE id = ? AND status = 'not-started'").run(rev.articleId);
    return { ok: true, number };
  }).immediate();
}

/** What one editor did: revisions saved, segments and articles touched. */
export interface EditorActivity {
  readonly author: string;
  readonly revisions: number;
  readonly segments: number;
  readonly articles: number;
  readonly corrections: number;
}

/** Returns every editor's activity across the corpus, most revisions first. */
export function listEditorActivity(db: Db): EditorActivity[] {
  return statement(
    db,
    `SELECT r.author, COUNT(*) AS revisions, COUNT(DISTINCT r.segment_id) AS segments, COUNT(DISTINCT s.article_id) AS articles,
            (SELECT COUNT(*) FROM corrections c JOIN revisions r2 ON r2.id = c.revision_id WHERE r2.author = r.author) AS corrections
     FROM revisions r JOIN segments s ON s.id = r.segment_id
     GROUP BY r.author ORDER BY revisions DESC, r.author`,
  ).all() as EditorActivity[];
}
