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
 * Each repetition starts with a separator that cannot be a letter, so matching is linear.
 */
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’ʻ\-‐‑][\p{L}\p{M}]+)*/gu;

/** A possessive ending: 's or ’s after at least one letter. */
const POSSESSIVE = /['’][sS]$/u;

/** Returns the words of `text` in order, with offsets such that text.slice(start, end) === token.text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    const hasPossessive = word.length > 2 && POSSESSIVE.test(word);
    const core = hasPossessive ? word.slice(0, -2) : word;
    tokens.push({ text: word, start, end: start + word.length, core, coreEnd: start + core.length, hasPossessive });
  }
  return tokens;
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
