/**
 * The people of a whole corpus, for the names page (issue 3: "a names page lists every person
 * found across the corpus with their spellings, counts and articles"). Each article's people are
 * found as the checks find them; then people of different articles whose spellings all match are
 * taken for one person, by the same conservative matcher and editors' "different people" pairs.
 */
import type { ArticleCorrection, ArticleView, GlossaryConcept } from '../checks/types.js';
import { buildNameIndex } from './build-name-index.js';
import { clusterCompletely } from './cluster.js';
import { areSameName, nameKeyOf, type NameReading } from './name-match.js';
import { slugOf } from './normalise.js';
import { findGlossaryPerson, rankSpellings, type SpellingCandidate, type SpellingUse } from './preferred-spelling.js';
import { readName } from './spot-names.js';
import type { Person, PreferredBecause } from './types.js';

/** What the corpus index needs besides the articles; every field is optional. */
export interface CorpusNameIndexOptions {
  readonly glossary?: readonly GlossaryConcept[];
  readonly distinctPeople?: readonly (readonly [string, string])[];
  /** Each article's corrections, by article key (for "the spelling an editor corrected to"). */
  readonly corrections?: ReadonlyMap<string, readonly ArticleCorrection[]>;
}

/** An article where a spelling or a person occurs, with how many times. */
export interface ArticleCount {
  readonly key: string;
  readonly title: string;
  readonly count: number;
}

/** One person across the corpus. */
export interface CorpusPerson {
  readonly id: string;
  readonly preferred: string;
  readonly preferredBecause: PreferredBecause;
  readonly surnameKey: string;
  /** Every full spelling, preferred first, with its total count and the articles that use it. */
  readonly spellings: readonly { readonly text: string; readonly count: number; readonly articles: readonly ArticleCount[] }[];
  /** The articles naming the person, with all their mentions counted (surname-only ones included). */
  readonly articles: readonly ArticleCount[];
  /** The article persons gathered into this person (the units given to clusterPeople). */
  readonly members: readonly PersonUnit[];
}

/** The people of the corpus, in order of first appearance (article order, then mention order). */
export interface CorpusNameIndex {
  readonly people: readonly CorpusPerson[];
}

/** One person of one article as the corpus index clusters them: their spellings, and what the article decided for them. */
export interface PersonUnit {
  readonly article: { readonly key: string; readonly title: string };
  readonly surnameKey: string;
  readonly preferred: string;
  readonly preferredBecause: PreferredBecause;
  /** Mentions in the article, surname-only ones included. */
  readonly mentions: number;
  readonly spellings: readonly { readonly text: string; readonly count: number }[];
}

/** One person of one article, with the readings of their spellings. */
interface ArticlePerson {
  readonly unit: PersonUnit;
  readonly readings: readonly { readonly text: string; readonly count: number; readonly reading: NameReading }[];
}

/** Returns the unit the corpus index clusters for a person found in an article. */
export function personUnitOf(article: { key: string; title: string }, person: Person): PersonUnit {
  return {
    article,
    surnameKey: person.surnameKey,
    preferred: person.preferred,
    preferredBecause: person.preferredBecause ?? 'frequency',
    mentions: person.mentions.length,
    spellings: person.spellings,
  };
}

/** Returns every person named in the articles, with spellings, counts and articles. */
export function buildCorpusNameIndex(articles: readonly ArticleView[], opts: CorpusNameIndexOptions = {}): CorpusNameIndex {
  const glossary = opts.glossary ?? [];
  const distinctPeople = opts.distinctPeople ?? [];
  const units = articles.flatMap((article) =>
    buildNameIndex(article, { corrections: opts.corrections?.get(article.key) ?? [], glossary, distinctPeople }).people.map((person) => personUnitOf(article, person)),
  );
  return clusterPeople(units, { glossary, distinctPeople });
}

/**
 * Signatures compared pairwise in one group at most: complete linkage is quadratic, so a larger
 * group (one very common surname and given-name length in a very large corpus) is clustered
 * greedily instead: each signature joins the first person all of whose spellings it matches.
 */
const MAX_COMPLETE_LINKAGE = 1500;

/** Returns the people of several articles' persons: those whose spellings all match (and are not decided apart) taken for one. */
export function clusterPeople(personUnits: readonly PersonUnit[], opts: { glossary?: readonly GlossaryConcept[]; distinctPeople?: readonly (readonly [string, string])[] } = {}): CorpusNameIndex {
  const glossary = opts.glossary ?? [];
  const distinctPeople = opts.distinctPeople ?? [];
  const units: ArticlePerson[] = personUnits.map((unit) => ({
    unit,
    readings: unit.spellings.flatMap((s) => {
      const reading = readName(s.text);
      return reading === undefined || s.count === 0 ? [] : [{ text: s.text, count: s.count, reading }];
    }),
  }));
  const apart = new Set(distinctPeople.flatMap(([x, y]) => [`${keyOf(x)}|${keyOf(y)}`, `${keyOf(y)}|${keyOf(x)}`]));
  const isSame = (a: ArticlePerson, b: ArticlePerson): boolean =>
    a.readings.every((x) => b.readings.every((y) => areSameName(x.reading, y.reading) && !apart.has(`${nameKeyOf(x.reading)}|${nameKeyOf(y.reading)}`)));
  // People spelled exactly alike in several articles are compared once; only people who share a
  // surname can be one person. Both keep the quadratic clustering small on a large corpus.
  const order = new Map(units.map((u, i) => [u, i]));
  const bySignature = new Map<string, ArticlePerson[]>();
  for (const unit of units) {
    const signature = `${unit.unit.surnameKey}\n${unit.readings.map((r) => r.text).sort().join('\n')}`;
    const list = bySignature.get(signature);
    if (list === undefined) bySignature.set(signature, [unit]);
    else list.push(unit);
  }
  // A given name of another length can never match: it splits a surname's group at no cost.
  const bySurname = new Map<string, ArticlePerson[][]>();
  for (const list of bySignature.values()) {
    const first = list[0] as ArticlePerson;
    const key = `${first.unit.surnameKey}\n${first.readings[0]?.reading.reading.syllables.length ?? 0}`;
    const lists = bySurname.get(key);
    if (lists === undefined) bySurname.set(key, [list]);
    else lists.push(list);
  }
  const sameSignature = (a: ArticlePerson[], b: ArticlePerson[]) => isSame(a[0] as ArticlePerson, b[0] as ArticlePerson);
  const groups = [...bySurname.values()]
    .flatMap((lists) => (lists.length <= MAX_COMPLETE_LINKAGE ? clusterCompletely(lists, sameSignature) : clusterGreedily(lists, sameSignature)).map((c) => c.flat()))
    .map((group) => [...group].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)))
    .sort((a, b) => (order.get(a[0] as ArticlePerson) ?? 0) - (order.get(b[0] as ArticlePerson) ?? 0));
  const used = new Set<string>();
  return { people: groups.map((group) => toCorpusPerson(group, glossary, used)) };
}

/** Returns the items grouped greedily: each joins the first group all of whose members it matches (linear in the groups per item). */
function clusterGreedily<T>(items: readonly T[], isSame: (a: T, b: T) => boolean): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const home = groups.find((g) => g.every((member) => isSame(member, item)));
    if (home) home.push(item);
    else groups.push([item]);
  }
  return groups;
}

function toCorpusPerson(group: readonly ArticlePerson[], glossary: readonly GlossaryConcept[], used: Set<string>): CorpusPerson {
  const spellings = new Map<string, { count: number; articles: ArticleCount[]; reading: NameReading; first: number }>();
  group.forEach((unit, order) => {
    for (const r of unit.readings) {
      const entry = spellings.get(r.text) ?? { count: 0, articles: [], reading: r.reading, first: order };
      entry.count += r.count;
      entry.articles.push({ key: unit.unit.article.key, title: unit.unit.article.title, count: r.count });
      spellings.set(r.text, entry);
    }
  });
  const uses: SpellingUse[] = [...spellings.entries()].map(([spelling, e]) => ({ spelling, reading: e.reading, mentions: [], firstOrder: e.first, bodyCount: e.count }));
  const { preferred, because } = preferredOf(group, uses, glossary);
  const ordered = [...spellings.entries()]
    .sort((a, b) => Number(b[0] === preferred) - Number(a[0] === preferred) || b[1].count - a[1].count || a[1].first - b[1].first)
    .map(([text, e]) => ({ text, count: e.count, articles: e.articles }));
  if (!spellings.has(preferred)) ordered.unshift({ text: preferred, count: 0, articles: [] });
  let id = slugOf(preferred);
  for (let n = 2; used.has(id); n++) id = `${slugOf(preferred)}-${n}`;
  used.add(id);
  return {
    id,
    preferred,
    preferredBecause: because,
    surnameKey: group[0]?.unit.surnameKey ?? '',
    spellings: ordered,
    articles: group.map((u) => ({ key: u.unit.article.key, title: u.unit.article.title, count: u.unit.mentions })),
    members: group.map((u) => u.unit),
  };
}

/** The glossary's spelling; else the one most often corrected to in the articles; else the one most articles prefer, then the most used. */
function preferredOf(group: readonly ArticlePerson[], uses: readonly SpellingUse[], glossary: readonly GlossaryConcept[]): { preferred: string; because: PreferredBecause } {
  const concept = findGlossaryPerson(uses, glossary);
  const corrected = new Map<string, number>();
  const votes = new Map<string, number>();
  for (const unit of group) {
    if (unit.unit.preferredBecause === 'correction') corrected.set(unit.unit.preferred, (corrected.get(unit.unit.preferred) ?? 0) + 1);
    votes.set(unit.unit.preferred, (votes.get(unit.unit.preferred) ?? 0) + 1);
  }
  // The article page's order (rankSpellings, issue 12). Each article has already chosen by it (body
  // paragraphs first, quotations and bylines aside), so the majority here is most articles' choice,
  // then the mentions; a spelling no article chose is one it set aside or outvoted.
  const candidates = uses.map((u): SpellingCandidate => ({
    spelling: u.spelling,
    reading: u.reading,
    corrected: corrected.get(u.spelling) ?? 0,
    isQuotedOnly: false,
    weight: [votes.get(u.spelling) ?? 0, u.bodyCount],
    firstOrder: u.firstOrder,
  }));
  return rankSpellings(candidates, concept?.preferred);
}

function keyOf(text: string): string {
  const reading = readName(text);
  return reading === undefined ? text.toLowerCase() : nameKeyOf(reading);
}
