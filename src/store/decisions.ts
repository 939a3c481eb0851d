import type { Store } from './store.js';
import { bumpArticleVersion, bumpDecisions } from './counters.js';

/** A dismissal in force: the flag it hides and why. */
export interface DismissalRow {
  readonly id: number;
  readonly articleId: number;
  readonly checkId: string;
  readonly fingerprint: string;
  readonly text: string;
  readonly reason: string;
  readonly author: string;
  readonly createdAt: string;
}

/** One flag to dismiss. */
export interface NewDismissal {
  readonly checkId: string;
  readonly fingerprint: string;
  readonly text: string;
}

/** Records dismissals of several flags of an article at once (one transaction); a flag already dismissed is left as it is. Returns how many were added. */
export async function dismissFlags(store: Store, articleId: number, flags: readonly NewDismissal[], meta: { reason: string; author: string; now: string }): Promise<number> {
  return store.transaction(async (tx) => {
    const inForce = new Set(
      (await tx.db.selectFrom('dismissals').select('fingerprint').where('article_id', '=', articleId).where('revoked_at', 'is', null).execute()).map((r) => r.fingerprint),
    );
    const fresh = [...new Map(flags.filter((f) => !inForce.has(f.fingerprint)).map((f) => [f.fingerprint, f])).values()];
    if (fresh.length === 0) return 0;
    await tx.db.insertInto('dismissals').values(fresh.map((f) => ({
      article_id: articleId, check_id: f.checkId, fingerprint: f.fingerprint, text: f.text, reason: meta.reason, author: meta.author, created_at: meta.now,
    }))).execute();
    await bumpArticleVersion(tx, articleId);
    return fresh.length;
  });
}

/** Restores a dismissed flag (the dismissal is kept, marked revoked); returns false when there was none in force. */
export async function restoreFlag(store: Store, articleId: number, dismissalId: number, meta: { author: string; now: string }): Promise<boolean> {
  return store.transaction(async (tx) => {
    const result = await tx.db.updateTable('dismissals').set({ revoked_by: meta.author, revoked_at: meta.now })
      .where('id', '=', dismissalId).where('article_id', '=', articleId).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await bumpArticleVersion(tx, articleId);
    return true;
  });
}

/** Returns the dismissals in force for an article, newest first. */
export async function listDismissals(store: Store, articleId: number): Promise<DismissalRow[]> {
  return store.db.selectFrom('dismissals')
    .select(['id', 'article_id as articleId', 'check_id as checkId', 'fingerprint', 'text', 'reason', 'author', 'created_at as createdAt'])
    .where('article_id', '=', articleId).where('revoked_at', 'is', null).orderBy('id', 'desc').execute();
}

/** Records that two spellings name different people (order does not matter); returns false when it was already recorded. */
export async function recordDistinctPeople(store: Store, a: string, b: string, meta: { author: string; now: string }): Promise<boolean> {
  const [first, second] = a < b ? [a, b] : [b, a];
  return store.transaction(async (tx) => {
    const inserted = await tx.db.insertInto('distinct_people').values({ spelling_a: first, spelling_b: second, author: meta.author, created_at: meta.now })
      .onConflict((oc) => oc.columns(['spelling_a', 'spelling_b']).doNothing()).returning('id').executeTakeFirst();
    if (!inserted) return false;
    await bumpDecisions(tx);
    return true;
  });
}

/** Takes back a "different people" decision; returns false when the pair was not recorded. */
export async function removeDistinctPeople(store: Store, a: string, b: string): Promise<boolean> {
  const [first, second] = a < b ? [a, b] : [b, a];
  return store.transaction(async (tx) => {
    const removed = await tx.db.deleteFrom('distinct_people').where('spelling_a', '=', first).where('spelling_b', '=', second).returning('id').executeTakeFirst();
    if (!removed) return false;
    await bumpDecisions(tx);
    return true;
  });
}

/** Returns every pair of spellings recorded as different people. */
export async function listDistinctPeople(store: Store): Promise<[string, string][]> {
  const rows = await store.db.selectFrom('distinct_people').select(['spelling_a as a', 'spelling_b as b']).orderBy('id').execute();
  return rows.map((r) => [r.a, r.b]);
}
