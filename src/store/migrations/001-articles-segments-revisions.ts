import { sql } from 'kysely';
import { withId, type CopydeskMigration } from './define.js';

/**
 * Articles, their segments (the MT is never modified) and the append-only revisions of each
 * segment's edit, with the corrections derived from each revision (issue 2).
 */
export const migration: CopydeskMigration = {
  name: '001-articles-segments-revisions',
  async up(db, backend) {
    await withId(db.schema.createTable('articles'), backend)
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('source_name', 'text', (c) => c.notNull()) // file name, or 'pasted text'
      .addColumn('content_hash', 'text', (c) => c.notNull().unique()) // sha256 of the parsed segments: re-imports are no-ops
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('not-started').check(sql`status IN ('not-started', 'in-review', 'done')`))
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('imported_by', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('segments'), backend)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull()) // 0-based reading order in the article
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('headline', 'standfirst', 'body', 'caption', 'boilerplate')`))
      .addColumn('mt', 'text', (c) => c.notNull())
      .addColumn('mt_words', 'integer', (c) => c.notNull())
      .addUniqueConstraint('segments_article_position', ['article_id', 'position'])
      .execute();

    await withId(db.schema.createTable('revisions'), backend)
      .addColumn('segment_id', 'integer', (c) => c.notNull().references('segments.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull().check(sql`"number" >= 1`)) // revision 0 is the MT itself
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('base_number', 'integer', (c) => c.notNull()) // the revision the editor started from
      .addColumn('reverted_to', 'integer') // set when this revision restores an older one
      .addColumn('diff_mt', 'text', (c) => c.notNull()) // JSON DiffPart[] mt -> text, computed once
      .addColumn('diff_prev', 'text', (c) => c.notNull()) // JSON DiffPart[] previous revision -> text
      .addColumn('is_coarse', 'integer', (c) => c.notNull().defaultTo(0)) // 1 when the word diff was capped and fell back
      .addColumn('words_changed', 'integer', (c) => c.notNull()) // MT words deleted or replaced in diff_mt
      .addUniqueConstraint('revisions_segment_number', ['segment_id', 'number'])
      .execute();

    await withId(db.schema.createTable('corrections'), backend)
      .addColumn('revision_id', 'integer', (c) => c.notNull().references('revisions.id').onDelete('cascade'))
      .addColumn('segment_id', 'integer', (c) => c.notNull().references('segments.id').onDelete('cascade'))
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('mt_text', 'text', (c) => c.notNull())
      .addColumn('edit_text', 'text', (c) => c.notNull())
      .addColumn('mt_start', 'integer', (c) => c.notNull())
      .addColumn('mt_end', 'integer', (c) => c.notNull())
      .addColumn('edit_start', 'integer', (c) => c.notNull())
      .addColumn('edit_end', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('corrections_by_revision').on('corrections').column('revision_id').execute();
    await db.schema.createIndex('corrections_by_mt_text').on('corrections').column('mt_text').execute();
    await db.schema.createIndex('corrections_by_article').on('corrections').column('article_id').execute();

    await db.schema.createTable('settings')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};
