/**
 * Words of an English text with their offsets, as the name checks read them: letters with inner
 * hyphens and apostrophes ("Tae-yeol", "Ch'oe", "Keon-hee's"), the possessive split off.
 */

/** One word of the text. */
export interface Token {
  /** The word as written, possessive included ("Keon-hee's"). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The word without a possessive 's / ’s ("Keon-hee"). */
  readonly core: string;
  /** Offset just after `core`. */
  readonly coreEnd: number;
  readonly hasPossessive: boolean;
}

/**
 * A word: a letter, more letters or marks, then any number of (hyphen or apostrophe, letters).
 * This is the definition; tokenize reads the same words with a scanner (test/core/names/tokens.test.ts
 * checks the two agree on any text), since the regex costs twice as much and the name checks
 * tokenize every segment twice (issue 10).
 */
export const WORD = /\p{L}[\p{L}\p{M}]*(?:['’ʻ\-‐‑][\p{L}\p{M}]+)*/gu;

/** What a code point is to WORD: 0 neither, 1 a letter (\p{L}), 2 a mark (\p{M}). */
type CharClass = 0 | 1 | 2;
const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;

/** Returns the class of the code point; ASCII without a regex, as most of an English text is. */
function classOf(codePoint: number): CharClass {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    return lower >= 0x61 && lower <= 0x7a ? 1 : 0;
  }
  const char = String.fromCodePoint(codePoint);
  return LETTER.test(char) ? 1 : MARK.test(char) ? 2 : 0;
}

/** Returns true for WORD's separators: ' ’ ʻ and the hyphens - ‐ ‑ (ʻ is also a letter, and read as one first). */
function isSeparator(codeUnit: number): boolean {
  return codeUnit === 0x27 || codeUnit === 0x2019 || codeUnit === 0x2bb || codeUnit === 0x2d || codeUnit === 0x2010 || codeUnit === 0x2011;
}

/** Returns the offset after the letters and marks that start at `at` (code points, so a surrogate pair counts once). */
function skipLettersAndMarks(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const codePoint = text.codePointAt(i) as number;
    if (classOf(codePoint) === 0) break;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return i;
}

/** Returns the words of `text` in order (WORD's matches), with offsets such that text.slice(start, end) === token.text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const codePoint = text.codePointAt(i) as number;
    const width = codePoint > 0xffff ? 2 : 1;
    // A word starts at a letter; a mark or anything else before one is skipped.
    if (classOf(codePoint) !== 1) {
      i += width;
      continue;
    }
    const start = i;
    i = skipLettersAndMarks(text, i + width);
    // A separator joins only when a letter or mark follows it (each separator is one code unit).
    while (i + 1 < text.length && isSeparator(text.charCodeAt(i)) && classOf(text.codePointAt(i + 1) as number) !== 0) {
      i = skipLettersAndMarks(text, i + 1);
    }
    const word = text.slice(start, i);
    const hasPossessive = isPossessive(word);
    const core = hasPossessive ? word.slice(0, -2) : word;
    tokens.push({ text: word, start, end: i, core, coreEnd: start + core.length, hasPossessive });
  }
  return tokens;
}

/** Returns true when the word ends in a possessive 's or ’s (either case of s) after at least one letter. */
function isPossessive(word: string): boolean {
  const n = word.length;
  if (n <= 2) return false;
  const s = word.charCodeAt(n - 1);
  const apostrophe = word.charCodeAt(n - 2);
  return (s === 0x73 || s === 0x53) && (apostrophe === 0x27 || apostrophe === 0x2019);
}

/** Returns true when only one space (or a no-break space) separates the two tokens. */
export function areAdjacent(text: string, left: Token, right: Token): boolean {
  const gap = text.slice(left.end, right.start);
  return gap === ' ' || gap === '\u00a0';
}

/** Returns true when the word starts with a capital letter. */
export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}
