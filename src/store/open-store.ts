import Database from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, type LogConfig } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Schema } from './schema.js';
import { CopydeskSqliteDialect } from './sqlite-dialect.js';
import { migrate } from './migrate.js';
import { storeOver, type Store } from './store.js';

/** Where the data lives: an SQLite file (or ':memory:'), or a PostgreSQL connection string. */
export type StoreConfig = { readonly sqlite: string } | { readonly postgres: string };

/** Connections one app instance keeps open to PostgreSQL (range 2-100; pg's default is 10). */
const POSTGRES_POOL_SIZE = 10;

/** Returns the store config a connection string names: PostgreSQL for postgres:// or postgresql://, else an SQLite file path. */
export function storeConfigOf(location: string): StoreConfig {
  return /^postgres(ql)?:\/\//i.test(location) ? { postgres: location } : { sqlite: location };
}

/** The better-sqlite3 connection behind each SQLite store's Kysely instance (for the online backup, store/backup.ts). */
const SQLITE_CONNECTIONS = new WeakMap<Kysely<Schema>, Database.Database>();

/** Returns the better-sqlite3 connection behind `store` (SQLite, outside a transaction), else undefined. */
export function sqliteConnectionOf(store: Store): Database.Database | undefined {
  return SQLITE_CONNECTIONS.get(store.db);
}

/** Sees a statement the store ran: its SQL and parameters. */
export type QueryObserver = (sql: string, parameters: readonly unknown[]) => void;

/**
 * Opens (creating if needed) the database `config` names, applies the migrations it lacks, and
 * returns the store. `log` hears of a lost PostgreSQL connection; `onQuery` sees every statement
 * run, for tests (test/store/query-plans.test.ts explains each statement a page runs). Without
 * `onQuery`, Kysely's logging is off and adds nothing to a query's path.
 */
export async function openStore(config: StoreConfig, opts: { log?: (message: string) => void; onQuery?: QueryObserver } = {}): Promise<Store> {
  const onQuery = opts.onQuery;
  const queries: LogConfig | undefined = onQuery && ((event) => {
    if (event.level === 'query') onQuery(event.query.sql, event.query.parameters);
  });
  return 'postgres' in config ? openPostgres(config.postgres, opts.log ?? (() => {}), queries) : openSqlite(config.sqlite, queries);
}

async function openSqlite(file: string, queries: LogConfig | undefined): Promise<Store> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  // WAL lets the review page read while a save writes; busy_timeout waits out a concurrent
  // writer (the CLI importing while the app runs) instead of failing at once.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const legacyVersion = database.pragma('user_version', { simple: true }) as number;
  const db = new Kysely<Schema>({ dialect: new CopydeskSqliteDialect(database), log: queries });
  try {
    await migrate(db, 'sqlite', { legacyVersion });
  } catch (err) {
    await db.destroy();
    throw err;
  }
  SQLITE_CONNECTIONS.set(db, database);
  return storeOver(db, 'sqlite', `SQLite ${file}`);
}

/**
 * pg hands PostgreSQL's 64-bit integers (COUNT, SUM) and numerics back as strings, since they may
 * not fit a double; every such figure here is a count or a ratio far inside 2^53, so read numbers.
 */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

async function openPostgres(url: string, log: (message: string) => void, queries: LogConfig | undefined): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: POSTGRES_POOL_SIZE, types: TYPES, application_name: 'copydesk' });
  // An idle connection the server closed (a restart, a failover) must not crash the app; the pool
  // replaces it on the next query.
  pool.on('error', (err) => log(`PostgreSQL connection lost: ${err.message}`));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), log: queries });
  try {
    await migrate(db, 'postgres');
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return storeOver(db, 'postgres', `PostgreSQL ${describeUrl(url)}`);
}

/** Returns host:port/database of a connection string, without user or password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'database';
  }
}
