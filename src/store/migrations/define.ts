import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Backend } from '../store.js';

/** One numbered migration: its name (the order and the record of it) and what it does, on either backend. */
export interface CopydeskMigration {
  /** "NNN-what": Kysely's migrator runs them in name order and records each by name. */
  readonly name: string;
  // Migrations see the schema as it was when they were written, so they take an untyped Kysely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, backend: Backend): Promise<void>;
}

/**
 * Returns `table` with an integer primary key the database fills in: SQLite's rowid alias
 * (INTEGER PRIMARY KEY), PostgreSQL's identity column. "By default" lets a copy keep its ids.
 */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, backend: Backend): CreateTableBuilder<T, 'id'> {
  return backend === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey());
}
