import type { Statement } from 'better-sqlite3';
import type { Db } from './open-db.js';

/** Prepared statements per open database; preparing costs more than running most of these queries. */
const CACHE = new WeakMap<Db, Map<string, Statement>>();

/** Returns the prepared statement for `sql` on `db`, preparing it on first use. */
export function statement(db: Db, sql: string): Statement {
  let byText = CACHE.get(db);
  if (!byText) {
    byText = new Map();
    CACHE.set(db, byText);
  }
  let prepared = byText.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    byText.set(sql, prepared);
  }
  return prepared;
}
