import { sql } from 'kysely';
import type { CopydeskMigration } from './define.js';

/**
 * "Next article with open errors" (issue 13): a partial index of the articles whose figures count an
 * open error flag, in id order, so the next one after an id is one index probe at any corpus size
 * (article_stats_by_open of migration 008 leads with the count, so finding the next id through it
 * reads every article with errors and sorts them). Both backends take the same partial index.
 */
export const migration: CopydeskMigration = {
  name: '013-open-errors-index',
  async up(db) {
    await db.schema.createIndex('article_stats_with_errors').on('article_stats').column('article_id').where(sql.ref('open_errors'), '>', 0).execute();
  },
};
