// Formatting a benchmark run as Markdown, and keeping bench/RESULTS.md: the latest run in full,
// earlier runs as one history line each.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, release, totalmem, type } from 'node:os';

/** The target: the review page serves at least this share of the bare route's requests per second. */
export const TARGET_SHARE = 0.4;

/** History lines kept in RESULTS.md (newest first); older ones are dropped so the table stays short. */
const HISTORY_LIMIT = 50;

/** A history row starts with the run's date. */
const HISTORY_ROW = /^\| \d{4}-\d{2}-\d{2}/;

const HISTORY_HEAD = [
  '| Date (UTC) | Code | Node | CPU × cores | Load avg | Review req/s | Review p99 ms | Bare req/s | Review / bare | Save (HTTP) median / p99 ms | saveEdit median ms |',
  '|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|',
];

/** Returns the machine the run is on: CPU model, cores, memory, Node version, OS, and its 1-minute load average now. */
export function describeMachine() {
  const cpuList = cpus();
  return {
    cpu: (cpuList[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim(),
    cores: cpuList.length,
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    os: `${type()} ${release()} ${arch()}`,
    loadAverage: loadavg()[0],
  };
}

/** Returns the code measured: the commit, and how many files under src/, views/ and public/ differ from it ('' outside git). */
export function describeCode(repoDir) {
  try {
    const git = (...args) => execFileSync('git', ['-C', repoDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    const changed = git('status', '--porcelain', '--', 'src', 'views', 'public').split('\n').filter(Boolean).length;
    return changed === 0 ? commit : `${commit} + ${changed} uncommitted files in src/, views/, public/`;
  } catch {
    return '';
  }
}

const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const whole = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');
const percent = (share) => `${(100 * share).toFixed(1)}%`;
const dateOf = (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

function loadRow(label, r) {
  return `| ${label} | ${whole(r.rps)} | ${fixed(r.p50)} | ${fixed(r.p99)} | ${whole(r.requests)} | ${r.errors} / ${r.non2xx} |`;
}

function saveRow(label, s) {
  return `| ${label} | ${s.n} | ${fixed(s.p50, 2)} | ${fixed(s.p95, 2)} | ${fixed(s.p99, 2)} |`;
}

/** Returns the Markdown section for one run (what is printed, and RESULTS.md's "Latest"). */
export function formatRun(run) {
  const { machine: m, article: a, settings: s } = run;
  const ratio = run.review.rps / run.bare.rps;
  const verdict = ratio >= TARGET_SHARE ? `meets the ${percent(TARGET_SHARE)} target` : `**below** the ${percent(TARGET_SHARE)} target`;
  return [
    `### Run of ${dateOf(run.date)} UTC`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${fixed(m.memoryGiB)} GiB, Node ${m.node}, ${m.os}; load average ${fixed(m.loadAverage, 2)} when the run started`,
    ...(run.code ? [`- Code: ${run.code}`] : []),
    `- Article: ${a.mtWords} MT words in ${a.segments} segments (${a.kinds}); ${a.edited} segments edited with ${a.revisions} revisions, ${a.wordsChanged} MT words changed (${a.changedShare}, the page's own figure), ${a.corrections} corrections; review page ${fixed(a.pageBytes / 1024)} kB`,
    `- Load: autocannon, ${s.connections} connections on loopback, ${s.seconds} s measured per route after a warm-up of at least ${s.warmupSeconds} s that lasts until every connection has had a response (review page ${fixed(run.review.warmupSeconds)} s, bare ${fixed(run.bare.warmupSeconds)} s, bare page-size ${fixed(run.barePage.warmupSeconds)} s); server in a child process; database a temp file in WAL mode; the page requested with the cookies of a returning editor (CSRF and author)`,
    '',
    '| Route | Requests/s | p50 ms | p99 ms | Requests | Errors / non-2xx |',
    '|---|---:|---:|---:|---:|---:|',
    loadRow(`Review page \`GET ${run.review.path}\``, run.review),
    loadRow("Bare Express `GET /bare` ('ok')", run.bare),
    loadRow(`Bare Express \`GET /bare-page\` (the review page's HTML as a fixed string)`, run.barePage),
    '',
    `Review page / bare route: **${percent(ratio)}** of the bare route's requests per second, ${verdict}. ` +
      `Against the same bytes served as a fixed string: ${percent(run.review.rps / run.barePage.rps)}.`,
    '',
    '| Save | n | median ms | p95 ms | p99 ms |',
    '|---|---:|---:|---:|---:|',
    saveRow(`\`POST ${run.saveForm.path}\` form post (303 redirect)`, run.saveForm),
    saveRow(`\`POST ${run.saveFetch.path}\` from the page script (fragment)`, run.saveFetch),
    saveRow('`saveEdit` in process (SQLite write, diffs, corrections)', run.saveInProcess),
    '',
    `Saves alternate between ${run.saveForm.segments} body segments, each on the current revision, with a fresh edit of the MT (each word touched with chance ${percent(s.editRate)}), different every time.`,
  ].join('\n');
}

/** Returns the one-line history row for a run. */
function historyRow(run) {
  const ratio = run.review.rps / run.bare.rps;
  const code = run.code ? run.code.replace(/ \+ .*/, ' + changes') : '–';
  return `| ${dateOf(run.date)} | ${code} | ${run.machine.node} | ${run.machine.cpu} × ${run.machine.cores} | ${fixed(run.machine.loadAverage, 2)} | ${whole(run.review.rps)} | ${fixed(run.review.p99)} | ${whole(run.bare.rps)} | ${percent(ratio)} | ${fixed(run.saveForm.p50, 2)} / ${fixed(run.saveForm.p99, 2)} | ${fixed(run.saveInProcess.p50, 2)} |`;
}

/** A level-2 heading: RESULTS.md is cut into sections at these. */
const SECTION_HEADING = /^## /m;

/** Returns the "## …" sections of a RESULTS.md text (each from its heading to the next), without the text before the first. */
function sectionsOf(text) {
  const at = text.search(SECTION_HEADING);
  return at < 0 ? [] : text.slice(at).split(/\n(?=## )/u);
}

/**
 * Rewrites `file`: the run as "Latest", its history line first in "History", earlier lines kept (up to
 * HISTORY_LIMIT). Other benchmarks' sections (e.g. "Checks (issue 3)", written by bench/checks.js)
 * are kept as they are, after "History".
 */
export function updateResultsFile(file, run) {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const sections = sectionsOf(old);
  const history = sections.find((s) => s.startsWith('## History')) ?? '';
  const others = sections.filter((s) => !s.startsWith('## Latest') && !s.startsWith('## History')).map((s) => s.trimEnd());
  const earlier = history.split('\n').filter((line) => HISTORY_ROW.test(line));
  const rows = [historyRow(run), ...earlier].slice(0, HISTORY_LIMIT);
  const text = [
    '# Benchmark results',
    '',
    '`npm run bench` (bench/run.js) writes "Latest" and "History" (the review page and saves, issue 2): each run replaces "Latest"',
    `and adds a line at the top of "History" (the last ${HISTORY_LIMIT} runs are kept). \`npm run bench:checks\` (bench/checks.js) writes`,
    'the section "Checks (issue 3)". README.md says what each figure measures and what the targets are.',
    '',
    '## Latest',
    '',
    formatRun(run),
    '',
    '## History',
    '',
    ...HISTORY_HEAD,
    ...rows,
    '',
    ...others.flatMap((s) => [s, '']),
  ].join('\n');
  writeFileSync(file, text);
}
