import type { Store } from '../store/store.js';
import { getArticle } from '../store/articles.js';
import { listSegments, type SegmentView } from '../store/segments.js';
import { listCurrentCorrections, listStandingCorrections, type CorrectionRow, type StandingCorrection } from '../store/corrections.js';
import { listConcepts } from '../store/glossary.js';
import { listDismissals, listDistinctPeople, type DismissalRow } from '../store/decisions.js';
import { readArticleVersions, type ArticleVersions } from '../store/counters.js';
import { toCheckGlossary } from '../core/glossary/check-glossary.js';
import type { ArticleCorrection, ArticleView, CorpusCorrection, Flag, GlossaryConcept } from '../core/checks/types.js';
import { runChecks } from '../core/checks/run-checks.js';
import { findWholePhrase, isCheckablePhrase } from '../core/checks/correction-phrases.js';
import { correctionKey } from '../core/diff/correction-key.js';
import { groupCorpusCorrections } from './corpus-corrections.js';

/** The flags of an article split into those still open and those an editor dismissed. */
export interface ArticleFlags {
  readonly open: readonly Flag[];
  readonly dismissed: readonly { readonly flag: Flag; readonly dismissal: DismissalRow }[];
  /** Every dismissal in force for the article, including those whose flag is no longer found. */
  readonly dismissals: readonly DismissalRow[];
}

/** Returns the article as the checks see it: each segment's MT and current edit. */
export function toArticleView(articleId: number, title: string, segments: readonly SegmentView[]): ArticleView {
  return {
    key: String(articleId),
    title,
    segments: segments.map((s) => ({ index: s.position, kind: s.kind, mt: s.mt, edit: s.edit })),
  };
}

/**
 * Returns the corpus corrections that can affect an article's flags: those of other articles whose
 * MT phrase stands in this article's text (correction-not-carried) or that this article corrected
 * too (correction-conflict). The others cannot raise or change a flag here, so they are left out
 * of both the checks' input and the cache key: a save elsewhere re-checks only the articles it
 * affects.
 */
export function relevantCorpusCorrections(rows: readonly StandingCorrection[], articleId: number, segments: readonly SegmentView[]): CorpusCorrection[] {
  const text = segments.filter((s) => s.kind !== 'boilerplate').map((s) => s.edit).join('\n');
  const ownPhrases = new Set(rows.filter((r) => r.articleId === articleId).map((r) => correctionKey(r.mtText)));
  // The same guards as the two checks: phrases they would never carry or compare cannot matter here.
  const verdicts = new Map<string, boolean>();
  const isRelevant = (mtText: string): boolean => {
    let verdict = verdicts.get(mtText);
    if (verdict === undefined) {
      verdict = isCheckablePhrase(mtText) && (ownPhrases.has(correctionKey(mtText)) || (text.includes(mtText.trim().split(/\s+/u)[0] ?? '') && findWholePhrase(text, mtText).length > 0));
      verdicts.set(mtText, verdict);
    }
    return verdict;
  };
  return groupCorpusCorrections(rows.filter((r) => r.articleId !== articleId && isRelevant(r.mtText)));
}

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
  const [standingRows, corrections, concepts, distinctPeople] = await Promise.all([
    listStandingCorrections(store), listCurrentCorrections(store, articleId), listConcepts(store), listDistinctPeople(store),
  ]);
  return runChecks(toArticleView(articleId, article.title, state.segments), {
    corrections: corrections.map(toArticleCorrection),
    corpusCorrections: groupCorpusCorrections(standingRows.filter((r) => r.articleId !== articleId)),
    distinctPeople,
    glossary: toCheckGlossary(concepts),
  });
}

function toArticleCorrection(c: CorrectionRow): ArticleCorrection {
  return { segment: c.position, mtText: c.mtText, editText: c.editText, mtStart: c.mtStart, mtEnd: c.mtEnd, editStart: c.editStart, editEnd: c.editEnd };
}

/** What every article's checks read besides the article: the glossary and the people kept apart. */
interface Decisions {
  readonly glossary: readonly GlossaryConcept[];
  readonly distinctPeople: readonly (readonly [string, string])[];
}

const NO_FLAGS: ArticleFlags = { open: [], dismissed: [], dismissals: [] };

function quickKeyOf(versions: ArticleVersions): string {
  return `${versions.revisions}|${versions.textVersion}|${versions.decisions}`;
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

/**
 * Returns a flag reader that caches each article's check results until something they depend on
 * changes: the article's own text, a people or glossary decision, or one of the corpus corrections
 * that can affect it (relevantCorpusCorrections). Every cache is keyed by counters read from the
 * database (store/counters.ts), so several app instances on one database never serve each other's
 * stale flags. The corpus's standing corrections and the decisions are read once per change
 * anywhere, not once per article. Dismissals are applied after the cache, so dismissing never
 * re-runs the checks.
 */
export function createFlagReader(store: Store) {
  const cache = new Map<number, { quickKey: string; key: string; flags: Flag[] }>();
  const mtCache = new Map<number, { decisions: number; flags: Flag[] }>();
  let corpus: { revisions: number; rows: Promise<StandingCorrection[]> } | undefined;
  let decisions: { version: number; value: Promise<Decisions> } | undefined;
  let runs = 0;

  // Concurrent readers share one read; a failed read is not kept.
  const standing = (revisions: number): Promise<StandingCorrection[]> => {
    if (!corpus || corpus.revisions !== revisions) {
      const entry = { revisions, rows: listStandingCorrections(store) };
      entry.rows.catch(() => { if (corpus === entry) corpus = undefined; });
      corpus = entry;
    }
    return corpus.rows;
  };
  const decisionsAt = (version: number): Promise<Decisions> => {
    if (!decisions || decisions.version !== version) {
      const entry = {
        version,
        value: Promise.all([listConcepts(store), listDistinctPeople(store)]).then(([concepts, distinctPeople]) => ({ glossary: toCheckGlossary(concepts), distinctPeople })),
      };
      entry.value.catch(() => { if (decisions === entry) decisions = undefined; });
      decisions = entry;
    }
    return decisions.value;
  };

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
        const [rows, current, article] = await Promise.all([standing(versions.revisions), read.segments, getArticle(store, articleId)]);
        const relevant = relevantCorpusCorrections(rows, articleId, current);
        const key = `${versions.textVersion}|${versions.decisions}|${JSON.stringify(relevant)}`;
        if (entry && entry.key === key) entry = { ...entry, quickKey };
        else {
          const [{ glossary, distinctPeople }, corrections] = await Promise.all([decisionsAt(versions.decisions), listCurrentCorrections(store, articleId)]);
          runs += 1;
          const flags = runChecks(toArticleView(articleId, article?.title ?? '', current), {
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
      if (entry && entry.decisions === versions.decisions) return entry.flags;
      const [article, { glossary, distinctPeople }] = await Promise.all([getArticle(store, articleId), decisionsAt(versions.decisions)]);
      const current = read.segments;
      const view = toArticleView(articleId, article?.title ?? '', current.map((s) => ({ ...s, edit: s.mt })));
      const flags = article ? runChecks(view, { glossary, distinctPeople }) : [];
      mtCache.set(articleId, { decisions: versions.decisions, flags });
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
