/**
 * The standfirst (sub-headline) test. Korean news sites set a short deck under the headline with
 * no full stop; the first body paragraph is a sentence and ends with one.
 */

/** A standfirst longer than this many words (range 10-40) is read as a paragraph. */
export const STANDFIRST_MAX_WORDS = 25;

/** Sentence-final . ? ! optionally followed by closing quotes or brackets, then the end. */
const SENTENCE_END = /[.?!]["'”’»」』)\]]*$/u;

/** Returns true when the block reads as a sub-headline: one line, short, no final full stop. */
export function looksLikeStandfirst(lines: readonly string[]): boolean {
  // Guard: a deck is a single line; several lines make a paragraph or a caption.
  if (lines.length !== 1) return false;
  const text = (lines[0] ?? '').trim();
  if (text === '' || SENTENCE_END.test(text)) return false;
  // The split limit stops early, so a 100 kB line is not cut into thousands of words.
  return text.split(/\s+/, STANDFIRST_MAX_WORDS + 1).length <= STANDFIRST_MAX_WORDS;
}
