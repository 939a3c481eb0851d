/**
 * Issue 10: every listing page asks how many articles are stale (readListingVersionsAndStale), the
 * idle refresher whether any are (hasBackgroundWork), and a refresh claims the next few
 * (claimStaleArticles). At 100,000 articles on PostgreSQL the first of these ran a sequential scan of
 * every article on each page view (the planner, not knowing the decisions counter and with
 * statistics taken while an import left most articles dirty, expected an early stop), and the
 * listing pages served 35-79 requests/s. Here the planner gets such statistics, real ones (20,000
 * articles, 70% of them dirty, ANALYZE), with its default settings: each probe must read the index
 * articles_stale, never the table.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type QueryObserver } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { readListingVersionsAndStale } from '../../src/store/counters.js';
import { hasBackgroundWork } from '../../src/store/corpus.js';
import { claimStaleArticles, countStaleArticles } from '../../src/store/derived.js';
import { countArticlesBeforeDecisions } from '../../src/store/jobs.js';
import { BACKEND, createTestDatabase } from '../support/backend.js';
import { postgresPlan, sqlitePlan } from '../support/plan-scans.js';
import { insertBareArticles } from '../support/bulk-articles.js';

const ARTICLES = 20_000;

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** The parts of a plan that read the articles table itself rather than through an index (SQLite: a SCAN; PostgreSQL: a Seq Scan), or sort. */
async function tableReads(store: Store, statement: string, parameters: readonly unknown[]): Promise<string[]> {
  if (store.backend === 'sqlite') {
    return (await sqlitePlan(store, statement, parameters)).filter((d) => /^SCAN articles\b/.test(d) || /articles USING AUTOMATIC/.test(d) || /TEMP B-TREE/.test(d));
  }
  return (await postgresPlan(store, statement, parameters))
    .filter((n) => (n['Node Type'] === 'Seq Scan' || n['Node Type'] === 'Sort') && (n['Relation Name'] ?? 'articles') === 'articles')
    .map((n) => `${n['Node Type']} ${n['Relation Name'] ?? ''} ${n.Filter ?? ''}`);
}

describe(`the stale-article probes at scale (${BACKEND})`, () => {
  it('read the index articles_stale, never every article, with the planner\'s own statistics and settings', async () => {
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    const onQuery: QueryObserver = (text, parameters) => { statements.push({ sql: text, parameters: [...parameters] }); };
    const store = await openStore(await createTestDatabase({ inMemory: true }), { onQuery });
    opened.push(store);
    await insertBareArticles(store, ARTICLES);

    statements.length = 0;
    const state = await readListingVersionsAndStale(store, 16);
    expect(state.stale).toBe(17 + 0);
    const isBusy = await hasBackgroundWork(store);
    expect(isBusy).toBe(true);
    const claimed = await claimStaleArticles(store, { now: '2026-12-08T09:00:00.000Z', leaseUntil: '2026-12-08T09:05:00.000Z', decisions: 1, limit: 8 });
    expect(claimed).toHaveLength(8);
    const probes = statements.filter((s) => /FROM articles/.test(s.sql));
    expect(probes).toHaveLength(3);
    for (const probe of probes) {
      // The claim is an UPDATE: its plan is read without running it.
      expect(await tableReads(store, probe.sql, probe.parameters), probe.sql).toEqual([]);
    }

    // The full counts (how many wait, a re-check's progress) read what they count, however they are
    // planned; after migration 019 the re-check's count goes through articles_stale.
    expect(await countStaleArticles(store, 1)).toEqual({ stale: ARTICLES, total: ARTICLES });
    expect(await countArticlesBeforeDecisions(store, 1)).toBe(ARTICLES);
    expect(await countArticlesBeforeDecisions(store, 0)).toBe(ARTICLES * 0.7);
  });
});
