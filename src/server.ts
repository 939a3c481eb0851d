import { resolve } from 'node:path';
import { openServiceContext } from './service/context.js';
import { importCorpus } from './service/import-articles.js';
import type { StoreConfig } from './service/types.js';
import { createApp } from './web/app.js';
import { startBackgroundRefresher } from './service/background.js';

/** The only place that reads the environment and listens. */
const port = Number(process.env.PORT ?? 3000);
const corpusDir = resolve(process.env.COPYDESK_CORPUS ?? 'corpus');
// PostgreSQL when DATABASE_URL is set (several instances can share it); else the embedded SQLite file.
const config: StoreConfig = process.env.DATABASE_URL
  ? { postgres: process.env.DATABASE_URL }
  : { sqlite: resolve(process.env.COPYDESK_DB ?? 'data/copydesk.db') };

const service = await openServiceContext(config, { log: (message) => console.warn(message) });
const imported = await importCorpus(service, corpusDir, { importedBy: 'corpus' });
const app = await createApp({ service, isSecure: process.env.COPYDESK_SECURE_COOKIES === '1' });
// Corpus-wide work (the checks after a decision, a large import's figures) runs in worker threads.
const background = startBackgroundRefresher(config, { log: (message) => console.warn(message) });
const server = app.listen(port, () => {
  console.log(`Copydesk on http://localhost:${port} (${service.store.description}; corpus: ${imported.added} new, ${imported.existing} already there, ${imported.refused.length} refused)`);
  for (const r of imported.refused) console.warn(`  refused ${r.file}: ${r.message}`);
});

function shutdown(): void {
  server.close(() => {
    background.stop().then(() => service.store.close()).finally(() => process.exit(0));
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
