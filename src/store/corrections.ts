import { statement } from './statements.js';
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
  return statement(
      db,
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

/** A correction made in other articles, with how often and where. */
export interface CorpusCorrectionRow {
  readonly mtText: string;
  readonly editText: string;
  readonly count: number;
  readonly articles: readonly { readonly key: string; readonly title: string }[];
}

/** Returns the corrections that stand in every article except `articleId`, grouped by MT phrase and edited phrase (pure insertions left out). */
export function listCorpusCorrections(db: Db, exceptArticleId: number): CorpusCorrectionRow[] {
  return groupCorpusCorrections(listStandingCorrections(db).filter((r) => r.articleId !== exceptArticleId));
}


/** One correction standing in the corpus now, with its article (for grouping per reader). */
export interface StandingCorrection {
  readonly mtText: string;
  readonly editText: string;
  readonly articleId: number;
  readonly title: string;
}

/** Returns every correction that stands now (latest revisions), in all articles, pure insertions left out. */
export function listStandingCorrections(db: Db): StandingCorrection[] {
  return statement(
    db,
    `SELECT c.mt_text AS mtText, c.edit_text AS editText, a.id AS articleId, a.title
     FROM corrections c
     JOIN revisions r ON r.id = c.revision_id
     JOIN articles a ON a.id = c.article_id
     WHERE c.mt_text <> ''
       AND r.number = (SELECT MAX(number) FROM revisions WHERE segment_id = c.segment_id)
     ORDER BY c.mt_text, c.edit_text, a.id`,
  ).all() as StandingCorrection[];
}

/** Groups standing corrections of other articles by MT phrase and edited phrase, as the checks take them. */
export function groupCorpusCorrections(rows: readonly StandingCorrection[]): CorpusCorrectionRow[] {
  const groups = new Map<string, { mtText: string; editText: string; count: number; articles: Map<number, string> }>();
  for (const row of rows) {
    const key = `${row.mtText}\u0000${row.editText}`;
    const group = groups.get(key) ?? { mtText: row.mtText, editText: row.editText, count: 0, articles: new Map<number, string>() };
    group.count += 1;
    group.articles.set(row.articleId, row.title);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    mtText: g.mtText,
    editText: g.editText,
    count: g.count,
    articles: [...g.articles].map(([id, title]) => ({ key: String(id), title })),
  }));
}

/** Returns the newest revision id of an article (0 when never edited): changes whenever its text does. */
export function articleRevisionStamp(db: Db, articleId: number): number {
  return (
    statement(db, 'SELECT COALESCE(MAX(r.id), 0) AS n FROM revisions r JOIN segments s ON s.id = r.segment_id WHERE s.article_id = ?').get(articleId) as { n: number }
  ).n;
}
