import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

/** Which database a store runs on. */
export type Backend = 'sqlite' | 'postgres';

/**
 * The database as every repository function takes it: a Kysely query builder on SQLite or
 * PostgreSQL, or on an open transaction of either. Only `store/` sees `db`.
 */
export interface Store {
  readonly backend: Backend;
  /** The query builder: the database, or the transaction this store stands for. */
  readonly db: Kysely<Schema>;
  /** For logs: "SQLite data/copydesk.db", "PostgreSQL localhost:5432/copydesk". */
  readonly description: string;
  /** True inside `transaction`. */
  readonly isTransaction: boolean;
  /**
   * Runs `fn` in one transaction (BEGIN IMMEDIATE on SQLite) and returns its result; an error
   * thrown by `fn` rolls everything back. Inside a transaction, joins it. Inside `fn`, use only
   * `tx`: on SQLite the store's one connection is held by the transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Closes the database (the pool on PostgreSQL). */
  close(): Promise<void>;
}

/** Returns a Store over a Kysely instance (or transaction). */
export function storeOver(db: Kysely<Schema>, backend: Backend, description: string): Store {
  return {
    backend,
    db,
    description,
    isTransaction: db.isTransaction,
    transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
      if (db.isTransaction) return fn(this);
      return db.transaction().execute((trx) => fn(storeOver(trx, backend, description)));
    },
    async close() {
      if (!db.isTransaction) await db.destroy();
    },
  };
}

/** Throws unless `store` is inside a transaction: for repository writes of several rows, which must be all or nothing. */
export function requireTransaction(store: Store, what: string): void {
  if (!store.isTransaction) throw new Error(`${what} writes several rows: call it inside store.transaction().`);
}
