import type { Concept } from '../../core/glossary/types.js';
import { writeCsvRecords } from './csv.js';
import { deprecatedToPreferred, koreanToPreferred, type TermPairs } from './pairs.js';

/**
 * Which pairs a DeepL glossary file holds:
 * - "ko-en" (the default): Korean form -> preferred English, one entry per Korean form. This is
 *   what DeepL applies when translating Korean to English (a glossary is one language pair, one
 *   direction; source_lang=ko, target_lang=en when uploading).
 * - "en-en": deprecated English -> preferred English, the corrections. DeepL itself only accepts
 *   glossaries between two different languages; this variant is for post-editing scripts and
 *   tools that read the same two-column layout (Weblate's "Simple CSV", find-and-replace lists).
 */
export type DeeplVariant = 'ko-en' | 'en-en';

/** The variant exported when none is chosen. */
export const DEFAULT_DEEPL_VARIANT: DeeplVariant = 'ko-en';

/** Returns the pairs a DeepL export of `variant` holds, and what was left out. */
export function deeplPairs(concepts: readonly Concept[], variant: DeeplVariant = DEFAULT_DEEPL_VARIANT): TermPairs {
  return variant === 'ko-en' ? koreanToPreferred(concepts) : deprecatedToPreferred(concepts);
}

/**
 * Returns a DeepL glossary in its CSV entries format: one `source,target` entry per line, no
 * header, RFC 4180 quoting, UTF-8 without a BOM (DeepL API glossary reference, formats.md §4).
 * Entries DeepL would refuse are left out (see deeplPairs' warnings).
 */
export function writeDeeplCsv(concepts: readonly Concept[], variant: DeeplVariant = DEFAULT_DEEPL_VARIANT): string {
  return writeCsvRecords(deeplPairs(concepts, variant).pairs.map((p) => [p.source, p.target]));
}
