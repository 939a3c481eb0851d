import { withId, type CopydeskMigration } from './define.js';

/**
 * Accounts (issue 11): who may do what, and who did it.
 * - users: a user name, a role (viewer, editor, terminologist, admin), an argon2id hash of the
 *   password, whether the password is a one-time one that must be changed at the next sign-in, and
 *   the count of failed sign-ins since the last good one with the time the account is locked until.
 * - sessions: signed-in browsers, by the SHA-256 of the cookie's random token (the token itself is
 *   never stored), so they work on either backend and across app instances.
 * - api_tokens: tokens for scripts (`Authorization: Bearer …`), by SHA-256 too, revocable.
 * - setting_changes: who changed a setting (the pass score), to what, when.
 */
export const migration: CopydeskMigration = {
  name: '010-accounts',
  async up(db, backend) {
    await withId(db.schema.createTable('users'), backend)
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('removed_at', 'text')
      .execute();
    await db.schema.createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_by_user').on('sessions').column('user_id').execute();
    await withId(db.schema.createTable('api_tokens'), backend)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await withId(db.schema.createTable('setting_changes'), backend)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('changed_by', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
  },
};
