import { randomBytes } from 'node:crypto';
import type { Store } from './store.js';
import { bumpCounter } from './counters.js';
import { recordSettingChange } from './accounts.js';

/** Returns the app's secret for signing cookies, creating and storing a random one on first use so restarts (and other instances) share it. */
export async function getOrCreateSecret(store: Store): Promise<string> {
  const read = async () => (await store.db.selectFrom('settings').select('value').where('name', '=', 'cookie-secret').executeTakeFirst())?.value;
  const existing = await read();
  if (existing) return existing;
  // Two instances starting at once: one insert wins, both read the winner's secret.
  await store.db.insertInto('settings').values({ name: 'cookie-secret', value: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('name').doNothing()).execute();
  return (await read()) as string;
}

/** The MQM raw score an article must reach to pass unless the team changed it (MQM practice puts the bar between 90 and 99). */
export const DEFAULT_MQM_PASS_SCORE = 95;

/** Returns the team's MQM pass score (0-100). */
export async function mqmPassScore(store: Store): Promise<number> {
  const row = await store.db.selectFrom('settings').select('value').where('name', '=', 'mqm-pass-score').executeTakeFirst();
  const value = row ? Number(row.value) : NaN;
  return Number.isFinite(value) ? value : DEFAULT_MQM_PASS_SCORE;
}

/** Sets the team's MQM pass score, recording who changed it (setting_changes). */
export async function setMqmPassScore(store: Store, score: number, change: { by: string; now: string }): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.db.insertInto('settings').values({ name: 'mqm-pass-score', value: String(score) })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: String(score) })).execute();
    await recordSettingChange(tx, { name: 'mqm-pass-score', value: String(score), changedBy: change.by, now: change.now });
    await bumpCounter(tx, 'settings');
  });
}
