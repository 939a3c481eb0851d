import { resolve } from 'node:path';
import { openDb } from './store/open-db.js';
import { importCorpus } from './store/import-corpus.js';
import { createApp } from './web/app.js';

/** The only place that reads the environment and listens. */
const port = Number(process.env.PORT ?? 3000);
const dbFile = resolve(process.env.COPYDESK_DB ?? 'data/copydesk.db');
const corpusDir = resolve(process.env.COPYDESK_CORPUS ?? 'corpus');

const db = openDb(dbFile);
const imported = importCorpus(db, corpusDir, { importedBy: 'corpus', now: () => new Date().toISOString() });
const app = createApp({ db, isSecure: process.env.COPYDESK_SECURE_COOKIES === '1' });
const server = app.listen(port, () => {
  console.log(`Copydesk on http://localhost:${port} (database ${dbFile}; corpus: ${imported.added} new, ${imported.existing} already there, ${imported.refused.length} refused)`);
  for (const r of imported.refused) console.warn(`  refused ${r.file}: ${r.message}`);
});

function shutdown(): void {
  server.close(() => {
    db.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
