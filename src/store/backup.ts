import Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { Store } from './store.js';
import { sqliteConnectionOf } from './open-store.js';

/**
 * Pages copied per backup step: all of them. SQLite restarts an online backup whenever another
 * connection writes between two steps, so a backup taken in small steps under a steady stream of
 * saves never finishes; one step copies the database under one read snapshot instead, which WAL
 * lets writers carry on beside (https://sqlite.org/backup.html, https://sqlite.org/wal.html).
 * better-sqlite3 caps the number at 2^31 - 1.
 */
const ALL_PAGES = 0x7fffffff;

/**
 * Writes a consistent copy of the SQLite database behind `store` to the new file `destination`
 * with SQLite's online backup, on the store's own connection (held for the copy, so no
 * transaction of this process is half in it); returns the number of articles the copy holds.
 */
export async function backupSqlite(store: Store, destination: string): Promise<{ articles: number }> {
  const database = sqliteConnectionOf(store);
  if (!database) throw new Error('backupSqlite needs an SQLite store outside a transaction.');
  await store.db.connection().execute(async () => {
    await database.backup(destination, { progress: () => ALL_PAGES });
  });
  // Count in the copy itself: what was backed up, not what the database holds a moment later.
  const copy = new Database(destination, { fileMustExist: true });
  try {
    const { n } = copy.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number };
    return { articles: n };
  } finally {
    copy.close();
  }
}

/** A PostgreSQL snapshot another session (pg_dump --snapshot) can read the database through, and its article count. */
export interface ExportedSnapshot {
  readonly id: string;
  readonly articles: number;
}

/**
 * Runs `fn` while a read-only repeatable-read transaction on `store` (PostgreSQL) holds a snapshot
 * exported for other sessions (pg_export_snapshot), and returns its result: pg_dump reads exactly
 * the data the article count was taken from.
 */
export async function withExportedSnapshot<T>(store: Store, fn: (snapshot: ExportedSnapshot) => Promise<T>): Promise<T> {
  if (store.backend !== 'postgres' || store.isTransaction) throw new Error('withExportedSnapshot needs a PostgreSQL store outside a transaction.');
  return store.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) => {
    // The first statement fixes the transaction's snapshot; the count below reads the same one.
    const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(trx);
    const counted = await trx.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return fn({ id: rows[0]!.id, articles: Number(counted.n) });
  });
}
