import type { Concept } from '../../core/glossary/types.js';
import { writeCsvRecords } from './csv.js';
import { exportableConcepts } from './exportable.js';
import { koreanToPreferred, preferredEnglish } from './pairs.js';
import { cleanTerm, cleanText } from './text.js';

/**
 * Which of Google Cloud Translation v3's glossary CSV layouts to write (formats.md §4):
 * - "equivalent-terms" (the default): a header `ko,en,pos,description` (language codes as column
 *   names, then Google's optional pos and description columns), one row per concept: its Korean
 *   form, its preferred English form, "noun", its note. Works in both directions.
 * - "unidirectional": no header, `source_term,target_term` rows, Korean form -> preferred English.
 */
export type GoogleLayout = 'equivalent-terms' | 'unidirectional';

/** The layout exported when none is chosen. */
export const DEFAULT_GOOGLE_LAYOUT: GoogleLayout = 'equivalent-terms';

/** The header of the equivalent-term-sets layout. */
export const GOOGLE_EQUIVALENT_HEADER = ['ko', 'en', 'pos', 'description'] as const;

/** Returns the CSV records of a Google glossary in `layout` (header included), and what was left out. */
export function googleRecords(concepts: readonly Concept[], layout: GoogleLayout = DEFAULT_GOOGLE_LAYOUT): { records: string[][]; warnings: string[] } {
  if (layout === 'unidirectional') {
    const { pairs, warnings } = koreanToPreferred(concepts);
    return { records: pairs.map((p) => [p.source, p.target]), warnings };
  }
  const records: string[][] = [[...GOOGLE_EQUIVALENT_HEADER]];
  let skipped = 0;
  for (const concept of exportableConcepts(concepts)) {
    // One term per language per row: the preferred Korean form, or the first Korean form there is.
    const korean = concept.terms.find((t) => t.lang === 'ko' && t.status === 'preferred') ?? concept.terms.find((t) => t.lang === 'ko');
    const english = preferredEnglish(concept);
    if (korean === undefined || english === undefined) {
      skipped += 1;
      continue;
    }
    records.push([cleanTerm(korean.text), english, 'noun', cleanText(concept.note ?? '')]);
  }
  const warnings = skipped > 0 ? [`${skipped} ${skipped === 1 ? 'concept lacks' : 'concepts lack'} a Korean form or a preferred English term and ${skipped === 1 ? 'was' : 'were'} left out.`] : [];
  return { records, warnings };
}

/** Returns a Google Cloud Translation glossary CSV in `layout` (RFC 4180, UTF-8 without a BOM). */
export function writeGoogleCsv(concepts: readonly Concept[], layout: GoogleLayout = DEFAULT_GOOGLE_LAYOUT): string {
  return writeCsvRecords(googleRecords(concepts, layout).records);
}
