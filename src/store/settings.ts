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

/** The MQM raw score an article must reach to pass unless the team changed it (MQM practice puts the bar between 90 and 99). */
export const DEFAULT_MQM_PASS_SCORE = 95;

/** Returns the team's MQM pass score (0-100). */
export function mqmPassScore(db: Db): number {
  const row = statement(db, "SELECT value FROM settings WHERE name = 'mqm-pass-score'").get() as { value: string } | undefined;
  const value = row ? Number(row.value) : NaN;
  return Number.isFinite(value) ? value : DEFAULT_MQM_PASS_SCORE;
}

/** Sets the team's MQM pass score. */
export function setMqmPassScore(db: Db, score: number): void {
  statement(db, "INSERT INTO settings (name, value) VALUES ('mqm-pass-score', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run(String(score));
}
