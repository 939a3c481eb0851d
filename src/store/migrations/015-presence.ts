import type { CopydeskMigration } from './define.js';

/**
 * Who has an article's review page open (issue 13, live updates): one row per open event stream
 * (`connection_id`, random), with the app instance that serves it, the article, the user and when
 * the instance last vouched for it. An instance refreshes its rows every 15 s and deletes them when
 * the stream closes; a row not refreshed for 45 s (a crashed instance) counts for nobody and is
 * deleted by the next heartbeat of any instance (service/live.ts). The table is shared so that
 * every instance on the database sees who is on the others.
 */
export const migration: CopydeskMigration = {
  name: '015-presence',
  async up(db) {
    await db.schema.createTable('presence')
      .addColumn('connection_id', 'text', (c) => c.primaryKey())
      .addColumn('instance_id', 'text', (c) => c.notNull())
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('last_seen', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('presence_by_article').on('presence').columns(['article_id', 'last_seen']).execute();
    await db.schema.createIndex('presence_by_last_seen').on('presence').column('last_seen').execute();
  },
};
