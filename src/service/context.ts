import type { Store } from '../store/store.js';
import { openStore, type StoreConfig } from '../store/open-store.js';
import { getOrCreateSecret } from '../store/settings.js';
import { createFlagReader, type FlagReader } from './flag-reader.js';

/** What every use case runs with: the store, a clock, and the caches kept for this app instance. */
export interface ServiceContext {
  readonly store: Store;
  /** Returns the current time as ISO 8601; tests pass a fixed clock. */
  readonly now: () => string;
  /** Cached check results per article (keyed by the database's counters). */
  readonly flags: FlagReader;
}

/** Returns the service context for one app instance (or one CLI run) on `store`. */
export function createServiceContext(store: Store, opts: { now?: () => Date } = {}): ServiceContext {
  return {
    store,
    now: () => (opts.now ? opts.now() : new Date()).toISOString(),
    flags: createFlagReader(store),
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
