import { conceptLimitProblem } from '../../core/glossary/limits.js';
import type { Concept, ConceptType, Provenance, TermStatus } from '../../core/glossary/types.js';
import { restoreFormula } from '../csv-safe.js';
import { CONCEPT_ROW_ROLES, mappingProblem, suggestMapping, type CsvColumnRole, type CsvDelimiter, type CsvMapping } from './csv-mapping.js';
import { detectDelimiter, parseCsvRecords, type CsvRecord } from './csv-records.js';
import { checkGlossaryText } from './decode.js';
import { importedProvenance, refuse, type GlossaryReadResult, type ImportOptions } from './read-result.js';
import { cleanOptional, cleanTerm, cleanText, hasHangul } from './text.js';
import {
  STATUS_HINT,
  TYPE_HINT,
  fillMissingStatuses,
  idAllocator,
  isLanguageTag,
  isXsDate,
  normaliseConceptId,
  normaliseLanguage,
  parseConceptType,
  parseStatus,
} from './values.js';

/** What the import form shows before the editor picks the column roles. */
export interface CsvPreview {
  readonly ok: true;
  readonly delimiter: CsvDelimiter;
  /** The header record, when the suggested mapping takes the first record for one. */
  readonly header: readonly string[] | undefined;
  /** The first data records, as parsed. */
  readonly rows: readonly (readonly string[])[];
  /** How many data records the file has (blank lines not counted). */
  readonly rowCount: number;
  /** Fields in the first record. */
  readonly columnCount: number;
  readonly suggested: CsvMapping;
}

/** A preview, or why the file cannot be read as CSV at all. */
export type CsvPreviewResult = CsvPreview | { readonly ok: false; readonly message: string; readonly line?: number };

/** Returns the header, the first `rowLimit` rows and a suggested mapping of a CSV glossary (see suggestMapping). */
export function previewCsv(text: string, rowLimit = 5): CsvPreviewResult {
  const read = readRecords(text, undefined);
  if (!read.ok) return read;
  const { records, delimiter } = read;
  const suggested = suggestMapping(records.map((r) => r.fields), delimiter);
  const data = suggested.hasHeader ? records.slice(1) : records;
  return {
    ok: true,
    delimiter,
    header: suggested.hasHeader ? records[0]?.fields : undefined,
    rows: data.slice(0, rowLimit).map((r) => r.fields),
    rowCount: data.length,
    columnCount: records[0]?.fields.length ?? 0,
    suggested,
  };
}

/** Returns the concepts of a CSV glossary read with the suggested mapping, or with `mapping` when given. */
export function readGlossaryCsv(text: string, mapping?: CsvMapping, options: ImportOptions = {}): GlossaryReadResult {
  if (mapping !== undefined) return importCsv(text, mapping, options);
  const preview = previewCsv(text);
  if (!preview.ok) return refuse(preview.message, preview.line);
  return importCsv(text, preview.suggested, options);
}

/**
 * Returns the concepts of a CSV glossary read with `mapping`, or the first problem with its line:
 * a record with the wrong number of fields, an empty term, an unknown status, type or language,
 * an unusable id or date, two rows of one concept that disagree, a concept past the concept form's
 * limits (term length, number of terms, note length: core/glossary/limits.ts). Nothing is half-imported.
 * Rows with the same concept_id are one concept; a row without one is a concept of its own.
 * A term without a status is preferred when its concept has no preferred term in that language
 * yet, admitted otherwise; a term without a language is Korean when it holds Hangul, else English.
 * A cell of one or more quotes then a formula start ("'=x") loses one quote, the one our writers
 * add (see restoreFormula).
 */
export function importCsv(text: string, mapping: CsvMapping, options: ImportOptions = {}): GlossaryReadResult {
  const read = readRecords(text, mapping.delimiter);
  if (!read.ok) return refuse(read.message, read.line);
  const [first] = read.records;
  if (first === undefined) return refuse('The file holds no rows.');
  const problem = mappingProblem(mapping, first.fields.length);
  if (problem !== undefined) return refuse(problem);
  const data = mapping.hasHeader ? read.records.slice(1) : read.records;
  const width = first.fields.length;
  const drafts: Draft[] = [];
  const byId = new Map<string, Draft>();
  const tally: Tally = { guessedLang: 0, renamedIds: new Set() };
  for (const record of data) {
    if (record.fields.length !== width) {
      const against = mapping.hasHeader ? `the header has ${width}` : `line ${first.line} has ${width}`;
      return refuse(`Line ${record.line} has ${record.fields.length} ${record.fields.length === 1 ? 'field' : 'fields'}, ${against}. Check for a missing or extra delimiter ("${printable(read.delimiter)}") or an unquoted comma.`, record.line);
    }
    const row = readRow(record, mapping.columns, tally);
    if (typeof row === 'string') return refuse(row, record.line);
    const existing = row.id === undefined ? undefined : byId.get(row.id);
    if (existing === undefined) {
      const draft: Draft = { id: row.id, line: record.line, fields: new Map(), terms: [] };
      drafts.push(draft);
      if (row.id !== undefined) byId.set(row.id, draft);
    }
    const draft = existing ?? (drafts[drafts.length - 1] as Draft);
    const conflict = mergeFields(draft, row.fields, record.line);
    if (conflict !== undefined) return refuse(conflict, record.line);
    draft.terms.push(...row.terms);
  }
  const settled = settle(drafts, options, tally);
  // The concept form's limits hold for files too (security issue 11): named by the row of the term, or the concept's first row.
  for (const [i, concept] of settled.concepts.entries()) {
    const problem = conceptLimitProblem(concept);
    const draft = drafts[i];
    if (problem === undefined || draft === undefined) continue;
    const line = (problem.term === undefined ? undefined : draft.terms[problem.term]?.line) ?? draft.line;
    return refuse(`Line ${line}: ${problem.message}`, line);
  }
  return { ok: true, ...settled };
}

/** A concept-level column's value and the line it came from. */
type ConceptField = 'type' | 'concept_note' | 'origin' | 'created_from' | 'created_by' | 'created_at' | 'modified_by' | 'modified_at';
const CONCEPT_FIELDS: readonly ConceptField[] = ['type', 'concept_note', 'origin', 'created_from', 'created_by', 'created_at', 'modified_by', 'modified_at'];

/** What reading the rows adapted, for the warnings. */
interface Tally {
  guessedLang: number;
  readonly renamedIds: Set<string>;
}

interface TermDraft {
  /** The row the term is on. */
  readonly line: number;
  readonly text: string;
  readonly lang: string;
  status: TermStatus | undefined;
  readonly note: string | undefined;
}

interface Draft {
  readonly id: string | undefined;
  readonly line: number;
  readonly fields: Map<ConceptField, { readonly value: string; readonly line: number }>;
  readonly terms: TermDraft[];
}

interface Row {
  readonly id: string | undefined;
  readonly fields: Map<ConceptField, string>;
  readonly terms: TermDraft[];
}

function readRecords(text: string, delimiter: CsvDelimiter | undefined) {
  const checked = checkGlossaryText(text);
  if (!checked.ok) return checked;
  const chosen = delimiter ?? detectDelimiter(checked.text);
  const parsed = parseCsvRecords(checked.text, chosen);
  if (!parsed.ok) return parsed;
  if (parsed.records.length === 0) return { ok: false as const, message: 'The file holds only blank rows. Choose the glossary file to import.' };
  // Our CSV writers put a quote before a cell a spreadsheet would run as a formula ("'=x", issue
  // 11); take that one quote off, so an export re-imports to the same terms and notes.
  const records = parsed.records.map((r) => ({ ...r, fields: r.fields.map(restoreFormula) }));
  return { ok: true as const, records, delimiter: chosen };
}

/** Returns one record's concept fields and terms, or the problem with it as a sentence naming the line. */
function readRow(record: CsvRecord, roles: readonly CsvColumnRole[], tally: Tally): Row | string {
  const at = `Line ${record.line}`;
  const cells = (role: CsvColumnRole): string[] => roles.flatMap((r, i) => (r === role ? [record.fields[i] ?? ''] : []));
  const cell = (role: CsvColumnRole): string | undefined => (roles.includes(role) ? cleanText(cells(role)[0] ?? '') : undefined);

  let id: string | undefined;
  const rawId = cell('concept_id');
  if (rawId !== undefined && rawId !== '') {
    id = normaliseConceptId(rawId);
    if (id === undefined) return `${at}: the concept id "${rawId}" cannot be used: it must start with a letter and hold only letters, digits, ".", "-" and "_".`;
    if (id !== rawId) tally.renamedIds.add(rawId);
  }
  const fields = new Map<ConceptField, string>();
  for (const field of CONCEPT_FIELDS) {
    const value = cell(field);
    if (value !== undefined && value !== '') fields.set(field, value);
  }
  const type = fields.get('type');
  if (type !== undefined && parseConceptType(type) === undefined) return `${at}: "${type}" is not a concept type. Use ${TYPE_HINT}.`;
  for (const field of ['created_at', 'modified_at'] as const) {
    const date = fields.get(field);
    if (date !== undefined && !isXsDate(date)) return `${at}: ${field} "${date}" is not an ISO 8601 date such as 2026-11-29 or 2026-11-29T10:00:00Z.`;
  }

  const terms: TermDraft[] = [];
  if (roles.some((r) => CONCEPT_ROW_ROLES.includes(r))) {
    // One concept per row: English forms first, then the Korean form (the model's term order).
    const forms: [CsvColumnRole, string, TermStatus][] = [['preferred', 'en', 'preferred'], ['admitted', 'en', 'admitted'], ['deprecated', 'en', 'deprecated'], ['korean', 'ko', 'preferred']];
    for (const [role, lang, status] of forms) {
      for (const value of cells(role)) {
        // Several variants in one cell are separated by "|" (Trados's multi-value convention).
        const texts = role === 'admitted' || role === 'deprecated' ? value.split('|') : [value];
        for (const text of texts.map(cleanTerm).filter((t) => t !== '')) terms.push({ line: record.line, text, lang, status, note: undefined });
      }
    }
    if (terms.length === 0) return `${at} has no term in any of its term columns. Fill one in or delete the row.`;
    return { id, fields, terms };
  }

  const text = cleanTerm(cells('term')[0] ?? '');
  if (text === '') return `${at}: the term is empty. Fill it in or delete the row.`;
  const statusWord = cell('status') ?? '';
  const status = statusWord === '' ? undefined : parseStatus(statusWord);
  if (statusWord !== '' && status === undefined) return `${at}: "${statusWord}" is not a term status. Use ${STATUS_HINT}.`;
  const langWord = cell('lang') ?? '';
  if (langWord !== '' && !isLanguageTag(langWord)) return `${at}: "${langWord}" is not a language code. Use "en" or "ko" (or another BCP 47 tag).`;
  if (langWord === '' && roles.includes('lang')) tally.guessedLang += 1;
  const lang = langWord === '' ? (hasHangul(text) ? 'ko' : 'en') : normaliseLanguage(langWord);
  terms.push({ line: record.line, text, lang, status, note: cleanOptional(cell('note')) });
  return { id, fields, terms };
}

/** Takes a row's concept fields into the draft; returns the conflict when two rows of one concept disagree. */
function mergeFields(draft: Draft, fields: ReadonlyMap<ConceptField, string>, line: number): string | undefined {
  for (const [field, value] of fields) {
    const before = draft.fields.get(field);
    if (before === undefined) draft.fields.set(field, { value, line });
    else if (before.value !== value) {
      return `Line ${line} gives concept ${draft.id ?? ''} the ${field} "${value}", but line ${before.line} gave it "${before.value}". Rows of one concept must agree: make them the same or leave all but one empty.`;
    }
  }
  return undefined;
}

function settle(drafts: readonly Draft[], options: ImportOptions, tally: Tally): { concepts: Concept[]; warnings: string[] } {
  const nextId = idAllocator(new Set(drafts.flatMap((d) => (d.id === undefined ? [] : [d.id]))));
  let filled = 0;
  const concepts = drafts.map((draft): Concept => {
    filled += fillMissingStatuses(draft.terms);
    const value = (field: ConceptField): string | undefined => draft.fields.get(field)?.value;
    const provenance: Partial<Provenance> = {
      origin: value('origin'),
      source: value('created_from'),
      createdBy: value('created_by'),
      createdAt: value('created_at'),
      modifiedBy: value('modified_by'),
      modifiedAt: value('modified_at'),
    };
    const typeWord = value('type');
    const type: ConceptType = (typeWord === undefined ? undefined : parseConceptType(typeWord)) ?? 'term';
    return {
      id: draft.id ?? nextId(),
      type,
      note: value('concept_note'),
      terms: draft.terms.map((t) => ({ text: t.text, lang: t.lang, status: t.status ?? 'admitted', note: t.note })),
      provenance: importedProvenance(provenance, options),
    };
  });
  const warnings: string[] = [];
  if (filled > 0) {
    warnings.push(`${filled} ${filled === 1 ? 'term had' : 'terms had'} no status: the first of a concept's terms in a language was taken as preferred, the others as admitted.`);
  }
  if (tally.guessedLang > 0) {
    warnings.push(`${tally.guessedLang} ${tally.guessedLang === 1 ? 'term had' : 'terms had'} no language: Hangul was taken as Korean ("ko"), the rest as English ("en").`);
  }
  const renamed = tally.renamedIds.size;
  if (renamed > 0) {
    warnings.push(`${renamed} numeric concept ${renamed === 1 ? 'id was' : 'ids were'} prefixed with "c" ("12" became "c12"): ids must start with a letter.`);
  }
  if (concepts.length === 0) warnings.push('The file holds a header but no rows.');
  return { concepts, warnings };
}

function printable(delimiter: CsvDelimiter): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}
