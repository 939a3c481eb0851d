/**
 * The shape of a correction's change, read from its two texts alone: what a proposal falls back on
 * when no flag explains the correction (issue 5: "case-only or punctuation-only changes", "a pure
 * insertion").
 */

/**
 * `typography`: only the style of quotes, apostrophes, dashes, ellipses or spaces changed;
 * `case`: only capitalisation (typography aside); `punctuation`: only punctuation marks (and the
 * spaces around them); `insertion`/`deletion`: text added where the MT had none, or removed
 * outright; `other`: anything else.
 */
export type ChangeShape = 'typography' | 'case' | 'punctuation' | 'insertion' | 'deletion' | 'other';

/** Every double quote style read as '"', as the duplicate-segment check compares them. */
const DOUBLE_QUOTES = /["“”„‟«»″〝〞＂]/gu;
/** Single quotes, apostrophes and primes read as "'". */
const SINGLE_QUOTES = /['‘’‚‛′`]/gu;
/** Hyphens, dashes and the minus sign read as '-': a house-style choice, not a spelling. */
const DASHES = /[\u2010-\u2015\u2212-]/gu;
const ELLIPSIS = /…/gu;
const SPACES = /\s+/gu;
/** Punctuation (Unicode category P) and white space, dropped to see whether anything else changed. */
const PUNCTUATION_AND_SPACE = /[\p{P}\s]+/gu;

/** Returns the shape of the change from `mtText` to `editText` (the two sides of a correction). */
export function shapeOfChange(mtText: string, editText: string): ChangeShape {
  const mt = foldTypography(mtText);
  const edit = foldTypography(editText);
  // Guard: both sides empty or equal is not a change; call it typography, the mildest shape.
  if (mt === edit) return 'typography';
  if (mt !== '' && edit !== '' && mt.toLowerCase() === edit.toLowerCase()) return 'case';
  if (stripPunctuation(mt) === stripPunctuation(edit)) return 'punctuation';
  if (mtText.trim() === '') return 'insertion';
  if (editText.trim() === '') return 'deletion';
  return 'other';
}

/** Returns the text with quote, dash, ellipsis and space styles folded to one form each. */
function foldTypography(text: string): string {
  return text
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, '-')
    .replace(ELLIPSIS, '...')
    .replace(SPACES, ' ')
    .trim();
}

function stripPunctuation(text: string): string {
  return text.replace(PUNCTUATION_AND_SPACE, '');
}
