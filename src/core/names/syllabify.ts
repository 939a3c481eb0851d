/**
 * Splits a romanized given name into syllables. Written separators win ("Tae-yeol", "Gil Dong");
 * a joined form ("Cheolsoo", "Seogyeol", "Jinping") is segmented by the syllable grammar with
 * backtracking, preferring the split whose syllables are listed spellings (reference korean-names.md
 * "Matcher design facts" 1: "Cheolsoo" = "Cheol-soo" = "Cheol Soo").
 */
import { foldName } from './normalise.js';
import { isKoreanSyllable, isPinyinSyllable } from './syllable-grammar.js';
import { isKnownSyllable } from './syllable-key.js';

/** Which romanization a given name is read in. */
export type NameScript = 'korean' | 'chinese';

/** A split of a given name, with how many of its syllables are listed spellings. */
export interface Syllabification {
  readonly syllables: readonly string[];
  /** Syllables that are spellings in the variant or surname table (for pinyin: every valid syllable). */
  readonly knownCount: number;
}

/** Longest syllable tried (range 4-8): "tchoung", "hyeong" and "shiang" fit. */
export const MAX_SYLLABLE_LENGTH = 7;

/** Longest joined given name segmented (range 12-30); longer runs are not names and are not searched. */
export const MAX_JOINED_LENGTH = 21;

/** Returns the best split of a joined, folded given name in the script, or undefined when none parses. */
export function segmentJoined(text: string, script: NameScript): Syllabification | undefined {
  // Guard: segmenting is quadratic in the length; a long run of letters is not a given name.
  if (text === '' || text.length > MAX_JOINED_LENGTH) return undefined;
  const isValid = script === 'korean' ? isKoreanSyllable : isPinyinSyllable;
  const isKnown = script === 'korean' ? isKnownSyllable : isPinyinSyllable;
  // best[i]: the best split of text.slice(i); filled from the end (dynamic programming = backtracking with memo).
  const best: (Syllabification | undefined)[] = new Array(text.length + 1).fill(undefined);
  best[text.length] = { syllables: [], knownCount: 0 };
  for (let i = text.length - 1; i >= 0; i--) {
    for (let j = i + 1; j <= Math.min(text.length, i + MAX_SYLLABLE_LENGTH); j++) {
      const rest = best[j];
      const syllable = text.slice(i, j);
      if (rest === undefined || !isValid(syllable)) continue;
      const candidate = { syllables: [syllable, ...rest.syllables], knownCount: rest.knownCount + (isKnown(syllable) ? 1 : 0) };
      if (isBetter(candidate, best[i])) best[i] = candidate;
    }
  }
  return best[0];
}

/**
 * Cost of a syllable in a split (the split with the least total cost wins): a listed spelling
 * costs 2, any other valid syllable 3, so one unlisted syllable beats two listed ones made by
 * cutting it ("rae", not "ra" + "e") but loses to a clean listed split ("seog-yeol", not
 * "seo-gyeol"; "cheol-soo", not "che-ol-soo").
 */
const KNOWN_COST = 2;
const UNKNOWN_COST = 3;

function costOf(split: Syllabification): number {
  return split.knownCount * KNOWN_COST + (split.syllables.length - split.knownCount) * UNKNOWN_COST;
}

/** Cheaper first; on a tie, fewer syllables. */
function isBetter(a: Syllabification, b: Syllabification | undefined): boolean {
  if (b === undefined) return true;
  const diff = costOf(a) - costOf(b);
  return diff !== 0 ? diff < 0 : a.syllables.length < b.syllables.length;
}

/**
 * Returns the syllables of a given name as written: each hyphen- or space-separated part is
 * segmented on its own ("Tae-yeol" -> tae, yeol; "Cheolsoo" -> cheol, soo). Undefined when a part
 * does not parse in the script.
 */
export function syllabify(givenName: string, script: NameScript = 'korean'): Syllabification | undefined {
  const parts = foldName(givenName).split(/[\s\-‐‑–]+/u).filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const syllables: string[] = [];
  let knownCount = 0;
  for (const part of parts) {
    // A written part that is one valid syllable stays one ("rae" in "Chung-rae", not "ra" + "e").
    const isOne = script === 'korean' ? isKoreanSyllable(part) : isPinyinSyllable(part);
    const split = isOne ? { syllables: [part], knownCount: (script === 'korean' ? isKnownSyllable(part) : true) ? 1 : 0 } : segmentJoined(part, script);
    if (split === undefined) return undefined;
    syllables.push(...split.syllables);
    knownCount += split.knownCount;
  }
  return { syllables, knownCount };
}
