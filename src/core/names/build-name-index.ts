/**
 * The people of one article, found once per check run: full-name mentions clustered into people
 * (same surname, equivalent given names, either order), editors' "different people" decisions
 * respected, and a surname alone ("Minister Cho") joined to the one person with that surname.
 */
import type { ArticleCorrection, ArticleView, GlossaryConcept } from '../checks/types.js';
import { clusterCompletely } from './cluster.js';
import { areSameName, nameKeyOf } from './name-match.js';
import { slugOf, spellingOf } from './normalise.js';
import { choosePreferred, type SpellingUse } from './preferred-spelling.js';
import { readName, spotNames, type SpottedName } from './spot-names.js';
import { areSurnamesEquivalent } from './surname-lookup.js';
import type { NameIndex, NameMention, Person } from './types.js';

/** What the index needs besides the article: the same data the checks get in their context. */
export interface NameIndexOptions {
  readonly corrections: readonly ArticleCorrection[];
  readonly glossary: readonly GlossaryConcept[];
  /** Pairs of spellings an editor recorded as different people; they are never merged. */
  readonly distinctPeople: readonly (readonly [string, string])[];
}

/** Returns the article's people, in order of first mention; boilerplate segments are not read. */
export function buildNameIndex(article: ArticleView, opts: NameIndexOptions): NameIndex {
  const spotted = article.segments.flatMap((s) => (s.kind === 'boilerplate' ? [] : spotNames(s.edit, s.index)));
  const bodySegments = new Set(article.segments.filter((s) => s.kind === 'body').map((s) => s.index));
  const quoted = new Map(article.segments.map((s) => [s.index, quotationTest(s.edit)]));
  const uses = spellingUses(spotted, bodySegments, (m) => quoted.get(m.segment)?.(m.start) ?? false);
  const isApart = distinctPeopleTest(opts.distinctPeople);
  const isSame = (a: SpellingUse, b: SpellingUse): boolean => areSameName(a.reading, b.reading) && !isApart(a, b);
  // Only spellings that share a surname can be one person: cluster each surname family on its own,
  // so the quadratic clustering stays small in an article that names many people.
  const clusters = surnameFamilies(uses)
    .flatMap((family) => clusterCompletely(family, isSame))
    .sort((a, b) => (a[0]?.firstOrder ?? 0) - (b[0]?.firstOrder ?? 0));
  const surnameKeys = clusters.map(commonSurnameKeys);

  // A surname alone belongs to a person only when exactly one person has that surname.
  const joined = clusters.map((): SpottedName[] => []);
  for (const m of spotted) {
    if (!m.isSurnameOnly) continue;
    const owners = surnameKeys.flatMap((keys, i) => (areSurnamesEquivalent(keys, m.surnameKeys) ? [i] : []));
    if (owners.length === 1) joined[owners[0] as number]?.push(m);
  }

  const usedIds = new Set<string>();
  const people = clusters.map((cluster, i): Person => {
    const choice = choosePreferred(cluster, opts.glossary, opts.corrections);
    const spellings = orderedSpellings(cluster, choice.preferred);
    const mentions: NameMention[] = [...cluster.flatMap((u) => u.mentions), ...(joined[i] ?? [])]
      .sort((a, b) => a.segment - b.segment || a.start - b.start)
      .map(toMention);
    return {
      id: uniqueId(slugOf(choice.preferred), usedIds),
      preferred: choice.preferred,
      preferredBecause: choice.because,
      spellings,
      mentions,
      surnameKey: surnameKeys[i]?.[0] ?? '',
      surnameKeys: surnameKeys[i] ?? [],
    };
  });
  return { people };
}

/**
 * Returns a test for "this offset of the text is inside a quotation": after an open “ not yet
 * closed, or after an odd number of straight double quotes. A name there is the speaker's or the
 * MT's rendering of speech, not the paper's spelling (issue 12: "Yun Seok-Yeol" came from a
 * quotation). The quotation marks are found once, so a long paragraph costs one pass.
 */
export function quotationTest(text: string): (offset: number) => boolean {
  // Offsets where the state changes, and the state from each on.
  const at: number[] = [0];
  const inside: boolean[] = [false];
  let curly = 0;
  let straight = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x201c && c !== 0x201d && c !== 0x22) continue;
    if (c === 0x201c) curly += 1;
    else if (c === 0x201d) curly = Math.max(0, curly - 1);
    else straight += 1;
    at.push(i + 1);
    inside.push(curly > 0 || straight % 2 === 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((at[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return inside[lo] ?? false;
  };
}

/** Groups full-name mentions by spelling, in order of first use; `isQuoted` tells a mention inside a quotation. */
export function spellingUses(spotted: readonly SpottedName[], bodySegments: ReadonlySet<number>, isQuoted: (m: SpottedName) => boolean = () => false): SpellingUse[] {
  const bySpelling = new Map<string, { reading: NonNullable<SpottedName['name']>; mentions: SpottedName[]; firstOrder: number }>();
  spotted.forEach((m, order) => {
    if (m.name === undefined) return;
    const spelling = spellingOf(m.text);
    const entry = bySpelling.get(spelling) ?? { reading: m.name, mentions: [], firstOrder: order };
    entry.mentions.push(m);
    bySpelling.set(spelling, entry);
  });
  return [...bySpelling.entries()].map(([spelling, e]) => ({
    spelling,
    reading: e.reading,
    mentions: e.mentions,
    firstOrder: e.firstOrder,
    bodyCount: e.mentions.filter((m) => bodySegments.has(m.segment)).length,
    quotedCount: e.mentions.filter(isQuoted).length,
  }));
}

/** Returns the spellings split into families whose members are linked by shared surname keys, in order of first use. */
export function surnameFamilies(uses: readonly SpellingUse[]): SpellingUse[][] {
  const familyOfKey = new Map<string, number>();
  const families: SpellingUse[][] = [];
  const parent: number[] = [];
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] as number;
    return i;
  };
  for (const use of uses) {
    const linked = [...new Set(use.reading.surnameKeys.flatMap((k) => (familyOfKey.has(k) ? [root(familyOfKey.get(k) as number)] : [])))];
    let family = linked[0];
    if (family === undefined) {
      family = families.length;
      families.push([]);
      parent.push(family);
    }
    for (const other of linked.slice(1)) {
      parent[other] = family;
      families[family]?.push(...(families[other] ?? []));
      families[other] = [];
    }
    families[family]?.push(use);
    for (const k of use.reading.surnameKeys) familyOfKey.set(k, family);
  }
  return families.filter((f) => f.length > 0).map((f) => [...f].sort((a, b) => a.firstOrder - b.firstOrder));
}

/** Returns a test for "an editor recorded these two spellings as different people", compared by order-free name key. */
export function distinctPeopleTest(pairs: readonly (readonly [string, string])[]): (a: SpellingUse, b: SpellingUse) => boolean {
  if (pairs.length === 0) return () => false;
  const keyOf = (text: string): string => {
    const reading = readName(text);
    return reading === undefined ? spellingOf(text).toLowerCase() : nameKeyOf(reading);
  };
  const apart = new Set(pairs.flatMap(([x, y]) => [`${keyOf(x)}|${keyOf(y)}`, `${keyOf(y)}|${keyOf(x)}`]));
  return (a, b) => apart.has(`${nameKeyOf(a.reading)}|${nameKeyOf(b.reading)}`);
}

/** Returns the surname keys every spelling of the cluster shares (Korean keys first, as the table lists them). */
export function commonSurnameKeys(cluster: readonly SpellingUse[]): readonly string[] {
  const [first, ...rest] = cluster;
  if (first === undefined) return [];
  return first.reading.surnameKeys.filter((k) => rest.every((u) => u.reading.surnameKeys.includes(k)));
}

/** The preferred spelling first (with count 0 when only the glossary has it), then by count, then by first use. */
function orderedSpellings(cluster: readonly SpellingUse[], preferred: string): { text: string; count: number }[] {
  const rest = cluster
    .filter((u) => u.spelling !== preferred)
    .sort((a, b) => b.mentions.length - a.mentions.length || a.firstOrder - b.firstOrder)
    .map((u) => ({ text: u.spelling, count: u.mentions.length }));
  const own = cluster.find((u) => u.spelling === preferred);
  return [{ text: preferred, count: own?.mentions.length ?? 0 }, ...rest];
}

function toMention(m: SpottedName): NameMention {
  return { segment: m.segment, start: m.start, end: m.end, text: m.text, isSurnameOnly: m.isSurnameOnly };
}

function uniqueId(slug: string, used: Set<string>): string {
  let id = slug;
  for (let n = 2; used.has(id); n++) id = `${slug}-${n}`;
  used.add(id);
  return id;
}
