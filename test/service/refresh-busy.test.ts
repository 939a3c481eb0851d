/**
 * The background refresher under SQLite lock contention (issue 10): at 100,000 articles `copydesk
 * refresh` died of an uncaught SQLITE_BUSY when another writer held the lock past busy_timeout.
 * A pass that finds the database locked now reports it and the next pass does the work.
 */
import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3';
import { BACKEND, createTestDatabase, openTestContext } from '../support/backend.js';
import { importCorpusArticle, TEST_NOW } from '../helpers.js';
import { markArticlesDirty } from '../../src/store/derived.js';
import refreshTask, { isBusyError } from '../../src/service/refresh-worker.js';

describe.skipIf(BACKEND !== 'sqlite')('a refresher pass on a locked SQLite database', () => {
  it('reports the lock and leaves the work for the next pass instead of failing', async () => {
    const config = await createTestDatabase();
    if (!('sqlite' in config)) throw new Error('an SQLite test');
    const ctx = await openTestContext({ config, now: () => TEST_NOW });
    const id = await importCorpusArticle(ctx);
    await markArticlesDirty(ctx.store, [id]);
    await ctx.store.close();

    const other = new Database(config.sqlite);
    other.exec('BEGIN IMMEDIATE');
    try {
      const locked = await refreshTask({ config, budgetMs: 1000 });
      expect(locked).toMatchObject({ refreshed: 0, hasMore: true, wasBusy: true });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const freed = await refreshTask({ config, budgetMs: 5000 });
    expect(freed.wasBusy).toBeUndefined();
    expect(freed.refreshed).toBe(1);
  }, 30_000);

  it('tells SQLite\'s lock errors from others', () => {
    expect(isBusyError({ code: 'SQLITE_BUSY' })).toBe(true);
    expect(isBusyError({ code: 'SQLITE_BUSY_SNAPSHOT' })).toBe(true);
    expect(isBusyError({ code: 'SQLITE_CORRUPT' })).toBe(false);
    expect(isBusyError(new Error('x'))).toBe(false);
  });
});
