/**
 * vitest globalSetup of the `postgres` project: starts a throw-away PostgreSQL cluster (or uses the
 * server COPYDESK_TEST_PG_URL names), makes a template database with every migration applied, and
 * hands both to the test workers, which create one database per test from the template.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openStore } from '../../src/store/open-store.js';
import { startCluster, withDatabase, type Cluster } from './pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of a database the tests may create databases from. */
    pgAdminUrl: string;
    /** The migrated template database each test database is copied from. */
    pgTemplate: string;
  }
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.COPYDESK_TEST_PG_URL;
  const cluster: Cluster | undefined = external ? undefined : await startCluster();
  const adminUrl = external ?? (cluster as Cluster).url;
  const template = `copydesk_test_${process.pid}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${template}`));
  const store = await openStore({ postgres: withDatabase(adminUrl, template) });
  await store.close();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  return async () => {
    if (cluster) {
      cluster.stop();
      return;
    }
    // An external server keeps its databases: drop this run's.
    await admin(adminUrl, async (c) => {
      const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${template}%`]);
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    });
  };
}
