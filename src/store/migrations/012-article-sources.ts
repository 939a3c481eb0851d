import { withId, type CopydeskMigration } from './define.js';

/**
 * The Korean original of an article, when the editor has it (issue 12).
 * - article_sources: one row per article that has one: the text as given (after decoding), the
 *   name it came under (a file name, or what the import form said), who added it and when.
 * - source_segments: the original segmented as an article is, each segment with the positions of
 *   the MT segments aligned with it (comma-separated, '' for none). The MT never changes, so the
 *   alignment is worked out once, when the source is stored; the checks read it on every run.
 * Both tables reference articles only; no existing row changes, so the migration needs no
 * other migration's tables than 001's.
 */
export const migration: CopydeskMigration = {
  name: '012-article-sources',
  async up(db, backend) {
    await withId(db.schema.createTable('article_sources'), backend)
      .addColumn('article_id', 'integer', (c) => c.notNull().unique().references('articles.id').onDelete('cascade'))
      .addColumn('source_name', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .execute();
    await withId(db.schema.createTable('source_segments'), backend)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('aligned', 'text', (c) => c.notNull())
      .addUniqueConstraint('source_segments_article_position', ['article_id', 'position'])
      .execute();
  },
};
