import { sql } from 'kysely';
import type { Store } from '../../src/store/store.js';

/**
 * Inserts `count` bare article rows in one statement (no segments, no derived rows), then has the
 * planner read the tables (ANALYZE), for plan tests that need the planner's own statistics at a
 * scale where a wrong plan shows: 70% marked dirty and never refreshed, the rest refreshed under
 * decisions 0; statuses 80% not started, 15% in review, 5% done; three engines.
 */
export async function insertBareArticles(store: Store, count: number): Promise<void> {
  const numbers = store.backend === 'postgres'
    ? sql`SELECT g AS n FROM generate_series(1, ${count}) g`
    : sql`WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${count}) SELECT n FROM s`;
  await sql`INSERT INTO articles (title, source_name, content_hash, imported_at, imported_by, mt_engine, status, is_dirty, refreshed_decisions)
    SELECT 'Article ' || n, 'a' || n || '.txt', 'hash-' || n, '2026-12-08T09:00:00.000Z', 'test',
      CASE WHEN n % 3 = 0 THEN 'DeepL' WHEN n % 3 = 1 THEN 'Papago' ELSE '' END,
      CASE WHEN n % 20 < 16 THEN 'not-started' WHEN n % 20 < 19 THEN 'in-review' ELSE 'done' END,
      CASE WHEN n % 10 < 7 THEN 1 ELSE 0 END, CASE WHEN n % 10 < 7 THEN -1 ELSE 0 END FROM (${numbers}) r`.execute(store.db);
  await sql`ANALYZE`.execute(store.db);
}
