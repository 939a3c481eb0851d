import type { Store } from '../store/store.js';
import { openStore, type StoreConfig } from '../store/open-store.js';
import { getOrCreateSecret } from '../store/settings.js';
import { readCorpusVersions, readListingVersions, readListingVersionsAndStale, type CorpusVersions } from '../store/counters.js';
import { countStaleUpTo, hasBackgroundWork } from '../store/corpus.js';
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

/**
 * Most stale articles a page refreshes itself before reading: the few a save's own refresh left
 * over (its budget ran out), so the editor sees their write at once. More than this is an import or
 * a re-check under way, which the background refresher's threads do while the page shows how far
 * they got; a page that helped would hold the event loop and, on SQLite, wait on their write lock.
 */
export const PAGE_REFRESH_MAX_STALE = 16;

/** Refreshes stale articles in this thread within `budgetMs` (PAGE_REFRESH_BUDGET_MS by default) when only a few are stale (PAGE_REFRESH_MAX_STALE): the read-your-writes step of pages that show derived figures. */
export async function refreshPending(ctx: ServiceContext, opts: { budgetMs?: number; limit?: number } = {}): Promise<RefreshPass> {
  // Two early-stopping index probes first: the claim is a write, and most page views find nothing stale.
  const { decisions } = await readCorpusVersions(ctx.store);
  const stale = await countStaleUpTo(ctx.store, decisions, PAGE_REFRESH_MAX_STALE);
  if (stale === 0 || stale > PAGE_REFRESH_MAX_STALE) return { refreshed: 0, remaining: stale };
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

/** What the listing pages (corpus, names, reports, suggestions) show, as a key, and whether the background refresher is busy. */
export interface ListingState {
  /** The same while everything a listing page shows is the same (the corpus counters and the 'derived' one). */
  readonly key: string;
  /** True while more articles are stale than a page refreshes itself (an import or a re-check under way). */
  readonly isBusy: boolean;
}

/** Returns true when the background refresher has work (stale articles, phrases, name buckets): its idle poll. */
export function hasRefresherWork(ctx: ServiceContext): Promise<boolean> {
  return hasBackgroundWork(ctx.store);
}

/** Brings a write's few leftover articles up to date (refreshPending), then returns the listing pages' state. */
export async function listingState(ctx: ServiceContext): Promise<ListingState> {
  // One statement when nothing is stale (most page views); after a write's own refresh, one more.
  const first = await readListingVersionsAndStale(ctx.store, PAGE_REFRESH_MAX_STALE);
  let v: CorpusVersions & { readonly derived: number } = first;
  if (first.stale > 0 && first.stale <= PAGE_REFRESH_MAX_STALE) {
    await refreshPending(ctx);
    v = await readListingVersions(ctx.store);
  }
  const key = [v.revisions, v.decisions, v.settings, v.corrections, v.derived].join('.');
  return { key, isBusy: first.stale > PAGE_REFRESH_MAX_STALE };
}
