import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Backend } from './store.js';
import type { CopydeskMigration } from './migrations/define.js';
import { MIGRATIONS } from './migrations/index.js';

function providerOf(migrations: readonly CopydeskMigration[], backend: Backend, isNoOp = false): MigrationProvider {
  return {
    async getMigrations() {
      return Object.fromEntries(
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        migrations.map((m): [string, Migration] => [m.name, { up: isNoOp ? async () => {} : (db: Kysely<any>) => m.up(db, backend) }]),
      );
    },
  };
}

/**
 * Applies every migration the database has not had, in one transaction, with Kysely's migrator
 * (its lock table lets several app instances start at once); returns the names applied.
 * `legacyVersion` is the `user_version` of an SQLite file written before issue 9, when numbered SQL
 * files recorded their progress there: those migrations are recorded as done, not run again.
 */
export async function migrate(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  backend: Backend,
  opts: { legacyVersion?: number; migrations?: readonly CopydeskMigration[] } = {},
): Promise<string[]> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const legacy = opts.legacyVersion ?? 0;
  if (legacy > 0) {
    const recorded = await new Migrator({ db, provider: providerOf(migrations.slice(0, legacy), backend, true) }).migrateToLatest();
    if (recorded.error) throw recorded.error;
  }
  const { error, results } = await new Migrator({ db, provider: providerOf(migrations, backend) }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
