// The server side of the benchmark, run as a child process so autocannon (in the parent) does not
// share its event loop with the server it measures.
//
//   node bench/serve.js copydesk <database> [--background]
//                                             the Copydesk app on the benchmark database (an SQLite file or postgres://…);
//                                             --background also starts the background refresher, as `npm start` does
//   node bench/serve.js bare <page-file>      a bare Express app: GET /bare -> 'ok', GET /bare-page -> the file's text
//
// Listens on 127.0.0.1, an ephemeral port, sends { port } to the parent over IPC and stops on the
// message 'stop' or when the parent goes away. It watches its own event loop
// (perf_hooks.monitorEventLoopDelay): the message 'loop' answers { loop: { max, p99, mean } } in ms
// since the last 'loop', and starts the next window; 'memory' answers { memory } (process.memoryUsage() in MB).
import express from 'express';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { hasRefresherWork, openServiceContext } from '../dist/service/context.js';
import { storeConfigOf } from '../dist/store/open-store.js';
import { createApp } from '../dist/web/app.js';
import { startBackgroundRefresher } from '../dist/service/background.js';

const [mode, file, ...flags] = process.argv.slice(2);
if (!process.send) throw new Error('bench/serve.js is started by bench/run.js (it needs the IPC channel).');

/** The event-loop delay histogram's resolution (ms): fine enough to see a 50 ms stall, cheap enough not to cause one. */
const LOOP_RESOLUTION_MS = 5;
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loop.enable();

let service;
let app;
let background;
if (mode === 'copydesk') {
  service = await openServiceContext(storeConfigOf(file));
  app = await createApp({ service, log: (err) => console.error('[copydesk]', err) });
  if (flags.includes('--background')) background = startBackgroundRefresher(storeConfigOf(file), { log: (m) => console.error('[copydesk]', m), hasWork: () => hasRefresherWork(service) });
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
    (background ? background.stop() : Promise.resolve()).then(() => (service ? service.store.close() : undefined)).finally(() => {
      if (process.connected) process.disconnect();
    });
  });
}
process.on('message', (m) => {
  if (m === 'stop') stop();
  if (m === 'loop') {
    const ms = (ns) => ns / 1e6;
    process.send({ loop: { max: ms(loop.max), p99: ms(loop.percentile(99)), mean: ms(loop.mean) } });
    loop.reset();
  }
  if (m === 'memory') {
    // The main thread's share of the process's memory (MB): V8 heap, memory outside it, and RSS (worker threads included).
    const mb = (n) => Math.round(n / 1048576);
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    process.send({ memory: { rss: mb(rss), heapTotal: mb(heapTotal), heapUsed: mb(heapUsed), external: mb(external), arrayBuffers: mb(arrayBuffers) } });
  }
});
process.on('disconnect', stop);
