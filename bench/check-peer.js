// `copydesk check` against its peer (issue 10, "copydesk check and the corpus re-check use all
// cores"): the same 10,000 generated articles checked by the built CLI on every core, by the
// same CLI on one thread, and by textlint with textlint-rule-terminology (a dev dependency) given
// the generator's own variant -> preferred spellings as its dictionary. Wall-clock time of each
// command as a user runs it, in the same run, rounds interleaved; medians compared. Run with
// `npm run bench:check-peer` (which builds dist/ first); see bench/README.md.
//
//   node bench/check-peer.js [--files 10000] [--rounds 3] [--threads N] [--no-write]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PEOPLE } from './checks-corpus.js';
import { writeScaleCorpus } from './scale-corpus.js';
import { describeCode, describeMachine } from './results.js';

const BENCH_DIR = fileURLToPath(new URL('./', import.meta.url));
const REPO_DIR = join(BENCH_DIR, '..');
const RESULTS_FILE = join(BENCH_DIR, 'RESULTS.md');
const COPYDESK = join(REPO_DIR, 'dist', 'cli', 'main.js');

/** The section of RESULTS.md this benchmark owns: from this heading to the next level-2 heading. */
const SECTION_TITLE = '## copydesk check against textlint (issue 10)';
/** Issue 10's target: `copydesk check` on all cores at least this many times as fast as the peer (wall clock). */
const TARGET_RATIO = 3;
/** History lines kept in the section (newest first). */
const HISTORY_LIMIT = 20;
const HISTORY_ROW = /^\| \d{4}-\d{2}-\d{2}/u;
/** How often a running command's peak memory (VmHWM) is read, in ms (range 50-1,000). */
const RSS_POLL_MS = 100;
/** Most seconds one command may run before the benchmark gives up on it. */
const COMMAND_TIMEOUT_S = 600;

const log = (message) => console.error(`[bench:check-peer] ${message}`);

function parseArgs(argv) {
  const value = (name, fallback) => {
    const at = argv.indexOf(name);
    return at < 0 ? fallback : Number(argv[at + 1]);
  };
  const options = {
    files: value('--files', 10_000),
    rounds: value('--rounds', 3),
    threads: value('--threads', availableParallelism()),
    isWriting: !argv.includes('--no-write'),
  };
  for (const [name, n] of Object.entries(options)) {
    if (name !== 'isWriting' && (!Number.isInteger(n) || n < 1)) throw new Error(`--${name} takes a whole number of 1 or more`);
  }
  return options;
}

/**
 * The peer's dictionary: every variant spelling the generator writes for a person
 * (checks-corpus.js PEOPLE), each mapped to that person's preferred spelling. textlint-rule-terminology
 * reads a pair as [pattern, replacement] with the pattern a case-insensitive regular expression
 * that the rule puts between word boundaries itself, so each variant is escaped as a literal.
 * The peer gets the answers; Copydesk finds the variants from the romanization rules alone.
 */
function terminologyPairs() {
  const literal = (s) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return PEOPLE.flatMap((person) => person.spellings.slice(1).map((variant) => [literal(variant), person.spellings[0]]));
}

/** Returns an installed package's folder and manifest (from the repository's node_modules, where `npm install` puts the dev dependencies). */
function installed(name) {
  const folder = join(REPO_DIR, 'node_modules', name);
  return { folder, manifest: JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) };
}

/** Returns the path of textlint's command (its package's bin), as `npx textlint` runs it. */
function textlintBin() {
  const { folder, manifest } = installed('textlint');
  return join(folder, typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.textlint);
}

/** The peak resident memory of a process so far, in MB (Linux /proc), or undefined. */
function peakRssMb(pid) {
  try {
    const match = /^VmHWM:\s+(\d+) kB/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs one command with its standard output in `outFile`; resolves to its wall-clock seconds
 * (spawn to exit), exit code and peak RSS. Both tools write their report to a file the same way.
 */
function timeCommand(args, outFile) {
  return new Promise((resolve, reject) => {
    const out = openSync(outFile, 'w');
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: REPO_DIR, stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    let peak;
    child.stderr.on('data', (d) => { stderr += String(d); });
    const poll = setInterval(() => { peak = peakRssMb(child.pid) ?? peak; }, RSS_POLL_MS);
    const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_TIMEOUT_S * 1000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(poll);
      clearTimeout(timer);
      closeSync(out);
      if (signal) reject(new Error(`${args.join(' ').slice(0, 120)}… was killed (${signal}): ${stderr.slice(0, 500)}`));
      else resolve({ seconds, code, peakMb: peak, stderr });
    });
  });
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const digestOf = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const whole = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');

/** Returns what a copydesk text report found: the summary line and the flags per check id. */
function copydeskFindings(file) {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const byCheck = {};
  for (const line of lines.slice(0, -1)) {
    const check = / (?:error|warning|info) ([a-z-]+): /u.exec(line)?.[1] ?? '?';
    byCheck[check] = (byCheck[check] ?? 0) + 1;
  }
  return { summary: lines.at(-1) ?? '', byCheck };
}

/** Returns how many problems textlint reported (its stylish summary, "✖ N problems"). */
function textlintProblems(file) {
  const text = readFileSync(file, 'utf8').replace(/\u001b\[[0-9;]*m/gu, '');
  const match = /✖ ([\d,]+) problems?/u.exec(text);
  return match ? Number(match[1].replace(/,/gu, '')) : 0;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // Guard: the copydesk figures are of the compiled CLI (the worker threads load dist/ only).
  if (!existsSync(COPYDESK)) throw new Error('dist/ is missing: run `npm run bench:check-peer` (it builds first)');
  const machine = describeMachine();
  const code = describeCode(REPO_DIR);
  const date = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-peer-'));
  try {
    log(`writing ${options.files.toLocaleString('en')} generated articles (bench/scale-corpus.js, not timed)`);
    const articles = join(dir, 'articles');
    writeScaleCorpus(articles, options.files);
    const files = readdirSync(articles).sort().map((f) => join(articles, f));
    const pairs = terminologyPairs();
    const config = join(dir, 'textlintrc.json');
    // defaultTerms off: only our pairs, none of the rule's English tech terms.
    writeFileSync(config, JSON.stringify({ rules: { terminology: { defaultTerms: false, terms: pairs } } }, null, 2));
    const textlint = textlintBin();
    const textlintVersion = installed('textlint').manifest.version;
    const ruleVersion = installed('textlint-rule-terminology').manifest.version;

    const commands = {
      all: { label: `copydesk check, ${options.threads} threads (all cores)`, args: [COPYDESK, 'check', '--threads', String(options.threads), ...files] },
      one: { label: 'copydesk check --threads 1', args: [COPYDESK, 'check', '--threads', '1', ...files] },
      peer: { label: `textlint ${textlintVersion} + textlint-rule-terminology ${ruleVersion}`, args: [textlint, '--config', config, ...files] },
    };
    const times = { all: [], one: [], peer: [] };
    const peaks = { all: [], one: [], peer: [] };
    const order = Object.keys(commands);
    for (let round = 0; round < options.rounds; round += 1) {
      // Each round starts with another command, so a slow spell of the machine falls on each in turn.
      const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
      for (const key of rotated) {
        const result = await timeCommand(commands[key].args, join(dir, `${key}.out`));
        // Guard: 0 or 1 is a report (1: a flag is an error, or textlint found a problem); anything else is a failed run.
        if (result.code !== 0 && result.code !== 1) throw new Error(`${commands[key].label} exited ${result.code}: ${result.stderr.slice(0, 500)}`);
        times[key].push(result.seconds);
        if (result.peakMb !== undefined) peaks[key].push(result.peakMb);
        log(`round ${round + 1}/${options.rounds}: ${commands[key].label}: ${fixed(result.seconds, 2)} s`);
      }
      // Guard: the threaded report must be the one-thread report, byte for byte.
      if (digestOf(join(dir, 'all.out')) !== digestOf(join(dir, 'one.out'))) throw new Error('the all-cores report differs from the one-thread report');
    }

    const run = {
      date,
      machine,
      code,
      files: files.length,
      rounds: options.rounds,
      threads: options.threads,
      pairs: pairs.length,
      labels: Object.fromEntries(order.map((k) => [k, commands[k].label])),
      medians: Object.fromEntries(order.map((k) => [k, median(times[k])])),
      times,
      peaks: Object.fromEntries(order.map((k) => [k, peaks[k].length > 0 ? Math.max(...peaks[k]) : undefined])),
      copydesk: copydeskFindings(join(dir, 'all.out')),
      peerProblems: textlintProblems(join(dir, 'peer.out')),
    };
    run.ratio = run.medians.peer / run.medians.all;
    const text = formatRun(run);
    console.log(text);
    if (options.isWriting) {
      updateSection(RESULTS_FILE, run);
      log(`wrote the "${SECTION_TITLE.slice(3)}" section of ${RESULTS_FILE}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Returns the Markdown of one run: the machine, the table of medians, the target, what each tool found. */
function formatRun(run) {
  const m = run.machine;
  const isMet = run.ratio >= TARGET_RATIO;
  const row = (key) => `| ${run.labels[key]} | ${fixed(run.medians[key], 2)} | ${run.times[key].map((s) => fixed(s, 2)).join(', ')} | ${fixed(run.medians.peer / run.medians[key], 2)}× | ${whole(run.peaks[key])} |`;
  const flags = Object.entries(run.copydesk.byCheck).sort((a, b) => b[1] - a[1]).map(([check, n]) => `${whole(n)} ${check}`).join(', ');
  return [
    `### Latest run: ${run.date.slice(0, 10)} ${run.date.slice(11, 16)} UTC`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${fixed(m.memoryGiB)} GiB, Node ${m.node}, ${m.os}; load average ${fixed(m.loadAverage, 2)} when the run started`,
    ...(run.code ? [`- Code: ${run.code} (the compiled dist/)`] : []),
    `- Files: ${whole(run.files)} generated articles (bench/scale-corpus.js, seeded), the same paths given to each command; ${run.rounds} ${run.rounds === 1 ? "round" : "rounds"}, the commands interleaved; wall clock from spawn to exit, report written to a file`,
    `- Peer dictionary: ${run.pairs} variant → preferred pairs, every variant spelling the generator writes (bench/checks-corpus.js PEOPLE), \`defaultTerms: false\``,
    '',
    '| Command | Median s | Rounds s | textlint / this | Peak RSS MB |',
    '|---|---:|---|---:|---:|',
    row('all'),
    row('one'),
    row('peer'),
    '',
    `**Target (issue 10): \`copydesk check\` on all cores at least ${TARGET_RATIO}× as fast as textlint: ${fixed(run.ratio, 2)}×, ${isMet ? 'met' : '**not met**'}.**`,
    '',
    `Found: copydesk ${run.copydesk.summary.replace(/^[\d,]+ files checked: /u, '')} (${flags || 'no flags'}); textlint ${whole(run.peerProblems)} problems, every one a listed variant.`,
    'The all-cores report was checked to be byte-for-byte the one-thread report in every round.',
  ].join('\n');
}

function historyRow(run) {
  const m = run.machine;
  return `| ${run.date.slice(0, 10)} ${run.date.slice(11, 16)} | ${run.code || '–'} | ${m.node} | ${m.cpu} × ${m.cores} | ${fixed(m.loadAverage, 2)} | ${whole(run.files)} | ${fixed(run.medians.all, 2)} (${run.threads} threads) | ${fixed(run.medians.one, 2)} | ${fixed(run.medians.peer, 2)} | ${fixed(run.ratio, 2)}× |`;
}

/** Rewrites this benchmark's section of RESULTS.md (appended when missing); every other section is kept as it is. */
function updateSection(file, run) {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const at = old.indexOf(`\n${SECTION_TITLE}\n`);
  const next = at < 0 ? -1 : old.indexOf('\n## ', at + SECTION_TITLE.length + 1);
  const mine = at < 0 ? '' : old.slice(at, next < 0 ? undefined : next);
  const earlier = mine.split('\n').filter((line) => HISTORY_ROW.test(line));
  const section = [
    SECTION_TITLE,
    '',
    '`npm run bench:check-peer` (bench/check-peer.js) writes this section: each run replaces "Latest run" and adds a line at the top of',
    `the history (the last ${HISTORY_LIMIT} runs are kept). bench/README.md says what is measured. The other sections are kept as they are.`,
    '',
    formatRun(run),
    '',
    '### History',
    '',
    '| Date (UTC) | Code | Node | CPU × cores | Load avg | Files | copydesk all cores s | copydesk 1 thread s | textlint s | textlint / copydesk |',
    '|---|---|---|---|---:|---:|---:|---:|---:|---:|',
    historyRow(run),
    ...earlier.slice(0, HISTORY_LIMIT - 1),
  ].join('\n');
  const before = at < 0 ? old.trimEnd() : old.slice(0, at).trimEnd();
  const after = next < 0 ? '' : `\n${old.slice(next).replace(/^\n+/u, '')}`;
  writeFileSync(file, `${before}\n\n${section}\n${after}`);
}

main().catch((err) => {
  console.error(`[bench:check-peer] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
