/**
 * When two romanized syllables are spellings of one Hangul syllable. Two layers, the conservative
 * one first (reference korean-names.md, "Matcher design facts" 3: "generate candidate spellings
 * from the Hangul (RR + MR + popular table) and match the English against that set; fuzzy
 * English-to-English matching should only be the fallback"):
 *
 * 1. The variant classes: each spelling in the variant table (section (b)) or the surname table
 *    (section (c)) belongs to one or more Hangul syllables; two such spellings are equivalent when
 *    they share one ("yul" and "yeol" are both 열; "seok" and "sook" are not: 석 vs 숙).
 * 2. A phonetic key for the spellings in no class: the consonant and vowel equivalences of fact 3
 *    (g≈k, d≈t, b≈p, j≈ch, s≈sh, r≈l, ∅ for ㄹ before i/y; eo≈u≈o≈eu≈oo≈ou, yeo≈yu≈yo, ui≈ee≈i,
 *    ae≈ai≈ay≈e, oe≈oi≈ey, a long vowel written with h).
 *
 * These only bridge spellings of one syllable; whole syllables that differ ("un" vs "nam") never match.
 */
import { SURNAMES } from './surnames.js';
import { SYLLABLE_VARIANTS } from './syllable-variants.js';
import { parseKoreanSyllable } from './syllable-grammar.js';

/** Onset spellings -> consonant class (fact 3: g≈k, d≈t, b≈p, j≈ch, s≈sh, r≈l). */
const ONSET_CLASS: Readonly<Record<string, string>> = {
  '': '', g: 'k', k: 'k', kk: 'k', gh: 'k', kh: 'k', d: 't', t: 't', tt: 't', b: 'p', p: 'p', pp: 'p', ph: 'p',
  j: 'c', jj: 'c', ch: 'c', tch: 'c', ts: 'c', s: 's', ss: 's', sh: 's', r: 'l', l: 'l', rh: 'l', n: 'n', m: 'm', h: 'h',
};

/** Vowel spellings -> vowel class (fact 3, and w-insertion: 우 woo = u). */
const NUCLEUS_CLASS: Readonly<Record<string, string>> = {
  a: 'a', eo: 'o', o: 'o', u: 'o', oo: 'o', ou: 'o', eu: 'o', ue: 'o', woo: 'o', wu: 'o', wou: 'o',
  yeo: 'yo', yo: 'yo', yu: 'yo', you: 'yo', yoo: 'yo', yeu: 'yo',
  i: 'i', ee: 'i', ie: 'i', ui: 'i', eui: 'i', yi: 'i', yee: 'i',
  ae: 'e', ai: 'e', ay: 'e', e: 'e', ea: 'e',
  ye: 'ye', yae: 'ye', yea: 'ye',
  oe: 'we', oi: 'we', oy: 'we', ey: 'we', we: 'we', wae: 'we',
  wo: 'wo', weo: 'wo', wa: 'wa', wi: 'wi', ya: 'ya', yoe: 'yo',
};

/** Coda spellings -> final consonant class (RR k t p n ng m l; MR/popular g ck kk b ll r). */
const CODA_CLASS: Readonly<Record<string, string>> = {
  '': '', k: 'k', g: 'k', ck: 'k', kk: 'k', t: 't', p: 'p', b: 'p', n: 'n', ne: 'n', ng: 'ng', m: 'm', l: 'l', ll: 'l', r: 'l',
};

/** Returns the phonetic key of a folded romanized syllable ("yeol" -> "yol"), or undefined when it is not Korean-shaped. */
export function phoneticKey(syllable: string): string | undefined {
  const parts = parseKoreanSyllable(syllable);
  if (parts === undefined) return undefined;
  const nucleus = NUCLEUS_CLASS[parts.nucleus] ?? parts.nucleus;
  let onset = ONSET_CLASS[parts.onset] ?? parts.onset;
  // ㄹ is silent or n before i/y at the start of a word in the South (리/이, 류/유, 렬/열): r≈l≈∅.
  if (onset === 'l' && (nucleus.startsWith('i') || nucleus.startsWith('y'))) onset = '';
  return `${onset}${nucleus}${CODA_CLASS[parts.coda] ?? parts.coda}`;
}

/** Spelling -> the Hangul syllables it may write, built once from the two data tables. */
const CLASSES_OF_SPELLING: ReadonlyMap<string, readonly string[]> = buildClasses();

/** Hangul syllable -> the phonetic keys of all its spellings. */
const KEYS_OF_CLASS: ReadonlyMap<string, ReadonlySet<string>> = buildClassKeys();

function buildClasses(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (spelling: string, hangul: string): void => {
    const list = map.get(spelling) ?? [];
    if (!list.includes(hangul)) list.push(hangul);
    map.set(spelling, list);
  };
  for (const row of SYLLABLE_VARIANTS) {
    for (const s of [row.rr, ...row.mr, ...row.variants]) add(s, row.hangul);
  }
  // Single-syllable surnames are name syllables too (민, 남, 진 …): their spellings join the classes.
  for (const row of SURNAMES) {
    if (row.hangul.length !== 1) continue;
    for (const s of [row.rr, row.mr, ...row.spellings]) add(s, row.hangul);
  }
  return map;
}

function buildClassKeys(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const [spelling, classes] of CLASSES_OF_SPELLING) {
    const key = phoneticKey(spelling);
    if (key === undefined) continue;
    for (const hangul of classes) {
      const keys = map.get(hangul) ?? new Set<string>();
      keys.add(key);
      map.set(hangul, keys);
    }
  }
  return map;
}

/** Returns the Hangul syllables a folded spelling is listed under in the variant or surname table ([] if none). */
export function syllableClasses(syllable: string): readonly string[] {
  return CLASSES_OF_SPELLING.get(syllable) ?? [];
}

/** Returns true when the folded spelling is a listed spelling of some name syllable. */
export function isKnownSyllable(syllable: string): boolean {
  return CLASSES_OF_SPELLING.has(syllable);
}

/** Returns true when two folded romanized syllables can spell the same Hangul syllable. */
export function areSyllablesEquivalent(a: string, b: string): boolean {
  if (a === b) return true;
  const classesA = syllableClasses(a);
  const classesB = syllableClasses(b);
  // Both listed: the table decides, and nothing looser ("seok" 석 is not "sook" 숙).
  if (classesA.length > 0 && classesB.length > 0) return classesA.some((c) => classesB.includes(c));
  if (classesA.length === 0 && classesB.length === 0) {
    const keyA = phoneticKey(a);
    return keyA !== undefined && keyA === phoneticKey(b);
  }
  // One listed, one not: the unlisted spelling must sound like one of the listed syllable's spellings.
  const [listed, other] = classesA.length > 0 ? [classesA, b] : [classesB, a];
  const key = phoneticKey(other);
  return key !== undefined && listed.some((hangul) => KEYS_OF_CLASS.get(hangul)?.has(key) === true);
}
