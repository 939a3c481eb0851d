// The newsroom-scale benchmark of issue 10: a seeded archive of 100,000 articles imported with
// `copydesk import`, edited on 10% of its articles, brought up to date with `copydesk refresh`, then
// every page loaded by 50 connections (as a first visit and as a returning browser) beside a bare
// Express route, the event loop watched while a corpus-wide re-check runs, and the server's memory
// sampled throughout; on SQLite and on PostgreSQL. Run with `npm run bench:scale` (which builds
// dist/ first); see bench/README.md.
//
//   node bench/scale.js [--backend sqlite|postgres|both] [--articles 100000] [--seconds 5] [--job-seconds 20] [--no-write]
import autocannon from 'autocannon';
import pg from 'pg';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openServiceContext } from '../dist/service/context.js';
import { prepareRevision } from '../dist/service/save-segment.js';
import { jobsWithProgress } from '../dist/service/jobs.js';
import { listSegments } from '../dist/store/segments.js';
import { appendRevision } from '../dist/store/revisions.js';
import { startCluster, whyNoPostgres, withDatabase } from '../test/support/pg-cluster.mjs';
import { PEOPLE } from './checks-corpus.js';
import { writeScaleCorpus } from './scale-corpus.js';
import { startServer } from './child-server.js';
import { createSession, ensureBenchUser, startEditorSession } from './http-session.js';
import { describeCode, describeMachine, replaceSection } from './results.js';

const REPO_DIR = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_FILE = join(REPO_DIR, 'bench', 'RESULTS.md');
const CLI = join(REPO_DIR, 'dist', 'cli', 'main.js');
const SECTION_HEADING = '## Scale (issue 10)';

/** Concurrent connections of every page load (the issue's figure). */
const CONNECTIONS = 50;
/** Seconds of load before each measured window: connections open, V8 warm, the page cached. */
const WARMUP_SECONDS = 2;
/** Share of the articles the benchmark edits (the issue: 10%). */
const EDITED_SHARE = 0.1;
/** The issue's targets at 100,000 articles. */
const TARGETS = { pageP99Ms: 100, serverRssMb: 300, importSeconds: 60, loopMaxMs: 50 };
/** How often memory is sampled (ms). */
const RSS_SAMPLE_MS = 100;
/** The name the benchmark edits and decides under. */
const AUTHOR = 'scale-bench';

const BACKENDS = ['sqlite', 'postgres'];
const log = (message) => console.error(`[scale] ${new Date().toISOString().slice(11, 19)} ${message}`);

function parseArgs(argv) {
  const options = { backends: BACKENDS, articles: 100_000, seconds: 5, jobSeconds: 20, isWriting: true };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--no-write') options.isWriting = false;
    else if (arg === '--backend') {
      const value = argv[(i += 1)];
      if (value !== 'both' && !BACKENDS.includes(value)) throw new Error('--backend takes sqlite, postgres or both.');
      options.backends = value === 'both' ? BACKENDS : [value];
    } else if (arg === '--articles' || arg === '--seconds' || arg === '--job-seconds') {
      const value = Number(argv[(i += 1)]);
      if (!Number.isInteger(value) || value < 1 || value > 1_000_000) throw new Error(`${arg} takes a whole number from 1 to 1,000,000.`);
      options[arg === '--job-seconds' ? 'jobSeconds' : arg.slice(2)] = value;
    } else throw new Error(`Unknown option ${arg}. Usage: node bench/scale.js [--backend sqlite|postgres|both] [--articles 100000] [--seconds 5] [--job-seconds 20] [--no-write]`);
  }
  return options;
}

/** Returns a process's resident memory in MB (Linux /proc), or undefined once it has gone. */
function rssMbOf(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every RSS_SAMPLE_MS until stopped; `stop()` returns { peak, samples: [{ t, mb }] }. */
function sampleRss(pid) {
  const started = Date.now();
  const samples = [];
  const timer = setInterval(() => {
    const mb = rssMbOf(pid);
    if (mb !== undefined) samples.push({ t: (Date.now() - started) / 1000, mb });
  }, RSS_SAMPLE_MS);
  return {
    peakSince: (seconds) => Math.max(0, ...samples.filter((s) => s.t >= seconds).map((s) => s.mb)),
    stop() {
      clearInterval(timer);
      return { peak: Math.max(0, ...samples.map((s) => s.mb)), samples };
    },
  };
}

/** Runs `node dist/cli/main.js ...args` with `env`; resolves to { seconds, stdout, stderr, rss } (rss: peak MB and when). */
function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const rss = sampleRss(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => { stdout += c; });
    child.stderr.on('data', (c) => { stderr += c; });
    child.on('error', reject);
    child.on('exit', (code) => {
      const memory = rss.stop();
      const seconds = (Date.now() - started) / 1000;
      if (code !== 0) reject(new Error(`copydesk ${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      else resolve({ seconds, stdout, stderr, memory });
    });
  });
}

/** The peak RSS of the first tenth of a run and of the whole run: an import whose memory grew with the corpus would show the second far above the first. */
function memoryGrowth(memory, seconds) {
  const early = memory.samples.filter((s) => s.t <= seconds / 10).map((s) => s.mb);
  return { early: Math.max(0, ...early), peak: memory.peak };
}

/** A fresh database of `backend`: an SQLite file in `dir`, or a database on a throw-away PostgreSQL cluster with default durability. */
async function openBenchDatabase(backend, dir) {
  if (backend === 'sqlite') {
    const file = join(dir, 'copydesk.db');
    return { config: { sqlite: file }, env: { COPYDESK_DB: file }, location: file, describe: 'an SQLite file in a temp folder (WAL)', close: async () => {} };
  }
  const why = whyNoPostgres();
  if (why) throw new Error(`Cannot run the PostgreSQL benchmark: ${why}.`);
  const cluster = await startCluster({ durable: true });
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  const { rows } = await admin.query('SHOW server_version');
  await admin.query('CREATE DATABASE copydesk_scale');
  await admin.end();
  const url = withDatabase(cluster.url, 'copydesk_scale');
  return {
    config: { postgres: url },
    env: { DATABASE_URL: url },
    location: url,
    describe: `PostgreSQL ${rows[0].server_version} (a cluster made for the run, default settings: fsync and synchronous_commit on)`,
    close: async () => cluster.stop(),
  };
}

/** The variant → preferred spellings an editor fixes (the generator's people, bench/checks-corpus.js). */
const FIXES = PEOPLE.flatMap((p) => p.spellings.slice(1).map((variant) => [variant, p.spellings[0]])).sort((a, b) => b[0].length - a[0].length);
const FIX_PATTERN = new RegExp(`(?<![\\p{L}-])(?:${FIXES.map(([v]) => v.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|')})(?![\\p{L}-])`, 'gu');
const FIX_OF = new Map(FIXES);

/**
 * Edits every tenth article as an editor would: each segment that spells its person a variant way
 * gets the house spelling, saved as a revision through the service's own revision preparation and
 * the store's append (the figures are then left to `copydesk refresh`, as after an import).
 * Returns { articles, revisions, seconds }.
 */
export async function editArticles(config, articleCount) {
  const started = Date.now();
  const ctx = await openServiceContext(config);
  let articles = 0;
  let revisions = 0;
  try {
    const step = Math.round(1 / EDITED_SHARE);
    for (let id = 1; id <= articleCount; id += step) {
      const segments = await listSegments(ctx.store, id);
      const planned = segments.flatMap((s) => {
        if (s.kind === 'boilerplate') return [];
        const text = s.edit.replace(FIX_PATTERN, (m) => FIX_OF.get(m) ?? m);
        return text === s.edit ? [] : [prepareRevision(s, { text, baseNumber: s.revision, author: AUTHOR }, s.edit, new Date().toISOString())];
      }).filter(Boolean);
      // An article with nothing to fix still gets the editor's read of its headline: a new last word.
      if (planned.length === 0 && segments[0]) {
        const s = segments.find((x) => x.kind === 'headline') ?? segments[0];
        planned.push(prepareRevision(s, { text: `${s.edit} (update)`, baseNumber: s.revision, author: AUTHOR }, s.edit, new Date().toISOString()));
      }
      await ctx.store.transaction(async (tx) => {
        for (const revision of planned) {
          const result = await appendRevision(tx, revision);
          if (!result.ok) throw new Error(`A bench edit of article ${id} met a conflict.`);
        }
      });
      articles += 1;
      revisions += planned.length;
    }
  } finally {
    await ctx.store.close();
  }
  return { articles, revisions, seconds: (Date.now() - started) / 1000 };
}

/** Returns median, p99 (nearest rank) and max of a list of milliseconds. */
function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
  return { n: sorted.length, p50: rank(50), p99: rank(99), max: sorted.at(-1) };
}

/**
 * Loads `path` with CONNECTIONS connections: WARMUP_SECONDS, then `seconds` measured. Returns
 * requests/s, p50/p99/max latency, non-2xx answers, and the server's event-loop delay (max, p99)
 * over the measured window.
 */
async function measureLoad(server, path, headers, seconds) {
  const url = `http://127.0.0.1:${server.port}${path}`;
  const latencies = [];
  let non2xx = 0;
  let isMeasuring = false;
  const instance = autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS + seconds, headers });
  let measureFrom;
  const warm = setTimeout(async () => {
    await server.ask('loop', 'loop');
    measureFrom = Date.now();
    isMeasuring = true;
  }, WARMUP_SECONDS * 1000);
  instance.on('response', (_client, status, _bytes, responseTime) => {
    if (!isMeasuring) return;
    latencies.push(responseTime);
    if (status < 200 || status > 299) non2xx += 1;
  });
  const r = await instance;
  clearTimeout(warm);
  const loop = await server.ask('loop', 'loop');
  if (measureFrom === undefined) throw new Error(`The load on ${path} ended before its warm-up did.`);
  const measured = (r.finish.getTime() - measureFrom) / 1000;
  return { path, rps: latencies.length / measured, ...percentiles(latencies), errors: r.errors + r.timeouts, non2xx, loop };
}

/** Times one GET on a fresh connection with only the session cookie (ms) and checks its status. */
async function timeOne(port, path, headers) {
  const session = createSession(port);
  try {
    const res = await session.send('GET', path, undefined, headers);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.body.slice(0, 200)}`);
    return res.ms;
  } finally {
    session.close();
  }
}

/** The pages measured: every page an editor opens, with the deep and filtered variants that cost most at scale. */
function pagesOf(ids) {
  return [
    { label: 'Corpus, first page', path: '/' },
    { label: 'Corpus, page 1,000', path: '/?page=1000' },
    { label: 'Corpus, search', path: `/?q=${encodeURIComponent('Cho Tae-yul')}` },
    { label: 'Corpus, in review, by title', path: '/?status=in-review&sort=title' },
    { label: 'Corpus, open errors', path: '/?errors=1' },
    { label: 'Corpus, by editor', path: `/?editor=${encodeURIComponent(AUTHOR)}&sort=edited` },
    { label: 'Names', path: '/names' },
    { label: 'Names, page 20', path: '/names?page=20' },
    { label: 'Reports', path: '/reports' },
    { label: 'Reports, page 100', path: '/reports?page=100' },
    { label: 'Glossary suggestions', path: '/glossary/suggestions' },
    { label: 'Jobs', path: '/jobs' },
    { label: 'Review page (edited article)', path: `/articles/${ids.edited}` },
    { label: 'Review page (untouched article)', path: `/articles/${ids.untouched}` },
  ];
}

/** Records a glossary decision over HTTP, as an editor would: the re-check of every article it starts is the heavy job. */
async function decideOverHttp(port, reviewPath) {
  const { session } = await startEditorSession(port, reviewPath, AUTHOR);
  try {
    await session.send('GET', '/glossary/new');
    const person = PEOPLE[0];
    const res = await session.send('POST', '/glossary', {
      _csrf: session.csrfToken, type: 'person', preferred: person.spellings[0], deprecated: person.spellings.slice(1).join('\n'), admitted: '', korean: '', note: 'bench',
    });
    if (res.status !== 303) throw new Error(`POST /glossary answered ${res.status}: ${res.body.slice(0, 300)}`);
  } finally {
    session.close();
  }
}

async function runBackend(backend, options, corpusDir, articleCount) {
  const dir = mkdtempSync(join(tmpdir(), `copydesk-scale-${backend}-`));
  const db = await openBenchDatabase(backend, dir);
  const out = { backend, describe: db.describe };
  try {
    log(`${backend}: importing ${articleCount.toLocaleString('en')} files`);
    const imported = await runCli(['import', corpusDir], db.env);
    out.import = { seconds: imported.seconds, line: imported.stdout.trim(), ...memoryGrowth(imported.memory, imported.seconds) };
    log(`${backend}: ${imported.stdout.trim()} in ${imported.seconds.toFixed(1)} s, peak RSS ${imported.memory.peak.toFixed(0)} MB`);

    log(`${backend}: editing ${Math.round(articleCount * EDITED_SHARE).toLocaleString('en')} articles`);
    out.edits = await editArticles(db.config, articleCount);
    log(`${backend}: ${out.edits.revisions} revisions in ${out.edits.articles} articles, ${out.edits.seconds.toFixed(1)} s`);

    log(`${backend}: copydesk refresh`);
    const refreshed = await runCli(['refresh'], db.env);
    out.refresh = { seconds: refreshed.seconds, line: refreshed.stdout.trim(), peak: refreshed.memory.peak };
    log(`${backend}: ${refreshed.stdout.trim()} in ${refreshed.seconds.toFixed(1)} s`);

    const accounts = await openServiceContext(db.config);
    try {
      await ensureBenchUser(accounts, AUTHOR);
    } finally {
      await accounts.store.close();
    }
    const server = await startServer(['copydesk', db.location, '--background']);
    const serverRss = sampleRss(server.pid);
    const serverStarted = Date.now();
    const sinceStart = () => (Date.now() - serverStarted) / 1000;
    let jobFrom = Infinity;
    try {
      const ids = { edited: 1, untouched: 2 };
      const pages = pagesOf(ids);
      // Signed in (every page is behind sign-in since issue 11): a first visit is a signed-in
      // editor's new tab (the session cookie alone, no CSRF cookie yet); returning sends both.
      const { headers: returning, firstVisit } = await startEditorSession(server.port, '/account/password', AUTHOR);
      // Cold: each page's first request after start (nothing cached yet).
      out.cold = [];
      for (const page of pages) {
        // The event loop over the cold request alone: a first render must not stall other requests either.
        // After a reset the histogram's first tick only starts the clock: wait for it (a few
        // resolutions), or a request that blocks the loop before it goes unrecorded (max 0).
        await server.ask('loop', 'loop');
        await new Promise((resolve) => setTimeout(resolve, 25));
        const ms = await timeOne(server.port, page.path, firstVisit);
        out.cold.push({ label: page.label, path: page.path, ms, loop: await server.ask('loop', 'loop') });
      }
      out.pages = [];
      for (const page of pages) {
        log(`${backend}: ${page.label} (${page.path})`);
        const first = await measureLoad(server, page.path, firstVisit, options.seconds);
        const again = await measureLoad(server, page.path, returning, options.seconds);
        out.pages.push({ ...page, first, again });
      }
      const bare = await startServer(['bare', join(REPO_DIR, 'package.json')]);
      try {
        out.bare = await measureLoad(bare, '/bare', {}, options.seconds);
      } finally {
        await bare.stop();
      }
      // The heavy job: a glossary decision makes every article stale; the refresher's threads re-check them while 50 connections load a review page.
      out.serverRssPages = serverRss.peakSince(0);
      jobFrom = sinceStart();
      log(`${backend}: a glossary decision, then review pages under load while every article is re-checked`);
      await decideOverHttp(server.port, `/articles/${ids.edited}`);
      const ctx = await openServiceContext(db.config);
      try {
        const before = (await jobsWithProgress(ctx, { limit: 1 }))[0];
        const startedAt = Date.now();
        const during = await measureLoad(server, `/articles/${ids.untouched}`, returning, options.jobSeconds);
        const corpusDuring = await measureLoad(server, '/', returning, options.seconds);
        const after = (await jobsWithProgress(ctx, { limit: 1 }))[0];
        const elapsed = (Date.now() - startedAt) / 1000;
        out.job = {
          message: after?.message ?? before?.message,
          total: after?.total ?? 0,
          doneBefore: before?.done ?? 0,
          doneAfter: after?.done ?? 0,
          seconds: elapsed,
          rate: ((after?.done ?? 0) - (before?.done ?? 0)) / elapsed,
          review: during,
          corpus: corpusDuring,
        };
      } finally {
        await ctx.store.close();
      }
    } finally {
      const memory = serverRss.stop();
      out.serverRss = memory.peak;
      out.serverRssJob = Math.max(0, ...memory.samples.filter((sample) => sample.t >= jobFrom).map((sample) => sample.mb));
      await server.stop();
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const ms = (n) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '–');
const whole = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');
const verdict = (ok) => (ok ? 'met' : '**not met**');

function formatBackend(b, articleCount) {
  const worstFirst = Math.max(...b.pages.map((p) => p.first.p99));
  const worstAgain = Math.max(...b.pages.map((p) => p.again.p99));
  const worstLoop = Math.max(...b.pages.flatMap((p) => [p.first.loop.max, p.again.loop.max]), b.job.review.loop.max, b.job.corpus.loop.max);
  const worstColdLoop = Math.max(...b.cold.map((c) => c.loop?.max ?? 0));
  const lines = [
    `### ${b.backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${b.describe}`,
    '',
    `- **Import** of ${whole(articleCount)} files (\`copydesk import\`, worker threads): ${b.import.seconds.toFixed(1)} s (${b.import.line}); peak RSS ${whole(b.import.peak)} MB, ${whole(b.import.early)} MB in its first tenth. Target under ${TARGETS.importSeconds} s: ${verdict(b.import.seconds < TARGETS.importSeconds)}.`,
    `- **Edits**: ${whole(b.edits.revisions)} revisions in ${whole(b.edits.articles)} articles (${Math.round(EDITED_SHARE * 100)}%), ${b.edits.seconds.toFixed(1)} s.`,
    `- **\`copydesk refresh\`** (every article's figures, flags, people and search text, on ${availableParallelism()} threads): ${b.refresh.seconds.toFixed(1)} s (${b.refresh.line}), ${whole(articleCount / b.refresh.seconds)} articles/s; peak RSS ${whole(b.refresh.peak)} MB.`,
    `- **Server RSS**, peak over the whole run (pages, loads, the re-check): ${whole(b.serverRss)} MB (${whole(b.serverRssPages ?? 0)} MB while only pages were loaded, ${whole(b.serverRssJob ?? 0)} MB during the re-check, its worker threads included). Target under ${TARGETS.serverRssMb} MB: ${verdict(b.serverRss < TARGETS.serverRssMb)}.`,
    `- **Worst page p99**: ${ms(worstFirst)} ms as a first visit, ${ms(worstAgain)} ms returning. Target under ${TARGETS.pageP99Ms} ms: ${verdict(Math.max(worstFirst, worstAgain) < TARGETS.pageP99Ms)}.`,
    `- **Longest event-loop delay** in any measured window: ${ms(worstLoop)} ms under load, ${ms(worstColdLoop)} ms over a page's cold (first) request. Target at most ${TARGETS.loopMaxMs} ms: ${verdict(Math.max(worstLoop, worstColdLoop) <= TARGETS.loopMaxMs)}.`,
    `- **Bare route** \`/bare\` in the same run: ${whole(b.bare.rps)} req/s, p99 ${ms(b.bare.p99)} ms.`,
    '',
    '| Page | Cold ms (loop max) | First visit req/s | p50 / p99 ms | Loop max / p99 ms | Returning req/s | p50 / p99 ms | Loop max / p99 ms | vs bare (first / returning) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...b.pages.map((p) => {
      const coldRun = b.cold.find((c) => c.path === p.path);
      const cold = coldRun ? `${ms(coldRun.ms)}${coldRun.loop ? ` (${ms(coldRun.loop.max)})` : ''}` : '';
      const f = p.first;
      const a = p.again;
      const bad = f.non2xx + a.non2xx + f.errors + a.errors;
      return `| ${p.label} \`${p.path.replace(/\|/g, '%7C')}\`${bad ? ` (${bad} errors)` : ''} | ${cold} | ${whole(f.rps)} | ${ms(f.p50)} / ${ms(f.p99)} | ${ms(f.loop.max)} / ${ms(f.loop.p99)} | ${whole(a.rps)} | ${ms(a.p50)} / ${ms(a.p99)} | ${ms(a.loop.max)} / ${ms(a.loop.p99)} | ${(f.rps / b.bare.rps).toFixed(2)}× / ${(a.rps / b.bare.rps).toFixed(2)}× |`;
    }),
    '',
    `**During the re-check** after a glossary decision ("${b.job.message}"): the background refresher's threads re-checked ${whole(b.job.doneAfter - b.job.doneBefore)} of ${whole(b.job.total)} articles in ${b.job.seconds.toFixed(0)} s (${whole(b.job.rate)} articles/s, all of them in about ${whole(b.job.total / Math.max(1, b.job.rate) / 60)} min) while:`,
    '',
    '| Load | req/s | p50 / p99 / max ms | Event loop max / p99 / mean ms |',
    '|---|---:|---:|---:|',
    ...[['Review page, returning, 50 connections', b.job.review], ['Corpus page, returning, 50 connections', b.job.corpus]]
      .map(([label, r]) => `| ${label} | ${whole(r.rps)} | ${ms(r.p50)} / ${ms(r.p99)} / ${ms(r.max)} | ${ms(r.loop.max)} / ${ms(r.loop.p99)} / ${ms(r.loop.mean)} |`),
  ];
  return lines.join('\n');
}

function formatRun(run) {
  const m = run.machine;
  return [
    '`npm run bench:scale` (bench/scale.js) writes this section; bench/README.md says what each figure measures.',
    '',
    `Run ${run.date.slice(0, 16).replace('T', ' ')} UTC, code ${run.code || '–'}, on ${m.cpu} × ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB, Node ${m.node}, ${m.os}; load average ${m.loadAverage.toFixed(2)} at the start.`,
    `Corpus: ${whole(run.articles)} generated articles (bench/scale-corpus.js, seed ${run.seed}: people with romanization variants, surname homographs, namesakes), ${whole(run.corpusMb)} MB, written in ${run.corpusSeconds.toFixed(1)} s. Pages measured for ${run.seconds} s each after ${WARMUP_SECONDS} s of warm-up, ${CONNECTIONS} connections; "first visit" sends a signed-in editor's session cookie alone (a new tab: no CSRF cookie yet; since issue 11 every page is behind sign-in), "returning" sends the session and CSRF cookies; "cold" is each page's first request after the server started.`,
    '',
    ...run.backends.flatMap((b) => [formatBackend(b, run.articles), '']),
  ].join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const machine = describeMachine();
  const date = new Date().toISOString();
  // The code as it is when the run starts (dist/ was built from it): commits made during a run of an hour must not be credited.
  const code = describeCode(REPO_DIR);
  const corpusDir = mkdtempSync(join(tmpdir(), 'copydesk-scale-corpus-'));
  const seed = 20261207;
  try {
    log(`writing ${options.articles.toLocaleString('en')} articles to ${corpusDir}`);
    const started = Date.now();
    writeScaleCorpus(corpusDir, options.articles, seed);
    const corpusSeconds = (Date.now() - started) / 1000;
    const corpusMb = folderMb(corpusDir);
    const backends = [];
    for (const backend of options.backends) backends.push(await runBackend(backend, options, corpusDir, options.articles));
    const run = { date, code, machine, articles: options.articles, seed, corpusSeconds, corpusMb, seconds: options.seconds, backends };
    const text = formatRun(run);
    console.log(text);
    if (options.isWriting) replaceSection(RESULTS_FILE, SECTION_HEADING, text);
  } finally {
    rmSync(corpusDir, { recursive: true, force: true });
  }
}

/** The corpus folder's size in MB. */
function folderMb(dir) {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) / 1048576;
}

/** Everything is bounded (fixed durations and counts); this is the backstop if a server or job hangs. */
const BACKSTOP_MS = 3 * 60 * 60 * 1000;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  setTimeout(() => {
    console.error('[scale] gave up after 3 hours');
    process.exit(1);
  }, BACKSTOP_MS).unref();
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}

