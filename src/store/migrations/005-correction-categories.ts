import { sql } from 'kysely';
import { withId, type CopydeskMigration } from './define.js';

/**
 * The MQM category an editor confirmed for a correction (issue 5). Keyed by the segment and the
 * correction's text, not by a revision, so a confirmation holds while the same correction stands
 * in later revisions; the latest confirmation wins, earlier ones stay as history.
 */
export const migration: CopydeskMigration = {
  name: '005-correction-categories',
  async up(db, backend) {
    await withId(db.schema.createTable('correction_categories'), backend)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('segment_id', 'integer', (c) => c.notNull().references('segments.id').onDelete('cascade'))
      .addColumn('mt_text', 'text', (c) => c.notNull())
      .addColumn('edit_text', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity IN ('neutral', 'minor', 'major', 'critical')`))
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('correction_categories_by_article').on('correction_categories').columns(['article_id', 'segment_id']).execute();
  },
};
