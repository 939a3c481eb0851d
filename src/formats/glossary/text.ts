/**
 * The one normal form every glossary writer and reader puts text into, so that a file written,
 * read and written again is byte-identical, whatever the format.
 */

/**
 * Characters XML 1.0 cannot carry (§2.2 Char: C0 controls other than tab, LF and CR; U+FFFE and
 * U+FFFF; unpaired surrogates). Dropped from every format, not only TBX, so all formats hold the same text.
 */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Returns `text` with line breaks as LF (an XML parser turns CR LF and lone CR into LF anyway,
 * XML 1.0 §2.11), the characters XML cannot carry dropped, and the ends trimmed.
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML_CHAR, '').trim();
}

/**
 * Returns a term's text cleaned, every run of white space (line breaks and tabs included) made one
 * space: a term is one line (a pretty-printer may wrap one in TBX; DeepL refuses tabs and line
 * breaks in entries), and the checks match it against running text word by word.
 */
export function cleanTerm(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ');
}

/** Returns the cleaned text, or undefined when nothing is left (an empty note is no note). */
export function cleanOptional(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const cleaned = cleanText(text);
  return cleaned === '' ? undefined : cleaned;
}

/**
 * Hangul: Jamo, compatibility Jamo, Jamo Extended-A/B, syllables and halfwidth Jamo (Unicode 15
 * code charts; the same ranges as the untranslated check).
 */
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7A3\uD7B0-\uD7FF\uFFA0-\uFFDC]/;

/** Returns whether `text` holds any Hangul, which marks a Korean form when a file gives no language. */
export function hasHangul(text: string): boolean {
  return HANGUL.test(text);
}
