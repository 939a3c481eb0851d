import type { CopydeskMigration } from './define.js';

/**
 * articles_by_refreshed_decisions (migration 008) served the stale-article probes and the re-check's
 * progress count; articles_stale (is_dirty, refreshed_decisions, id; migration 017) now serves them
 * all, so the old index only cost a write on every import and every refresh. It goes.
 */
export const migration: CopydeskMigration = {
  name: '019-drop-refreshed-decisions-index',
  async up(db) {
    await db.schema.dropIndex('articles_by_refreshed_decisions').execute();
  },
};
