// The checks benchmark of issue 3 ("Speed" and "Precision, measured"): all checks on one article, a
// scan of 10,000 generated articles against a bare regex pass over the same text, what a save costs
// in checking, and the name checks' precision and recall on the labelled set. Run with
// `npm run bench:checks` (which builds dist/ first); see bench/README.md.
//
//   node bench/checks.js [--articles 10000] [--runs 500] [--rounds 3] [--no-profile] [--no-write]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_CHECKS } from '../dist/core/checks/index.js';
import { buildCheckContext, runChecks } from '../dist/core/checks/run-checks.js';
import { spotNames } from '../dist/core/names/spot-names.js';
import { tokenize } from '../dist/core/names/tokens.js';
import { countWords } from '../dist/core/metrics/word-count.js';
import { sql } from 'kysely';
import { openServiceContext } from '../dist/service/context.js';
import { importArticle } from '../dist/service/import-articles.js';
import { getSegment, listSegments } from '../dist/store/segments.js';
import { listArticles } from '../dist/store/articles.js';
import { listCurrentCorrections, listStandingCorrections } from '../dist/store/corrections.js';
import { listDistinctPeople } from '../dist/store/decisions.js';
import { listConcepts } from '../dist/store/glossary.js';
import { groupCorpusCorrections } from '../dist/service/corpus-corrections.js';
import { toCheckGlossary } from '../dist/core/glossary/check-glossary.js';
import { saveEdit } from '../dist/service/save-segment.js';
import { createFlagReader, toArticleView } from '../dist/service/flag-reader.js';
import { EDIT_RATE, PHRASE_FIXES, buildArticleText, editText, seededRandom } from './article.js';
import { AUTHOR, nextEdit, prepareDatabase } from './prepare-db.js';
import { OTHERS, PEOPLE, VARIANT_RATE, createArticleGenerator, readSources, toCheckView } from './checks-corpus.js';
import { formatChecksRun, updateChecksSection } from './checks-results.js';
import { describeCode, describeMachine } from './results.js';

const BENCH_DIR = fileURLToPath(new URL('./', import.meta.url));
const REPO_DIR = join(BENCH_DIR, '..');
const RESULTS_FILE = join(BENCH_DIR, 'RESULTS.md');
const CORPUS_DIR = join(REPO_DIR, 'corpus');
/** The labelled dev set in the repository, as the labelled-set test finds it. */
const DEV_SET_DIR = join(REPO_DIR, 'test', 'fixtures', 'dev-set');
const FIXTURES_DIR = join(REPO_DIR, 'test', 'fixtures', 'labelled');

/** Untimed runs before the timed ones on one article, so V8 has optimised the checks (range 10-1000). */
const WARMUP_RUNS = 100;
/** Articles of the corpus the save benchmark keeps in its database (the issue's "50-article corpus"). */
const SAVE_CORPUS_ARTICLES = 50;
/** Saves of each kind in the save benchmark (range 5-500). */
const SAVE_ROUNDS = 30;
/** Articles of the scan the CPU profile covers, and the sampling interval in microseconds. */
const PROFILE_ARTICLES = 3_000;
const PROFILE_INTERVAL_US = 100;
/** Most seconds the precision child process (vitest) may take. */
const PRECISION_TIMEOUT_S = 180;

/**
 * The bare regex pass the scan is compared with: runs of capitalised words, hyphenated parts
 * allowed ("Cho Tae-yul", "North Korean"), counted over every segment of every article.
 */
const CAPITALISED_RUN = /\b[A-Z][a-z]+(?:-[a-z]+|[ -][A-Z][a-z]+)*\b/g;

function parseArgs(argv) {
  const options = { articles: 10_000, runs: 500, rounds: 3, isProfiling: true, isWriting: true };
  const ranges = { '--articles': [100, 100_000], '--runs': [10, 100_000], '--rounds': [1, 20] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--no-write') options.isWriting = false;
    else if (arg === '--no-profile') options.isProfiling = false;
    else if (arg in ranges) {
      const value = Number(argv[(i += 1)]);
      const [low, high] = ranges[arg];
      if (!Number.isInteger(value) || value < low || value > high) throw new Error(`${arg} takes a whole number from ${low} to ${high}.`);
      options[arg.slice(2)] = value;
    } else throw new Error(`Unknown option ${arg}. Usage: node bench/checks.js [--articles 10000] [--runs 500] [--rounds 3] [--no-profile] [--no-write]`);
  }
  return options;
}

const log = (message) => console.error(`[bench:checks] ${message}`);
const nowIso = () => new Date().toISOString();
const msSince = (started) => Number(process.hrtime.bigint() - started) / 1e6;

/** Returns median, p95, p99 (nearest rank) of a list of milliseconds. */
function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
  return { n: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99) };
}

/** Returns the median, least and greatest of a few numbers. */
function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Returns flag counts by check id, in registry order. */
function countByCheck(flags, counts = {}) {
  for (const flag of flags) counts[flag.check] = (counts[flag.check] ?? 0) + 1;
  return counts;
}

function orderedCounts(counts) {
  return Object.fromEntries(ALL_CHECKS.map((c) => c.id).filter((id) => counts[id] !== undefined).map((id) => [id, counts[id]]));
}

/** Times all checks on one article: `runs` timed runs after WARMUP_RUNS untimed ones. */
function timeArticle(label, view, input, runs) {
  const flags = runChecks(view, input);
  for (let i = 0; i < WARMUP_RUNS; i += 1) runChecks(view, input);
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    runChecks(view, input);
    samples.push(msSince(started));
  }
  const content = view.segments.filter((s) => s.kind !== 'boilerplate');
  return { label, words: content.reduce((n, s) => n + countWords(s.edit), 0), segments: view.segments.length, flagsByCheck: orderedCounts(countByCheck(flags)), ...percentiles(samples) };
}

/** The corrections editors made elsewhere, as the store hands them to the checks: bench/article.js's phrase fixes, each made in one other article. */
function corpusCorrectionsOf(fixes) {
  return fixes.map(([mtText, editText]) => ({ mtText, editText, count: 1, articles: [{ key: 'elsewhere', title: 'Another article' }] }));
}

// ---------------------------------------------------------------------------------------------
// Precision: vitest runs bench/precision.bench-test.ts, which writes the figures as JSON.

/** Returns the labels' own counts of a labelled folder: people with variants, their spellings, homograph words, distractor phrases. */
function countGold(dir, files) {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
  const labels = files.flatMap((f) => (gold[f] ? [gold[f]] : []));
  return {
    clusters: labels.reduce((n, g) => n + g.clusters.length, 0),
    spellings: labels.reduce((n, g) => n + g.clusters.flat().length, 0),
    homographWords: labels.reduce((n, g) => n + g.homographs.length, 0),
    distractors: labels.reduce((n, g) => n + g.homograph_distractors.length, 0),
  };
}

function measurePrecision(dir) {
  const out = join(dir, 'precision.json');
  const vitest = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');
  const child = spawnSync(process.execPath, [vitest, 'run', '--config', join(BENCH_DIR, 'vitest.checks.config.ts')], {
    cwd: REPO_DIR,
    env: { ...process.env, COPYDESK_PRECISION_OUT: out, FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: PRECISION_TIMEOUT_S * 1000,
  });
  if (child.status !== 0) {
    const tail = `${child.stdout ?? ''}${child.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    return { error: `vitest exited with ${child.status ?? child.signal}: ${tail}` };
  }
  const { sets } = JSON.parse(readFileSync(out, 'utf8'));
  const devFiles = new Set(readdirSync(DEV_SET_DIR));
  return {
    sets: sets.map((s) => {
      const dev = countGold(DEV_SET_DIR, s.files.filter((f) => devFiles.has(f)));
      const own = countGold(FIXTURES_DIR, s.files.filter((f) => !devFiles.has(f)));
      const counts = Object.fromEntries(Object.keys(dev).map((k) => [k, dev[k] + own[k]]));
      return { ...s, counts };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The corpus scan.

function regexPass(views) {
  let matches = 0;
  for (const article of views) {
    for (const segment of article.segments) {
      CAPITALISED_RUN.lastIndex = 0;
      while (CAPITALISED_RUN.exec(segment.edit) !== null) matches += 1;
    }
  }
  return matches;
}

/** For scale: the name checks' tokenizer (src/core/names/tokens.ts) once over every segment, the least a word-by-word reading costs. */
function tokenizePass(views) {
  let words = 0;
  for (const article of views) for (const segment of article.segments) words += tokenize(segment.edit).length;
  return words;
}

function checksPass(views, input) {
  let flags = 0;
  for (const article of views) flags += runChecks(article, input).length;
  return flags;
}

/** Times each pass `rounds` times, alternating, so both see the same state of the machine; returns seconds. */
function timePasses(views, input, rounds) {
  const regex = [];
  const checks = [];
  const tokens = [];
  for (let r = 0; r < rounds; r += 1) {
    let started = process.hrtime.bigint();
    regexPass(views);
    regex.push(msSince(started) / 1000);
    started = process.hrtime.bigint();
    checksPass(views, input);
    checks.push(msSince(started) / 1000);
    started = process.hrtime.bigint();
    tokenizePass(views);
    tokens.push(msSince(started) / 1000);
    log(`  round ${r + 1}: regex ${regex[r].toFixed(3)} s, checks ${checks[r].toFixed(2)} s, tokenize ${tokens[r].toFixed(2)} s`);
  }
  return { regex: spread(regex), checks: spread(checks), tokenize: spread(tokens) };
}

/** What runChecks does, step by step (name index, each check, the sort), with each step's milliseconds summed over the articles. */
function timeSteps(views, input) {
  const order = new Map(ALL_CHECKS.map((c, i) => [c.id, i]));
  const ms = new Map([['index', 0], ...ALL_CHECKS.map((c) => [c.id, 0]), ['sort', 0]]);
  const add = (key, started) => ms.set(key, ms.get(key) + msSince(started));
  for (const article of views) {
    let started = process.hrtime.bigint();
    const ctx = buildCheckContext(article, input);
    add('index', started);
    const flags = [];
    for (const check of ALL_CHECKS) {
      started = process.hrtime.bigint();
      flags.push(...check.run(article, ctx));
      add(check.id, started);
    }
    started = process.hrtime.bigint();
    flags.sort((a, b) => a.segment - b.segment || a.start - b.start || (order.get(a.check) ?? 0) - (order.get(b.check) ?? 0));
    add('sort', started);
  }
  return [
    { label: 'Name index (`buildCheckContext`: spot names, cluster, join surnames; shared by the name checks)', ms: ms.get('index') },
    ...ALL_CHECKS.map((c) => ({ label: `\`${c.id}\``, ms: ms.get(c.id) })),
    { label: 'Sorting the flags', ms: ms.get('sort') },
  ];
}

function timeSpotting(views) {
  const started = process.hrtime.bigint();
  let names = 0;
  for (const article of views) {
    for (const s of article.segments) if (s.kind !== 'boilerplate') names += spotNames(s.edit, s.index).length;
  }
  return { ms: msSince(started), names };
}

/** Profiles a checks pass with V8's sampling profiler; returns self time by file and the top functions. */
async function profileChecks(views, input) {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
    await session.post('Profiler.start');
    checksPass(views, input);
    const { profile } = await session.post('Profiler.stop');
    return summariseProfile(profile, views.length);
  } finally {
    session.disconnect();
  }
}

function summariseProfile(profile, articles) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fileOf = (frame) => {
    if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
    const local = frame.url.replace(/^file:\/\//u, '');
    return local.startsWith(REPO_DIR) ? local.slice(REPO_DIR.length).replace(/^\/+/u, '') : local.replace(/^.*\/node_modules\//u, 'node_modules/');
  };
  const files = new Map();
  const fns = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    total += dt;
    const file = fileOf(frame);
    files.set(file, (files.get(file) ?? 0) + dt);
    const fn = `${frame.functionName || '(anonymous)'} ${file}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    fns.set(fn, (fns.get(fn) ?? 0) + dt);
  });
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, us]) => ({ key, share: us / total }));
  return { articles, intervalUs: PROFILE_INTERVAL_US, samples: profile.samples.length, files: top(files, 10), functions: top(fns, 15) };
}

async function measureScan(options, sources, input) {
  log(`generating ${options.articles} articles (not timed)`);
  const started = process.hrtime.bigint();
  const generator = createArticleGenerator(sources);
  const views = [];
  let homographs = 0;
  for (let i = 0; i < options.articles; i += 1) {
    const article = generator.next();
    if (article.hasHomograph) homographs += 1;
    views.push(toCheckView(`generated-${i + 1}`, article.text));
  }
  const generateSeconds = msSince(started) / 1000;
  const segments = views.reduce((n, v) => n + v.segments.length, 0);
  const bytes = views.reduce((n, v) => n + v.segments.reduce((m, s) => m + Buffer.byteLength(s.edit), 0), 0);
  const words = views.reduce((n, v) => n + v.segments.reduce((m, s) => m + (s.kind === 'boilerplate' ? 0 : countWords(s.edit)), 0), 0);

  log('warming up both passes on 500 articles');
  regexPass(views.slice(0, 500));
  checksPass(views.slice(0, 500), input);
  tokenizePass(views.slice(0, 500));
  log(`timing the bare regex pass, all checks and the tokenizer, ${options.rounds} rounds`);
  const { regex, checks, tokenize: tokens } = timePasses(views, input, options.rounds);
  const regexMatches = regexPass(views);
  const tokenCount = tokenizePass(views);
  const flagsByCheck = {};
  for (const v of views) countByCheck(runChecks(v, input), flagsByCheck);
  log('timing the steps of runChecks');
  const stages = timeSteps(views, input);
  const spot = timeSpotting(views);
  let profile;
  if (options.isProfiling) {
    log(`CPU profile of a checks pass over ${Math.min(PROFILE_ARTICLES, views.length)} articles`);
    profile = await profileChecks(views.slice(0, PROFILE_ARTICLES), input);
  }
  return {
    articles: views.length,
    rounds: options.rounds,
    generateSeconds,
    segments,
    words,
    megabytes: bytes / 1024 ** 2,
    peopleCount: PEOPLE.length,
    othersCount: OTHERS.length,
    variantRate: VARIANT_RATE,
    homographShare: homographs / views.length,
    corpusCorrections: input.corpusCorrections.length,
    regexSource: CAPITALISED_RUN.source,
    regex,
    checks,
    tokens,
    tokenCount,
    ratio: checks.median / regex.median,
    regexMatches,
    flagsByCheck: orderedCounts(flagsByCheck),
    stages,
    spotMs: spot.ms,
    spottedNames: spot.names,
    profile,
  };
}

// ---------------------------------------------------------------------------------------------
// A save: what the app re-checks after one, through the store and its flag cache.

/** The article's first flag object: the flag cache hands out the same objects until it re-runs the checks. */
const firstFlagOf = (flags) => flags.open[0] ?? flags.dismissed[0]?.flag;

/** Returns the corpus corrections of every article but `articleId`, grouped as the checks take them (unfiltered). */
async function storedCorpusCorrections(store, articleId) {
  return groupCorpusCorrections((await listStandingCorrections(store)).filter((r) => r.articleId !== articleId));
}

/** Returns the inputs runArticleChecks gives runChecks (src/service/flag-reader.ts), read once. */
async function storedInput(store, articleId) {
  return {
    corrections: (await listCurrentCorrections(store, articleId)).map((c) => ({
      segment: c.position, mtText: c.mtText, editText: c.editText, mtStart: c.mtStart, mtEnd: c.mtEnd, editStart: c.editStart, editEnd: c.editEnd,
    })),
    corpusCorrections: await storedCorpusCorrections(store, articleId),
    distinctPeople: await listDistinctPeople(store),
    glossary: toCheckGlossary(await listConcepts(store)),
  };
}

async function count(store, query) {
  const { rows } = await query.execute(store.db);
  return Number(rows[0].n);
}

async function measureSave(dir, sources, runs) {
  const config = { sqlite: join(dir, 'copydesk.db') };
  log(`save: building a ${SAVE_CORPUS_ARTICLES}-article database`);
  const prepared = await prepareDatabase(config);
  const ctx = await openServiceContext(config);
  const store = ctx.store;
  try {
    const generator = createArticleGenerator(sources, 777);
    const random = seededRandom(778);
    for (let i = 1; i < SAVE_CORPUS_ARTICLES; i += 1) {
      const article = generator.next();
      const outcome = await importArticle(ctx, { text: article.text, sourceName: `generated-${i}.txt` }, { importedBy: AUTHOR });
      if (!outcome.ok) throw new Error(`Generated article ${i} was refused: ${outcome.message}`);
      // The editor puts the preferred spelling in about half the segments and makes the house fixes.
      const [preferred, ...variants] = article.spellings;
      for (const segment of await listSegments(store, outcome.id)) {
        if (segment.kind === 'boilerplate') continue;
        const fixes = random() < 0.5 ? [...variants.map((v) => [v, preferred]), ...PHRASE_FIXES] : PHRASE_FIXES;
        const text = editText(segment.mt, random, EDIT_RATE, fixes).trim();
        const saved = await saveEdit(ctx, segment, { text, baseNumber: segment.revision, author: AUTHOR });
        if (saved.status === 'conflict') throw new Error(`Setup save of article ${outcome.id} met a conflict.`);
      }
    }
    const stored = await listArticles(store);
    const articleIds = stored.map((a) => a.id);
    const revisions = await count(store, sql`SELECT COUNT(*) AS n FROM revisions`);
    const corrections = await count(store, sql`SELECT COUNT(*) AS n FROM corrections`);
    const id = prepared.id;

    // The edited article as the app checks it, the store's reads done once and left out of the time.
    const segments = await listSegments(store, id);
    const view = toArticleView(id, stored.find((a) => a.id === id)?.title ?? '', segments);
    const edited = timeArticle('The 700-word article edited (as the app checks it: its corrections and the corpus\'s passed in)', view, await storedInput(store, id), runs);
    const corpusCorrectionRows = await count(store, sql`SELECT COUNT(*) AS n FROM corrections WHERE article_id <> ${id} AND mt_text <> ''`);
    const corpusCorrectionPairs = (await storedCorpusCorrections(store, id)).length;
    // The store's reads a re-check makes (runArticleChecks), timed alone.
    const readSamples = [];
    for (let i = 0; i < SAVE_ROUNDS; i += 1) {
      const started = process.hrtime.bigint();
      await listSegments(store, id);
      await storedInput(store, id);
      readSamples.push(msSince(started));
    }
    const corpusReadSamples = [];
    for (let i = 0; i < SAVE_ROUNDS; i += 1) {
      const started = process.hrtime.bigint();
      await storedCorpusCorrections(store, id);
      corpusReadSamples.push(msSince(started));
    }

    const reader = createFlagReader(store);
    const flagsOfAll = async () => {
      const out = new Map();
      for (const a of articleIds) out.set(a, await reader.flagsFor(a));
      return out;
    };
    const snapshot = async () => new Map([...(await flagsOfAll())].map(([a, f]) => [a, { first: firstFlagOf(f), json: JSON.stringify(f.open) }]));
    await snapshot();
    let before = await snapshot();
    const targets = prepared.saveTargets;
    let seed = 500_000;
    const save = async () => {
      const target = targets[seed % targets.length];
      const segment = await getSegment(store, id, target.position);
      const text = nextEdit(target.mt, segment.edit, (seed += 1));
      const started = process.hrtime.bigint();
      const outcome = await saveEdit(ctx, segment, { text, baseNumber: segment.revision, author: AUTHOR });
      const ms = msSince(started);
      if (outcome.status !== 'saved') throw new Error(`A benchmark save was ${outcome.status}.`);
      return ms;
    };

    const saveMs = [];
    const recheck = [];
    const cached = [];
    let isRecheckSeen = 0;
    for (let i = 0; i < SAVE_ROUNDS; i += 1) {
      const first = firstFlagOf(await reader.flagsFor(id));
      saveMs.push(await save());
      let started = process.hrtime.bigint();
      const after = await reader.flagsFor(id);
      recheck.push(msSince(started));
      if (firstFlagOf(after) !== first) isRecheckSeen += 1;
      started = process.hrtime.bigint();
      await reader.flagsFor(id);
      cached.push(msSince(started));
    }

    const corpusPage = [];
    const corpusCached = [];
    const rechecked = [];
    const changed = [];
    before = await snapshot();
    for (let i = 0; i < SAVE_ROUNDS; i += 1) {
      saveMs.push(await save());
      const runsBefore = reader.checkRuns();
      let started = process.hrtime.bigint();
      const after = await flagsOfAll();
      corpusPage.push(msSince(started));
      const runsAfterSave = reader.checkRuns() - runsBefore;
      started = process.hrtime.bigint();
      await flagsOfAll();
      corpusCached.push(msSince(started));
      let differs = 0;
      for (const a of articleIds) {
        const old = before.get(a);
        const now = after.get(a);
        if (a !== id && JSON.stringify(now.open) !== old.json) differs += 1;
      }
      rechecked.push(runsAfterSave);
      changed.push(differs);
      before = new Map(articleIds.map((a) => { const f = after.get(a); return [a, { first: firstFlagOf(f), json: JSON.stringify(f.open) }]; }));
    }
    const articlesWithFlags = [...before.values()].filter((b) => b.first !== undefined).length;
    return {
      edited,
      save: {
        corpusArticles: articleIds.length,
        revisions,
        corrections,
        corpusCorrectionRows,
        corpusCorrectionPairs,
        reads: percentiles(readSamples),
        corpusReads: percentiles(corpusReadSamples),
        rounds: SAVE_ROUNDS,
        save: percentiles(saveMs),
        recheck: percentiles(recheck),
        recheckSeen: isRecheckSeen,
        cached: percentiles(cached),
        corpusPage: percentiles(corpusPage),
        corpusCached: percentiles(corpusCached),
        articlesWithFlags,
        recheckedPerSave: spread(rechecked),
        otherChangedPerSave: spread(changed),
      },
    };
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // Everything below is bounded (fixed counts); this is the backstop if something hangs.
  const budgetS = 600 + Math.ceil((options.articles * options.rounds) / 1_000) * 10;
  setTimeout(() => {
    console.error(`[bench:checks] gave up after ${budgetS} s`);
    process.exit(1);
  }, budgetS * 1000).unref();

  const machine = describeMachine();
  const code = describeCode(REPO_DIR);
  const date = nowIso();
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-checks-'));
  try {
    log('precision and recall on the labelled set (vitest)');
    const precision = measurePrecision(dir);
    if (precision.error) log(`precision not measured: ${precision.error}`);

    const sources = readSources(CORPUS_DIR, DEV_SET_DIR);
    const input = { corpusCorrections: corpusCorrectionsOf(PHRASE_FIXES) };

    log(`one article: ${options.runs} runs each`);
    const generated = buildArticleText(CORPUS_DIR);
    const articles = [timeArticle('Generated 700-word article (bench/article.js: corpus sentences, Cho Tae-yul / Cho Tae-yeol, "King Raises")', toCheckView('bench', generated.text), {}, options.runs)];
    for (const file of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort()) {
      articles.push(timeArticle(`Real article \`corpus/${file}\``, toCheckView(file, readFileSync(join(CORPUS_DIR, file), 'utf8')), {}, options.runs));
    }

    const { edited, save } = await measureSave(dir, sources, options.runs);
    articles.push(edited);

    const scan = await measureScan(options, sources, input);

    const run = {
      date,
      machine,
      code,
      checkIds: ALL_CHECKS.map((c) => c.id),
      settings: { runs: options.runs, warmup: WARMUP_RUNS },
      articles,
      scan,
      save,
      precision,
    };
    console.log(formatChecksRun(run));
    if (options.isWriting) {
      updateChecksSection(RESULTS_FILE, run);
      log(`wrote the "Checks (issue 3)" section of ${RESULTS_FILE}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[bench:checks] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
