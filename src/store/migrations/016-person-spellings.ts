import { sql } from 'kysely';
import type { CopydeskMigration } from './define.js';

/**
 * The names page at newsroom scale (issue 10). Each person on the page shows their spellings, how
 * often and in how many articles each is used, and the few articles that use it most. That was
 * read from every article_names row of the page's people (for the most-named people, tens of
 * thousands of rows a view: seconds at 100,000 articles). Now:
 * - corpus_person_spellings: one row per corpus person and spelling with its totals, written with
 *   the person when their surname bucket is clustered (store/names.ts writeBucket), filled here
 *   from the clustering already stored;
 * - article_names_by_person_count (corpus_person_id, spelling, count DESC, article_id): a
 *   spelling's top articles are the first entries of one index range; it replaces
 *   article_names_by_person (corpus_person_id, spelling), of which it is an extension.
 */
export const migration: CopydeskMigration = {
  name: '016-person-spellings',
  async up(db) {
    await db.schema.createTable('corpus_person_spellings')
      .addColumn('corpus_person_id', 'integer', (c) => c.notNull())
      .addColumn('surname_key', 'text', (c) => c.notNull())
      .addColumn('spelling', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('articles', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('corpus_person_spellings_pk', ['corpus_person_id', 'spelling'])
      .execute();
    await db.schema.createIndex('corpus_person_spellings_by_surname').on('corpus_person_spellings').column('surname_key').execute();
    await sql`INSERT INTO corpus_person_spellings (corpus_person_id, surname_key, spelling, count, articles)
      SELECT corpus_person_id, MIN(surname_key), spelling, SUM(count), COUNT(*) FROM article_names
      WHERE corpus_person_id IS NOT NULL GROUP BY corpus_person_id, spelling`.execute(db);
    await db.schema.createIndex('article_names_by_person_count').on('article_names').columns(['corpus_person_id', 'spelling', 'count desc', 'article_id']).execute();
    await db.schema.dropIndex('article_names_by_person').execute();
  },
};
