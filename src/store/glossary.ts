import type { Store } from './store.js';
import { bumpCounter, bumpDecisions } from './counters.js';
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

/** Who made a change and where the concept came from. */
export interface ConceptMeta {
  readonly origin: string;
  readonly source?: string | undefined;
  readonly author: string;
  readonly now: string;
}

interface ConceptDbRow {
  id: number; type: string; note: string; origin: string; source: string | null;
  createdBy: string; createdAt: string; modifiedBy: string | null; modifiedAt: string | null; deletedAt: string | null;
}
interface TermDbRow { conceptId: number; text: string; lang: string; status: string; note: string }

const CONCEPT_COLUMNS = [
  'c.id', 'c.type', 'c.note', 'c.origin', 'c.source', 'c.created_by as createdBy', 'c.created_at as createdAt',
  'c.modified_by as modifiedBy', 'c.modified_at as modifiedAt', 'c.deleted_at as deletedAt',
] as const;
const TERM_COLUMNS = ['t.concept_id as conceptId', 't.text', 't.lang', 't.status', 't.note'] as const;

/** Returns the external id of a concept row ("c12": an XML ID, as TBX needs). */
export function conceptKey(id: number): string {
  return `c${id}`;
}

/** Returns the row id of an external concept id ("c12" -> 12), or undefined. */
export function conceptRowId(key: string): number | undefined {
  const match = /^c([1-9]\d{0,8})$/.exec(key);
  return match ? Number(match[1]) : undefined;
}

function toConcept(row: ConceptDbRow, terms: readonly TermDbRow[]): Concept {
  return {
    id: conceptKey(row.id),
    type: row.type as ConceptType,
    note: row.note || undefined,
    terms: terms.map((t) => ({ text: t.text, lang: t.lang, status: t.status as TermStatus, note: t.note || undefined })),
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
export async function listConcepts(store: Store): Promise<Concept[]> {
  const rows = await store.db.selectFrom('concepts as c').select(CONCEPT_COLUMNS).where('c.deleted_at', 'is', null).orderBy('c.id').execute();
  const terms = await store.db.selectFrom('terms as t').innerJoin('concepts as c', 'c.id', 't.concept_id').select(TERM_COLUMNS)
    .where('c.deleted_at', 'is', null).orderBy('t.concept_id').orderBy('t.position').execute();
  const byConcept = new Map<number, TermDbRow[]>();
  for (const t of terms) {
    const list = byConcept.get(t.conceptId);
    if (list) list.push(t);
    else byConcept.set(t.conceptId, [t]);
  }
  return rows.map((r) => toConcept(r, byConcept.get(r.id) ?? []));
}

/** Returns one concept (deleted ones too, marked by `isDeleted`), or undefined. */
export async function getConcept(store: Store, key: string): Promise<(Concept & { readonly isDeleted: boolean }) | undefined> {
  const id = conceptRowId(key);
  if (id === undefined) return undefined;
  const row = await store.db.selectFrom('concepts as c').select(CONCEPT_COLUMNS).where('c.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const terms = await store.db.selectFrom('terms as t').select(TERM_COLUMNS).where('t.concept_id', '=', id).orderBy('t.position').execute();
  return { ...toConcept(row, terms), isDeleted: row.deletedAt !== null };
}

async function writeTerms(store: Store, id: number, terms: readonly Term[]): Promise<void> {
  await store.db.deleteFrom('terms').where('concept_id', '=', id).execute();
  if (terms.length === 0) return;
  await store.db.insertInto('terms').values(terms.map((t, position) => ({ concept_id: id, position, text: t.text, lang: t.lang, status: t.status, note: t.note ?? '' }))).execute();
}

async function recordHistory(store: Store, id: number, action: string, author: string, now: string): Promise<void> {
  const concept = await getConcept(store, conceptKey(id));
  await store.db.insertInto('concept_history').values({ concept_id: id, action, snapshot: JSON.stringify(concept), author, created_at: now }).execute();
}

async function insertConcept(store: Store, input: ConceptInput, meta: ConceptMeta): Promise<string> {
  const { id } = await store.db.insertInto('concepts')
    .values({ type: input.type, note: input.note ?? '', origin: meta.origin, source: meta.source ?? null, created_by: meta.author, created_at: meta.now })
    .returning('id').executeTakeFirstOrThrow();
  await writeTerms(store, id, input.terms);
  await recordHistory(store, id, 'created', meta.author, meta.now);
  return conceptKey(id);
}

/** Stores a new concept with its terms and a first history entry; returns its id ("c12"). */
export async function createConcept(store: Store, input: ConceptInput, meta: ConceptMeta): Promise<string> {
  return (await createConcepts(store, [input], meta))[0] as string;
}

/** Stores several concepts at once, each with the provenance given (an import keeps a file's own): all or none; returns their ids. */
export async function createConcepts(store: Store, inputs: readonly ConceptInput[], meta: ConceptMeta | readonly ConceptMeta[]): Promise<string[]> {
  return store.transaction(async (tx) => {
    const ids: string[] = [];
    for (const [i, input] of inputs.entries()) ids.push(await insertConcept(tx, input, Array.isArray(meta) ? (meta[i] as ConceptMeta) : (meta as ConceptMeta)));
    await bumpDecisions(tx);
    return ids;
  });
}

/** Replaces a concept's type, note and terms, keeping a snapshot in its history; returns false when there is no such concept in force. */
export async function updateConcept(store: Store, key: string, input: ConceptInput, meta: { author: string; now: string }): Promise<boolean> {
  const id = conceptRowId(key);
  if (id === undefined) return false;
  return store.transaction(async (tx) => {
    const result = await tx.db.updateTable('concepts').set({ type: input.type, note: input.note ?? '', modified_by: meta.author, modified_at: meta.now })
      .where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await writeTerms(tx, id, input.terms);
    await recordHistory(tx, id, 'edited', meta.author, meta.now);
    await bumpDecisions(tx);
    return true;
  });
}

/** Marks a concept deleted (it leaves the glossary, its history stays); returns false when there was none in force. */
export async function deleteConcept(store: Store, key: string, meta: { author: string; now: string }): Promise<boolean> {
  const id = conceptRowId(key);
  if (id === undefined) return false;
  return store.transaction(async (tx) => {
    const result = await tx.db.updateTable('concepts').set({ deleted_by: meta.author, deleted_at: meta.now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordHistory(tx, id, 'deleted', meta.author, meta.now);
    await bumpDecisions(tx);
    return true;
  });
}

/** Returns a concept's history, newest first. */
export async function listConceptHistory(store: Store, key: string): Promise<ConceptHistoryRow[]> {
  const id = conceptRowId(key);
  if (id === undefined) return [];
  const rows = await store.db.selectFrom('concept_history').select(['action', 'author', 'created_at as createdAt', 'snapshot'])
    .where('concept_id', '=', id).orderBy('id', 'desc').execute();
  return rows.map((r) => ({ action: r.action, author: r.author, createdAt: r.createdAt, snapshot: JSON.parse(r.snapshot) as Concept }));
}

/** Records that a correction-memory suggestion was accepted (with the concept made from it) or rejected; the latest decision on a pair stands. */
export async function decideSuggestion(
  store: Store, mtText: string, editText: string, decision: 'accepted' | 'rejected', meta: { conceptKey?: string; author: string; now: string },
): Promise<void> {
  const row = { mt_text: mtText, edit_text: editText, decision, concept_id: meta.conceptKey ? (conceptRowId(meta.conceptKey) ?? null) : null, author: meta.author, created_at: meta.now };
  await store.transaction(async (tx) => {
    await tx.db.insertInto('suggestion_decisions').values(row)
      .onConflict((oc) => oc.columns(['mt_text', 'edit_text']).doUpdateSet({ decision: row.decision, concept_id: row.concept_id, author: row.author, created_at: row.created_at }))
      .execute();
    // The suggestions page no longer offers the pair (listing-cache.ts).
    await bumpCounter(tx, 'derived');
  });
}

/** Returns every correction pair someone accepted or rejected as a glossary suggestion. */
export async function listDecidedSuggestions(store: Store): Promise<{ mtText: string; editText: string }[]> {
  return store.db.selectFrom('suggestion_decisions').select(['mt_text as mtText', 'edit_text as editText']).execute();
}

/** A CSV upload waiting for its column mapping. */
export interface PendingImport {
  readonly id: number;
  readonly name: string;
  readonly content: string;
  readonly author: string;
}

/** Keeps a CSV upload until its columns are mapped; returns its id. */
export async function savePendingImport(store: Store, name: string, content: string, meta: { author: string; now: string }): Promise<number> {
  const { id } = await store.db.insertInto('pending_imports').values({ name, content, author: meta.author, created_at: meta.now }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Returns a pending CSV upload, or undefined. */
export async function getPendingImport(store: Store, id: number): Promise<PendingImport | undefined> {
  return store.db.selectFrom('pending_imports').select(['id', 'name', 'content', 'author']).where('id', '=', id).executeTakeFirst();
}

/** Forgets a pending upload (once imported); call it in the transaction that imports it. */
export async function deletePendingImport(store: Store, id: number): Promise<void> {
  await store.db.deleteFrom('pending_imports').where('id', '=', id).execute();
}
