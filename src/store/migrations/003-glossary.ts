import { sql } from 'kysely';
import { withId, type CopydeskMigration } from './define.js';

/**
 * The glossary (issue 4): concepts with their terms, a snapshot per change so edits and deletions
 * keep their history, and the decisions taken on suggestions from the correction memory.
 */
export const migration: CopydeskMigration = {
  name: '003-glossary',
  async up(db, backend) {
    await withId(db.schema.createTable('concepts'), backend)
      .addColumn('type', 'text', (c) => c.notNull().check(sql`type IN ('person', 'organisation', 'place', 'title', 'term')`))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('origin', 'text', (c) => c.notNull()) // names-page, flag, correction-memory, manual, import
      .addColumn('source', 'text') // article title, correction, file name
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('modified_by', 'text')
      .addColumn('modified_at', 'text')
      .addColumn('deleted_by', 'text') // a deleted concept is kept, marked, with its history
      .addColumn('deleted_at', 'text')
      .execute();

    await withId(db.schema.createTable('terms'), backend)
      .addColumn('concept_id', 'integer', (c) => c.notNull().references('concepts.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull().check(sql`length("text") > 0`))
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('preferred', 'admitted', 'deprecated')`))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addUniqueConstraint('terms_concept_position', ['concept_id', 'position'])
      .execute();
    await db.schema.createIndex('terms_by_text').on('terms').column('text').execute();

    await withId(db.schema.createTable('concept_history'), backend)
      .addColumn('concept_id', 'integer', (c) => c.notNull().references('concepts.id').onDelete('cascade'))
      .addColumn('action', 'text', (c) => c.notNull()) // created, edited, deleted, restored
      .addColumn('snapshot', 'text', (c) => c.notNull()) // JSON of the concept after the change
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('suggestion_decisions'), backend)
      .addColumn('mt_text', 'text', (c) => c.notNull())
      .addColumn('edit_text', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision IN ('accepted', 'rejected')`))
      .addColumn('concept_id', 'integer', (c) => c.references('concepts.id'))
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('suggestion_decisions_pair', ['mt_text', 'edit_text'])
      .execute();
  },
};
