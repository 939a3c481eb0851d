import type { Db } from './open-db.js';
import { getArticle } from './articles.js';
import { listSegments, type SegmentView } from './segments.js';
import { listCorpusCorrections, listCurrentCorrections } from './corrections.js';
import { statement } from './statements.js';
import { listConcepts } from './glossary.js';
import { toCheckGlossary } from '../core/glossary/check-glossary.js';
import { listDismissals, listDistinctPeople, type DismissalRow } from './decisions.js';
import type { ArticleView, Flag } from '../core/checks/types.js';
import { runChecks } from '../core/checks/run-checks.js';

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
export function runArticleChecks(db: Db, articleId: number, segments: readonly SegmentView[] = listSegments(db, articleId)): Flag[] {
  const article = getArticle(db, articleId);
  if (!article) return [];
  return runChecks(toArticleView(articleId, article.title, segments), {
    corrections: listCurrentCorrections(db, articleId).map((c) => ({
      segment: c.position, mtText: c.mtText, editText: c.editText, mtStart: c.mtStart, mtEnd: c.mtEnd, editStart: c.editStart, editEnd: c.editEnd,
    })),
    corpusCorrections: listCorpusCorrections(db, articleId),
    distinctPeople: listDistinctPeople(db),
    glossary: toCheckGlossary(listConcepts(db)),
  });
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
 * changes: any revision (corpus-wide corrections feed every article's checks) or a people decision.
 * Dismissals are applied after the cache, so dismissing never re-runs the checks.
 */
export function createFlagReader(db: Db) {
  const cache = new Map<number, { stamp: string; flags: Flag[] }>();
  const stampOf = () => checksStamp(db);
  return {
    /** Returns the article's open and dismissed flags. */
    flagsFor(articleId: number, segments?: readonly SegmentView[]): ArticleFlags {
      const stamp = stampOf();
      let entry = cache.get(articleId);
      if (!entry || entry.stamp !== stamp) {
        entry = { stamp, flags: runArticleChecks(db, articleId, segments) };
        cache.set(articleId, entry);
      }
      return applyDismissals(entry.flags, listDismissals(db, articleId));
    },
  };
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
