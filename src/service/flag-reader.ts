import { LRUCache } from 'lru-cache';
import type { Store } from '../store/store.js';
import { getArticle } from '../store/articles.js';
import { listSegments, type SegmentView } from '../store/segments.js';
import { listCurrentCorrections, listStandingCorrections } from '../store/corrections.js';
import { listConcepts } from '../store/glossary.js';
import { listDismissals, listDistinctPeople, type DismissalRow } from '../store/decisions.js';
import { readArticleVersions, type ArticleVersions } from '../store/counters.js';
import { toCheckGlossary } from '../core/glossary/check-glossary.js';
import type { ArticleView, Flag } from '../core/checks/types.js';
import { runChecks } from '../core/checks/run-checks.js';
import { groupCorpusCorrections, relevantCorpusCorrections } from './corpus-corrections.js';
import { createDecisionsCache } from './refresh.js';
import { toArticleCorrection, toArticleView } from './article-view.js';
import { hasArticleSource, readSourceSegments } from '../store/sources.js';

/** The flags of an article split into those still open and those an editor dismissed. */
export interface ArticleFlags {
  readonly open: readonly Flag[];
  readonly dismissed: readonly { readonly flag: Flag; readonly dismissal: DismissalRow }[];
  /** Every dismissal in force for the article, including those whose flag is no longer found. */
  readonly dismissals: readonly DismissalRow[];
}

export { toArticleView } from './article-view.js';

/** Splits flags into open and dismissed, matching dismissals by fingerprint (they survive re-runs and edits elsewhere). */
export function applyDismissals(flags: readonly Flag[], dismissals: readonly DismissalRow[]): ArticleFlags {
  const byFingerprint = new Map(dismissals.map((d) => [d.fingerprint, d]));
  const open: Flag[] = [];
  const dismissed: { flag: Flag; dismissal: DismissalRow }[] = [];
  for (const flag of flags) {
    const dismissal = byFingerprint.get(flag.fingerprint);
    if (dismissal) dismissed.push({ flag, dismissal });
    else open.push(flag);
  }
  return { open, dismissed, dismissals };
}

/**
 * Runs every check on a stored article now, uncached, with every standing correction of the other
 * articles (not only the relevant ones): what the flag reader's cached, filtered results must equal.
 */
export async function runArticleChecks(store: Store, articleId: number): Promise<Flag[]> {
  const state = await readArticleState(store, articleId);
  const article = state && (await getArticle(store, articleId));
  if (!state || !article) return [];
  const [standingRows, corrections, concepts, distinctPeople, source] = await Promise.all([
    listStandingCorrections(store), listCurrentCorrections(store, articleId), listConcepts(store), listDistinctPeople(store), readSourceSegments(store, articleId),
  ]);
  return runChecks(toArticleView(articleId, article.title, state.segments, source), {
    corrections: corrections.map(toArticleCorrection),
    corpusCorrections: groupCorpusCorrections(standingRows.filter((r) => r.articleId !== articleId)),
    distinctPeople,
    glossary: toCheckGlossary(concepts),
  });
}

const NO_FLAGS: ArticleFlags = { open: [], dismissed: [], dismissals: [] };

function quickKeyOf(versions: ArticleVersions): string {
  return `${versions.corrections}|${versions.textVersion}|${versions.decisions}`;
}

/** An article's counters and its segments, read in that order: a key is never newer than the text it keys. */
export interface ArticleState {
  readonly versions: ArticleVersions;
  readonly segments: readonly SegmentView[];
}

/** Returns an article's counters, then its segments; undefined when there is no such article. */
export async function readArticleState(store: Store, articleId: number): Promise<ArticleState | undefined> {
  const versions = await readArticleVersions(store, articleId);
  if (!versions) return undefined;
  return { versions, segments: await listSegments(store, articleId) };
}

/** Articles whose flags one app instance keeps in memory (a few kB each; the store keeps every article's). */
const FLAG_CACHE_ARTICLES = 2000;

/**
 * Returns a flag reader that caches each article's check results until something they depend on
 * changes: the article's own text, a people or glossary decision, or one of the corpus corrections
 * that can affect it (relevantCorpusCorrections). Every cache is keyed by counters read from the
 * database (store/counters.ts), so several app instances on one database never serve each other's
 * stale flags; it holds the most recently read articles only. The decisions are read once per
 * change anywhere. Dismissals are applied after the cache, so dismissing never re-runs the checks.
 */
export function createFlagReader(store: Store) {
  const cache = new LRUCache<number, { quickKey: string; key: string; flags: Flag[] }>({ max: FLAG_CACHE_ARTICLES });
  // The MT never changes, but a Korean original added later does change its flags (hasSource).
  const mtCache = new LRUCache<number, { decisions: number; hasSource: boolean; flags: Flag[] }>({ max: FLAG_CACHE_ARTICLES });
  const decisionsAt = createDecisionsCache(store);
  let runs = 0;

  return {
    /** Returns the article's open and dismissed flags; pass its state when already read (readArticleState). */
    async flagsFor(articleId: number, state?: ArticleState): Promise<ArticleFlags> {
      const read = state ?? (await readArticleState(store, articleId));
      if (!read) return NO_FLAGS;
      const { versions } = read;
      // Nothing anywhere changed since the last read: no need to work out the relevant corrections.
      const quickKey = quickKeyOf(versions);
      let entry = cache.get(articleId);
      if (!entry || entry.quickKey !== quickKey) {
        const current = read.segments;
        const [relevant, article] = await Promise.all([relevantCorpusCorrections(store, articleId, current, { correctionsVersion: versions.corrections }), getArticle(store, articleId)]);
        const key = `${versions.textVersion}|${versions.decisions}|${JSON.stringify(relevant)}`;
        if (entry && entry.key === key) entry = { ...entry, quickKey };
        else {
          // The Korean original is read only when the checks run: adding one moves the article's text version (store/sources.ts).
          const [{ glossary, distinctPeople }, corrections, source] = await Promise.all([
            decisionsAt(versions.decisions), listCurrentCorrections(store, articleId), readSourceSegments(store, articleId),
          ]);
          runs += 1;
          const flags = runChecks(toArticleView(articleId, article?.title ?? '', current, source), {
            corrections: corrections.map(toArticleCorrection),
            corpusCorrections: relevant,
            distinctPeople,
            glossary,
          });
          entry = { quickKey, key, flags };
        }
        cache.set(articleId, entry);
      }
      return applyDismissals(entry.flags, await listDismissals(store, articleId));
    },

    /**
     * Returns the flags the checks raise on the article's MT alone (every edit set back to its MT):
     * what the corrections may have fixed, for the MQM proposals. The MT never changes, so they
     * are kept until a people or glossary decision changes.
     */
    async mtFlagsFor(articleId: number, state?: ArticleState): Promise<Flag[]> {
      const read = state ?? (await readArticleState(store, articleId));
      if (!read) return [];
      const { versions } = read;
      const entry = mtCache.get(articleId);
      // A Korean original is stored once and never replaced: only an entry made without one asks again.
      if (entry && entry.decisions === versions.decisions && (entry.hasSource || !(await hasArticleSource(store, articleId)))) return entry.flags;
      const [article, { glossary, distinctPeople }, source] = await Promise.all([getArticle(store, articleId), decisionsAt(versions.decisions), readSourceSegments(store, articleId)]);
      const current = read.segments;
      const view = toArticleView(articleId, article?.title ?? '', current.map((s) => ({ ...s, edit: s.mt })), source);
      const flags = article ? runChecks(view, { glossary, distinctPeople }) : [];
      mtCache.set(articleId, { decisions: versions.decisions, hasSource: source !== undefined, flags });
      return flags;
    },

    /** Returns the key of the article's cached flags when they are current for `versions` (no database read), else undefined. */
    cachedKey(articleId: number, versions: ArticleVersions): string | undefined {
      const entry = cache.get(articleId);
      return entry && entry.quickKey === quickKeyOf(versions) ? entry.key : undefined;
    },

    /** Returns how many times the checks have run on edited text (for tests and benchmarks of what a save re-checks). */
    checkRuns(): number {
      return runs;
    },
  };
}

/** The flag reader createFlagReader returns. */
export type FlagReader = ReturnType<typeof createFlagReader>;
