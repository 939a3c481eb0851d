import type { CopydeskMigration } from './define.js';

/**
 * The corpus page filtered by status or engine and sorted by import date or title (issue 10): one
 * index per filter and sort, so a page is the first 50 entries of one index range. On
 * articles_by_status / articles_by_engine (status or engine, then id) the database read every
 * article of the status and sorted them: "not started", most of an archive, was a sort of 80,000
 * rows on each view at 100,000 articles. Those two indexes are prefixes of the new ones and go.
 */
export const migration: CopydeskMigration = {
  name: '018-corpus-filter-sorts',
  async up(db) {
    const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('articles').columns(columns).execute();
    await index('articles_by_status_imported', ['status', 'imported_at', 'id']);
    await index('articles_by_status_title', ['status', 'title', 'id']);
    await index('articles_by_engine_imported', ['mt_engine', 'imported_at', 'id']);
    await index('articles_by_engine_title', ['mt_engine', 'title', 'id']);
    await db.schema.dropIndex('articles_by_status').execute();
    await db.schema.dropIndex('articles_by_engine').execute();
  },
};
