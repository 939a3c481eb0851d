/**
 * Precision and recall of the name checks on labelled articles (issue 3, "Precision, measured"):
 * the dev set in test/fixtures/dev-set/ and our own articles in test/fixtures/labelled/, both labelled
 * in the dev set's gold.json format (see its README). Exported for the labelled-set test and for
 * a bench script.
 *
 * - name-variant, pairwise clustering: every pair of spellings put in one flag group is a predicted
 *   pair; a pair of one gold cluster is a gold pair. Precision = correct predicted pairs / predicted
 *   pairs; recall = correct predicted pairs / gold pairs.
 * - surname words (surname-homograph and headline-subject together), flag level: per word,
 *   min(flags, gold count) are right; flags beyond the gold count (or on a word with no gold entry)
 *   are false; gold occurrences not flagged are missed. Two flags on one span count once, so a word
 *   both checks report is one finding.
 * - surname-homograph alone: precision of its own flags, as above.
 * - headline-subject (issue 12), on articles labelled with `headline_subjects`: a flag is right when
 *   its word and segment kind match a label; recall over the labels; and how many right flags offer
 *   the labelled surname as their first suggestion.
 * - preferred spelling (issue 12), on clusters labelled with `preferred`: the spelling the
 *   name-variant flags of the cluster's group put first.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parseArticle } from '../../../src/core/article/index.js';
import type { ArticleView, Flag } from '../../../src/core/checks/types.js';
import { flagPerSpan } from '../../../src/core/checks/flag-spans.js';

/** The labels of one article (gold.json). */
export interface GoldArticle {
  readonly clusters: readonly (readonly string[])[];
  readonly singletons: readonly string[];
  readonly homographs: readonly { readonly text: string; readonly count: number; readonly person?: string }[];
  readonly homograph_distractors: readonly string[];
  /** Issue 12: headline or standfirst subjects that are surnames read as words, with the lede person's surname. */
  readonly headline_subjects?: readonly { readonly text: string; readonly segment: 'headline' | 'standfirst'; readonly suggestion: string }[];
  /** Issue 12: the expected preferred spelling of some clusters, in the order of `clusters`. */
  readonly preferred?: readonly string[];
}

/** One labelled article: its file name, the article as the checks see it, and its labels. */
export interface LabelledArticle {
  readonly file: string;
  readonly article: ArticleView;
  readonly gold: GoldArticle;
}

/** A ratio with its parts, so a report can show "7/8". */
export interface Ratio {
  readonly hits: number;
  readonly total: number;
  /** hits / total, or 1 when total is 0 (nothing to find, nothing wrongly found). */
  readonly value: number;
}

/** The figures over a set of articles, and every failure by article. */
export interface LabelledMetrics {
  readonly articles: number;
  readonly nameVariant: { readonly precision: Ratio; readonly recall: Ratio };
  readonly homograph: { readonly precision: Ratio; readonly recall: Ratio };
  /** Precision of the surname-homograph check's own flags against the homograph labels. */
  readonly surnameHomograph: { readonly precision: Ratio };
  /** Issue 12: the headline-subject check on the articles labelled for it. */
  readonly headlineSubject: { readonly precision: Ratio; readonly recall: Ratio; readonly suggestion: Ratio };
  /** Issue 12: clusters whose preferred spelling is the labelled one. */
  readonly preferred: Ratio;
  /** "d03: Ahn Cheolsoo not in the group of Ahn Cheol-soo", "f01: flagged distractor 'the Moon landing'"… */
  readonly failures: readonly string[];
}

/** Returns the articles of a labelled folder (gold.json + the .txt files it names), parsed as the app parses them. */
export function loadLabelledSet(dir: URL): LabelledArticle[] {
  const gold = JSON.parse(readFileSync(new URL('gold.json', dir), 'utf8')) as Record<string, GoldArticle>;
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.flatMap((file) => {
    const labels = gold[file];
    if (labels === undefined) return [];
    const parsed = parseArticle(readFileSync(new URL(file, dir), 'utf8'));
    const segments = parsed.segments.map((s, index) => ({ index, kind: s.kind, mt: s.text, edit: s.text }));
    return [{ file, article: { key: file, title: parsed.title, segments }, gold: labels }];
  });
}

/** Returns the figures of the name checks' flags (from `flagsOf`) against the labels. */
export function measureLabelledSet(set: readonly LabelledArticle[], flagsOf: (article: ArticleView) => readonly Flag[]): LabelledMetrics {
  let nvHits = 0;
  let nvPredicted = 0;
  let nvGold = 0;
  let hHits = 0;
  let hPredicted = 0;
  let hGold = 0;
  let shHits = 0;
  let shPredicted = 0;
  let hsHits = 0;
  let hsPredicted = 0;
  let hsGold = 0;
  let hsSuggested = 0;
  let prefHits = 0;
  let prefTotal = 0;
  const failures: string[] = [];
  for (const { file, article, gold } of set) {
    const id = file.replace(/\.txt$/u, '');
    // Scored place by place: a flag carrying several places (issue 12) predicts each of them.
    const flags = flagPerSpan(flagsOf(article));
    const groups = predictedGroups(flags);

    // name-variant: pairs.
    const goldPairs = new Set(gold.clusters.flatMap(pairsOf));
    const predicted = groups.flatMap(pairsOf);
    nvGold += goldPairs.size;
    nvPredicted += predicted.length;
    nvHits += predicted.filter((p) => goldPairs.has(p)).length;
    failures.push(...clusterFailures(id, gold, groups));

    // preferred spelling: the first variant of the group holding the cluster's first spelling.
    (gold.preferred ?? []).forEach((expected, i) => {
      const first = gold.clusters[i]?.[0] ?? '';
      const flag = flags.find((f) => f.check === 'name-variant' && (f.variants ?? []).includes(first));
      const got = flag?.variants?.[0];
      prefTotal += 1;
      if (got === expected) prefHits += 1;
      else failures.push(`${id}: preferred spelling ${got === undefined ? 'none' : `"${got}"`}, labelled "${expected}"`);
    });

    // surname-homograph alone: its flags per word against the labels.
    const own = countByWord(flags.filter((f) => f.check === 'surname-homograph'));
    for (const [word, n] of own) {
      shPredicted += n;
      shHits += Math.min(n, gold.homographs.find((h) => h.text === word)?.count ?? 0);
    }

    // headline-subject: word and segment kind against the labels, where the article has them.
    const subjectFlags = flags.filter((f) => f.check === 'headline-subject');
    if (gold.headline_subjects !== undefined) {
      const left = [...gold.headline_subjects];
      hsGold += left.length;
      hsPredicted += subjectFlags.length;
      for (const f of subjectFlags) {
        const kind = article.segments[f.segment]?.kind;
        const at = left.findIndex((h) => h.text === f.text && h.segment === kind);
        if (at === -1) {
          failures.push(`${id}: headline-subject flagged "${f.text}" in the ${kind ?? '?'}, not labelled`);
          continue;
        }
        const label = left.splice(at, 1)[0] as (typeof left)[number];
        hsHits += 1;
        if (f.suggestions[0] === label.suggestion) hsSuggested += 1;
        else failures.push(`${id}: headline-subject "${f.text}" suggests ${JSON.stringify(f.suggestions)}, labelled "${label.suggestion}"`);
      }
      for (const h of left) failures.push(`${id}: headline-subject "${h.text}" (${h.segment}) not flagged`);
    }

    // surname words, either check: counts per word, one per span.
    const homographs = uniqueSpans([...flags.filter((f) => f.check === 'surname-homograph'), ...subjectFlags]);
    const byWord = countByWord(homographs);
    for (const h of gold.homographs) {
      const found = byWord.get(h.text) ?? 0;
      hHits += Math.min(found, h.count);
      if (found < h.count) failures.push(`${id}: homograph "${h.text}" found ${found} of ${h.count} times`);
    }
    hGold += gold.homographs.reduce((n, h) => n + h.count, 0);
    hPredicted += homographs.length;
    for (const [word, n] of byWord) {
      const expected = gold.homographs.find((h) => h.text === word)?.count ?? 0;
      if (n > expected) failures.push(`${id}: homograph "${word}" flagged ${n} times, labelled ${expected}`);
    }
    failures.push(...distractorFailures(id, article, gold, homographs));
  }
  return {
    articles: set.length,
    nameVariant: { precision: ratio(nvHits, nvPredicted), recall: ratio(nvHits, nvGold) },
    homograph: { precision: ratio(hHits, hPredicted), recall: ratio(hHits, hGold) },
    surnameHomograph: { precision: ratio(shHits, shPredicted) },
    headlineSubject: { precision: ratio(hsHits, hsPredicted), recall: ratio(hsHits, hsGold), suggestion: ratio(hsSuggested, hsHits) },
    preferred: ratio(prefHits, prefTotal),
    failures,
  };
}

/** Returns the figures as the lines a test or a bench prints. */
export function formatMetrics(label: string, m: LabelledMetrics): string {
  const pct = (r: Ratio): string => (r.total === 0 ? `n/a (0/0)` : `${(r.value * 100).toFixed(1)}% (${r.hits}/${r.total})`);
  return [
    `${label}: ${m.articles} articles`,
    `  name-variant (pairwise): precision ${pct(m.nameVariant.precision)}, recall ${pct(m.nameVariant.recall)}`,
    `  surname words, both checks (flags): precision ${pct(m.homograph.precision)}, recall ${pct(m.homograph.recall)}`,
    `  surname-homograph alone (flags): precision ${pct(m.surnameHomograph.precision)}`,
    `  headline-subject (flags): precision ${pct(m.headlineSubject.precision)}, recall ${pct(m.headlineSubject.recall)}, labelled suggestion first ${pct(m.headlineSubject.suggestion)}`,
    `  preferred spelling (labelled clusters): ${pct(m.preferred)}`,
    ...m.failures.map((f) => `  FAIL ${f}`),
  ].join('\n');
}

/** The name-variant groups: group -> the spellings its flags list. */
function predictedGroups(flags: readonly Flag[]): string[][] {
  const groups = new Map<string, Set<string>>();
  for (const f of flags) {
    if (f.check !== 'name-variant' || f.group === undefined) continue;
    const set = groups.get(f.group) ?? new Set<string>();
    for (const v of f.variants ?? [f.text]) set.add(v);
    groups.set(f.group, set);
  }
  return [...groups.values()].map((s) => [...s]);
}

/** Returns how many flags each word has. */
function countByWord(flags: readonly Flag[]): Map<string, number> {
  const byWord = new Map<string, number>();
  for (const f of flags) byWord.set(f.text, (byWord.get(f.text) ?? 0) + 1);
  return byWord;
}

/** Returns the flags with one flag per span (segment, start, end). */
function uniqueSpans(flags: readonly Flag[]): Flag[] {
  const seen = new Set<string>();
  return flags.filter((f) => {
    const key = `${f.segment}:${f.start}:${f.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pairsOf(spellings: readonly string[]): string[] {
  const sorted = [...new Set(spellings)].sort();
  return sorted.flatMap((a, i) => sorted.slice(i + 1).map((b) => `${a}\u0000${b}`));
}

/** Every gold cluster in one group; no group holding two labelled people or a spelling from outside the cluster. */
function clusterFailures(id: string, gold: GoldArticle, groups: readonly string[][]): string[] {
  const failures: string[] = [];
  for (const cluster of gold.clusters) {
    const home = groups.find((g) => g.includes(cluster[0] ?? ''));
    for (const spelling of cluster) {
      if (home === undefined || !home.includes(spelling)) failures.push(`${id}: "${spelling}" not in one group with "${cluster[0] ?? ''}"`);
    }
  }
  const owner = new Map<string, string>();
  gold.clusters.forEach((c, i) => c.forEach((s) => owner.set(s, `cluster ${i + 1}`)));
  gold.singletons.forEach((s) => owner.set(s, `singleton ${s}`));
  for (const group of groups) {
    const owners = new Set(group.map((s) => owner.get(s) ?? `unlabelled ${s}`));
    if (owners.size > 1) failures.push(`${id}: group mixes ${[...owners].join(' + ')}: ${group.join(', ')}`);
  }
  return failures;
}

/** A homograph flag inside an occurrence of a distractor phrase is a failure. */
function distractorFailures(id: string, article: ArticleView, gold: GoldArticle, flags: readonly Flag[]): string[] {
  const failures: string[] = [];
  for (const phrase of gold.homograph_distractors) {
    for (const segment of article.segments) {
      for (let at = segment.edit.indexOf(phrase); at !== -1; at = segment.edit.indexOf(phrase, at + 1)) {
        const end = at + phrase.length;
        if (flags.some((f) => f.segment === segment.index && f.start >= at && f.end <= end)) failures.push(`${id}: flagged distractor "${phrase}"`);
      }
    }
  }
  return failures;
}

function ratio(hits: number, total: number): Ratio {
  return { hits, total, value: total === 0 ? 1 : hits / total };
}
