import { sql } from 'kysely';
import type { Store } from './store.js';

/** An article's change counters (migration 007), as the live hub polls them. */
export interface ArticleCounters {
  readonly id: number;
  /** Every write to what the article's pages show. */
  readonly version: number;
  /** Every revision of its segments (and a new Korean original). */
  readonly textVersion: number;
}

/** A segment's newest revision: its 0-based position, number and author. */
export interface SegmentRevision {
  readonly position: number;
  readonly revision: number;
  readonly author: string;
}

/** An article's counters with the newest revision of each saved segment, read in one statement, so the two agree. */
export interface ArticleSnapshot {
  readonly version: number;
  readonly textVersion: number;
  readonly segments: readonly SegmentRevision[];
}

/** Most ids one statement asks for. */
const IDS_PER_STATEMENT = 500;

/** Returns the counters of the articles that exist among `articleIds` (primary-key reads: the live hub's poll). */
export async function readArticleCounters(store: Store, articleIds: readonly number[]): Promise<ArticleCounters[]> {
  const out: ArticleCounters[] = [];
  for (let i = 0; i < articleIds.length; i += IDS_PER_STATEMENT) {
    const ids = articleIds.slice(i, i + IDS_PER_STATEMENT);
    const { rows } = await sql<ArticleCounters>`SELECT id, version, text_version AS "textVersion" FROM articles WHERE id IN (${sql.join(ids)})`.execute(store.db);
    out.push(...rows.map((r) => ({ id: Number(r.id), version: Number(r.version), textVersion: Number(r.textVersion) })));
  }
  return out;
}

/**
 * Returns an article's counters and the newest revision of each of its saved segments (by
 * position), or undefined when there is no such article. One statement, so the counters are those
 * of the revisions read: segments by article, revisions by (segment_id, number).
 */
export async function readArticleSnapshot(store: Store, articleId: number): Promise<ArticleSnapshot | undefined> {
  const { rows } = await sql<{ version: number; textVersion: number; position: number | null; number: number | null; author: string | null }>`
    SELECT a.version, a.text_version AS "textVersion", s.position, r.number, r.author
    FROM articles a
    LEFT JOIN segments s ON s.article_id = a.id
    LEFT JOIN revisions r ON r.segment_id = s.id AND r.number = (SELECT MAX(number) FROM revisions WHERE segment_id = s.id)
    WHERE a.id = ${articleId}
    ORDER BY s.position`.execute(store.db);
  const first = rows[0];
  if (!first) return undefined;
  const segments = rows
    .filter((r) => r.position !== null && r.number !== null)
    .map((r) => ({ position: Number(r.position), revision: Number(r.number), author: r.author ?? '' }));
  return { version: Number(first.version), textVersion: Number(first.textVersion), segments };
}
