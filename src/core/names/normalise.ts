/**
 * Name normalisation, the first step of every comparison (reference korean-names.md, "Matcher
 * design facts" 1): lower-case, fold MR diacritics, drop apostrophes, and for given names drop the
 * hyphens and spaces between syllables, so "Cheolsoo" = "Cheol-soo" = "Cheol Soo" = "CHEOL-SOO".
 */

/** Apostrophe-like marks: ASCII, typographic, MR's ʻ and the backtick that stands in for it. */
const APOSTROPHES = /['’‘ʻʼ`]/gu;

/** Combining marks left after NFD: the breve of ŏ ŭ, the caron of the misused ǒ ǔ, macrons of ō ū. */
const COMBINING_MARKS = /\p{M}/gu;

/**
 * ASCII without an apostrophe or backtick: text that folding changes only by lower-casing it (NFD
 * decomposes no ASCII character, and there is no mark or apostrophe to drop). Most tokens a check
 * folds are such words, and the quick path makes folding them four times as fast (issue 10).
 * No u flag: a surrogate half is then a code unit above \x7f, so astral text takes the full path.
 */
const PLAIN_ASCII = /^[\x00-\x26\x28-\x5f\x61-\x7f]*$/;

/** Text NFC leaves as it is: ASCII (no u flag, as above). */
const ASCII = /^[\x00-\x7f]*$/;

/** Returns the text lower-cased, with diacritics folded (ŏ -> o, ŭ -> u, ō -> o) and apostrophes dropped. */
export function foldName(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, '').toLowerCase();
}

/** Returns a given name folded and joined: hyphens, spaces and apostrophes removed ("Cheol-soo" -> "cheolsoo"). */
export function normaliseGivenName(text: string): string {
  return foldName(text).replace(/[\s\-‐‑–]+/gu, '');
}

/** Returns the given name's syllables as written: split at hyphens and spaces, folded ("Tae-yeol" -> ["tae", "yeol"]). */
export function splitWrittenSyllables(text: string): string[] {
  return foldName(text)
    .split(/[\s\-‐‑–]+/u)
    .filter((part) => part !== '');
}

/**
 * Returns the spelling as stored and compared for identity: NFC, runs of white space made one
 * space, typographic apostrophes made straight. Case and hyphens are kept: "KIM Min-su" and
 * "Kim Minsu" are different spellings of one name, and the editor may want them made one.
 */
export function spellingOf(text: string): string {
  return (ASCII.test(text) ? text : text.normalize('NFC')).replace(/\s+/gu, ' ').replace(/[’ʼ]/gu, "'").trim();
}

/** Returns a URL-safe slug of a spelling ("Cho Tae-yul" -> "cho-tae-yul"); "person" when nothing is left. */
export function slugOf(text: string): string {
  const slug = foldName(text)
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return slug === '' ? 'person' : slug;
}
