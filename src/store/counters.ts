import { sql } from 'kysely';
import type { Store } from './store.js';
import type { ArticleRow } from './articles.js';
import { staleUpToSql } from './corpus.js';

/** A corpus-wide change counter (migration 007). */
export type CounterName = 'revisions' | 'decisions' | 'settings' | 'corrections' | 'derived';

/** The counters a page or a cache is keyed by, read in one query. */
export interface CorpusVersions {
  /** Revisions saved anywhere: the corpus's corrections may have changed. */
  readonly revisions: number;
  /** Glossary and "different people" decisions: every article's checks may have changed. */
  readonly decisions: number;
  /** Team settings (the pass score). */
  readonly settings: number;
  /** The corpus's standing correction pairs, as the refresher counts them (store/derived.ts). */
  readonly corrections: number;
}

/** An article's own counters with the corpus's. */
export interface ArticleVersions extends CorpusVersions {
  /** Every write to what the article's pages show. */
  readonly version: number;
  /** Every revision of its segments. */
  readonly textVersion: number;
}

/** Bumps a corpus counter; call it inside the transaction that makes the change, as its last write (on PostgreSQL it holds the row until commit). */
export async function bumpCounter(store: Store, name: CounterName): Promise<void> {
  await sql`UPDATE counters SET value = value + 1 WHERE name = ${name}`.execute(store.db);
}

/** Bumps an article's version and marks its derived rows for a refresh (store/derived.ts). */
export async function bumpArticleVersion(store: Store, articleId: number): Promise<void> {
  await sql`UPDATE articles SET version = version + 1, is_dirty = 1 WHERE id = ${articleId}`.execute(store.db);
}

const COUNTERS = sql<CorpusVersions>`
  (SELECT value FROM counters WHERE name = 'revisions') AS revisions,
  (SELECT value FROM counters WHERE name = 'decisions') AS decisions,
  (SELECT value FROM counters WHERE name = 'settings') AS settings,
  (SELECT value FROM counters WHERE name = 'corrections') AS corrections`;

/**
 * Returns the corpus's counters and the 'derived' one (every write of derived rows): what a listing
 * page (corpus, names, reports, suggestions) shows is the same while these are.
 */
export async function readListingVersions(store: Store): Promise<CorpusVersions & { readonly derived: number }> {
  const { rows } = await sql<CorpusVersions & { derived: number }>`SELECT ${COUNTERS}, (SELECT value FROM counters WHERE name = 'derived') AS derived`.execute(store.db);
  return rows[0] as CorpusVersions & { derived: number };
}

/**
 * Returns the listing counters (readListingVersions) and how many articles are stale, counted up
 * to `atMost` + 1 per kind (staleUpToSql, as countStaleUpTo), in one statement: a listing page's only query
 * when nothing is stale.
 */
export async function readListingVersionsAndStale(store: Store, atMost: number): Promise<CorpusVersions & { readonly derived: number; readonly stale: number }> {
  const { rows } = await sql<CorpusVersions & { derived: number; stale: number }>`
    SELECT ${COUNTERS}, (SELECT value FROM counters WHERE name = 'derived') AS derived,
      ${staleUpToSql(sql`(SELECT value FROM counters WHERE name = 'decisions')`, atMost)} AS stale`.execute(store.db);
  const row = rows[0] as CorpusVersions & { derived: number; stale: number };
  return { ...row, stale: Number(row.stale) };
}

/** Returns the corpus's counters. */
export async function readCorpusVersions(store: Store): Promise<CorpusVersions> {
  const { rows } = await sql<CorpusVersions>`SELECT ${COUNTERS}`.execute(store.db);
  return rows[0] as CorpusVersions;
}

/** Returns an article's row, its counters and the corpus's in one read (the review page's only query when cached), or undefined when there is no such article. */
export async function readArticleWithVersions(store: Store, articleId: number): Promise<{ article: ArticleRow; versions: ArticleVersions } | undefined> {
  const { rows } = await sql<ArticleRow & ArticleVersions>`
    SELECT a.id, a.title, a.source_name AS "sourceName", a.content_hash AS "contentHash", a.status, a.imported_at AS "importedAt",
           a.imported_by AS "importedBy", a.mt_engine AS "mtEngine", a.version, a.text_version AS "textVersion", ${COUNTERS}
    FROM articles a WHERE a.id = ${articleId}`.execute(store.db);
  const row = rows[0];
  if (!row) return undefined;
  const { version, textVersion, revisions, decisions, settings, corrections, ...article } = row;
  return { article, versions: { version, textVersion, revisions, decisions, settings, corrections } };
}

/** Returns an article's counters and the corpus's in one read, or undefined when there is no such article. */
export async function readArticleVersions(store: Store, articleId: number): Promise<ArticleVersions | undefined> {
  const { rows } = await sql<ArticleVersions>`
    SELECT a.version, a.text_version AS "textVersion", ${COUNTERS} FROM articles a WHERE a.id = ${articleId}`.execute(store.db);
  return rows[0];
}

/** Records a glossary or "different people" decision: bumps the decisions counter and marks every name bucket for clustering (who is whom may change). */
export async function bumpDecisions(store: Store): Promise<void> {
  await sql`UPDATE name_buckets SET is_dirty = 1, lease = NULL`.execute(store.db);
  await bumpCounter(store, 'decisions');
}
