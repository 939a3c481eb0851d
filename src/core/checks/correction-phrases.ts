import { isWordBoundary } from '../diff/boundaries.js';
import type { ArticleCorrection, ArticleView } from './types.js';

/**
 * English function words. A correction of one of these ("the" -> "a", "of" -> "in") depends on its
 * sentence, so carrying it to every other "the" in the article would flood the editor with flags;
 * the correction checks leave phrases made only of these words alone. Closed-class words only
 * (articles, pronouns, prepositions, conjunctions, auxiliaries): a content word such as "King" or
 * "One" (the surnames 왕 and 한, docs/reference/korean-names.md) must stay checkable.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'some', 'any', 'each', 'every', 'all', 'such',
  'i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its',
  'they', 'them', 'their', 'who', 'whom', 'whose', 'which', 'what',
  'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'into', 'onto', 'about', 'over', 'under',
  'after', 'before', 'during', 'since', 'until', 'between', 'among', 'through', 'against', 'per', 'via',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'as', 'if', 'than', 'then', 'because', 'while', 'although',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did',
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  'not', 'no', 'also', 'too', 'very', 'there', 'here',
]);

/**
 * Fewest letters or digits a corrected MT phrase must hold to be looked for elsewhere (range 1-4).
 * 2 keeps two-letter surnames ("Yi", "Oh") and drops lone letters and stray marks.
 */
export const MIN_PHRASE_CHARS = 2;

/**
 * Most characters a corrected MT phrase may have to be looked for elsewhere (range 50-500). A
 * correction is a word or a phrase; a longer stretch is a rewritten passage, which recurs only as
 * a repeat (duplicate-segment's business), and searching for it would cost time on long articles.
 */
export const MAX_PHRASE_CHARS = 200;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;
const SPACE = /\s/u;
/** "'s" or "’s" (or a bare apostrophe, "Reuters'") ending a word. */
const POSSESSIVE = /^['’]s?(?![\p{L}\p{N}\p{M}])/u;

/** Returns true when a corrected MT phrase is worth looking for elsewhere: not empty, not punctuation, not only function words. */
export function isCheckablePhrase(mtText: string): boolean {
  // Guard: a pure insertion has no MT phrase to find.
  if (mtText.trim() === '') return false;
  // Guard: a rewritten passage is not a term to carry.
  if (mtText.length > MAX_PHRASE_CHARS) return false;
  // Guard: punctuation and one-letter phrases ("." -> ",", "a" -> "A") match everywhere.
  if ((mtText.match(LETTER_OR_DIGIT) ?? []).length < MIN_PHRASE_CHARS) return false;
  const words = mtText.match(WORD) ?? [];
  // Guard: "of the" -> "in" is a change of sentence, not of a term.
  return !words.every((w) => FUNCTION_WORDS.has(w.toLowerCase()));
}

/**
 * Returns the [start, end] offsets of every whole-word, case-sensitive occurrence of `phrase` in
 * `text`; any run of whitespace in the phrase matches any run in the text (a caption's line break).
 * Whole words as the diff defines them (src/core/diff/boundaries.ts), so "Cho" is not found inside
 * "Choi"; a possessive is let through ("Tae-yeol" is found in "Tae-yeol's", the span without "'s"),
 * because the diff counts "Tae-yeol's" as one word but the name in it is the same.
 */
export function findWholePhrase(text: string, phrase: string): [number, number][] {
  const words = phrase.trim().split(/\s+/u);
  const first = words[0] ?? '';
  // Guard: an empty phrase would match at every offset.
  if (first === '') return [];
  const found: [number, number][] = [];
  // A plain scan, not a RegExp built from the phrase: a long phrase makes V8's regexp compiler overflow its stack.
  for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
    const end = matchRest(text, at + first.length, words);
    if (end < 0 || !isWordBoundary(text, at) || !(isWordBoundary(text, end) || POSSESSIVE.test(text.slice(end, end + 3)))) continue;
    found.push([at, end]);
    at = end - 1;
  }
  return found;
}

/** Returns where words[1..] end when they follow `pos` in `text`, each after a run of whitespace; -1 when they do not. */
function matchRest(text: string, pos: number, words: readonly string[]): number {
  let cursor = pos;
  for (let i = 1; i < words.length; i += 1) {
    const gap = cursor;
    while (cursor < text.length && SPACE.test(text[cursor] ?? '')) cursor += 1;
    const word = words[i] ?? '';
    if (cursor === gap || !text.startsWith(word, cursor)) return -1;
    cursor += word.length;
  }
  return cursor;
}

/** Returns the corrections that still describe the article: segment present and edit text where the offsets say. */
export function currentCorrections(article: ArticleView, corrections: readonly ArticleCorrection[]): ArticleCorrection[] {
  return corrections.filter((c) => {
    const segment = article.segments.find((s) => s.index === c.segment);
    return segment !== undefined && segment.edit.slice(c.editStart, c.editEnd) === c.editText;
  });
}

/** Returns true when [start, end) overlaps the edit span of one of the segment's corrections (a place the editor changed). */
export function isCorrectedPlace(corrections: readonly ArticleCorrection[], segment: number, start: number, end: number): boolean {
  // A deletion's empty edit span overlaps nothing: the text after it was not touched.
  return corrections.some((c) => c.segment === segment && start < c.editEnd && c.editStart < end);
}
