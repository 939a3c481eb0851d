/**
 * Fingerprints for flags on a span of text. A fingerprint must survive re-runs and edits elsewhere
 * in the article, so it is built from the check id, what the flag is about and a short hash of the
 * words around the span, never from offsets (STYLE.md, "Checks"). Core code may not import
 * node:crypto, so the hash is FNV-1a (32-bit), which is enough to tell neighbourhoods apart.
 */

/** How many whitespace-separated words on each side of a span go into its context (range 1-10). */
export const CONTEXT_WORDS = 3;

/** Characters looked at on each side of a span when collecting its context words; bounds the work on a 100 kB paragraph. */
const CONTEXT_WINDOW = 200;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Returns the FNV-1a hash of the string's UTF-16 code units as 8 hex digits. */
export function hashText(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Returns up to CONTEXT_WORDS words before and after text.slice(start, end), joined by single spaces around a "|". */
export function spanContext(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - CONTEXT_WINDOW), start).split(/\s+/u).filter(Boolean).slice(-CONTEXT_WORDS);
  const after = text.slice(end, end + CONTEXT_WINDOW).split(/\s+/u).filter(Boolean).slice(0, CONTEXT_WORDS);
  return `${before.join(' ')}|${after.join(' ')}`;
}

/** Returns `checkId|part|…|hash-of-context` for a flag on text.slice(start, end); never empty. */
export function spanFingerprint(checkId: string, parts: readonly string[], text: string, start: number, end: number): string {
  return [checkId, ...parts, hashText(spanContext(text, start, end))].join('|');
}
