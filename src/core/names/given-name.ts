/**
 * Reading the given name next to a surname: does it parse as Korean (or, after a Chinese or
 * Japanese surname, Chinese or Japanese) romanization, and into which syllables. The rules that
 * tell a given name from an English word are here, with their reasons.
 */
import { KOREAN_WORDS_NOT_NAMES, NOT_GIVEN_NAMES } from './english-words.js';
import { foldName, splitWrittenSyllables } from './normalise.js';
import { isJapaneseGivenName } from './syllable-grammar.js';
import { syllabify } from './syllabify.js';
import type { SurnameOrigin } from './surname-lookup.js';

/** How a given name was read. */
export interface GivenReading {
  /** Folded syllables ("tae", "yeol"); a Japanese name is one entry, its long vowels folded. */
  readonly syllables: readonly string[];
  readonly script: SurnameOrigin;
}

/** Most syllables in a given name (Korean given names have one to three; Chinese one or two). */
export const MAX_GIVEN_SYLLABLES = 3;

/** Hyphenated endings of Korean place names (Gyeonggi-do, Suwon-si, Haenam-gun, Jinjeop-eup). */
const PLACE_SUFFIXES = new Set(['do', 'si', 'gun', 'eup', 'myeon']);

const NOT_GIVEN = new Set([...NOT_GIVEN_NAMES, ...KOREAN_WORDS_NOT_NAMES]);

/**
 * Returns how `written` (one token, maybe hyphenated) reads as a given name after a surname of
 * these origins, or undefined when it is not one. `isStrict` asks for stronger evidence (after a
 * surname that is also an English word, or in given-name-first order): two or more syllables, all
 * of them listed spellings, or a hyphenated name.
 */
export function readGivenName(written: string, origins: readonly SurnameOrigin[], isStrict: boolean): GivenReading | undefined {
  const folded = foldName(written);
  // Guard: English words that happen to parse ("Also", "Under") and Korean place names and loanwords are never given names.
  if (NOT_GIVEN.has(folded)) return undefined;
  const parts = splitWrittenSyllables(written);
  const isHyphenated = parts.length > 1;
  // Guard: "Gyeonggi-do", "Suwon-si" are places, even after a surname-like word.
  if (isHyphenated && PLACE_SUFFIXES.has(parts[parts.length - 1] ?? '')) return undefined;
  for (const origin of origins) {
    if (origin === 'japanese') {
      if (!isHyphenated && isJapaneseGivenName(folded)) return { syllables: [foldJapanese(folded)], script: 'japanese' };
      continue;
    }
    const split = syllabify(written, origin);
    if (split === undefined) continue;
    const count = split.syllables.length;
    if (count > MAX_GIVEN_SYLLABLES) continue;
    if (isHyphenated) {
      // "Tae-yeol": each written part is one syllable; a part that splits further is not a name part.
      if (count === parts.length) return { syllables: split.syllables, script: origin };
      continue;
    }
    const isAllKnown = split.knownCount === count;
    if (origin === 'chinese') {
      if (!isStrict || count > 1) return { syllables: split.syllables, script: origin };
      continue;
    }
    if (count === 1 && !isStrict && isAllKnown) return { syllables: split.syllables, script: origin };
    // Joined: "Cheolsoo". All syllables listed when strict; otherwise all but one ("Kyunghwa").
    if (count > 1 && (isAllKnown || (!isStrict && split.knownCount >= count - 1))) {
      return { syllables: split.syllables, script: origin };
    }
  }
  return undefined;
}

/** Returns true when a word is on the lists of English and Korean words that are never given names ("also", "chuseok"). */
export function isNeverGivenName(word: string): boolean {
  return NOT_GIVEN.has(foldName(word));
}

/** Returns a Japanese given name with long vowels folded (Yōhei, Youhei, Yohei -> yohei). */
export function foldJapanese(folded: string): string {
  return folded.replace(/ou|oo|oh(?![aiueo])/gu, 'o').replace(/uu/gu, 'u');
}

/** Returns true when the written token has the shape of a name part: Capitalised, lower-case or ALL-CAPS after the first letter of each hyphen part. */
export function hasNameCase(token: string): boolean {
  return token.split(/[-‐‑]/u).every((part, i) => {
    const first = part.charAt(0);
    const rest = part.slice(1);
    const isFirstUpper = first !== first.toLowerCase();
    // A hyphen part may start lower-case ("Tae-yul"); the first part must be capitalised.
    if (i === 0 && !isFirstUpper) return false;
    return rest === rest.toLowerCase() || rest === rest.toUpperCase();
  });
}
