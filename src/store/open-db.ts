import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.js';

/** The database handle every store function takes. */
export type Db = Database.Database;

/** Opens (creating if needed) the SQLite database at `file` (or ':memory:'), sets the pragmas and applies migrations. */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // WAL lets the review page read while a save writes; busy_timeout waits out a concurrent
  // writer (the CLI importing while the app runs) instead of failing at once.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
