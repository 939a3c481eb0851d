import type { CopydeskMigration } from './define.js';

/**
 * Which machine-translation engine produced an article (issue 5: reports per MT engine). Empty when
 * unknown; set at import (form field, `copydesk import --engine`) or later on the article page.
 */
export const migration: CopydeskMigration = {
  name: '006-mt-engine',
  async up(db) {
    await db.schema.alterTable('articles').addColumn('mt_engine', 'text', (c) => c.notNull().defaultTo('')).execute();
  },
};
