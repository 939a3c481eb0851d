import { statement } from './statements.js';
import { randomBytes } from 'node:crypto';
import type { Db } from './open-db.js';

/** Returns the app's secret for signing cookies, creating and storing a random one on first use so restarts keep sessions valid. */
export function getOrCreateSecret(db: Db): string {
  const row = statement(db, "SELECT value FROM settings WHERE name = 'cookie-secret'").get() as { value: string } | undefined;
  if (row) return row.value;
  const secret = randomBytes(32).toString('hex');
  statement(db, "INSERT OR IGNORE INTO settings (name, value) VALUES ('cookie-secret', ?)").run(secret);
  return (statement(db, "SELECT value FROM settings WHERE name = 'cookie-secret'").get() as { value: string }).value;
}
