import type { CopydeskMigration } from './define.js';

/**
 * The probes for stale articles at newsroom scale (issue 10): (is_dirty, refreshed_decisions, id).
 * Every listing page asks how many articles are stale (up to 17, service/context.ts), the idle
 * refresher whether any are, and a refresh claims the next few. "Refreshed under an older decision,
 * not marked" was `refreshed_decisions < ? AND is_dirty = 0` on articles_by_refreshed_decisions;
 * PostgreSQL, not knowing the decisions counter when it plans, took a sequential scan of every
 * article instead (37 ms a page view at 100,000 articles). On this index the probe is one range
 * read in index order (`is_dirty = 0 AND refreshed_decisions < ? ORDER BY refreshed_decisions, id`),
 * which no plan beats, and the claim's two probes stop after their first entries.
 */
export const migration: CopydeskMigration = {
  name: '017-stale-index',
  async up(db) {
    await db.schema.createIndex('articles_stale').on('articles').columns(['is_dirty', 'refreshed_decisions', 'id']).execute();
  },
};
