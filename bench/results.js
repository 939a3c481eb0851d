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
  '| Date (UTC) | Code | Backend | Node | CPU × cores | Load avg | Review req/s | Review p99 ms | Bare req/s | Review / bare | Save (HTTP) median / p99 ms | saveEdit median ms |',
  '|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|',
];

/** Backend names as the results print them. */
const BACKEND_LABELS = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

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
  return `| ${label} | ${whole(r.rps)} | ${fixed(r.p50)} | ${fixed(r.p99)} | ${r.cpuMicros === undefined ? '–' : whole(r.cpuMicros)} | ${whole(r.requests)} | ${r.errors} / ${r.non2xx} |`;
}

function saveRow(label, backend, s) {
  return `| ${label} | ${backend} | ${s.n} | ${fixed(s.p50, 2)} | ${fixed(s.p95, 2)} | ${fixed(s.p99, 2)} |`;
}

/** Returns the Markdown section for one run (what is printed, and RESULTS.md's "Latest"): the machine, then each backend's figures. */
export function formatRun(run) {
  const { machine: m, settings: s } = run;
  const first = run.backends[0];
  const a = first.article;
  return [
    `### Run of ${dateOf(run.date)} UTC`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${fixed(m.memoryGiB)} GiB, Node ${m.node}, ${m.os}; load average ${fixed(m.loadAverage, 2)} when the run started`,
    ...(run.code ? [`- Code: ${run.code}`] : []),
    `- Article: ${a.mtWords} MT words in ${a.segments} segments (${a.kinds}); ${a.edited} segments edited with ${a.revisions} revisions, ${a.wordsChanged} MT words changed (${a.changedShare}, the page's own figure), ${a.corrections} corrections; review page ${fixed(a.pageBytes / 1024)} kB`,
    `- Load: autocannon, ${s.connections} connections on loopback, ${s.seconds} s measured per route after a warm-up of at least ${s.warmupSeconds} s that lasts until every connection has had a response; server in a child process; the page requested with the cookies of a returning editor (CSRF and author)`,
    '',
    '| Route | Requests/s | p50 ms | p99 ms | Server CPU µs/request | Requests | Errors / non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...run.backends.map((b) => loadRow(`Review page \`GET ${b.review.path}\` on ${BACKEND_LABELS[b.backend]}`, b.review)),
    loadRow("Bare Express `GET /bare` ('ok')", run.bare),
    loadRow(`Bare Express \`GET /bare-page\` (the review page's HTML as a fixed string)`, run.barePage),
    '',
    ...run.backends.map((b) => {
      const ratio = b.review.rps / run.bare.rps;
      const verdict = ratio >= TARGET_SHARE ? `meets the ${percent(TARGET_SHARE)} target` : `**below** the ${percent(TARGET_SHARE)} target`;
      return `- ${BACKEND_LABELS[b.backend]} (${b.database}): the review page serves **${percent(ratio)}** of the bare route's requests per second, ${verdict}; against the same bytes served as a fixed string, ${percent(b.review.rps / run.barePage.rps)}. Warm-up ${fixed(b.review.warmupSeconds)} s.`;
    }),
    '',
    '| Save | Backend | n | median ms | p95 ms | p99 ms |',
    '|---|---|---:|---:|---:|---:|',
    ...run.backends.flatMap((b) => [
      saveRow(`\`POST ${b.saveForm.path}\` form post (303 redirect)`, BACKEND_LABELS[b.backend], b.saveForm),
      saveRow(`\`POST ${b.saveFetch.path}\` from the page script (fragment)`, BACKEND_LABELS[b.backend], b.saveFetch),
      saveRow('`saveEdit` in process (diffs, the store\'s transaction)', BACKEND_LABELS[b.backend], b.saveInProcess),
    ]),
    '',
    `Saves alternate between ${first.saveForm.segments} body segments, each on the current revision, with a fresh edit of the MT (each word touched with chance ${percent(s.editRate)}), different every time.`,
  ].join('\n');
}

/** Returns the history rows for a run, one per backend. */
function historyRows(run) {
  const code = run.code ? run.code.replace(/ \+ .*/, ' + changes') : '–';
  return run.backends.map((b) => {
    const ratio = b.review.rps / run.bare.rps;
    return `| ${dateOf(run.date)} | ${code} | ${BACKEND_LABELS[b.backend]} | ${run.machine.node} | ${run.machine.cpu} × ${run.machine.cores} | ${fixed(run.machine.loadAverage, 2)} | ${whole(b.review.rps)} | ${fixed(b.review.p99)} | ${whole(run.bare.rps)} | ${percent(ratio)} | ${fixed(b.saveForm.p50, 2)} / ${fixed(b.saveForm.p99, 2)} | ${fixed(b.saveInProcess.p50, 2)} |`;
  });
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
  // Rows written before issue 9 have no Backend column: they were all SQLite.
  const earlier = history.split('\n').filter((line) => HISTORY_ROW.test(line)).map((line) => {
    const cells = line.split(' | ');
    return cells.length === 11 ? [...cells.slice(0, 2), 'SQLite', ...cells.slice(2)].join(' | ') : line;
  });
  const rows = [...historyRows(run), ...earlier].slice(0, HISTORY_LIMIT);
  const text = [
    '# Benchmark results',
    '',
    '`npm run bench` (bench/run.js) writes "Latest" and "History" (the review page and saves, issues 2 and 9, on SQLite and on',
    `PostgreSQL): each run replaces "Latest" and adds a line per backend at the top of "History" (the last ${HISTORY_LIMIT} lines are kept).`,
    '`npm run bench:checks` (bench/checks.js) writes the section "Checks (issue 3)"; the other sections are kept as they are.',
    'bench/README.md says what each figure measures and what the targets are.',
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

/**
 * Rewrites the section of `file` that starts with `heading` ("## …") as `heading` + `body`
 * (appended when missing); every other section is kept as it is.
 */
export function replaceSection(file, heading, body) {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\n';
  const at = old.search(/^## /m);
  const head = at < 0 ? old : old.slice(0, at);
  const sections = at < 0 ? [] : old.slice(at).split(/\n(?=## )/u).map((s) => s.replace(/\n+$/u, ''));
  const section = `${heading}\n\n${body.replace(/\n+$/u, '')}`;
  const index = sections.findIndex((s) => s.split('\n')[0] === heading);
  if (index < 0) sections.push(section);
  else sections[index] = section;
  writeFileSync(file, `${head}${sections.join('\n\n')}\n`);
}
