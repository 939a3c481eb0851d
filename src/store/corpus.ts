import { sql, type SqlBool, type Expression } from 'kysely';
import type { Store } from './store.js';
import type { ArticleStatus } from './articles.js';
import { matchesSearch } from './search.js';

/** The columns the corpus page sorts by. */
export const CORPUS_SORTS = ['imported', 'title', 'status', 'errors', 'changed', 'edited'] as const;
/** One of CORPUS_SORTS. */
export type CorpusSort = (typeof CORPUS_SORTS)[number];

/** What the corpus page asks for: filters, a sort and a page. */
export interface CorpusQuery {
  /** Words every listed article's title, MT or edits hold. */
  readonly q?: string | undefined;
  readonly status?: ArticleStatus | undefined;
  /** The MT engine ('' for unknown); undefined for any. */
  readonly engine?: string | undefined;
  /** Only articles with an open error flag. */
  readonly hasErrors?: boolean | undefined;
  /** Only articles this editor saved a revision in. */
  readonly editor?: string | undefined;
  /** Imported on or after this day (YYYY-MM-DD). */
  readonly from?: string | undefined;
  /** Imported on or before this day (YYYY-MM-DD). */
  readonly to?: string | undefined;
  readonly sort: CorpusSort;
  readonly isDescending: boolean;
  /** Rows to skip and to return. */
  readonly offset: number;
  readonly limit: number;
}

/** One article as the corpus page lists it: its row and its figures (null before its first refresh). */
export interface CorpusRow {
  readonly id: number;
  readonly title: string;
  readonly sourceName: string;
  readonly status: ArticleStatus;
  readonly importedAt: string;
  readonly mtEngine: string;
  readonly isStale: boolean;
  readonly segmentCount: number | null;
  readonly editedSegmentCount: number | null;
  readonly mtWords: number | null;
  readonly wordsChanged: number | null;
  readonly openErrors: number | null;
  readonly openWarnings: number | null;
  readonly openInfos: number | null;
  readonly lastEditedAt: string | null;
}

/**
 * The sorts by a figure, which is NULL until the article's first refresh (LEFT JOIN). Only these say
 * NULLS LAST: on the articles' own columns (NOT NULL) PostgreSQL cannot read an index backwards
 * for `DESC NULLS LAST` (a B-tree read backwards gives NULLS FIRST), and sorted every article instead.
 */
const NULLABLE_SORTS: ReadonlySet<CorpusSort> = new Set(['errors', 'changed', 'edited']);

/**
 * The sort expression of each column, and the index that serves it (store migrations 008 and 018).
 * An article without a value (never edited, not yet refreshed) sorts last either way, on both
 * backends (by default SQLite puts NULL first ascending, PostgreSQL first descending).
 */
const ORDER: Record<CorpusSort, string> = {
  imported: 'a.imported_at',
  title: 'a.title',
  status: 'a.status',
  errors: 's.open_errors',
  changed: 's.changed_share',
  edited: 's.last_edited_at',
};

/**
 * Returns one page of the corpus with its figures, and how many articles match: filters, the
 * full-text search and the sort are SQL over indexed columns of articles and article_stats, so a
 * page of 50 costs the same with 100 or 100,000 articles (test/store/query-plans.test.ts).
 */
export async function listCorpusPage(store: Store, query: CorpusQuery, decisions: number): Promise<{ rows: CorpusRow[]; total: number }> {
  const conditions: Expression<SqlBool>[] = [];
  const search = query.q ? matchesSearch(store, 'a.id', query.q) : undefined;
  if (search) conditions.push(search);
  if (query.status) conditions.push(sql<SqlBool>`a.status = ${query.status}`);
  if (query.engine !== undefined) conditions.push(sql<SqlBool>`a.mt_engine = ${query.engine}`);
  if (query.hasErrors) conditions.push(sql<SqlBool>`s.open_errors > 0`);
  if (query.editor) conditions.push(sql<SqlBool>`a.id IN (SELECT article_id FROM article_editors WHERE author = ${query.editor})`);
  if (query.from) conditions.push(sql<SqlBool>`a.imported_at >= ${query.from}`);
  if (query.to) conditions.push(sql<SqlBool>`a.imported_at < ${nextDay(query.to)}`);
  const where = conditions.length === 0 ? sql`` : sql`WHERE ${sql.join(conditions, sql` AND `)}`;
  const direction = query.isDescending ? sql`DESC` : sql`ASC`;
  const { rows } = await sql<Omit<CorpusRow, 'isStale'> & { isStale: number }>`
    SELECT a.id, a.title, a.source_name AS "sourceName", a.status, a.imported_at AS "importedAt", a.mt_engine AS "mtEngine",
           CASE WHEN a.is_dirty = 1 OR a.refreshed_decisions < ${decisions} THEN 1 ELSE 0 END AS "isStale",
           s.segments AS "segmentCount", s.edited_segments AS "editedSegmentCount", s.mt_words AS "mtWords",
           s.words_changed AS "wordsChanged", s.open_errors AS "openErrors", s.open_warnings AS "openWarnings",
           s.open_infos AS "openInfos", s.last_edited_at AS "lastEditedAt"
    FROM articles a LEFT JOIN article_stats s ON s.article_id = a.id
    ${where}
    ORDER BY ${sql.raw(ORDER[query.sort])} ${direction} ${NULLABLE_SORTS.has(query.sort) ? sql`NULLS LAST` : sql``}, a.id ${direction}
    LIMIT ${query.limit} OFFSET ${query.offset}`.execute(store.db);
  const needsStats = query.hasErrors === true;
  const { rows: counted } = await sql<{ n: number }>`
    SELECT COUNT(*) AS n FROM articles a ${needsStats ? sql`LEFT JOIN article_stats s ON s.article_id = a.id` : sql``} ${where}`.execute(store.db);
  return { rows: rows.map((r) => ({ ...r, isStale: Number(r.isStale) === 1 })), total: Number(counted[0]?.n ?? 0) };
}

/**
 * Returns the id of the next article after `afterId` (by id, wrapping round to the first) whose
 * figures count an open error flag, or undefined when no other article has one. Two probes of the
 * partial index article_stats_with_errors (migration 013) in one statement, each stopping at its
 * first row, whatever the corpus's size (test/store/query-plans.test.ts).
 */
export async function findNextWithOpenErrors(store: Store, afterId: number): Promise<number | undefined> {
  const { rows } = await sql<{ id: number | null }>`
    SELECT COALESCE(
      (SELECT article_id FROM article_stats WHERE open_errors > 0 AND article_id > ${afterId} ORDER BY article_id LIMIT 1),
      (SELECT article_id FROM article_stats WHERE open_errors > 0 AND article_id < ${afterId} ORDER BY article_id LIMIT 1)) AS id`.execute(store.db);
  const id = rows[0]?.id;
  return id === null || id === undefined ? undefined : Number(id);
}

/** Returns the day after a YYYY-MM-DD date, as YYYY-MM-DD (the upper bound of "imported on or before"). */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Returns the MT engines and editors of the corpus, for the filters (both from small tables kept at write time). */
export async function listCorpusFacets(store: Store): Promise<{ engines: string[]; editors: string[] }> {
  const [engines, editors] = await Promise.all([
    store.db.selectFrom('report_totals').select('engine').where('articles', '>', 0).orderBy('engine').execute(),
    store.db.selectFrom('editor_stats').select('author').where('revisions', '>', 0).orderBy('author').execute(),
  ]);
  return { engines: engines.map((e) => e.engine), editors: editors.map((e) => e.author) };
}

/** Returns how many articles there are and how many are done (an index count each). */
export async function countArticles(store: Store): Promise<{ total: number; done: number }> {
  const { rows } = await sql<{ total: number; done: number }>`
    SELECT (SELECT COUNT(*) FROM articles) AS total, (SELECT COUNT(*) FROM articles WHERE status = 'done') AS done`.execute(store.db);
  return { total: Number(rows[0]?.total ?? 0), done: Number(rows[0]?.done ?? 0) };
}

/** Returns the corpus's MT words and MT words changed, summed over the running totals (a row per engine). */
export async function readCorpusWordTotals(store: Store): Promise<{ mtWords: number; wordsChanged: number }> {
  const { rows } = await sql<{ mtWords: number; wordsChanged: number }>`
    SELECT COALESCE(SUM(mt_words), 0) AS "mtWords", COALESCE(SUM(words_changed), 0) AS "wordsChanged" FROM report_totals`.execute(store.db);
  return { mtWords: Number(rows[0]?.mtWords ?? 0), wordsChanged: Number(rows[0]?.wordsChanged ?? 0) };
}

/**
 * Returns true when there is background work: an article marked or left behind by a decision (the
 * stale probes of staleUpToSql, stopping at the first), a phrase to expand, a name bucket to
 * cluster. One statement of early-stopping probes, for the idle
 * refresher's poll on the main thread (background.ts), so idle worker threads can exit.
 */
export async function hasBackgroundWork(store: Store): Promise<boolean> {
  const { rows } = await sql<{ work: number }>`
    SELECT CASE WHEN ${staleUpToSql(sql`(SELECT value FROM counters WHERE name = 'decisions')`, 0)} > 0
      OR EXISTS (SELECT 1 FROM dirty_phrases)
      OR EXISTS (SELECT 1 FROM name_buckets WHERE is_dirty = 1) THEN 1 ELSE 0 END AS work`.execute(store.db);
  return Number(rows[0]?.work ?? 0) === 1;
}

/**
 * Returns how many articles wait for a refresh, counting at most `atMost + 1` (two index probes
 * that stop early): enough to tell "a write's few leftovers" from "a re-check under way".
 */
export async function countStaleUpTo(store: Store, decisions: number, atMost: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT ${staleUpToSql(sql`${decisions}`, atMost)} AS n`.execute(store.db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The stale-article count as a SQL expression (two early-stopping index probes, each stopping at
 * `atMost` + 1): articles marked dirty, and the others refreshed before `decisions`. Shared by
 * countStaleUpTo and the listing pages' one statement (counters.ts). Both probes are ordered as
 * the index articles_stale (migration 017) so that the planner reads that index and never the
 * table: PostgreSQL plans them without knowing `decisions`, from statistics that may date from an
 * import (most articles dirty), and without the ORDER BY took a sequential scan of every article,
 * expecting to stop early (37 ms a page view at 100,000 articles, none of them stale).
 */
export function staleUpToSql(decisions: Expression<unknown>, atMost: number) {
  return sql<number>`((SELECT COUNT(*) FROM (SELECT 1 AS one FROM articles WHERE is_dirty = 1 ${STALE_ORDER} LIMIT ${atMost + 1}) d)
    + (SELECT COUNT(*) FROM (SELECT 1 AS one FROM articles WHERE is_dirty = 0 AND refreshed_decisions < ${decisions} ${STALE_ORDER} LIMIT ${atMost + 1}) o))`;
}

/**
 * The order of the index articles_stale (migration 017), given to every probe for stale articles
 * (here, and the refresh's claim in derived.ts) so that the planner reads that index and never the table.
 */
export const STALE_ORDER = sql`ORDER BY is_dirty, refreshed_decisions, id`;
