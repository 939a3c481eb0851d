import { hasHangul } from './text.js';

/**
 * What a CSV column holds, chosen per column in the import form.
 * Term rows (one row per term, like Copydesk's own CSV): `term` with `lang`, `status`, `note`.
 * Concept rows (one row per concept, like DeepL's, Google's and most spreadsheets): `preferred`
 * (the English form to use), `admitted` and `deprecated` (English variants; several in one cell
 * separated by "|", as Trados does), `korean` (the Korean source form).
 * Either layout: `concept_id` (rows with the same id make one concept), `type`, `concept_note`,
 * the provenance columns, and `ignore`.
 */
export type CsvColumnRole =
  | 'concept_id'
  | 'type'
  | 'lang'
  | 'term'
  | 'status'
  | 'note'
  | 'concept_note'
  | 'korean'
  | 'preferred'
  | 'admitted'
  | 'deprecated'
  | 'origin'
  | 'created_from'
  | 'created_by'
  | 'created_at'
  | 'modified_by'
  | 'modified_at'
  | 'ignore';

/** Every role, in the order the import form lists them. */
export const CSV_COLUMN_ROLES: readonly CsvColumnRole[] = [
  'term', 'lang', 'status', 'note', 'preferred', 'admitted', 'deprecated', 'korean', 'concept_id', 'type',
  'concept_note', 'origin', 'created_from', 'created_by', 'created_at', 'modified_by', 'modified_at', 'ignore',
];

/** The roles of a one-term-per-row file (a mapping uses these or CONCEPT_ROW_ROLES, not both). */
export const TERM_ROW_ROLES: readonly CsvColumnRole[] = ['term', 'lang', 'status', 'note'];

/** The roles of a one-concept-per-row file (a mapping uses these or TERM_ROW_ROLES, not both). */
export const CONCEPT_ROW_ROLES: readonly CsvColumnRole[] = ['preferred', 'admitted', 'deprecated', 'korean'];

/** Roles that may be given to several columns; every other role but `ignore` to one at most. */
const REPEATABLE: ReadonlySet<CsvColumnRole> = new Set(['admitted', 'deprecated', 'ignore']);

/** How to read a CSV file: the delimiter, whether the first record is a header, and each column's role by position. */
export interface CsvMapping {
  readonly delimiter: CsvDelimiter;
  readonly hasHeader: boolean;
  readonly columns: readonly CsvColumnRole[];
}

/** The delimiters read: comma (RFC 4180, Google, DeepL), semicolon (Lokalise, memoQ, European Excel) and tab (TSV). */
export type CsvDelimiter = ',' | ';' | '\t';

/**
 * Header names recognised for each role, normalised (lower case, spaces and hyphens as "_"):
 * Copydesk's own columns, then what DeepL, Google, Weblate, Phrase, Lokalise and Crowdin exports
 * call them (docs/reference/formats.md §4).
 */
const HEADER_NAMES: Readonly<Record<Exclude<CsvColumnRole, 'ignore'>, readonly string[]>> = {
  concept_id: ['concept_id', 'concept', 'conceptid', 'id', 'entry_id', 'entry'],
  type: ['type', 'concept_type', 'category', 'kind'],
  lang: ['lang', 'language', 'locale', 'xml:lang'],
  term: ['term', 'text'],
  status: ['status', 'administrative_status', 'administrativestatus', 'term_status'],
  note: ['term_note', 'note', 'notes', 'comment', 'comments'],
  concept_note: ['concept_note', 'description', 'definition'],
  korean: ['ko', 'ko_kr', 'korean', 'hangul', 'korean_form'],
  preferred: ['preferred', 'preferred_term', 'target', 'en', 'en_us', 'en_gb', 'english', 'translation'],
  admitted: ['admitted', 'admitted_terms', 'allowed', 'variants', 'synonyms'],
  deprecated: ['deprecated', 'deprecated_terms', 'forbidden', 'rejected', 'avoid', 'wrong', 'incorrect'],
  origin: ['origin'],
  created_from: ['created_from', 'provenance'],
  created_by: ['created_by', 'author', 'creator'],
  created_at: ['created_at', 'created', 'creation_date', 'date'],
  modified_by: ['modified_by', 'modifier', 'last_modified_by'],
  modified_at: ['modified_at', 'modified', 'last_modified'],
};

/**
 * Returns the mapping to offer for a file, from its first record and a few more:
 * - a first record most of whose cells name known columns is a header, each column mapped by name ("source" is the
 *   Korean form when its cells hold Hangul, else a deprecated form; unknown names are ignored);
 * - otherwise there is no header: two columns are DeepL/Google `source,target` pairs (Korean ->
 *   preferred when the first column holds Hangul, else deprecated -> preferred); four columns
 *   whose last two are language codes are DeepL's UI export `source,target,source_lang,target_lang`;
 *   anything else maps its first column to `term`.
 */
export function suggestMapping(records: readonly (readonly string[])[], delimiter: CsvDelimiter): CsvMapping {
  const [first = [], ...rest] = records;
  const sample = rest.slice(0, 20);
  const named = first.map((name) => roleOfHeader(name));
  // A header when most of its cells are column names: "조태열,Cho Tae-yul,ko,en" is data that
  // happens to hold two language codes, "ko,en,pos,description" is Google's header.
  const filled = first.filter((name) => name.trim() !== '');
  const recognised = first.filter((name, i) => named[i] !== undefined || normaliseHeader(name) === 'source').length;
  if (recognised * 2 > filled.length) {
    const columns = first.map((name, i): CsvColumnRole => {
      if (normaliseHeader(name) === 'source') return isMostlyHangul(sample.map((r) => r[i] ?? '')) ? 'korean' : 'deprecated';
      return named[i] ?? 'ignore';
    });
    return { delimiter, hasHeader: true, columns: dropRepeats(fitLayout(columns)) };
  }
  const all = records.slice(0, 20);
  const sourceRole: CsvColumnRole = isMostlyHangul(all.map((r) => r[0] ?? '')) ? 'korean' : 'deprecated';
  if (first.length === 2) return { delimiter, hasHeader: false, columns: [sourceRole, 'preferred'] };
  if (first.length === 4 && all.every((r) => isLanguageCode(r[2] ?? '') && isLanguageCode(r[3] ?? ''))) {
    const fromKorean = (first[2] ?? '').toLowerCase().startsWith('ko');
    return { delimiter, hasHeader: false, columns: [fromKorean ? 'korean' : 'deprecated', 'preferred', 'ignore', 'ignore'] };
  }
  return { delimiter, hasHeader: false, columns: first.map((_, i) => (i === 0 ? 'term' : 'ignore')) };
}

/** Returns why `mapping` cannot read a file of `fieldCount` columns, or undefined when it can. */
export function mappingProblem(mapping: CsvMapping, fieldCount: number): string | undefined {
  if (mapping.columns.length !== fieldCount) {
    return `The mapping gives roles to ${mapping.columns.length} columns, but the file has ${fieldCount}. Choose a role for each column.`;
  }
  const seen = new Map<CsvColumnRole, number>();
  for (const [i, role] of mapping.columns.entries()) {
    const before = seen.get(role);
    if (before !== undefined && !REPEATABLE.has(role)) return `Columns ${before + 1} and ${i + 1} are both mapped to "${role}". Give that role to one column.`;
    seen.set(role, i);
  }
  const termRows = mapping.columns.some((r) => TERM_ROW_ROLES.includes(r));
  const conceptRows = mapping.columns.some((r) => CONCEPT_ROW_ROLES.includes(r));
  if (termRows && conceptRows) {
    return 'The mapping mixes one-term-per-row columns (term, lang, status, note) with one-concept-per-row columns (preferred, admitted, deprecated, korean). Use one kind.';
  }
  if (termRows && !seen.has('term')) return 'No column is mapped to "term". Choose the column that holds the terms.';
  if (!termRows && !conceptRows) return 'No column holds terms. Map a column to "term", or to "preferred", "korean", "admitted" or "deprecated".';
  return undefined;
}

function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function roleOfHeader(name: string): CsvColumnRole | undefined {
  const key = normaliseHeader(name);
  for (const [role, names] of Object.entries(HEADER_NAMES) as [CsvColumnRole, readonly string[]][]) {
    if (names.includes(key)) return role;
  }
  return undefined;
}

/**
 * Makes a by-name mapping use one layout: with a "term" column, one term per row (columns named
 * like preferred/ko are ignored for the editor to reassign); without, one concept per row, where a
 * "note" column is the concept's note and lang/status columns have nothing to apply to.
 */
function fitLayout(columns: readonly CsvColumnRole[]): CsvColumnRole[] {
  if (columns.includes('term')) return columns.map((role) => (CONCEPT_ROW_ROLES.includes(role) ? 'ignore' : role));
  if (!columns.some((r) => CONCEPT_ROW_ROLES.includes(r))) return [...columns];
  return columns.map((role) => (role === 'note' ? 'concept_note' : role === 'lang' || role === 'status' ? 'ignore' : role));
}

/** A second column mapped by name to a one-column role is ignored rather than rejected. */
function dropRepeats(columns: readonly CsvColumnRole[]): CsvColumnRole[] {
  const seen = new Set<CsvColumnRole>();
  return columns.map((role) => {
    if (REPEATABLE.has(role)) return role;
    if (seen.has(role)) return 'ignore';
    seen.add(role);
    return role;
  });
}

function isMostlyHangul(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.filter(hasHangul).length * 2 >= filled.length;
}

function isLanguageCode(cell: string): boolean {
  return /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(cell.trim());
}
