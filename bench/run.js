// The speed benchmark of issues 2 and 9: review-page throughput against a bare Express route, and
// save latency, on SQLite and on PostgreSQL. Run with `npm run bench` (which builds dist/ first);
// see bench/README.md.
//
//   node bench/run.js [--backend sqlite|postgres|both] [--seconds 10] [--saves 200] [--no-write]
import autocannon from 'autocannon';
import pg from 'pg';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openServiceContext } from '../dist/service/context.js';
import { saveEdit } from '../dist/service/save-segment.js';
import { getSegment } from '../dist/store/segments.js';
import { startCluster, whyNoPostgres, withDatabase } from '../test/support/pg-cluster.mjs';
import { EDIT_RATE } from './article.js';
import { AUTHOR, nextEdit, prepareDatabase } from './prepare-db.js';
import { startServer } from './child-server.js';
import { startEditorSession } from './http-session.js';
import { describeCode, describeMachine, formatRun, updateResultsFile } from './results.js';

const BENCH_DIR = fileURLToPath(new URL('./', import.meta.url));
const RESULTS_FILE = join(BENCH_DIR, 'RESULTS.md');

/** Concurrent connections autocannon keeps open (the figure). */
const CONNECTIONS = 50;
/** Least seconds of load before measuring, so V8 has optimised the hot paths and the page cache is warm (range 1-10). */
const WARMUP_SECONDS = 3;
/** Most seconds of warm-up, waiting for every connection to have had a response (range WARMUP_SECONDS-60). */
const MAX_WARMUP_SECONDS = 20;

const BACKENDS = ['sqlite', 'postgres'];

function parseArgs(argv) {
  const options = { seconds: 10, saves: 200, isWriting: true, backends: BACKENDS };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--no-write') options.isWriting = false;
    else if (arg === '--backend') {
      const value = argv[(i += 1)];
      if (value !== 'both' && !BACKENDS.includes(value)) throw new Error('--backend takes sqlite, postgres or both.');
      options.backends = value === 'both' ? BACKENDS : [value];
    } else if (arg === '--seconds' || arg === '--saves') {
      const value = Number(argv[(i += 1)]);
      if (!Number.isInteger(value) || value < 1 || value > 600) throw new Error(`${arg} takes a whole number from 1 to 600.`);
      options[arg.slice(2)] = value;
    } else throw new Error(`Unknown option ${arg}. Usage: node bench/run.js [--backend sqlite|postgres|both] [--seconds 10] [--saves 200] [--no-write]`);
  }
  return options;
}

const log = (message) => console.error(`[bench] ${message}`);
const nowIso = () => new Date().toISOString();

/**
 * Returns the CPU milliseconds a process has used (user + system, from /proc on Linux), or
 * undefined elsewhere. Requests per second also move with how the load generator shares the
 * machine's cores; the server's CPU time per request does not, so both are reported.
 */
function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return undefined;
  }
}

/** Returns median, p95, p99 (nearest rank) of a list of milliseconds. */
function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
  return { n: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99) };
}

/**
 * Runs autocannon against one path and returns the figures of `seconds` measured after a warm-up:
 * requests per second, p50 and p99 latency, error counts, and how long the warm-up took. The
 * warm-up lasts at least WARMUP_SECONDS and until every connection has had a response (at most
 * MAX_WARMUP_SECONDS): a CPU-bound Node server accepts 50 new connections only gradually, the last
 * several seconds late when a request takes ~8 ms, and a p99 with those first requests in it would
 * measure connection set-up under load, not the page. Measuring in the same run keeps the
 * connections open from warm-up to measurement, as a browser's keep-alive connection stays.
 */
async function measureLoad(server, path, headers, seconds) {
  const { port, pid } = server;
  const url = `http://127.0.0.1:${port}${path}`;
  const started = Date.now();
  const answered = new Set();
  const latencies = [];
  let measureFrom;
  let cpuFrom;
  let stopTimer;
  let non2xx = 0;
  const instance = autocannon({ url, connections: CONNECTIONS, duration: MAX_WARMUP_SECONDS + seconds, headers });
  const startMeasuring = () => {
    if (measureFrom !== undefined) return;
    measureFrom = Date.now();
    cpuFrom = cpuMsOf(pid);
    stopTimer = setTimeout(() => instance.stop(), seconds * 1000);
  };
  const cap = setTimeout(startMeasuring, MAX_WARMUP_SECONDS * 1000);
  instance.on('response', (client, status, _bytes, responseTime) => {
    if (measureFrom === undefined) {
      answered.add(client);
      if (answered.size >= CONNECTIONS && Date.now() - started >= WARMUP_SECONDS * 1000) startMeasuring();
      return;
    }
    latencies.push(responseTime);
    if (status < 200 || status > 299) non2xx += 1;
  });
  const r = await instance;
  const cpuTo = cpuMsOf(pid);
  clearTimeout(cap);
  clearTimeout(stopTimer);
  if (measureFrom === undefined) throw new Error(`The load on ${path} ended before the warm-up did.`);
  const measuredSeconds = (r.finish.getTime() - measureFrom) / 1000;
  const { p50, p99 } = percentiles(latencies);
  return {
    path,
    rps: latencies.length / measuredSeconds,
    p50,
    p99,
    requests: latencies.length,
    errors: r.errors + r.timeouts,
    non2xx,
    warmupSeconds: (measureFrom - started) / 1000,
    // Server CPU µs per request over the measured window (undefined off Linux).
    cpuMicros: cpuFrom === undefined || cpuTo === undefined ? undefined : ((cpuTo - cpuFrom) * 1000) / latencies.length,
  };
}

/** Saves `count` edits over HTTP, alternating between the targets; returns the latencies and the path pattern. */
async function measureHttpSaves(session, articleId, targets, count, isFetch, seedBase) {
  const samples = [];
  const expected = isFetch ? 200 : 303;
  const headers = isFetch ? { 'x-requested-with': 'fetch' } : {};
  for (let i = 0; i < count; i += 1) {
    const target = targets[i % targets.length];
    const text = nextEdit(target.mt, target.edit, seedBase + i);
    const form = { _csrf: session.csrfToken, base: String(target.revision), text };
    const res = await session.send('POST', `/articles/${articleId}/segments/${target.position}`, form, headers);
    if (res.status !== expected) throw new Error(`Save ${i + 1} of segment ${target.position} answered ${res.status}, not ${expected}: ${res.body.slice(0, 300)}`);
    target.revision += 1;
    target.edit = text;
    samples.push(res.ms);
  }
  return { ...percentiles(samples), path: `/articles/${articleId}/segments/:n`, segments: targets.length };
}

/** Saves `count` edits with saveEdit in this process; returns the latencies of saveEdit alone (diffs, the store's transaction). */
async function measureInProcessSaves(config, articleId, targets, count, seedBase) {
  const ctx = await openServiceContext(config);
  try {
    const samples = [];
    for (let i = 0; i < count; i += 1) {
      const target = targets[i % targets.length];
      const segment = await getSegment(ctx.store, articleId, target.position);
      const text = nextEdit(target.mt, segment.edit, seedBase + i);
      const started = process.hrtime.bigint();
      const outcome = await saveEdit(ctx, segment, { text, baseNumber: segment.revision, author: AUTHOR });
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (outcome.status !== 'saved') throw new Error(`In-process save ${i + 1} was ${outcome.status}.`);
    }
    return percentiles(samples);
  } finally {
    await ctx.store.close();
  }
}

/**
 * Returns a fresh benchmark database of `backend` ({ config, location, describe, close }): an SQLite
 * file in `dir`, or a database on a throw-away PostgreSQL cluster with the server's default
 * durability (fsync and synchronous commit on, as a production server runs).
 */
async function openBenchDatabase(backend, dir) {
  if (backend === 'sqlite') {
    const file = join(dir, 'copydesk.db');
    return { config: { sqlite: file }, location: file, describe: 'an SQLite file in a temp folder, WAL mode', close: async () => {} };
  }
  const why = whyNoPostgres();
  if (why) throw new Error(`Cannot run the PostgreSQL benchmark: ${why}.`);
  const cluster = await startCluster({ durable: true });
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  const { rows } = await admin.query('SHOW server_version');
  await admin.query('CREATE DATABASE copydesk_bench');
  await admin.end();
  const url = withDatabase(cluster.url, 'copydesk_bench');
  return {
    config: { postgres: url },
    location: url,
    describe: `PostgreSQL ${rows[0].server_version} on 127.0.0.1 (a cluster made for the run, default settings: fsync and synchronous_commit on), a pool of 10 connections`,
    close: async () => cluster.stop(),
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // Everything below is bounded (fixed durations and counts); this is the backstop if a server hangs.
  const budgetMs = ((1 + 2 * options.backends.length) * (MAX_WARMUP_SECONDS + options.seconds) + 120 * options.backends.length) * 1000;
  setTimeout(() => {
    console.error(`[bench] gave up after ${budgetMs / 1000} s`);
    process.exit(1);
  }, budgetMs).unref();

  // Taken before the run: the load average says whether other work was competing for the CPU.
  const machine = describeMachine();
  const code = describeCode(join(BENCH_DIR, '..'));
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
  const pageFile = join(dir, 'review-page.html');
  const servers = [];
  const databases = [];
  try {
    const backends = [];
    let pageHeadersForBare;
    for (const backend of options.backends) {
      const database = await openBenchDatabase(backend, dir);
      databases.push(database);
      log(`${backend}: building the article and saving its edits`);
      const prepared = await prepareDatabase(database.config);
      const reviewPath = `/articles/${prepared.id}`;

      log(`${backend}: starting Copydesk`);
      const copydesk = await startServer(['copydesk', database.location]);
      servers.push(copydesk);
      const { session, page, headers: pageHeaders } = await startEditorSession(copydesk.port, reviewPath, AUTHOR);
      if (!pageHeadersForBare) {
        writeFileSync(pageFile, page.body);
        pageHeadersForBare = pageHeaders;
      }

      log(`${backend}: load: ${reviewPath} (warm-up of ${WARMUP_SECONDS}-${MAX_WARMUP_SECONDS} s, ${options.seconds} s measured)`);
      const review = await measureLoad(copydesk, reviewPath, pageHeaders, options.seconds);

      log(`${backend}: saves: ${options.saves} form posts, ${options.saves} script posts`);
      const saveForm = await measureHttpSaves(session, prepared.id, prepared.saveTargets, options.saves, false, 1_000);
      const saveFetch = await measureHttpSaves(session, prepared.id, prepared.saveTargets, options.saves, true, 100_000);
      session.close();
      await copydesk.stop();

      log(`${backend}: saves: ${options.saves} in process`);
      const saveInProcess = await measureInProcessSaves(database.config, prepared.id, prepared.saveTargets, options.saves, 200_000);
      backends.push({ backend, database: database.describe, article: { ...prepared.article, pageBytes: Buffer.byteLength(page.body) }, review, saveForm, saveFetch, saveInProcess });
    }

    log('starting the bare Express app');
    const bareServer = await startServer(['bare', pageFile]);
    servers.push(bareServer);
    log(`load: /bare and /bare-page`);
    const bare = await measureLoad(bareServer, '/bare', pageHeadersForBare, options.seconds);
    const barePage = await measureLoad(bareServer, '/bare-page', pageHeadersForBare, options.seconds);
    await bareServer.stop();

    const run = {
      date: nowIso(),
      machine,
      code,
      settings: { connections: CONNECTIONS, warmupSeconds: WARMUP_SECONDS, seconds: options.seconds, editRate: EDIT_RATE },
      backends,
      bare,
      barePage,
    };
    console.log(formatRun(run));
    if (options.isWriting) {
      updateResultsFile(RESULTS_FILE, run);
      log(`wrote ${RESULTS_FILE}`);
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    for (const d of databases) await d.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[bench] ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
