// The Markdown of a checks benchmark run (bench/checks.js) and the upkeep of its section of
// bench/RESULTS.md, "Checks (issue 3)": the latest run in full, earlier runs as one history line
// each. The review-page sections that bench/run.js writes are left as they are.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The section's heading; everything from it to the next level-2 heading belongs to this benchmark. */
export const SECTION_TITLE = '## Checks (issue 3)';

/** Issue 3's targets: median of all checks on one ~700-word article ("a few milliseconds"), and the scan / bare regex ratio. */
export const TARGET_ARTICLE_MS = 5;
export const TARGET_SCAN_RATIO = 2;

/** History lines kept (newest first). */
const HISTORY_LIMIT = 50;
const HISTORY_ROW = /^\| \d{4}-\d{2}-\d{2}/;
const HISTORY_HEAD = [
  '| Date (UTC) | Code | Node | CPU × cores | Load avg | 700-word article median / p99 ms | Corpus article median ms | Scan s | Bare regex s | Scan / regex | Re-check after a save median ms | 50 articles after a save median ms | name-variant P / R | surname-homograph P / R |',
  '|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];

const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const whole = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');
const percent = (share, digits = 1) => (Number.isFinite(share) ? `${(100 * share).toFixed(digits)}%` : '–');
const dateOf = (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
const ratioText = (r) => `${percent(r.value)} (${r.hits}/${r.total})`;
const yesNo = (isMet) => (isMet ? 'met' : '**not met**');
const rangeText = (r) => (r.min === r.max ? `${r.min}` : `${r.min}-${r.max}`);

function timingRow(label, a) {
  const flags = Object.entries(a.flagsByCheck).map(([check, n]) => `${n} ${check}`).join(', ') || 'none';
  return `| ${label} | ${whole(a.words)} | ${a.segments} | ${flags} | ${a.n} | ${fixed(a.p50, 2)} | ${fixed(a.p95, 2)} | ${fixed(a.p99, 2)} |`;
}

function precisionSection(precision) {
  if (precision.error) return [`Not measured: ${precision.error}`];
  const rows = precision.sets.map((s) => {
    const m = s.metrics;
    const c = s.counts;
    return `| ${s.label} | ${m.articles} | ${c.clusters} people, ${c.spellings} spellings, ${m.nameVariant.recall.total} pairs | ${ratioText(m.nameVariant.precision)} | ${ratioText(m.nameVariant.recall)} | ${m.homograph.recall.total} in ${c.homographWords} words; ${c.distractors} distractor phrases | ${ratioText(m.homograph.precision)} | ${ratioText(m.homograph.recall)} | ${m.failures.length} |`;
  });
  const failures = precision.sets.find((s) => s.id === 'whole')?.metrics.failures ?? [];
  return [
    '| Labelled set | Articles | Gold (name-variant) | name-variant precision (pairs) | name-variant recall (pairs) | Gold (surname-homograph) | surname-homograph precision (flags) | surname-homograph recall (flags) | Failures |',
    '|---|---:|---|---:|---:|---|---:|---:|---:|',
    ...rows,
    '',
    'name-variant is scored by pairs of spellings: a pair put in one flag group is a predicted pair, a pair of one labelled person a gold pair. ' +
      'surname-homograph is scored by flags: per word, flags up to the labelled count are right, flags beyond it (or on an unlabelled word) are false, labelled occurrences not flagged are missed; ' +
      'a flag inside a distractor phrase ("677.4 trillion won", "One of the officials") is a failure. All checks run, as `copydesk check` runs them (test/core/checks/labelled-metrics.ts, through vitest on the TypeScript sources).',
    ...(failures.length > 0 ? ['', 'Failures:', '', ...failures.map((f) => `- ${f}`)] : []),
  ];
}

/** Returns the Markdown of one run (what is printed, and the section's "Latest checks run"). */
export function formatChecksRun(run) {
  const { machine: m, scan, save } = run;
  const article = run.articles[0];
  const isArticleMet = article.p50 <= TARGET_ARTICLE_MS;
  const isScanMet = scan.ratio <= TARGET_SCAN_RATIO;
  const stageTotal = scan.stages.reduce((sum, s) => sum + s.ms, 0);
  return [
    `### Latest checks run: ${dateOf(run.date)} UTC`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${fixed(m.memoryGiB)} GiB, Node ${m.node}, ${m.os}; load average ${fixed(m.loadAverage, 2)} when the run started`,
    ...(run.code ? [`- Code: ${run.code} (the compiled dist/; the precision figures from the TypeScript sources through vitest)`] : []),
    `- Checks: ${run.checkIds.join(', ')}`,
    '',
    '#### Targets (issue 3, "Speed")',
    '',
    '| Target | Figure | |',
    '|---|---|---|',
    `| All checks on a 700-word article in "a few milliseconds" (median; ${TARGET_ARTICLE_MS} ms taken as the bound) | ${fixed(article.p50, 2)} ms median, ${fixed(article.p99, 2)} ms p99 | ${yesNo(isArticleMet)} |`,
    `| A full scan of ${whole(scan.articles)} generated articles within ${TARGET_SCAN_RATIO}× a bare regex pass over the same text | ${fixed(scan.checks.median, 2)} s against ${fixed(scan.regex.median, 3)} s: **${fixed(scan.ratio, 1)}×** | ${yesNo(isScanMet)} |`,
    `| A save re-checking only what it affects | the saved article's checks re-run once, on its next view (${fixed(save.recheck.p50, 2)} ms median); the next corpus page re-checks a median of ${save.recheckedPerSave.median} of the ${save.corpusArticles} articles (range ${rangeText(save.recheckedPerSave)}: the saved one and those whose relevant corpus corrections changed; all of them only when the save adds or removes a correction of a phrase that stands in every article; the flags of ${rangeText(save.otherChangedPerSave)} other articles changed) in ${fixed(save.corpusPage.p50, 1)} ms median, against ${fixed(save.corpusCached.p50, 1)} ms with nothing to re-check | ${save.recheckedPerSave.median < save.corpusArticles / 2 ? 'met' : '**not met**'} |`,
    '',
    '#### All checks on one article',
    '',
    `\`runChecks\` in process, ${run.settings.runs} timed runs after ${run.settings.warmup} untimed ones; the article as \`copydesk check\` reads a file (the edit is the MT) unless said otherwise.`,
    '',
    '| Article | Words | Segments | Flags | Runs | median ms | p95 ms | p99 ms |',
    '|---|---:|---:|---|---:|---:|---:|---:|',
    ...run.articles.map((a) => timingRow(a.label, a)),
    '',
    '#### Corpus scan',
    '',
    `${whole(scan.articles)} articles generated with a seeded PRNG (not timed: ${fixed(scan.generateSeconds, 1)} s to write and parse them): ${whole(scan.words)} words, ${whole(scan.segments)} segments, ${fixed(scan.megabytes, 1)} MB of segment text, ${fixed(scan.words / scan.articles, 0)} words an article on average. ` +
      `Sentences of corpus/*.txt and the dev set, their people replaced by ${scan.peopleCount} Korean people (two to four romanizations each, a variant in ${percent(scan.variantRate, 0)} of mentions, namesakes such as Kim Jong-un / Kim Jong-nam) and ${scan.othersCount} other Korean, Chinese and Japanese names; numbers varied; ${percent(scan.homographShare, 0)} of articles carry an MT homograph of the main person's surname ("Trillion representative also said…", "King Raises Issues…", "One minister also asked…"). ` +
      `The checks get the corpus corrections an editor's fixes make (${scan.corpusCorrections} pairs, bench/article.js's PHRASE_FIXES), as the corpus page passes them. Each pass is timed ${scan.rounds} times, alternating; the median is reported.`,
    '',
    '| Pass | median s | min s | max s | articles/s | MB/s | What it found |',
    '|---|---:|---:|---:|---:|---:|---|',
    `| All checks (\`runChecks\`) | ${fixed(scan.checks.median, 3)} | ${fixed(scan.checks.min, 3)} | ${fixed(scan.checks.max, 3)} | ${whole(scan.articles / scan.checks.median)} | ${fixed(scan.megabytes / scan.checks.median, 1)} | ${Object.entries(scan.flagsByCheck).map(([c, n]) => `${whole(n)} ${c}`).join(', ')} |`,
    `| Bare regex pass (\`${scan.regexSource}\` over every segment) | ${fixed(scan.regex.median, 3)} | ${fixed(scan.regex.min, 3)} | ${fixed(scan.regex.max, 3)} | ${whole(scan.articles / scan.regex.median)} | ${fixed(scan.megabytes / scan.regex.median, 1)} | ${whole(scan.regexMatches)} capitalised word runs |`,
    `| For scale: \`tokenize\` (src/core/names/tokens.ts, the name checks' word reader) once over every segment | ${fixed(scan.tokens.median, 3)} | ${fixed(scan.tokens.min, 3)} | ${fixed(scan.tokens.max, 3)} | ${whole(scan.articles / scan.tokens.median)} | ${fixed(scan.megabytes / scan.tokens.median, 1)} | ${whole(scan.tokenCount)} words |`,
    '',
    `All checks take **${fixed(scan.ratio, 1)}×** the bare regex pass (target ${TARGET_SCAN_RATIO}×): ${isScanMet ? 'the target is met' : 'the target is missed'}. ` +
      `Reading every word once with the checks' own tokenizer, and nothing else, already takes ${fixed(scan.tokens.median / scan.regex.median, 1)}× the regex pass.`,
    '',
    `Where the time goes: one more pass doing what \`runChecks\` does step by step (the name index built once, then each check), timed per step (${fixed(stageTotal / 1000, 2)} s in all), and the name index's own first step (spotting names in every segment) timed alone.`,
    '',
    '| Step | s | share | µs an article |',
    '|---|---:|---:|---:|',
    ...scan.stages.map((s) => `| ${s.label} | ${fixed(s.ms / 1000, 3)} | ${percent(s.ms / stageTotal)} | ${fixed((1000 * s.ms) / scan.articles, 0)} |`),
    `| of which: spotting names (\`spotNames\` on every non-boilerplate segment, timed alone) | ${fixed(scan.spotMs / 1000, 3)} | ${percent(scan.spotMs / stageTotal)} | ${fixed((1000 * scan.spotMs) / scan.articles, 0)} |`,
    '',
    ...(scan.profile
      ? [
          `CPU profile of a checks pass over ${whole(scan.profile.articles)} of the articles (V8 sampling profiler, ${scan.profile.intervalUs} µs; ${whole(scan.profile.samples)} samples), self time by file and the top functions:`,
          '',
          '| File (self time) | share |',
          '|---|---:|',
          ...scan.profile.files.map((f) => `| ${f.key} | ${percent(f.share)} |`),
          '',
          '| Function (self time) | share |',
          '|---|---:|',
          ...scan.profile.functions.map((f) => `| \`${f.key}\` | ${percent(f.share)} |`),
          '',
        ]
      : []),
    '#### A save',
    '',
    `A temp-file database (WAL, as \`openDb\` sets it) holding ${save.corpusArticles} articles: the 700-word article above and ${save.corpusArticles - 1} generated ones, every content segment saved once through \`saveEdit\` with an editor's changes (${whole(save.revisions)} revisions, ${whole(save.corrections)} corrections), read through the app's flag cache (\`createFlagReader\`, src/store/check-article.ts). ` +
      `Each round saves a body paragraph of the 700-word article with \`saveEdit\`, then reads flags as the app does after a save; ${save.rounds} rounds of each kind.`,
    '',
    '| After a save | n | median ms | p95 ms | p99 ms |',
    '|---|---:|---:|---:|---:|',
    `| \`saveEdit\` (checks nothing: SQLite write, diffs, corrections) | ${save.save.n} | ${fixed(save.save.p50, 2)} | ${fixed(save.save.p95, 2)} | ${fixed(save.save.p99, 2)} |`,
    `| Review page's flags: \`flagsFor(saved article)\`, re-runs its checks (SQL reads + all checks on the whole article) | ${save.recheck.n} | ${fixed(save.recheck.p50, 2)} | ${fixed(save.recheck.p95, 2)} | ${fixed(save.recheck.p99, 2)} |`,
    `| of which the store's reads (\`listSegments\`, its corrections, the corpus corrections, "different people", the glossary) | ${save.reads.n} | ${fixed(save.reads.p50, 2)} | ${fixed(save.reads.p95, 2)} | ${fixed(save.reads.p99, 2)} |`,
    `| of which \`listCorpusCorrections\` (${whole(save.corpusCorrectionRows)} correction rows of the other articles read and grouped into ${whole(save.corpusCorrectionPairs)} pairs) | ${save.corpusReads.n} | ${fixed(save.corpusReads.p50, 2)} | ${fixed(save.corpusReads.p95, 2)} | ${fixed(save.corpusReads.p99, 2)} |`,
    `| \`flagsFor(saved article)\` again, nothing changed (cache hit: the stamp query and dismissals) | ${save.cached.n} | ${fixed(save.cached.p50, 3)} | ${fixed(save.cached.p95, 3)} | ${fixed(save.cached.p99, 3)} |`,
    `| Corpus page's flags: \`flagsFor\` on all ${save.corpusArticles} articles after one save | ${save.corpusPage.n} | ${fixed(save.corpusPage.p50, 1)} | ${fixed(save.corpusPage.p95, 1)} | ${fixed(save.corpusPage.p99, 1)} |`,
    `| The same ${save.corpusArticles} articles with no save in between (all cached) | ${save.corpusCached.n} | ${fixed(save.corpusCached.p50, 2)} | ${fixed(save.corpusCached.p95, 2)} | ${fixed(save.corpusCached.p99, 2)} |`,
    '',
    `What a save re-checks: \`saveEdit\` runs no check. The flag cache keys each article by its own newest revision, the people and glossary decisions, and the corpus corrections that can affect it (\`relevantCorpusCorrections\`: those whose MT phrase stands in the article or that it corrected too); the corpus's standing corrections are read once per change anywhere, not once per article. ` +
      `The saved article's checks re-run once, on its next view, over the whole article: all ${run.checkIds.length} checks on every segment, not only the paragraph saved (\`runChecks\` alone on that article takes ${fixed(run.articles.at(-1).p50, 2)} ms median, the rest of the re-check is the store's reads). ` +
      `The next corpus page re-ran the checks of ${rangeText(save.recheckedPerSave)} of the ${save.corpusArticles} articles after each save (counted by the reader's \`checkRuns\`), ` +
      `and the open flags of ${rangeText(save.otherChangedPerSave)} of the other ${save.corpusArticles - 1} articles came out different. A cached read still finds each article's relevant corpus corrections, which is what the corpus page costs with nothing to re-check.`,
    '',
    '#### Precision and recall of the name checks (issue 3, "Precision, measured")',
    '',
    ...precisionSection(run.precision),
  ].join('\n');
}

/** Returns the one-line history row for a run. */
function historyRow(run) {
  const { machine: m, scan, save, precision } = run;
  const code = run.code ? run.code.replace(/ \+ .*/, ' + changes') : '–';
  const wholeSet = precision.sets?.find((s) => s.id === 'whole')?.metrics;
  const pr = (x) => (x ? `${percent(x.precision.value, 0)} / ${percent(x.recall.value, 0)}` : '–');
  const [article, corpusArticle] = run.articles;
  return `| ${dateOf(run.date)} | ${code} | ${m.node} | ${m.cpu} × ${m.cores} | ${fixed(m.loadAverage, 2)} | ${fixed(article.p50, 2)} / ${fixed(article.p99, 2)} | ${fixed(corpusArticle?.p50, 2)} | ${fixed(scan.checks.median, 2)} | ${fixed(scan.regex.median, 3)} | ${fixed(scan.ratio, 1)}× | ${fixed(save.recheck.p50, 2)} | ${fixed(save.corpusPage.p50, 1)} | ${pr(wholeSet?.nameVariant)} | ${pr(wholeSet?.homograph)} |`;
}

/** Returns the "## …" sections of a RESULTS.md text, and the text before the first. */
function splitSections(text) {
  const at = text.search(/^## /m);
  if (at < 0) return { head: text, sections: [] };
  return { head: text.slice(0, at), sections: text.slice(at).split(/\n(?=## )/u) };
}

/** Rewrites this benchmark's section of `file` (appended when missing); the rest of the file is kept as it is. */
export function updateChecksSection(file, run) {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\n';
  const { head, sections } = splitSections(old);
  const mine = sections.find((s) => s.startsWith(SECTION_TITLE)) ?? '';
  const historyAt = mine.indexOf('\n### Checks history');
  const earlier = historyAt < 0 ? [] : mine.slice(historyAt).split('\n').filter((line) => HISTORY_ROW.test(line));
  const rows = [historyRow(run), ...earlier].slice(0, HISTORY_LIMIT);
  const section = [
    SECTION_TITLE,
    '',
    '`npm run bench:checks` (bench/checks.js) writes this section: each run replaces "Latest checks run" and adds a line at the top of',
    `"Checks history" (the last ${HISTORY_LIMIT} runs are kept). README.md says what is measured.`,
    '',
    formatChecksRun(run),
    '',
    '### Checks history',
    '',
    ...HISTORY_HEAD,
    ...rows,
  ].join('\n');
  const index = sections.findIndex((s) => s.startsWith(SECTION_TITLE));
  const kept = sections.map((s) => s.replace(/\n+$/u, ''));
  if (index < 0) kept.push(section);
  else kept[index] = section;
  writeFileSync(file, `${head}${kept.join('\n\n')}\n`);
}
