import type { Store } from '../store/store.js';
import { openStore, type StoreConfig } from '../store/open-store.js';
import { getOrCreateSecret } from '../store/settings.js';
import { readCorpusVersions } from '../store/counters.js';
import { hasStaleArticles } from '../store/corpus.js';
import { createFlagReader, type FlagReader } from './flag-reader.js';
import { createDecisionsCache, refreshStale, type DecisionsData, type RefreshPass } from './refresh.js';

/** What every use case runs with: the store, a clock, and the caches kept for this app instance. */
export interface ServiceContext {
  readonly store: Store;
  /** Returns the current time as ISO 8601; tests pass a fixed clock. */
  readonly now: () => string;
  /** Cached check results per article (keyed by the database's counters). */
  readonly flags: FlagReader;
  /** The glossary and "different people" decisions, read once per change. */
  readonly decisionsOf: (version: number) => Promise<DecisionsData>;
}

/**
 * How long a page may spend refreshing the articles marked stale before it reads the figures
 * (ms). Enough for the one or two articles a save just marked, so an editor sees their change at
 * once; the background refresher does the rest. Well under the 50 ms an event loop may pause.
 */
export const PAGE_REFRESH_BUDGET_MS = 25;

/** Refreshes stale articles in this thread within `budgetMs` (PAGE_REFRESH_BUDGET_MS by default): the read-your-writes step of pages that show derived figures. */
export async function refreshPending(ctx: ServiceContext, opts: { budgetMs?: number; limit?: number } = {}): Promise<RefreshPass> {
  // One indexed lookup first: the claim is a write, and most page views find nothing stale.
  const { decisions } = await readCorpusVersions(ctx.store);
  if (!(await hasStaleArticles(ctx.store, decisions))) return { refreshed: 0, remaining: 0 };
  return refreshStale(ctx.store, { now: () => new Date(ctx.now()), decisionsOf: ctx.decisionsOf, budgetMs: opts.budgetMs ?? PAGE_REFRESH_BUDGET_MS, limit: opts.limit });
}

/** Returns the service context for one app instance (or one CLI run) on `store`. */
export function createServiceContext(store: Store, opts: { now?: () => Date } = {}): ServiceContext {
  return {
    store,
    now: () => (opts.now ? opts.now() : new Date()).toISOString(),
    flags: createFlagReader(store),
    decisionsOf: createDecisionsCache(store),
  };
}

/** Opens the database `config` names (applying migrations) and returns a service context on it; close it with `ctx.store.close()`. */
export async function openServiceContext(config: StoreConfig, opts: { now?: () => Date; log?: (message: string) => void } = {}): Promise<ServiceContext> {
  return createServiceContext(await openStore(config, { log: opts.log }), opts);
}

/** Returns the secret that signs cookies, the same for every instance on one database. */
export function cookieSecret(ctx: ServiceContext): Promise<string> {
  return getOrCreateSecret(ctx.store);
}
