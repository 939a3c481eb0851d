/**
 * Issue 10: the corpus page filtered by status or engine and sorted by import date or title, either
 * way, is the first 50 entries of one index range (migration 018), never a sort of every article of
 * the status (at 100,000 articles, "not started" was a sort of some 80,000 rows per view). Checked on
 * 20,000 articles with the planner's own statistics and default settings.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type QueryObserver } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { listCorpusPage, type CorpusQuery } from '../../src/store/corpus.js';
import { BACKEND, createTestDatabase } from '../support/backend.js';
import { postgresPlan, sqlitePlan } from '../support/plan-scans.js';
import { insertBareArticles } from '../support/bulk-articles.js';

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** The parts of a plan that sort rows or read the articles table whole. */
async function sortsOrScans(store: Store, statement: string, parameters: readonly unknown[]): Promise<string[]> {
  if (store.backend === 'sqlite') {
    // A SCAN through an index in the sort's order stops after the page; a SCAN of the table, or a sort, reads every row.
    return (await sqlitePlan(store, statement, parameters)).filter((d) => /TEMP B-TREE/.test(d) || /^SCAN a$/.test(d));
  }
  return (await postgresPlan(store, statement, parameters))
    .filter((n) => n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort' || (n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'articles'))
    .map((n) => `${n['Node Type']} ${n['Relation Name'] ?? ''}`);
}

describe(`the corpus page's filtered and sorted rows at scale (${BACKEND})`, () => {
  it('are one index range, unfiltered and for each status or engine filter, sorted by import date or title either way', async () => {
    let statements: { sql: string; parameters: readonly unknown[] }[] = [];
    const onQuery: QueryObserver = (text, parameters) => { statements.push({ sql: text, parameters: [...parameters] }); };
    const store = await openStore(await createTestDatabase({ inMemory: true }), { onQuery });
    opened.push(store);
    await insertBareArticles(store, 20_000);

    const failures: string[] = [];
    for (const filter of [{}, { status: 'not-started' }, { status: 'in-review' }, { engine: 'DeepL' }, { engine: '' }] as const) {
      for (const sort of ['imported', 'title'] as const) {
        for (const isDescending of [true, false]) {
          const query: CorpusQuery = { ...filter, sort, isDescending, offset: 0, limit: 50 };
          statements = [];
          const { rows } = await listCorpusPage(store, query, 0);
          expect(rows).toHaveLength(50);
          const page = statements.find((s) => /ORDER BY/i.test(s.sql));
          expect(page).toBeDefined();
          const bad = await sortsOrScans(store, page!.sql, page!.parameters);
          if (bad.length > 0) failures.push(`${JSON.stringify(query)}: ${bad.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
