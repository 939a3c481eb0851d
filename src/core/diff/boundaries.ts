import type { BoundaryTest } from './hunks.js';

// What counts as a word for corrections: letters, digits and combining marks (Unicode-aware, so
// Hangul, accented Latin and decomposed accents all count), joined by inner hyphens, apostrophes
// and zero-width (non-)joiners, and digits joined by an inner '.' or ','. "Tae-yeol", "Ban's",
// "677.4" and Persian "می‌خواهم" are each one word; "--" and a trailing "'" are not inner.
// This is deliberately not jsdiff's tokeniser, which only knows Latin letters and splits on
// every hyphen and apostrophe (see word.ts `extendedWordChars` in kpdecker/jsdiff).
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const DIGIT = /^\p{Nd}$/u;
// U+002D hyphen-minus, U+2010 hyphen, U+2011 non-breaking hyphen, U+0027 apostrophe,
// U+2019 right single quotation mark (the typographic apostrophe), U+200C ZWNJ, U+200D ZWJ.
const INNER_JOINER = /^['\u2019\u2010\u2011\u200C\u200D-]$/u;
const DIGIT_SEPARATOR = /^[.,]$/u;

/** Returns true when `index` splits a UTF-16 surrogate pair of `text`. */
function splitsSurrogatePair(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Returns the code point ending at `index`, or '' at the start of the text. */
function codePointBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const width = index >= 2 && splitsSurrogatePair(text, index - 1) ? 2 : 1;
  return text.slice(index - width, index);
}

/** Returns the code point starting at `index`, or '' at the end of the text. */
function codePointAfter(text: string, index: number): string {
  if (index >= text.length) return '';
  const cp = text.codePointAt(index) ?? 0;
  return String.fromCodePoint(cp);
}

/** Returns true when `middle` joins `left` and `right` into one word. */
function joins(left: string, middle: string, right: string): boolean {
  if (INNER_JOINER.test(middle)) return WORD_CHAR.test(left) && WORD_CHAR.test(right);
  if (DIGIT_SEPARATOR.test(middle)) return DIGIT.test(left) && DIGIT.test(right);
  return false;
}

/** Returns true when offset `index` of `text` is not inside a word (nor inside a surrogate pair). */
export function isWordBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true;
  if (splitsSurrogatePair(text, index)) return false;
  const a = codePointBefore(text, index);
  const b = codePointAfter(text, index);
  if (WORD_CHAR.test(a) && WORD_CHAR.test(b)) return false;
  const beforeA = codePointBefore(text, index - a.length);
  const afterB = codePointAfter(text, index + b.length);
  return !joins(a, b, afterB) && !joins(beforeA, a, b);
}

/** Returns a test for word boundaries of `text` (see isWordBoundary). */
export function wordBoundaryTest(text: string): BoundaryTest {
  return (index) => isWordBoundary(text, index);
}

// How much text before an offset the grapheme test looks at. UAX #29 rules look back at most
// one cluster (a ZWJ emoji sequence is ~11 code units), except regional-indicator parity, which
// the window start handles separately. Range 16-256: larger only costs time.
const GRAPHEME_LOOKBEHIND = 32;
// Only the code point after an offset matters to UAX #29; 8 units is a margin.
const GRAPHEME_LOOKAHEAD = 8;
const REGIONAL_INDICATOR = /^\p{Regional_Indicator}$/u;

/** Returns true when both code units around `index` are printable ASCII (always a boundary). */
function isBetweenAscii(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0x20 && before <= 0x7e && after >= 0x20 && after <= 0x7e;
}

/**
 * Returns a test for grapheme-cluster boundaries of `text` (UAX #29 via Intl.Segmenter), so a
 * diff never cuts an emoji ZWJ sequence, a flag or a letter from its combining accent. Each query
 * segments a small window: `Segments.containing` and iterating the whole text are both O(n) per
 * call in V8 (measured ~4 µs per cluster on Node 20), too slow for 100 kB paragraphs.
 */
export function graphemeBoundaryTest(text: string): BoundaryTest {
  // Grapheme clusters are not tailored by locale in ICU; 'und' just avoids reading the host's.
  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
  return (index) => {
    if (index <= 0 || index >= text.length) return true;
    if (isBetweenAscii(text, index)) return true;
    let lo = Math.max(0, index - GRAPHEME_LOOKBEHIND);
    if (splitsSurrogatePair(text, lo)) lo--;
    // Flags pair regional indicators from the start of their run (GB12, GB13), so start the
    // window before the whole run or the pairing comes out shifted by one.
    while (lo > 0 && REGIONAL_INDICATOR.test(codePointBefore(text, lo))) lo -= 2;
    const window = text.slice(lo, index + GRAPHEME_LOOKAHEAD);
    return segmenter.segment(window).containing(index - lo)?.index === index - lo;
  };
}
