/**
 * Page chrome: the lines a scraper copies from around an article (navigation, widgets, the
 * copyright notice). They are kept as `boilerplate` segments, never deleted, so the stored article
 * still matches what was pasted and an editor can see what was set aside.
 */

/**
 * Chrome lines seen on scraped asiae.co.kr English article pages (corpus/ and the dev set), matched
 * as whole lines, case-insensitively, with inner whitespace collapsed. Known chrome anywhere in the
 * article, so a Hangul entry here is boilerplate even after the headline.
 */
export const BOILERPLATE_LINES: readonly string[] = [
  '본문 바로가기', // "skip to main content" link
  'bar_progress', // reading-progress bar element id
  'Text Size', // font-size widget
  'Close', // font-size widget's close button
  'Special Coverage', // related-stories rail
  'Join us on social!', // social links footer
  'Top', // back-to-top link
];

/**
 * Hangul-only lines before any content are navigation ("본문 바로가기", "전체메뉴"); this caps their
 * length in words (range 1-10) so an untranslated short headline is not swallowed as chrome.
 */
export const NAVIGATION_MAX_WORDS = 4;

const KNOWN_LINES = new Set(BOILERPLATE_LINES.map(normaliseChrome));
/** The longest known chrome line, collapsed: a longer line can only match if collapsing its spaces shortens it. */
const KNOWN_LINE_MAX = Math.max(...[...KNOWN_LINES].map((l) => l.length));

/**
 * A copyright notice. "©" and "ⓒ" (the circled letter Korean news sites use) mark it at once; a
 * leading "Copyright" must be followed by a sign, a year or "by", or the line must say "All rights
 * reserved", so that a body sentence about copyright law is not taken for chrome. A leading "(c)"
 * alone is not enough: it is also the third item of a list.
 */
const COPYRIGHT_SIGN = /^[©ⓒ]/;
const COPYRIGHT_WORD = /^copyright\s*(?:[©ⓒ]|\(c\)|\d{4}|by\b)/i;
const COPYRIGHT_WORD_ONLY = /^copyright\b/i;
const ALL_RIGHTS_RESERVED = /all rights reserved\.?$/i;

/** A lone snake_case token such as "bar_progress": an element id scraped with the text, never prose. */
const SCRAPED_IDENTIFIER = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/i;

/** Hangul syllables and jamo separated by single runs of spaces, nothing else. */
const HANGUL_WORDS = /^\p{Script=Hangul}+(?:\s+\p{Script=Hangul}+)*$/u;

/** Where a line stands, which decides whether Hangul-only navigation can be chrome. */
export interface ChromeContext {
  /** True while no content line (headline or later) has been seen. */
  readonly isBeforeContent: boolean;
}

/** Returns true when the line is page chrome rather than article text. */
export function isBoilerplateLine(line: string, ctx: ChromeContext): boolean {
  const text = line.trim();
  // Guard: blank lines separate blocks; they are never segments of their own.
  if (text === '') return false;
  if (isKnownChrome(text)) return true;
  if (isCopyrightLine(text)) return true;
  if (SCRAPED_IDENTIFIER.test(text)) return true;
  return ctx.isBeforeContent && isNavigationLine(text);
}

function isKnownChrome(text: string): boolean {
  // Guard: a body paragraph is neither lower-cased nor copied; only a line with a run of spaces
  // (or tabs) can collapse down to a known line's length.
  if (text.length > KNOWN_LINE_MAX && !/\s\s/.test(text)) return false;
  return KNOWN_LINES.has(normaliseChrome(text));
}

function isCopyrightLine(text: string): boolean {
  if (COPYRIGHT_SIGN.test(text) || COPYRIGHT_WORD.test(text)) return true;
  return COPYRIGHT_WORD_ONLY.test(text) && ALL_RIGHTS_RESERVED.test(text);
}

function isNavigationLine(text: string): boolean {
  // Guard: checked before the regex so a 100 kB line is not scanned for a short menu label.
  if (text.length > 40) return false;
  return HANGUL_WORDS.test(text) && text.split(/\s+/).length <= NAVIGATION_MAX_WORDS;
}

function normaliseChrome(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}
