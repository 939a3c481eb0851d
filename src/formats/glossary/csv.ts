import { stringify } from 'csv-stringify/sync';
import type { Concept } from '../../core/glossary/types.js';
import { SAFE_CSV_CAST } from '../csv-safe.js';
import { exportableConcepts } from './exportable.js';
import { cleanTerm, cleanText } from './text.js';

/**
 * The columns of Copydesk's glossary CSV, in order; one row per term.
 * - concept_id: the concept's id ("c12"); rows with the same id are one concept;
 * - type: person, organisation, place, title or term;
 * - lang: the term's language ("en", "ko");
 * - term, status (preferred, admitted, deprecated), term_note;
 * - concept_note, origin, created_from (the provenance source: an article, a correction, a file),
 *   created_by, created_at, modified_by, modified_at: the concept's, repeated on each of its rows
 *   so a sorted or filtered spreadsheet keeps them.
 * "created_from", not "source", because "source" means the source-language term in the
 * two-column layouts (DeepL, Weblate, Google).
 */
export const GLOSSARY_CSV_COLUMNS = [
  'concept_id',
  'type',
  'lang',
  'term',
  'status',
  'term_note',
  'concept_note',
  'origin',
  'created_from',
  'created_by',
  'created_at',
  'modified_by',
  'modified_at',
] as const;

/** One column of the glossary CSV. */
export type GlossaryCsvColumn = (typeof GLOSSARY_CSV_COLUMNS)[number];

/**
 * Returns the glossary as CSV: the GLOSSARY_CSV_COLUMNS header, then one row per term, concepts
 * and terms in order. UTF-8 without a BOM; records end in CRLF and fields holding a comma, a quote
 * or a line break are quoted, quotes doubled (RFC 4180 §2). A cell a spreadsheet would run as a
 * formula (one starting with =, +, -, @, a tab or a carriage return) is written with a single
 * quote in front, and quoted (see neutraliseFormula); importing the file takes that one quote off
 * again (restoreFormula), so an export re-imports to the same terms and notes.
 */
export function writeGlossaryCsv(concepts: readonly Concept[]): string {
  const rows = exportableConcepts(concepts).flatMap((concept) => {
    const p = concept.provenance;
    const shared = {
      concept_note: cleanText(concept.note ?? ''),
      origin: cleanText(p.origin),
      created_from: cleanText(p.source ?? ''),
      created_by: cleanText(p.createdBy),
      created_at: cleanText(p.createdAt),
      modified_by: cleanText(p.modifiedBy ?? ''),
      modified_at: cleanText(p.modifiedAt ?? ''),
    };
    return concept.terms
      .filter((t) => cleanTerm(t.text) !== '')
      .map((term) => {
        const row: Record<GlossaryCsvColumn, string> = {
          concept_id: concept.id,
          type: concept.type,
          lang: term.lang,
          term: cleanTerm(term.text),
          status: term.status,
          term_note: cleanText(term.note ?? ''),
          ...shared,
        };
        return GLOSSARY_CSV_COLUMNS.map((column) => row[column]);
      });
  });
  return writeCsvRecords([[...GLOSSARY_CSV_COLUMNS], ...rows]);
}

/**
 * Returns records as RFC 4180 CSV (CRLF, quoting as needed), formulas neutralised (see
 * neutraliseFormula); shared by the glossary, DeepL and Google writers.
 */
export function writeCsvRecords(records: readonly (readonly string[])[]): string {
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a bare LF, which
  // notes keep as their line break: quoted_match quotes those too, as RFC 4180 §2.6 requires.
  return stringify(records.map((r) => [...r]), { record_delimiter: '\r\n', quoted_match: /[\r\n]/, cast: SAFE_CSV_CAST });
}
