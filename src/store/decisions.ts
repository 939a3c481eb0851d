import { statement } from './statements.js';
import type { Db } from './open-db.js';

/** A dismissal in force: the flag it hides and why. */
export interface DismissalRow {
  readonly id: number;
  readonly articleId: number;
  readonly checkId: string;
  readonly fingerprint: string;
  readonly text: string;
  readonly reason: string;
  readonly author: string;
  readonly createdAt: string;
}

/** One flag to dismiss. */
export interface NewDismissal {
  readonly checkId: string;
  readonly fingerprint: string;
  readonly text: string;
}

/** Records dismissals of several flags of an article at once (one transaction); a flag already dismissed is left as it is. Returns how many were added. */
export function dismissFlags(db: Db, articleId: number, flags: readonly NewDismissal[], meta: { reason: string; author: string; now: string }): number {
  return db.transaction(() => {
    const isDismissed = statement(db, 'SELECT 1 FROM dismissals WHERE article_id = ? AND fingerprint = ? AND revoked_at IS NULL');
    const insert = statement(
      db,
      'INSERT INTO dismissals (article_id, check_id, fingerprint, text, reason, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    let added = 0;
    for (const f of flags) {
      if (isDismissed.get(articleId, f.fingerprint)) continue;
      insert.run(articleId, f.checkId, f.fingerprint, f.text, meta.reason, meta.author, meta.now);
      added += 1;
    }
    return added;
  }).immediate();
}

/** Restores a dismissed flag (the dismissal is kept, marked revoked); returns false when there was none in force. */
export function restoreFlag(db: Db, articleId: number, dismissalId: number, meta: { author: string; now: string }): boolean {
  return (
    statement(db, 'UPDATE dismissals SET revoked_by = ?, revoked_at = ? WHERE id = ? AND article_id = ? AND revoked_at IS NULL')
      .run(meta.author, meta.now, dismissalId, articleId).changes === 1
  );
}

/** Returns the dismissals in force for an article, newest first. */
export function listDismissals(db: Db, articleId: number): DismissalRow[] {
  return statement(
      db,
      `SELECT id, article_id AS articleId, check_id AS checkId, fingerprint, text, reason, author, created_at AS createdAt
       FROM dismissals WHERE article_id = ? AND revoked_at IS NULL ORDER BY id DESC`,
    )
    .all(articleId) as DismissalRow[];
}

/** Records that two spellings name different people (order does not matter); returns false when it was already recorded. */
export function recordDistinctPeople(db: Db, a: string, b: string, meta: { author: string; now: string }): boolean {
  const [first, second] = a < b ? [a, b] : [b, a];
  return (
    statement(db, 'INSERT OR IGNORE INTO distinct_people (spelling_a, spelling_b, author, created_at) VALUES (?, ?, ?, ?)')
      .run(first, second, meta.author, meta.now).changes === 1
  );
}

/** Returns every pair of spellings recorded as different people. */
export function listDistinctPeople(db: Db): [string, string][] {
  const rows = statement(db, 'SELECT spelling_a AS a, spelling_b AS b FROM distinct_people ORDER BY id').all() as { a: string; b: string }[];
  return rows.map((r) => [r.a, r.b]);
}
