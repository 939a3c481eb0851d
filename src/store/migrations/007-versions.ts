import type { CopydeskMigration } from './define.js';

/**
 * Change counters that page caches are keyed by (issue 9), so a cache key is derived from the data
 * rather than listed by hand, and every app instance on one database sees a change on its next read:
 * - articles.version: bumped by every write to what the article's pages show (an edit, a status, an
 *   engine, a dismissal, a confirmed category);
 * - articles.text_version: bumped by every revision of its segments (what its checks read);
 * - counters: 'revisions' (any revision anywhere: the corpus's corrections), 'decisions' (the
 *   glossary and "different people"), 'settings' (the pass score). A counter is bumped inside the
 *   writing transaction, so on PostgreSQL its order is the order of the commits, which a
 *   MAX(id) over a sequence is not.
 */
export const migration: CopydeskMigration = {
  name: '007-versions',
  async up(db) {
    await db.schema.alterTable('articles').addColumn('version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('articles').addColumn('text_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createTable('counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.insertInto('counters').values([{ name: 'revisions', value: 0 }, { name: 'decisions', value: 0 }, { name: 'settings', value: 0 }]).execute();
    // Existing data starts its counters from what it already holds.
    await db.updateTable('articles').set((eb) => ({
      text_version: eb.selectFrom('revisions').innerJoin('segments', 'segments.id', 'revisions.segment_id')
        .whereRef('segments.article_id', '=', 'articles.id').select((e) => e.fn.countAll().as('n')),
    })).execute();
    await db.updateTable('articles').set((eb) => ({ version: eb.ref('text_version') })).execute();
    await db.updateTable('counters').set((eb) => ({
      value: eb.selectFrom('revisions').select((e) => e.fn.countAll().as('n')),
    })).execute();
  },
};
