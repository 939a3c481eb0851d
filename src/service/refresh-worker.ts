/**
 * A worker thread of the background refresher (background.ts runs it through piscina): opens its
 * own connection to the database once, then does one pass of corpus-wide work per task: articles
 * marked stale, name buckets to cluster, phrases too common to mark at once. Entry point of a
 * thread: the one module state is the thread's store and decisions cache.
 */
import { setPriority } from 'node:os';
import { openStore, type StoreConfig } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { hasDirtyBuckets } from '../store/names.js';
import { createDecisionsCache, expandDirtyPhrases, refreshStale, type DecisionsData, type RefreshPass } from './refresh.js';
import { clusterNameBuckets } from './names.js';

/** One task: which database, and how long the pass may run before it reports back (ms). */
export interface RefreshTask {
  readonly config: StoreConfig;
  readonly budgetMs: number;
}

/** What one pass did. */
export interface RefreshTaskResult extends RefreshPass {
  readonly buckets: number;
  readonly phrases: number;
  /** True when work is left that this pass did not reach. */
  readonly hasMore: boolean;
  /** True when the database stayed locked by another writer past its busy timeout: nothing of this pass was kept, the next one retries. */
  readonly wasBusy?: boolean;
}

/** Returns true for SQLite's "database is locked" (SQLITE_BUSY and its extended codes). */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * The niceness of a refresher thread (0 normal, 19 lowest): the corpus-wide work uses every core
 * but yields the CPU to the thread serving pages whenever it wants it, so a re-check of 100,000
 * articles on a 2-core server does not slow an editor's page.
 */
const REFRESH_THREAD_NICENESS = 10;

try {
  // On Linux a thread has its own niceness, and setpriority(PRIO_PROCESS, 0) sets the calling
  // thread's: this lowers this worker only, not the app's main thread. Elsewhere it may lower the
  // whole process or be refused; both are harmless.
  setPriority(REFRESH_THREAD_NICENESS);
} catch {
  // Not permitted here (a container's policy): the work runs at normal priority.
}

let opened: { key: string; store: Promise<Store>; decisionsOf: (version: number) => Promise<DecisionsData> } | undefined;

function storeFor(config: StoreConfig): { store: Promise<Store>; decisionsOf: (version: number) => Promise<DecisionsData> } {
  const key = JSON.stringify(config);
  if (!opened || opened.key !== key) {
    const store = openStore(config);
    let decisions: ((version: number) => Promise<DecisionsData>) | undefined;
    opened = { key, store, decisionsOf: async (version) => (decisions ??= createDecisionsCache(await store))(version) };
  }
  return opened;
}

/** Runs one pass of background work in this thread. */
export default async function refreshTask(task: RefreshTask): Promise<RefreshTaskResult> {
  const { store: storePromise, decisionsOf } = storeFor(task.config);
  const now = () => new Date();
  try {
    // Opening applies migrations, which takes the write lock too: inside the try.
    const store = await storePromise.catch((err: unknown) => {
      opened = undefined;
      throw err;
    });
    const phrases = await expandDirtyPhrases(store);
    const pass = await refreshStale(store, { now, decisionsOf, budgetMs: task.budgetMs });
    const buckets = pass.remaining === 0 ? await clusterNameBuckets(store, { now, decisionsOf, budgetMs: task.budgetMs }) : 0;
    const hasMore = pass.remaining > 0 || phrases > 0 || (await hasDirtyBuckets(store));
    return { ...pass, buckets, phrases, hasMore };
  } catch (err) {
    // Another writer (a thread writing a large batch, the app saving, a CLI import) held SQLite's
    // lock past busy_timeout: this pass's transaction rolled back and its claims lapse with their
    // leases. That is contention, not a fault: report it, and the next pass does the work.
    if (!isBusyError(err)) throw err;
    return { refreshed: 0, remaining: 1, buckets: 0, phrases: 0, hasMore: true, wasBusy: true };
  }
}
