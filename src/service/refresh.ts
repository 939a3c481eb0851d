import { readSourceSegments } from '../store/sources.js';
import type { Store } from '../store/store.js';
import { readArticleWithVersions, readCorpusVersions } from '../store/counters.js';
import { listSegments } from '../store/segments.js';
import { listCurrentCorrections } from '../store/corrections.js';
import { listConfirmedCategories } from '../store/categories.js';
import { listDismissals, listDistinctPeople } from '../store/decisions.js';
import { listConcepts } from '../store/glossary.js';
import { listArticleEditors } from '../store/revisions.js';
import { claimStaleArticles, countStaleArticles, markArticlesDirty, recordDirtyPhrase, releaseRefreshLeases, takeDirtyPhrases, writeArticlesDerived, type DerivedWrite } from '../store/derived.js';
import { articlesHoldingPhrase } from '../store/search.js';
import type { GlossaryConcept } from '../core/checks/types.js';
import { toCheckGlossary } from '../core/glossary/check-glossary.js';
import { deriveArticle } from './derive-article.js';
import { relevantCorpusCorrections } from './corpus-corrections.js';

/** What every article's derivation reads besides the article: the glossary and the people kept apart, at one decisions counter. */
export interface DecisionsData {
  readonly version: number;
  readonly glossary: readonly GlossaryConcept[];
  readonly distinctPeople: readonly (readonly [string, string])[];
}

/** Returns a reader of the decisions that keeps them until the decisions counter moves. */
export function createDecisionsCache(store: Store): (version: number) => Promise<DecisionsData> {
  let cached: { version: number; value: Promise<DecisionsData> } | undefined;
  return (version) => {
    if (!cached || cached.version !== version) {
      const entry = {
        version,
        value: Promise.all([listConcepts(store), listDistinctPeople(store)]).then(([concepts, distinctPeople]) => ({ version, glossary: toCheckGlossary(concepts), distinctPeople })),
      };
      entry.value.catch(() => { if (cached === entry) cached = undefined; });
      cached = entry;
    }
    return cached.value;
  };
}

/**
 * Most other articles a refresh marks at once because a correction of a phrase they hold changed;
 * a phrase in more articles is left to the background refresher (store/derived.ts, dirty_phrases),
 * so a save never waits on marking a large part of the corpus.
 */
const DEPENDENTS_INLINE = 500;

/** How long a refresher holds the articles it claimed before another may take them (ms): far longer than a refresh takes. */
export const REFRESH_LEASE_MS = 120_000;

/**
 * Reads an article (its counters first, so a change made meanwhile leaves it marked) and derives
 * its flags, figures, corrections, people and search text; undefined when it no longer exists.
 * Reads only: the writing is writeRefreshed's, for a batch at once.
 */
async function deriveForWrite(store: Store, articleId: number, decisionsOf: (version: number) => Promise<DecisionsData>): Promise<DerivedWrite | undefined> {
  const read = await readArticleWithVersions(store, articleId);
  if (!read) return undefined;
  const segments = await listSegments(store, articleId);
  const [corrections, confirmed, dismissals, editors, corpusCorrections, decisions, source] = await Promise.all([
    listCurrentCorrections(store, articleId),
    listConfirmedCategories(store, articleId),
    listDismissals(store, articleId),
    listArticleEditors(store, articleId),
    relevantCorpusCorrections(store, articleId, segments, { correctionsVersion: read.versions.corrections }),
    decisionsOf(read.versions.decisions),
    readSourceSegments(store, articleId),
  ]);
  const { derived } = deriveArticle({
    article: read.article, segments, corrections, confirmed, dismissals, corpusCorrections, editors, source,
    glossary: decisions.glossary, distinctPeople: decisions.distinctPeople,
  });
  return { articleId, derived, from: { version: read.versions.version, textVersion: read.versions.textVersion, decisions: read.versions.decisions } };
}

/** Writes derived articles in one transaction, then marks for a refresh the other articles holding a phrase whose correction changed. */
async function writeRefreshed(store: Store, writes: readonly DerivedWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const results = await writeArticlesDerived(store, writes);
  for (const [i, result] of results.entries()) {
    for (const phrase of result.changedPhrases) await markDependents(store, phrase, writes[i]?.articleId ?? 0);
  }
}

/**
 * Refreshes one article's derived rows (deriveForWrite, then writeRefreshed). Returns false when
 * the article no longer exists.
 */
export async function refreshArticle(store: Store, articleId: number, decisionsOf: (version: number) => Promise<DecisionsData>): Promise<boolean> {
  const write = await deriveForWrite(store, articleId, decisionsOf);
  if (!write) return false;
  await writeRefreshed(store, [write]);
  return true;
}

/** Marks for a refresh the articles holding `phrase` (other than `articleId`): at once up to DEPENDENTS_INLINE, the rest left to the background. */
async function markDependents(store: Store, phrase: string, articleId: number): Promise<void> {
  const dependents = await articlesHoldingPhrase(store, phrase, articleId, DEPENDENTS_INLINE + 1);
  if (dependents.length > DEPENDENTS_INLINE) {
    await recordDirtyPhrase(store, phrase, articleId);
    return;
  }
  if (dependents.length > 0) await markArticlesDirty(store, dependents);
}

/**
 * Marks for a refresh every article holding a phrase recorded as too common to mark at once, in
 * batches; returns how many phrases were expanded. Run by the background refresher.
 */
export async function expandDirtyPhrases(store: Store, limit = 10): Promise<number> {
  const phrases = await takeDirtyPhrases(store, limit);
  for (const { phrase, articleId } of phrases) {
    const dependents = await articlesHoldingPhrase(store, phrase, articleId, Number.MAX_SAFE_INTEGER);
    await markArticlesDirty(store, dependents);
  }
  return phrases.length;
}

/**
 * Refreshes articles a write just changed, in this thread, before the write's answer: an editor
 * then sees every figure follow at once. At most `budgetMs` (a fix applied across the corpus can
 * touch thousands); the rest stay marked for the background refresher.
 */
export async function refreshAfterWrite(
  store: Store, articleIds: readonly number[], decisionsOf: (version: number) => Promise<DecisionsData>, budgetMs = 50,
): Promise<void> {
  const started = Date.now();
  const writes: DerivedWrite[] = [];
  for (const id of [...new Set(articleIds)]) {
    if (Date.now() - started > budgetMs) break;
    const write = await deriveForWrite(store, id, decisionsOf);
    if (write) writes.push(write);
  }
  await writeRefreshed(store, writes);
}

/** What a refresh pass did. */
export interface RefreshPass {
  /** Articles refreshed. */
  readonly refreshed: number;
  /** Articles still waiting (0 when the corpus is up to date). */
  readonly remaining: number;
}

/**
 * Refreshes stale articles in this thread until none is left, `limit` were done, or `budgetMs`
 * has passed (checked between articles: one article takes a few milliseconds, so a page that calls
 * this with 25 ms keeps the event loop's longest pause near that).
 */
export async function refreshStale(
  store: Store,
  opts: { now: () => Date; decisionsOf: (version: number) => Promise<DecisionsData>; budgetMs?: number; limit?: number; batch?: number },
): Promise<RefreshPass> {
  const started = Date.now();
  const budget = opts.budgetMs ?? Infinity;
  const limit = opts.limit ?? Infinity;
  let refreshed = 0;
  for (;;) {
    const { decisions } = await readCorpusVersions(store);
    const now = opts.now();
    const batch = Math.max(1, Math.min(opts.batch ?? 16, limit - refreshed));
    const ids = await claimStaleArticles(store, { now: now.toISOString(), leaseUntil: new Date(now.getTime() + REFRESH_LEASE_MS).toISOString(), decisions, limit: batch });
    if (ids.length === 0) break;
    // The batch is derived first (reads only), then written in one transaction: one commit for
    // the batch, and the write lock held only while writing.
    const writes: DerivedWrite[] = [];
    for (const id of ids) {
      if (Date.now() - started > budget || refreshed >= limit) {
        // Hand the rest of the claim back: another pass (or refresher) takes it at once.
        await releaseRefreshLeases(store, ids.slice(ids.indexOf(id)));
        break;
      }
      const write = await deriveForWrite(store, id, opts.decisionsOf);
      if (write) writes.push(write);
      refreshed += 1;
    }
    await writeRefreshed(store, writes);
    if (Date.now() - started > budget || refreshed >= limit) break;
  }
  const { decisions } = await readCorpusVersions(store);
  return { refreshed, remaining: (await countStaleArticles(store, decisions)).stale };
}
