import { resolve } from 'node:path';
import { hasRefresherWork, openServiceContext } from './service/context.js';
import { importCorpus } from './service/import-articles.js';
import type { StoreConfig } from './service/types.js';
import { createApp } from './web/app.js';
import { startBackgroundRefresher } from './service/background.js';
import { createLiveHub } from './service/live.js';
import { ensureFirstAdmin } from './service/accounts.js';
import { LOOPBACK_HOSTS } from './web/host-guard.js';

/** The only place that reads the environment and listens. */
const port = Number(process.env.PORT ?? 3000);
// This machine only, unless HOST says to serve a network (then list its names in COPYDESK_ALLOWED_HOSTS).
const host = process.env.HOST ?? '127.0.0.1';
const listedHosts = (process.env.COPYDESK_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
const isWildcard = host === '0.0.0.0' || host === '::';
const allowedHosts = [...LOOPBACK_HOSTS, ...(isWildcard ? [] : [host]), ...listedHosts];
// Behind a TLS-terminating proxy: COPYDESK_TRUST_PROXY=loopback (or 1, or an address), Express's `trust proxy`.
const trustProxyEnv = process.env.COPYDESK_TRUST_PROXY;
const trustProxy = trustProxyEnv === undefined || trustProxyEnv === '' ? undefined : /^\d+$/.test(trustProxyEnv) ? Number(trustProxyEnv) : trustProxyEnv === 'true' ? true : trustProxyEnv;
const corpusDir = resolve(process.env.COPYDESK_CORPUS ?? 'corpus');
// PostgreSQL when DATABASE_URL is set (several instances can share it); else the embedded SQLite file.
const config: StoreConfig = process.env.DATABASE_URL
  ? { postgres: process.env.DATABASE_URL }
  : { sqlite: resolve(process.env.COPYDESK_DB ?? 'data/copydesk.db') };

const service = await openServiceContext(config, { log: (message) => console.warn(message) });
const imported = await importCorpus(service, corpusDir, { importedBy: 'corpus' });
const firstAdmin = await ensureFirstAdmin(service);
// The review page's live updates; closed on shutdown, so open pages do not hold the server.
const live = createLiveHub(service);
const app = await createApp({ service, isSecure: process.env.COPYDESK_SECURE_COOKIES === '1', allowedHosts, trustProxy, live });
// Corpus-wide work (the checks after a decision, a large import's figures) runs in worker threads.
const background = startBackgroundRefresher(config, { log: (message) => console.warn(message), hasWork: () => hasRefresherWork(service) });
const server = app.listen(port, host, () => {
  const shown = isWildcard || host === '127.0.0.1' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  console.log(`Copydesk on http://${shown}:${port} (${service.store.description}; corpus: ${imported.added} new, ${imported.existing} already there, ${imported.refused.length} refused)`);
  for (const r of imported.refused) console.warn(`  refused ${r.file}: ${r.message}`);
  if (firstAdmin) {
    // Printed this once: the database keeps only its hash. `copydesk user passwd admin` makes a new one.
    console.log(`First start: sign in as "${firstAdmin.username}" with the one-time password ${firstAdmin.password} (you choose your own at once; lost it? npm run copydesk -- user passwd admin)`);
  }
  if (isWildcard && listedHosts.length === 0) console.warn(`HOST=${host} serves every network, but only ${LOOPBACK_HOSTS.join(', ')} are answered: list the names it is reached by in COPYDESK_ALLOWED_HOSTS.`);
});

function shutdown(): void {
  server.close(() => {
    background.stop().then(() => service.store.close()).finally(() => process.exit(0));
  });
  // Every event stream ends (browsers reconnect, to another instance if there is one) and this
  // instance's presence rows go, so the server's close above is not held open by them.
  void live.close();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
