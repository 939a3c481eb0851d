// Where the review page's time goes: the parts timed in process (SQL, view-model, EJS render), and a
// V8 CPU profile of the server under the same load as bench/run.js, summed by package.
// Run after `npm run build`:
//
//   node bench/profile.js [--seconds 10]
//
// Prints Markdown; writes nothing into the repository (the .cpuprofile stays in a temp directory
// when --keep is given, for Chrome DevTools or speedscope).
import autocannon from 'autocannon';
import fs, { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServiceContext } from '../dist/service/context.js';
import { createApp } from '../dist/web/app.js';
import { AUTHOR, prepareDatabase } from './prepare-db.js';
import { startServer } from './child-server.js';
import { startEditorSession } from './http-session.js';

/** Iterations of each in-process part; the first WARMUP are not timed (ranges 100-10000, 10-1000). */
const ITERATIONS = 1_000;
const WARMUP = 100;
/** Connections for the profiled load, as in bench/run.js. */
const CONNECTIONS = 50;

/**
 * The stages of a review-page request, each recognised by its frames ("function file" keys, paths
 * from node_modules/, dist/ or views/). A sample is charged to the innermost frame that matches a
 * stage, so native calls (fs.existsSync, SQLite, socket writes) count for the code that made them.
 * Express runs middleware as nested next() calls, so "time under a frame" would count everything
 * after it too; charging the innermost stage does not.
 */
const STAGES = [
  ['helmet (security headers)', /node_modules\/helmet\//],
  ['cookie-parser (unsign cookies)', /node_modules\/(cookie-parser|cookie-signature|cookie)\//],
  ['body parsers (nothing to parse on a GET)', /node_modules\/(body-parser|raw-body|type-is|content-type|qs)\//],
  ['csrf-sync', /node_modules\/csrf-sync\//],
  ['app middleware (CSRF token, author, locals)', /dist\/web\/(app|csrf|author)\.js/],
  ['SQL (dist/store + Kysely + better-sqlite3)', /dist\/store\/|node_modules\/(better-sqlite3|kysely)\//],
  ['service: flag cache, quality (dist/service)', /dist\/service\//],
  ['core: checks, names, diffs (dist/core)', /dist\/core\//],
  ['view-models (dist/web/view-models)', /dist\/web\/view-models\//],
  ['EJS render (includes its fs.existsSync calls)', /node_modules\/ejs\/|views\/.*\.ejs|^(render|tryRender) node_modules\/express\/lib\/(application|view|response)\.js/],
  ['res.send (ETag, headers, socket write)', /^send node_modules\/express\/lib\/response\.js|node_modules\/(etag|fresh)\//],
  ['route handler and loader (dist/web)', /dist\/web\//],
  ['express + router (matching, next())', /node_modules\/(express|router|finalhandler|path-to-regexp|parseurl)\//],
];

/** What is left: the HTTP parser, sockets, timers, Node's own code with no application frame above it. */
const NODE_STAGE = 'Node HTTP server, sockets, event loop';

function parseArgs(argv) {
  const options = { seconds: 10, isKeeping: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--keep') options.isKeeping = true;
    else if (argv[i] === '--seconds') {
      options.seconds = Number(argv[(i += 1)]);
      if (!Number.isInteger(options.seconds) || options.seconds < 1 || options.seconds > 600) throw new Error('--seconds takes a whole number from 1 to 600.');
    } else throw new Error(`Unknown option ${argv[i]}. Usage: node bench/profile.js [--seconds 10] [--keep]`);
  }
  return options;
}

/** Returns the mean milliseconds of `fn` over ITERATIONS calls after WARMUP untimed ones. */
function timeMean(fn) {
  for (let i = 0; i < WARMUP; i += 1) fn();
  const started = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i += 1) fn();
  return Number(process.hrtime.bigint() - started) / 1e6 / ITERATIONS;
}

/**
 * Returns a synchronous render of `view` with `options` through `render` (app.render): EJS renders
 * synchronously and Express 5 only defers the callback to the next tick, so the call's own
 * duration is the render's.
 */
function renderNow(render, view, options) {
  let started = process.hrtime.bigint();
  render(view, options, (err) => {
    if (err) throw err;
  });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Times the review page's parts in this process. The route's own work (SQL, checks, view-model)
 * is timed per request as the time from the request's arrival to res.render; the render is timed
 * by replaying the locals the route passed, so this follows the route whatever it computes.
 */
async function timeParts(dbFile, reviewPath) {
  const service = await openServiceContext({ sqlite: dbFile });
  const app = await createApp({ service, log: () => {} });
  const appRender = app.render.bind(app);
  let captured;
  let arrived = 0n;
  const beforeRender = [];
  const renders = [];
  app.render = (view, options, callback) => {
    if (view === 'articles/show') {
      beforeRender.push(Number(process.hrtime.bigint() - arrived) / 1e6);
      captured = { view, options };
      const started = process.hrtime.bigint();
      const result = appRender(view, options, callback);
      renders.push(Number(process.hrtime.bigint() - started) / 1e6);
      return result;
    }
    return appRender(view, options, callback);
  };
  const server = createServer((req, res) => {
    arrived = process.hrtime.bigint();
    app(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { session } = await startEditorSession(server.address().port, reviewPath, AUTHOR);
    const totals = [];
    for (let i = 0; i < WARMUP + ITERATIONS; i += 1) {
      const res = await session.send('GET', reviewPath);
      if (res.status !== 200) throw new Error(`GET ${reviewPath} answered ${res.status}.`);
      totals.push(res.ms);
    }
    session.close();
    const mean = (list) => list.slice(-ITERATIONS).reduce((sum, v) => sum + v, 0) / Math.min(ITERATIONS, list.length);

    // res.send turns the HTML into a Buffer; EJS builds it by concatenation, so V8 first has to
    // flatten a rope of thousands of pieces. Timed on fresh renders, then on the same strings once flat.
    const pages = [];
    for (let i = 0; i < ITERATIONS; i += 1) appRender(captured.view, captured.options, (err, html) => pages.push(html));
    await new Promise((resolve) => setImmediate(resolve));
    const encode = () => {
      const started = process.hrtime.bigint();
      for (const html of pages) Buffer.from(html, 'utf8');
      return Number(process.hrtime.bigint() - started) / 1e6 / pages.length;
    };
    const encodeFresh = encode();
    const encodeFlat = encode();

    // EJS resolves every include() with fs.existsSync, on every render, even with the view cache on.
    const calls = { existsSync: 0, statSync: 0, readFileSync: 0 };
    const originals = Object.fromEntries(Object.keys(calls).map((k) => [k, fs[k]]));
    for (const k of Object.keys(calls)) fs[k] = (...args) => ((calls[k] += 1), originals[k](...args));
    try {
      renderNow(appRender, captured.view, captured.options);
    } finally {
      Object.assign(fs, originals);
    }
    const existsMs = timeMean(() => {
      for (let i = 0; i < calls.existsSync; i += 1) originals.existsSync(join(app.get('views'), 'articles', '_segment.ejs'));
    });
    const rows = [
      ['Whole request, one at a time over keep-alive (client-measured)', mean(totals)],
      ['Route before res.render: middleware, SQL, checks, view-model', mean(beforeRender)],
      ['EJS render (app.render, view cache on)', mean(renders)],
      ['Buffer.from(html) as res.send does, on a fresh render (flattens the string)', encodeFresh],
      ['Buffer.from(html) on the same string once flat', encodeFlat],
    ];
    return { rows, calls, existsMs, pageBytes: Buffer.byteLength(pages[0] ?? '') };
  } finally {
    server.close();
    await service.store.close();
  }
}

/** Sums a .cpuprofile: milliseconds per stage (see STAGES) and the top functions by self time. */
function summariseProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (frame) => `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|dist|views)\//, '$1/')}:${frame.lineNumber + 1}`;
  const stageOf = (id) => {
    const leaf = byId.get(id).callFrame;
    if (leaf.url === '' && leaf.functionName.startsWith('(')) return leaf.functionName; // (garbage collector), (idle), (program)
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(byId.get(at).callFrame);
      const stage = STAGES.find(([, re]) => re.test(key));
      if (stage) return stage[0];
    }
    return NODE_STAGE;
  };
  const stages = new Map();
  const fns = new Map();
  const add = (map, key, dt) => map.set(key, (map.get(key) ?? 0) + dt);
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const stage = stageOf(id);
    if (stage === '(idle)') {
      idle += dt;
      return;
    }
    total += dt;
    add(stages, stage, dt);
    // A native frame has no name or script; it is named after the JS function that called it.
    const leaf = byId.get(id).callFrame;
    const caller = parent.get(id) === undefined ? undefined : byId.get(parent.get(id)).callFrame;
    add(fns, leaf.url === '' && !leaf.functionName && caller ? `(native) called by ${keyOf(caller)}` : keyOf(leaf), dt);
  });
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return { total, idle, stages: sorted(stages), fns: sorted(fns).slice(0, 40) };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  setTimeout(() => {
    console.error('[profile] gave up');
    process.exit(1);
  }, (options.seconds + 120) * 1000).unref();
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-profile-'));
  try {
    const dbFile = join(dir, 'copydesk.db');
    const prepared = await prepareDatabase({ sqlite: dbFile });
    const reviewPath = `/articles/${prepared.id}`;
    const parts = await timeParts(dbFile, reviewPath);

    const profileDir = join(dir, 'cpuprofile');
    const server = await startServer(['copydesk', dbFile], ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
    let requests;
    let seconds;
    try {
      const { session, headers } = await startEditorSession(server.port, reviewPath, AUTHOR);
      session.close();
      const url = `http://127.0.0.1:${server.port}${reviewPath}`;
      const r = await autocannon({ url, connections: CONNECTIONS, duration: options.seconds, headers });
      requests = r.requests.total;
      seconds = r.duration;
    } finally {
      await server.stop();
    }
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('The server wrote no CPU profile.');
    const summary = summariseProfile(JSON.parse(readFileSync(join(profileDir, file), 'utf8')));
    const perRequest = (ms) => (ms / requests).toFixed(3);
    const share = (ms) => `${((100 * ms) / summary.total).toFixed(1)}%`;

    console.log(
      [
        `### Review page profile (${reviewPath}, ${prepared.article.mtWords} MT words, ${prepared.article.segments} segments)`,
        '',
        `In process, mean of ${ITERATIONS} requests or calls (page ${(parts.pageBytes / 1024).toFixed(1)} kB):`,
        '',
        '| Part | ms per page |',
        '|---|---:|',
        ...parts.rows.map(([label, ms]) => `| ${label} | ${ms.toFixed(3)} |`),
        '',
        `One render makes ${parts.calls.existsSync} fs.existsSync calls (EJS resolving include paths), ${parts.calls.statSync} statSync, ${parts.calls.readFileSync} readFileSync; the existsSync calls alone cost ${parts.existsMs.toFixed(3)} ms.`,
        '',
        `Server CPU profile under load: ${requests} requests in ${seconds} s, ${(summary.total / 1000).toFixed(1)} s busy, ${(summary.idle / 1000).toFixed(1)} s idle; ${perRequest(summary.total)} ms busy per request.`,
        '',
        '| Stage (each sample charged to the innermost stage on its stack) | ms per request | share |',
        '|---|---:|---:|',
        ...summary.stages.map(([stage, ms]) => `| ${stage} | ${perRequest(ms)} | ${share(ms)} |`),
        '',
        '| Top functions by self time | ms per request | share |',
        '|---|---:|---:|',
        ...summary.fns.map(([f, ms]) => `| \`${f}\` | ${perRequest(ms)} | ${share(ms)} |`),
      ].join('\n'),
    );
    if (options.isKeeping) console.error(`[profile] kept ${join(profileDir, file)}`);
  } finally {
    if (!options.isKeeping) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[profile] ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
