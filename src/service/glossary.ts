import type { ServiceContext } from './context.js';
import { getArticle } from '../store/articles.js';
import { countFrequentCorrections, listFrequentCorrections, sampleArticlesOfPair } from '../store/corrections.js';
import { articlesHoldingAny } from '../store/search.js';
import { surnameRowOf } from '../core/names/surname-lookup.js';
import {
  createConcept, createConcepts, decideSuggestion, deleteConcept, deletePendingImport, getConcept, getPendingImport, listConceptHistory,
  listConcepts, savePendingImport, updateConcept, type ConceptHistoryRow, type ConceptInput, type ConceptMeta, type PendingImport,
} from '../store/glossary.js';
import type { Concept, Term } from '../core/glossary/types.js';
import { planFixes } from '../core/checks/plan-fixes.js';
import { readName } from '../core/names/spot-names.js';
import { exportGlossary, type GlossaryExportFormat } from '../formats/glossary/export-glossary.js';
import { importGlossary, sniffGlossaryFormat } from '../formats/glossary/import-glossary.js';
import { decodeGlossaryBytes } from '../formats/glossary/decode.js';
import { importCsv, previewCsv, type CsvPreview } from '../formats/glossary/csv-read.js';
import type { CsvMapping } from '../formats/glossary/csv-mapping.js';
import { MAX_GLOSSARY_BYTES } from '../formats/glossary/limits.js';
import { readArticleState, toArticleView } from './flag-reader.js';
import { refreshPending } from './context.js';
import { applyChosenChanges, type ArticleChanges } from './flags.js';
import { ServiceError } from './errors.js';
import { recordRecheck } from './jobs.js';
import { fitSourceName } from './prepare-import.js';

/** Returns every concept in force, oldest first. */
export function glossaryConcepts(ctx: ServiceContext): Promise<Concept[]> {
  return listConcepts(ctx.store);
}

/** Returns one concept (deleted ones too) and its history; throws not-found when there is none. */
export async function findConcept(ctx: ServiceContext, key: string): Promise<{ concept: Concept & { readonly isDeleted: boolean }; history: ConceptHistoryRow[] }> {
  const concept = await getConcept(ctx.store, key);
  if (!concept) throw new ServiceError('not-found', `There is no glossary concept ${key}.`);
  return { concept, history: await listConceptHistory(ctx.store, key) };
}

/** Returns a concept's preferred form for the messages of the re-check its change starts. */
function nameOf(input: ConceptInput): string {
  return input.terms.find((t) => t.status === 'preferred' && t.lang !== 'ko')?.text ?? input.terms[0]?.text ?? 'a concept';
}

/** Adds a concept by hand; returns its id. */
export async function addConcept(ctx: ServiceContext, input: ConceptInput, author: string): Promise<string> {
  const id = await createConcept(ctx.store, input, { origin: 'manual', author, now: ctx.now() });
  await recordRecheck(ctx, `the glossary gained “${nameOf(input)}”`, author);
  return id;
}

/** Adds a person in one action from a name flag or the names page: the preferred spelling and the rejected ones; returns its id. */
export async function addPersonFromNames(ctx: ServiceContext, input: { preferred: string; deprecated: readonly string[]; source?: string | undefined }, author: string): Promise<string> {
  const preferred = input.preferred.trim();
  if (!preferred) throw new ServiceError('invalid', 'Say which spelling is preferred.');
  const deprecated = [...new Set(input.deprecated.map((d) => d.trim()).filter((d) => d && d !== preferred))];
  const concept: ConceptInput = {
    type: 'person',
    terms: [{ text: preferred, lang: 'en', status: 'preferred' }, ...deprecated.map((text): Term => ({ text, lang: 'en', status: 'deprecated' }))],
  };
  const id = await createConcept(ctx.store, concept, { origin: 'flag', source: input.source, author, now: ctx.now() });
  await recordRecheck(ctx, `the glossary gained “${preferred}”`, author);
  return id;
}

/** Replaces a concept's type, note and terms; throws not-found for none, conflict for a deleted one. */
export async function editConcept(ctx: ServiceContext, key: string, input: ConceptInput, author: string): Promise<void> {
  const { concept } = await findConcept(ctx, key);
  if (concept.isDeleted) throw new ServiceError('conflict', 'This concept was deleted; it can no longer be edited.');
  if (!(await updateConcept(ctx.store, key, input, { author, now: ctx.now() }))) throw new ServiceError('conflict', 'This concept was deleted; it can no longer be edited.');
  await recordRecheck(ctx, `the glossary’s “${nameOf(input)}” changed`, author);
}

/** Deletes a concept from the glossary (its history stays); throws conflict when it was already deleted. */
export async function removeConcept(ctx: ServiceContext, key: string, author: string): Promise<void> {
  await findConcept(ctx, key);
  if (!(await deleteConcept(ctx.store, key, { author, now: ctx.now() }))) throw new ServiceError('conflict', 'This concept was already deleted.');
  await recordRecheck(ctx, `a glossary concept was deleted`, author);
}

/** A correction repeated in the corpus, offered as a glossary entry. */
export interface CorrectionSuggestion {
  readonly mtText: string;
  readonly editText: string;
  readonly count: number;
  /** A few of the articles it was made in. */
  readonly articles: readonly { readonly id: number; readonly title: string }[];
  /** In how many articles. */
  readonly articleCount: number;
}

/** Suggestions shown per page of the correction memory. */
export const SUGGESTIONS_PAGE_SIZE = 50;
/** Articles named per suggestion. */
const ARTICLES_PER_SUGGESTION = 5;
/** How often a correction must stand in the corpus to be offered for the glossary. */
const SUGGESTION_MIN_COUNT = 2;

/**
 * Returns one page of the corrections made at least twice in the corpus (as counted at the last
 * refresh of each article) that no one has accepted or rejected yet, most frequent first, each
 * with a few of its articles.
 */
export async function correctionSuggestions(ctx: ServiceContext, opts: { page?: number } = {}): Promise<CorrectionSuggestion[]> {
  await refreshPending(ctx);
  const pairs = await listFrequentCorrections(ctx.store, {
    minCount: SUGGESTION_MIN_COUNT, limit: SUGGESTIONS_PAGE_SIZE, offset: ((opts.page ?? 1) - 1) * SUGGESTIONS_PAGE_SIZE, isUndecidedOnly: true, isRenderingOnly: true,
  });
  const out: CorrectionSuggestion[] = [];
  for (const p of pairs) {
    const articles = await sampleArticlesOfPair(ctx.store, p.mtText, p.editText, -1, ARTICLES_PER_SUGGESTION);
    out.push({ mtText: p.mtText, editText: p.editText, count: p.count, articles, articleCount: p.articles });
  }
  return out;
}

/** Returns how many correction-memory suggestions wait for a decision. */
export function countCorrectionSuggestions(ctx: ServiceContext): Promise<number> {
  return countFrequentCorrections(ctx.store, { minCount: SUGGESTION_MIN_COUNT, isUndecidedOnly: true, isRenderingOnly: true });
}

/** Accepts a correction-memory suggestion: a concept that prefers the edit and rejects the MT phrase, in one transaction with the decision; returns its id. */
export async function acceptSuggestion(ctx: ServiceContext, mtText: string, editText: string, author: string): Promise<string> {
  // Both sides read as names: a person; otherwise a term (a title, an organisation: the editor can change the type).
  const type = readName(mtText) !== undefined && readName(editText) !== undefined ? 'person' : 'term';
  const input: ConceptInput = { type, terms: [{ text: editText, lang: 'en', status: 'preferred' }, { text: mtText, lang: 'en', status: 'deprecated' }] };
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const key = await createConcept(tx, input, { origin: 'correction-memory', source: `“${mtText}” → “${editText}”`, author, now });
    await decideSuggestion(tx, mtText, editText, 'accepted', { conceptKey: key, author, now });
    return key;
  }).then(async (key) => {
    await recordRecheck(ctx, `the glossary gained “${editText}”`, author);
    return key;
  });
}

/** Rejects a correction-memory suggestion: it is not offered again. */
export async function rejectSuggestion(ctx: ServiceContext, mtText: string, editText: string, author: string): Promise<void> {
  await decideSuggestion(ctx.store, mtText, editText, 'rejected', { author, now: ctx.now() });
}

/** Returns the glossary as a file in `format`. */
export async function exportGlossaryFile(ctx: ServiceContext, format: GlossaryExportFormat): Promise<ReturnType<typeof exportGlossary>> {
  return exportGlossary(await listConcepts(ctx.store), format, { now: ctx.now(), title: 'Copydesk glossary' });
}

/** What importing a glossary file did: concepts imported (with warnings), or a CSV kept for its column mapping. */
export type GlossaryImportOutcome =
  | { readonly kind: 'imported'; readonly count: number; readonly warnings: readonly string[] }
  | { readonly kind: 'pending'; readonly id: number };

/**
 * Stores concepts read from a file (all or none), recorded as created by `importedBy` now: a file's
 * own createdBy/createdAt are claims, never the history (its origin and source are kept). Returns their ids.
 */
export function storeImportedConcepts(ctx: ServiceContext, concepts: readonly Concept[], importedBy: string): Promise<string[]> {
  const now = ctx.now();
  return createConcepts(
    ctx.store,
    concepts.map((c) => ({ type: c.type, note: c.note, terms: c.terms })),
    concepts.map((c): ConceptMeta => ({ origin: c.provenance.origin, source: c.provenance.source, author: importedBy, now })),
  );
}

/**
 * Imports an uploaded glossary file: TBX and JSON whole or not at all; a CSV is kept until its
 * columns are mapped. Throws too-large or invalid (with the line) for a file that cannot be read.
 */
export async function importGlossaryUpload(ctx: ServiceContext, bytes: Uint8Array, fileName: string, author: string): Promise<GlossaryImportOutcome> {
  // The name is kept as the concepts' source and the waiting upload's label: cut to the article imports' limit.
  const name = fitSourceName(fileName);
  const decoded = decodeGlossaryBytes(bytes);
  if (!decoded.ok) throw new ServiceError(bytes.length > MAX_GLOSSARY_BYTES ? 'too-large' : 'invalid', decoded.message);
  if (sniffGlossaryFormat(decoded.text) === 'csv') {
    const preview = previewCsv(decoded.text);
    if (!preview.ok) throw new ServiceError('invalid', preview.message);
    return { kind: 'pending', id: await savePendingImport(ctx.store, name || 'glossary.csv', decoded.text, { author, now: ctx.now() }) };
  }
  const read = importGlossary(decoded.text, { importedBy: author, now: ctx.now(), sourceName: name });
  if (!read.ok) throw new ServiceError('invalid', read.message);
  const ids = await storeImportedConcepts(ctx, read.concepts, author);
  if (ids.length > 0) await recordRecheck(ctx, `${ids.length} glossary concept${ids.length === 1 ? ' was' : 's were'} imported`, author);
  return { kind: 'imported', count: ids.length, warnings: read.warnings };
}

/** Returns a CSV upload waiting for its column mapping, with its preview; throws not-found when it is no longer waiting. */
export async function findPendingImport(ctx: ServiceContext, id: number): Promise<{ pending: PendingImport; preview: CsvPreview & { ok: true } }> {
  const pending = await getPendingImport(ctx.store, id);
  if (!pending) throw new ServiceError('not-found', 'That upload is no longer waiting: it was imported already, or the link is wrong. Upload the file again.');
  const preview = previewCsv(pending.content);
  if (!preview.ok) throw new ServiceError('invalid', preview.message);
  return { pending, preview };
}

/** Imports a waiting CSV with the mapping chosen, and forgets the upload, in one transaction; returns the outcome or the sentence saying what to fix in the mapping. */
export async function completeCsvImport(
  ctx: ServiceContext, pending: PendingImport, mapping: CsvMapping, author: string,
): Promise<{ ok: true; count: number; warnings: readonly string[] } | { ok: false; message: string }> {
  const read = importCsv(pending.content, mapping, { importedBy: author, now: ctx.now(), sourceName: pending.name });
  if (!read.ok) return { ok: false, message: read.message };
  const ids = await ctx.store.transaction(async (tx) => {
    const stored = await storeImportedConcepts({ ...ctx, store: tx }, read.concepts, author);
    await deletePendingImport(tx, pending.id);
    return stored;
  });
  if (ids.length > 0) await recordRecheck(ctx, `${ids.length} glossary concept${ids.length === 1 ? ' was' : 's were'} imported`, author);
  return { ok: true, count: ids.length, warnings: read.warnings };
}

/** The preferred English form of a concept ('' when it has none). */
export function preferredFormOf(concept: Concept): string {
  return concept.terms.find((t) => t.lang !== 'ko' && t.status === 'preferred')?.text ?? '';
}

/** The changes enforcing a concept's preferred form would make in one article. */
export type { ArticleChanges } from './flags.js';

/**
 * Articles one corpus-wide apply looks at: its preview and its apply cover the first ones holding
 * the concept's terms, and the page says when there are more (apply again for the next ones), so
 * one request never checks the whole corpus on the event loop.
 */
export const APPLY_ARTICLES_PER_RUN = 200;

/** Returns the words an article must hold to be touched by a concept: its terms, and for a person every spelling of the surnames they use. */
function searchTermsOf(concept: Concept): string[] {
  const terms = concept.terms.filter((t) => t.lang !== 'ko').map((t) => t.text);
  if (concept.type !== 'person') return terms;
  const surnames = terms.flatMap((t) => {
    const reading = readName(t);
    return reading ? reading.surnameKeys.flatMap((key) => {
      const row = surnameRowOf(key);
      return row ? [row.rr, row.mr, ...row.spellings] : [];
    }) : [];
  });
  return [...new Set([...terms, ...surnames])];
}

/**
 * Returns the changes enforcing a concept's preferred form would make, article by article, among
 * the first APPLY_ARTICLES_PER_RUN articles that hold one of its terms (found by the full-text
 * index); `isPartial` says whether more articles may need it after these.
 */
export async function planGlossaryApply(ctx: ServiceContext, concept: Concept): Promise<{ changes: ArticleChanges[]; isPartial: boolean }> {
  const preferred = preferredFormOf(concept);
  const candidates = await articlesHoldingAny(ctx.store, searchTermsOf(concept), APPLY_ARTICLES_PER_RUN + 1);
  const changes: ArticleChanges[] = [];
  for (const id of candidates.slice(0, APPLY_ARTICLES_PER_RUN)) {
    const [state, article] = [await readArticleState(ctx.store, id), await getArticle(ctx.store, id)];
    if (!state || !article) continue;
    const flags = (await ctx.flags.flagsFor(id, state)).open.filter((f) => f.check === 'glossary-term' && f.group === concept.id && f.suggestions.includes(preferred));
    if (flags.length === 0) continue;
    const fixes = planFixes(toArticleView(id, article.title, state.segments), flags, preferred);
    if (fixes.length) changes.push({ article, segments: state.segments, fixes });
  }
  return { changes, isPartial: candidates.length > APPLY_ARTICLES_PER_RUN };
}

/**
 * Applies the chosen changes ("articleId:position") of a concept's corpus-wide plan, all or
 * nothing, each from the revision the editor saw (`bases`, same keys); returns how many
 * replacements were made. Throws invalid when none is chosen, conflict when a segment changed.
 */
export async function applyGlossary(
  ctx: ServiceContext, concept: Concept, choice: { changes: ReadonlySet<string>; bases: ReadonlyMap<string, string> }, author: string,
): Promise<number> {
  return applyChosenChanges(ctx, (await planGlossaryApply(ctx, concept)).changes, choice, author);
}
