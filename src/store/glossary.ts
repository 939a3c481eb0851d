import type { Db } from './open-db.js';
import { statement } from './statements.js';
import { groupCorpusCorrections, listStandingCorrections } from './corrections.js';
import type { Concept, ConceptType, Term, TermStatus } from '../core/glossary/types.js';

/** A concept to store: everything but the id and the provenance times, which the store sets. */
export interface ConceptInput {
  readonly type: ConceptType;
  readonly note?: string | undefined;
  readonly terms: readonly Term[];
}

/** One entry of a concept's history. */
export interface ConceptHistoryRow {
  readonly action: string;
  readonly author: string;
  readonly createdAt: string;
  readonly snapshot: Concept;
}

interface ConceptDbRow {
  id: number; type: ConceptType; note: string; origin: string; source: string | null;
  createdBy: string; createdAt: string; modifiedBy: string | null; modifiedAt: string | null; deletedAt: string | null;
}
interface TermDbRow { conceptId: number; text: string; lang: string; status: TermStatus; note: string }

const CONCEPT_COLUMNS = `id, type, note, origin, source, created_by AS createdBy, created_at AS createdAt,
  modified_by AS modifiedBy, modified_at AS modifiedAt, deleted_at AS deletedAt`;

/** Returns the external id of a concept row ("c12": an XML ID, as TBX needs). */
export function conceptKey(id: number): string {
  return `c${id}`;
}

/** Returns the row id of an external concept id ("c12" -> 12), or undefined. */
export function conceptRowId(key: string): number | undefined {
  const match = /^c([1-9]\d{0,12})$/.exec(key);
  return match ? Number(match[1]) : undefined;
}

function toConcept(row: ConceptDbRow, terms: readonly TermDbRow[]): Concept {
  return {
    id: conceptKey(row.id),
    type: row.type,
    note: row.note || undefined,
    terms: terms.map((t) => ({ text: t.text, lang: t.lang, status: t.status, note: t.note || undefined })),
    provenance: {
      origin: row.origin,
      source: row.source ?? undefined,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      modifiedBy: row.modifiedBy ?? undefined,
      modifiedAt: row.modifiedAt ?? undefined,
    },
  };
}

/** Returns every concept in force (not deleted), oldest first, with its terms in order. */
export function listConcepts(db: Db): Concept[] {
  const rows = statement(db, `SELECT ${CONCEPT_COLUMNS} FROM concepts WHERE deleted_at IS NULL ORDER BY id`).all() as ConceptDbRow[];
  const terms = statement(
    db,
    `SELECT t.concept_id AS conceptId, t.text, t.lang, t.status, t.note FROM terms t
     JOIN concepts c ON c.id = t.concept_id WHERE c.deleted_at IS NULL ORDER BY t.concept_id, t.position`,
  ).all() as TermDbRow[];
  const byConcept = new Map<number, TermDbRow[]>();
  for (const t of terms) byConcept.set(t.conceptId, [...(byConcept.get(t.conceptId) ?? []), t]);
  return rows.map((r) => toConcept(r, byConcept.get(r.id) ?? []));
}

/** Returns one concept (deleted ones too, marked by `isDeleted`), or undefined. */
export function getConcept(db: Db, key: string): (Concept & { readonly isDeleted: boolean }) | undefined {
  const id = conceptRowId(key);
  if (id === undefined) return undefined;
  const row = statement(db, `SELECT ${CONCEPT_COLUMNS} FROM concepts WHERE id = ?`).get(id) as ConceptDbRow | undefined;
  if (!row) return undefined;
  const terms = statement(db, 'SELECT concept_id AS conceptId, text, lang, status, note FROM terms WHERE concept_id = ? ORDER BY position').all(id) as TermDbRow[];
  return { ...toConcept(row, terms), isDeleted: row.deletedAt !== null };
}

function writeTerms(db: Db, id: number, terms: readonly Term[]): void {
  statement(db, 'DELETE FROM terms WHERE concept_id = ?').run(id);
  const insert = statement(db, 'INSERT INTO terms (concept_id, position, text, lang, status, note) VALUES (?, ?, ?, ?, ?, ?)');
  terms.forEach((t, position) => insert.run(id, position, t.text, t.lang, t.status, t.note ?? ''));
}

function recordHistory(db: Db, id: number, action: string, author: string, now: string): void {
  const concept = getConcept(db, conceptKey(id));
  statement(db, 'INSERT INTO concept_history (concept_id, action, snapshot, author, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, action, JSON.stringify(concept), author, now);
}

function insertConcept(db: Db, input: ConceptInput, meta: { origin: string; source?: string | undefined; author: string; now: string }): string {
  const { lastInsertRowid } = statement(db, 'INSERT INTO concepts (type, note, origin, source, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(input.type, input.note ?? '', meta.origin, meta.source ?? null, meta.author, meta.now);
  const id = Number(lastInsertRowid);
  writeTerms(db, id, input.terms);
  recordHistory(db, id, 'created', meta.author, meta.now);
  return conceptKey(id);
}

/** Stores a new concept with its terms and provenance; returns its id ("c12"). */
export function createConcept(db: Db, input: ConceptInput, meta: { origin: string; source?: string | undefined; author: string; now: string }): string {
  return db.transaction(() => insertConcept(db, input, meta)).immediate();
}

/** Stores several concepts at once (an import): all or none; returns their ids. */
export function createConcepts(db: Db, inputs: readonly ConceptInput[], meta: { origin: string; source?: string | undefined; author: string; now: string }): string[] {
  return db.transaction(() => inputs.map((input) => insertConcept(db, input, meta))).immediate();
}

/** Replaces a concept's type, note and terms, keeping a snapshot in its history; returns false when there is no such concept in force. */
export function updateConcept(db: Db, key: string, input: ConceptInput, meta: { author: string; now: string }): boolean {
  const id = conceptRowId(key);
  if (id === undefined) return false;
  return db.transaction(() => {
    const changed = statement(db, 'UPDATE concepts SET type = ?, note = ?, modified_by = ?, modified_at = ? WHERE id = ? AND deleted_at IS NULL')
      .run(input.type, input.note ?? '', meta.author, meta.now, id).changes;
    if (changed !== 1) return false;
    writeTerms(db, id, input.terms);
    recordHistory(db, id, 'edited', meta.author, meta.now);
    return true;
  }).immediate();
}

/** Marks a concept deleted (it leaves the glossary, its history stays); returns false when there was none in force. */
export function deleteConcept(db: Db, key: string, meta: { author: string; now: string }): boolean {
  const id = conceptRowId(key);
  if (id === undefined) return false;
  return db.transaction(() => {
    const changed = statement(db, 'UPDATE concepts SET deleted_by = ?, deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(meta.author, meta.now, id).changes;
    if (changed !== 1) return false;
    recordHistory(db, id, 'deleted', meta.author, meta.now);
    return true;
  }).immediate();
}

/** Returns a concept's history, newest first. */
export function listConceptHistory(db: Db, key: string): ConceptHistoryRow[] {
  const id = conceptRowId(key);
  if (id === undefined) return [];
  const rows = statement(db, 'SELECT action, author, created_at AS createdAt, snapshot FROM concept_history WHERE concept_id = ? ORDER BY id DESC').all(id) as {
    action: string; author: string; createdAt: string; snapshot: string;
  }[];
  return rows.map((r) => ({ action: r.action, author: r.author, createdAt: r.createdAt, snapshot: JSON.parse(r.snapshot) as Concept }));
}

/** Returns a value that changes whenever the glossary changes (the newest history entry). */
export function glossaryStamp(db: Db): number {
  return (statement(db, 'SELECT COALESCE(MAX(id), 0) AS n FROM concept_history').get() as { n: number }).n;
}

/** Records that a correction-memory suggestion was accepted (with the concept made from it) or rejected. */
export function decideSuggestion(db: Db, mtText: string, editText: string, decision: 'accepted' | 'rejected', meta: { conceptKey?: string; author: string; now: string }): void {
  statement(db, 'INSERT OR REPLACE INTO suggestion_decisions (mt_text, edit_text, decision, concept_id, author, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(mtText, editText, decision, meta.conceptKey ? (conceptRowId(meta.conceptKey) ?? null) : null, meta.author, meta.now);
}

/** A correction repeated in the corpus, offered as a glossary entry. */
export interface CorrectionSuggestion {
  readonly mtText: string;
  readonly editText: string;
  readonly count: number;
  readonly articles: readonly { readonly id: number; readonly title: string }[];
}

/** Returns the corrections made at least `minCount` times (current revisions, all articles) that no one has accepted or rejected yet, most frequent first. */
export function listCorrectionSuggestions(db: Db, minCount = 2): CorrectionSuggestion[] {
  const decided = new Set(
    (statement(db, 'SELECT mt_text AS mtText, edit_text AS editText FROM suggestion_decisions').all() as { mtText: string; editText: string }[])
      .map((d) => `${d.mtText}\u0000${d.editText}`),
  );
  return groupCorpusCorrections(listStandingCorrections(db).filter((r) => r.editText !== '' && !decided.has(`${r.mtText}\u0000${r.editText}`)))
    .filter((g) => g.count >= minCount)
    .sort((a, b) => b.count - a.count || a.mtText.localeCompare(b.mtText))
    .map((g) => ({ mtText: g.mtText, editText: g.editText, count: g.count, articles: g.articles.map((a) => ({ id: Number(a.key), title: a.title })) }));
}

/** Stores concepts read from a file, keeping the provenance they carry (all or none); returns their new ids. */
export function importConcepts(db: Db, concepts: readonly Concept[]): string[] {
  return db.transaction(() =>
    concepts.map((c) =>
      insertConcept(db, { type: c.type, note: c.note, terms: c.terms }, {
        origin: c.provenance.origin,
        source: c.provenance.source,
        author: c.provenance.createdBy,
        now: c.provenance.createdAt,
      }),
    ),
  ).immediate();
}

/** A CSV upload waiting for its column mapping. */
export interface PendingImport {
  readonly id: number;
  readonly name: string;
  readonly content: string;
  readonly author: string;
}

/** Keeps a CSV upload until its columns are mapped; returns its id. */
export function savePendingImport(db: Db, name: string, content: string, meta: { author: string; now: string }): number {
  return Number(statement(db, 'INSERT INTO pending_imports (name, content, author, created_at) VALUES (?, ?, ?, ?)').run(name, content, meta.author, meta.now).lastInsertRowid);
}

/** Returns a pending CSV upload, or undefined. */
export function getPendingImport(db: Db, id: number): PendingImport | undefined {
  return statement(db, 'SELECT id, name, content, author FROM pending_imports WHERE id = ?').get(id) as PendingImport | undefined;
}

/** Imports a pending upload's concepts and forgets the upload, in one transaction; returns the new ids. */
export function completePendingImport(db: Db, id: number, concepts: readonly Concept[]): string[] {
  return db.transaction(() => {
    const ids = importConcepts(db, concepts);
    statement(db, 'DELETE FROM pending_imports WHERE id = ?').run(id);
    return ids;
  }).immediate();
}
