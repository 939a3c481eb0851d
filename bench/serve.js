// The server side of the benchmark, run as a child process so autocannon (in the parent) does not
// share its event loop with the server it measures.
//
//   node bench/serve.js copydesk <database>   the Copydesk app on the benchmark database (an SQLite file or postgres://…)
//   node bench/serve.js bare <page-file>      a bare Express app: GET /bare -> 'ok', GET /bare-page -> the file's text
//
// Listens on 127.0.0.1, an ephemeral port, sends { port } to the parent over IPC and stops on the
// message 'stop' or when the parent goes away.
import express from 'express';
import { readFileSync } from 'node:fs';
import { openServiceContext } from '../dist/service/context.js';
import { storeConfigOf } from '../dist/store/open-store.js';
import { createApp } from '../dist/web/app.js';

const [mode, file] = process.argv.slice(2);
if (!process.send) throw new Error('bench/serve.js is started by bench/run.js (it needs the IPC channel).');

let service;
let app;
if (mode === 'copydesk') {
  service = await openServiceContext(storeConfigOf(file));
  app = await createApp({ service, log: (err) => console.error('[copydesk]', err) });
} else if (mode === 'bare') {
  const page = readFileSync(file, 'utf8');
  app = express();
  app.get('/bare', (_req, res) => res.send('ok'));
  app.get('/bare-page', (_req, res) => res.send(page));
} else {
  throw new Error(`Unknown mode ${String(mode)}: use copydesk <database> or bare <page-file>.`);
}

const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));

let isStopping = false;
function stop() {
  if (isStopping) return;
  isStopping = true;
  server.closeAllConnections();
  server.close(() => {
    (service ? service.store.close() : Promise.resolve()).finally(() => {
      if (process.connected) process.disconnect();
    });
  });
}
process.on('message', (m) => m === 'stop' && stop());
process.on('disconnect', stop);
