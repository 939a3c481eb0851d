import type { CopydeskMigration } from './define.js';

/**
 * The 'derived' counter (issue 10): moved by every write of derived rows (a refresher's batch, an
 * import's batch, a names bucket clustered), so the listing pages (corpus, names, reports,
 * suggestions) can be served from one rendered copy until something they show changed.
 */
export const migration: CopydeskMigration = {
  name: '009-derived-counter',
  async up(db) {
    await db.insertInto('counters').values({ name: 'derived', value: 0 }).execute();
  },
};
