/**
 * Hangul syllables as jamo, and their Revised Romanization. A precomposed syllable U+AC00-U+D7A3 is
 * (initial × 21 + medial) × 28 + final (Unicode 15, section 3.12, "Conjoining Jamo Behavior"); the
 * letters are those of the Revised Romanization of Korean (MCT Proclamation 2000-8): consonants
 * before a vowel, and the seven final sounds at the end of a syllable.
 */

const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;
const MEDIALS = 21;
const FINALS = 28;

/** RR of the 19 initial consonants in Unicode order (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ); ㅇ is silent. */
export const RR_INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'] as const;

/** RR of the 21 vowels in Unicode order (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ). */
export const RR_MEDIALS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'] as const;

/**
 * RR of the 27 final consonants (index 0 is "none") as they sound at the end of a syllable: RR writes
 * the seven final sounds k, n, t, l, m, p, ng (ㄱ ㄲ ㄳ ㅋ ㄺ -> k; ㄷ ㅅ ㅆ ㅈ ㅊ ㅌ ㅎ -> t; ...).
 */
export const RR_FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'] as const;

/** A syllable's jamo as indexes into RR_INITIALS, RR_MEDIALS and RR_FINALS. */
export interface Jamo {
  readonly initial: number;
  readonly medial: number;
  readonly final: number;
}

/** Returns true when `ch` is one precomposed Hangul syllable (가..힣). */
export function isHangulSyllable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return ch.length === 1 && code >= FIRST_SYLLABLE && code <= LAST_SYLLABLE;
}

/** Returns the jamo of one precomposed syllable, or undefined for any other character. */
export function decomposeSyllable(ch: string): Jamo | undefined {
  if (!isHangulSyllable(ch)) return undefined;
  const offset = (ch.codePointAt(0) ?? 0) - FIRST_SYLLABLE;
  return { initial: Math.floor(offset / (MEDIALS * FINALS)), medial: Math.floor((offset % (MEDIALS * FINALS)) / FINALS), final: offset % FINALS };
}

/**
 * Returns the RR of one syllable on its own, lower-case ("열" -> "yeol", "석" -> "seok"): how RR writes
 * a personal name, syllable by syllable, without the sound changes between syllables (RR rule 3(4)).
 * Returns '' for a character that is not a Hangul syllable.
 */
export function romanizeSyllable(ch: string): string {
  const jamo = decomposeSyllable(ch);
  if (jamo === undefined) return '';
  return `${RR_INITIALS[jamo.initial] ?? ''}${RR_MEDIALS[jamo.medial] ?? ''}${RR_FINALS[jamo.final] ?? ''}`;
}

/** Returns the syllables of a Hangul word ("조태열" -> ["조", "태", "열"]); other characters are dropped. */
export function hangulSyllables(word: string): string[] {
  return [...word].filter(isHangulSyllable);
}
