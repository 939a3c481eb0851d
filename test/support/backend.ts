/**
 * The database a test runs on. The store, service, web and CLI tests run twice, once per backend
 * (vitest.config.ts: the `sqlite` and `postgres` projects set COPYDESK_TEST_BACKEND); every test
 * gets a database of its own: an SQLite file or ':memory:', or a PostgreSQL database copied from
 * the migrated template.
 */
import { afterAll, inject } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type StoreConfig } from '../../src/store/open-store.js';
import type { Backend, Store } from '../../src/store/store.js';
import { createServiceContext, type ServiceContext } from '../../src/service/context.js';
import { withDatabase } from './pg-cluster.mjs';

/** The backend this test process runs on. */
export const BACKEND: Backend = process.env.COPYDESK_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

let created = 0;
let adminClient: Promise<pg.Client> | undefined;
const opened: Store[] = [];

afterAll(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  if (adminClient) await (await adminClient).end();
  adminClient = undefined;
});

/** Returns a new, empty database's config: an SQLite file (or ':memory:' when `inMemory`), or a new PostgreSQL database. */
export async function createTestDatabase(opts: { inMemory?: boolean } = {}): Promise<StoreConfig> {
  if (BACKEND === 'sqlite') return { sqlite: opts.inMemory ? ':memory:' : join(mkdtempSync(join(tmpdir(), 'copydesk-test-')), 'copydesk.db') };
  const url = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  adminClient ??= (async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  })();
  const name = `${template}_${process.pid}_${++created}`;
  await (await adminClient).query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  return { postgres: withDatabase(url, name) };
}

/** Opens a store on `config` (a new empty database by default); it is closed after the test file. */
export async function openTestStore(config?: StoreConfig): Promise<Store> {
  const store = await openStore(config ?? (await createTestDatabase({ inMemory: true })));
  opened.push(store);
  return store;
}

/** Returns a service context on a new empty database (or on `config`), with a fixed clock when `now` is given. */
export async function openTestContext(opts: { config?: StoreConfig; now?: () => Date } = {}): Promise<ServiceContext> {
  return createServiceContext(await openTestStore(opts.config), { now: opts.now });
}

/** Returns the environment the CLI reads for a database config: COPYDESK_DB or DATABASE_URL. */
export function cliEnv(config: StoreConfig): Record<string, string> {
  return 'postgres' in config ? { DATABASE_URL: config.postgres } : { COPYDESK_DB: config.sqlite };
}
