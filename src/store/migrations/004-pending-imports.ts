import { withId, type CopydeskMigration } from './define.js';

/**
 * A CSV glossary upload waits here while the editor maps its columns (issue 4): the file is kept
 * as uploaded, so the mapping step needs no second upload; it is deleted once imported.
 */
export const migration: CopydeskMigration = {
  name: '004-pending-imports',
  async up(db, backend) {
    await withId(db.schema.createTable('pending_imports'), backend)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
