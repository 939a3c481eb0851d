import { withId, type CopydeskMigration } from './define.js';

/**
 * Decisions editors take about flags (issue 3): a dismissal hides a flag, found again by its
 * fingerprint on every re-run; a distinct-people pair keeps two spellings apart in every article.
 */
export const migration: CopydeskMigration = {
  name: '002-dismissals-distinct-people',
  async up(db, backend) {
    await withId(db.schema.createTable('dismissals'), backend)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('check_id', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull()) // the flagged text when dismissed, for the record
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_by', 'text') // set when an editor restores the flag
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('dismissals_by_article').on('dismissals').columns(['article_id', 'fingerprint']).execute();

    // The two spellings are stored in code-unit order (a < b), as the app compares them. No CHECK
    // says so: PostgreSQL compares text by the database's collation, which need not agree.
    await withId(db.schema.createTable('distinct_people'), backend)
      .addColumn('spelling_a', 'text', (c) => c.notNull())
      .addColumn('spelling_b', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('distinct_people_pair', ['spelling_a', 'spelling_b'])
      .execute();
  },
};
