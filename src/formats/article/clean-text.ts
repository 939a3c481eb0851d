/**
 * Characters XML 1.0 cannot carry (§2.2, production [2] Char): C0 controls other than tab, LF
 * and CR; U+FFFE and U+FFFF; and lone UTF-16 surrogates (half a character, which UTF-8 cannot
 * encode either). No u flag, so the pattern sees surrogates one code unit at a time.
 */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** U+FFFD REPLACEMENT CHARACTER: what a UTF-8 decoder puts where it met something it cannot represent. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * Returns the text as every export writes it: each character XML 1.0 forbids replaced by U+FFFD
 * (one code unit for one, so offsets are kept and the reader sees that something was there), and
 * CR LF / lone CR turned into LF, as an XML parser would (§2.11) and as the store saves edits.
 * Every format uses it, so the text, Markdown, JSON Lines and XML exports say the same thing.
 * (XLIFF 2's `<cp hex>` could carry the controls, but its Schematron rule F25 refuses U+FFFE/FFFF
 * and pretty-printed mixed content would change the text; one rule for every format is simpler.)
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML_CHAR, REPLACEMENT_CHARACTER);
}

/**
 * Returns the text fit for an XML attribute: cleaned, and with whitespace runs collapsed to one
 * space and trimmed. A parser would turn tab and newline into spaces anyway (XML 1.0 §3.3.3).
 */
export function cleanAttribute(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}
