import type { Db } from './open-db.js';
import { getArticle } from './articles.js';
import { listSegments, type SegmentView } from './segments.js';
import { articleRevisionStamp, groupCorpusCorrections, listCorpusCorrections, listCurrentCorrections, listStandingCorrections, type CorpusCorrectionRow, type StandingCorrection } from './corrections.js';
import { statement } from './statements.js';
import { listConcepts } from './glossary.js';
import { toCheckGlossary } from '../core/glossary/check-glossary.js';
import { listDismissals, listDistinctPeople, type DismissalRow } from './decisions.js';
import type { ArticleView, Flag } from '../core/checks/types.js';
import { runChecks } from '../core/checks/run-checks.js';
import { findWholePhrase, isCheckablePhrase } from '../core/checks/correction-phrases.js';
import { correctionKey } from '../core/diff/correction-key.js';

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

/** Runs every check on a stored article with what the store knows (its corrections, the corpus's, people decided distinct). */
export function runArticleChecks(
  db: Db,
  articleId: number,
  segments: readonly SegmentView[] = listSegments(db, articleId),
  corpusCorrections: readonly CorpusCorrectionRow[] = listCorpusCorrections(db, articleId),
): Flag[] {
  const article = getArticle(db, articleId);
  if (!article) return [];
  return runChecks(toArticleView(articleId, article.title, segments), {
    corrections: listCurrentCorrections(db, articleId).map((c) => ({
      segment: c.position, mtText: c.mtText, editText: c.editText, mtStart: c.mtStart, mtEnd: c.mtEnd, editStart: c.editStart, editEnd: c.editEnd,
    })),
    corpusCorrections,
    distinctPeople: listDistinctPeople(db),
    glossary: toCheckGlossary(listConcepts(db)),
  });
}

/**
 * Returns the corpus corrections that can affect an article's flags: those of other articles whose
 * MT phrase stands in this article's text (correction-not-carried) or that this article corrected
 * too (correction-conflict). The others cannot raise or change a flag here, so they are left out
 * of both the checks' input and the cache key: a save elsewhere re-checks only the articles it
 * affects.
 */
export function relevantCorpusCorrections(rows: readonly StandingCorrection[], articleId: number, segments: readonly SegmentView[]): CorpusCorrectionRow[] {
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
 * Returns a flag reader that caches each article's check results until something they depend on
 * changes: the article's own text, a people decision, the glossary, or one of the corpus
 * corrections that can affect it (relevantCorpusCorrections). The corpus's standing corrections
 * are read once per change anywhere, not once per article. Dismissals are applied after the
 * cache, so dismissing never re-runs the checks.
 */
export function createFlagReader(db: Db) {
  const cache = new Map<number, { quickKey: string; key: string; flags: Flag[] }>();
  const mtCache = new Map<number, { key: string; flags: Flag[] }>();
  let corpus: { stamp: string; rows: StandingCorrection[] } | undefined;
  const standing = (): { stamp: string; rows: StandingCorrection[] } => {
    const stamp = checksStamp(db);
    if (!corpus || corpus.stamp !== stamp) corpus = { stamp, rows: listStandingCorrections(db) };
    return corpus;
  };
  let runs = 0;
  return {
    /** Returns the article's open and dismissed flags. */
    flagsFor(articleId: number, segments?: readonly SegmentView[]): ArticleFlags {
      const { stamp, rows } = standing();
      // Nothing anywhere changed since the last read: no need to work out the relevant corrections.
      const quickKey = `${stamp}|${articleRevisionStamp(db, articleId)}|${decisionsStamp(db)}`;
      let entry = cache.get(articleId);
      if (!entry || entry.quickKey !== quickKey) {
        const current = segments ?? listSegments(db, articleId);
        const relevant = relevantCorpusCorrections(rows, articleId, current);
        const key = `${articleRevisionStamp(db, articleId)}|${decisionsStamp(db)}|${JSON.stringify(relevant)}`;
        if (entry && entry.key === key) entry = { ...entry, quickKey };
        else {
          runs += 1;
          entry = { quickKey, key, flags: runArticleChecks(db, articleId, current, relevant) };
        }
        cache.set(articleId, entry);
      }
      return applyDismissals(entry.flags, listDismissals(db, articleId));
    },
    /**
     * Returns the flags the checks raise on the article's MT alone (every edit set back to its MT):
     * what the corrections may have fixed, for the MQM proposals. The MT never changes, so they
     * are kept until a people or glossary decision changes.
     */
    mtFlagsFor(articleId: number, segments?: readonly SegmentView[]): Flag[] {
      const key = decisionsStamp(db);
      let entry = mtCache.get(articleId);
      if (!entry || entry.key !== key) {
        const article = getArticle(db, articleId);
        const current = segments ?? listSegments(db, articleId);
        const view = toArticleView(articleId, article?.title ?? '', current.map((s) => ({ ...s, edit: s.mt })));
        entry = { key, flags: article ? runChecks(view, { glossary: toCheckGlossary(listConcepts(db)), distinctPeople: listDistinctPeople(db) }) : [] };
        mtCache.set(articleId, entry);
      }
      return entry.flags;
    },
    /** Returns how many times the checks have run on edited text (for tests and benchmarks of what a save re-checks). */
    checkRuns(): number {
      return runs;
    },
  };
}

/** Returns a value that changes whenever a decision every article's checks read changes: people kept apart, the glossary. */
export function decisionsStamp(db: Db): string {
  const row = statement(
    db,
    'SELECT (SELECT COUNT(*) FROM distinct_people) AS people, (SELECT COALESCE(MAX(id), 0) FROM concept_history) AS glossary',
  ).get() as { people: number; glossary: number };
  return `${row.people}:${row.glossary}`;
}

/** Returns a value that changes whenever any article's check results may change: a revision anywhere (the corpus corrections), a people decision, a glossary change. */
export function checksStamp(db: Db): string {
  const row = statement(
    db,
    `SELECT (SELECT COALESCE(MAX(id), 0) FROM revisions) AS revision, (SELECT COUNT(*) FROM distinct_people) AS people,
            (SELECT COALESCE(MAX(id), 0) FROM concept_history) AS glossary`,
  ).get() as { revision: number; people: number; glossary: number };
  return `${row.revision}:${row.people}:${row.glossary}`;
}

/** Returns a value that changes whenever the review page of an article may change: its checks, dismissals, status, confirmed categories, the pass score. */
export function reviewPageStamp(db: Db, articleId: number): string {
  const row = statement(
    db,
    `SELECT (SELECT COUNT(*) || '.' || COUNT(revoked_at) || '.' || COALESCE(MAX(id), 0) FROM dismissals WHERE article_id = ?) AS dismissals,
            (SELECT status FROM articles WHERE id = ?) AS status,
            (SELECT COALESCE(MAX(id), 0) FROM correction_categories WHERE article_id = ?) AS categories,
            (SELECT value FROM settings WHERE name = 'mqm-pass-score') AS passScore`,
  ).get(articleId, articleId, articleId) as { dismissals: string; status: string; categories: number; passScore: string | null };
  return `${checksStamp(db)}:${row.dismissals}:${row.status}:${row.categories}:${row.passScore ?? ''}`;
}

/** The flag reader createFlagReader returns. */
export type FlagReader = ReturnType<typeof createFlagReader>;
