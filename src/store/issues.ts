import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Store } from './store.js';
import type { ArticleStatus } from './articles.js';
import type { FlagSpan, Severity } from '../core/checks/types.js';
import type { SegmentKind } from '../core/article/types.js';

/**
 * The QA list (issue 13): every open flag of the corpus, read from article_flags (kept at write
 * time, migration 008) a page at a time. Each grouping has one order, served by one index of
 * migration 014 with `is_dismissed = 0` in front, and pages go by keyset (the last row's sort key),
 * so the hundredth page costs what the first does. test/store/issue-plans.test.ts checks the plans.
 */

/** How the list is grouped: not at all (article order), by check, or by person (the flag's group). */
export const ISSUE_GROUPINGS = ['none', 'check', 'person'] as const;
/** One of ISSUE_GROUPINGS. */
export type IssueGrouping = (typeof ISSUE_GROUPINGS)[number];

/** What the list is filtered by; every filter left undefined lets everything through. */
export interface IssueFilters {
  /** A check id (`name-variant`). */
  readonly check?: string | undefined;
  readonly severity?: Severity | undefined;
  /** A flag group: a person's key (`cho-tae-yul`) or a glossary concept's (`c3`). */
  readonly person?: string | undefined;
  readonly articleId?: number | undefined;
  /** The article's review status. */
  readonly status?: ArticleStatus | undefined;
  /** The article's MT engine ('' for unknown). */
  readonly engine?: string | undefined;
}

/** Where a page starts or ends: a row's sort key (`group` is its check id or person key, null without grouping). */
export interface IssueCursor {
  readonly group: string | null;
  readonly articleId: number;
  readonly position: number;
}

/** One page's request: filters, grouping, and rows after (or before) a cursor. */
export interface IssueQuery extends IssueFilters {
  readonly grouping: IssueGrouping;
  /** Rows after this one (the next page); the first rows without it. */
  readonly after?: IssueCursor | undefined;
  /** Rows before this one, nearest last (the previous page); wins over `after`. */
  readonly before?: IssueCursor | undefined;
  readonly limit: number;
}

/** One open flag as the QA list shows it, with its article. */
export interface IssueRow {
  readonly articleId: number;
  /** The flag's place in its article's flag list. */
  readonly position: number;
  readonly checkId: string;
  readonly severity: Severity;
  /** 0-based segment of its first place, and that segment's kind (undefined if the segment is gone). */
  readonly segment: number;
  readonly segmentKind: SegmentKind | undefined;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly message: string;
  readonly suggestions: readonly string[];
  readonly fingerprint: string;
  /** The person (or glossary concept) the flag is about, or null. */
  readonly groupKey: string | null;
  /** A person's spellings, preferred first, when the check gave them. */
  readonly variants: readonly string[] | null;
  /** Every place, when more than one. */
  readonly spans: readonly FlagSpan[] | null;
  readonly articleTitle: string;
  readonly articleStatus: ArticleStatus;
  readonly mtEngine: string;
}

/** The first column of each grouping's order (after `is_dismissed`): what the cursor's `group` holds. */
const GROUP_COLUMN: Record<IssueGrouping, string | null> = { none: null, check: 'f.check_id', person: 'f.group_key' };

/**
 * Most open flags one page of a list filtered by the article's status or engine looks through
 * (index entries, in the list's order): such a filter is tested on each flag's article, so a status
 * that few articles have would otherwise read every flag of the corpus to fill a page. When the
 * window ends before the page is full, the page says so and the next one goes on from there.
 * 1,000-20,000; a window of 5,000 entries is a few milliseconds.
 */
export const ISSUE_SCAN_WINDOW = 5000;

/**
 * Most flags the page's count of matching flags counts: past it the page says "more than 10,000",
 * so the count's work is bounded at any corpus size. 1,000-100,000.
 */
export const MAX_COUNTED_ISSUES = 10_000;

/** Most flags a group heading's count counts ("1,000+"): a page may head a few dozen groups. 100-10,000. */
export const MAX_COUNTED_PER_GROUP = 1000;

/**
 * The flag column whose index a statement reads: its filter (or its order) is the index's prefix,
 * and every other flag filter is tested on that index's entries. Without statistics (the app never
 * runs ANALYZE) SQLite's planner cannot tell that one article's or one person's flags are few and a
 * severity's many, so the statements choose: the other filters are written as expressions no index
 * serves (`col || ''`, `col + 0`), which both backends evaluate like the column itself.
 */
type Driver = 'article' | 'person' | 'check' | 'severity' | 'none';

/** Returns the driver of a count: the most selective filter given (one article, one person, one check, one severity). */
function countDriver(filters: IssueFilters, grouping: IssueGrouping): Driver {
  if (filters.articleId !== undefined) return 'article';
  if (filters.person !== undefined) return 'person';
  if (filters.check !== undefined) return 'check';
  if (filters.severity !== undefined) return 'severity';
  return grouping === 'person' ? 'person' : 'none';
}

/**
 * Returns the driver of a page: the index that gives the grouping's order, unless an article or a
 * person filter leaves few rows (isSelectiveQuery), which are then read by that filter and sorted.
 */
function listDriver(query: IssueQuery): Driver {
  if (isSelectiveQuery(query)) return query.articleId !== undefined ? 'article' : 'person';
  if (query.grouping === 'check') return 'check';
  if (query.grouping === 'person') return 'person';
  return countDriver(query, 'none');
}

/** Returns the WHERE conditions on the flag itself (and of the grouping: by person lists only flags about one); only the driver's column is left for an index. */
function flagConditions(filters: IssueFilters, grouping: IssueGrouping, driver: Driver): Expression<SqlBool>[] {
  const text = (column: string, by: Driver) => sql.raw(driver === by ? column : `(${column} || '')`);
  // A literal, not a parameter: the planner then knows it can use the indexes that lead with it.
  const out: Expression<SqlBool>[] = [sql<SqlBool>`f.is_dismissed = 0`];
  if (filters.check !== undefined) out.push(sql<SqlBool>`${text('f.check_id', 'check')} = ${filters.check}`);
  if (filters.severity !== undefined) out.push(sql<SqlBool>`${text('f.severity', 'severity')} = ${filters.severity}`);
  if (filters.person !== undefined) out.push(sql<SqlBool>`${text('f.group_key', 'person')} = ${filters.person}`);
  else if (grouping === 'person') out.push(sql<SqlBool>`${text('f.group_key', 'person')} IS NOT NULL`);
  if (filters.articleId !== undefined) out.push(sql<SqlBool>`${sql.raw(driver === 'article' ? 'f.article_id' : '(f.article_id + 0)')} = ${filters.articleId}`);
  return out;
}

/** Returns the WHERE conditions on the flag's article (alias `a`): its status and engine. */
function articleConditions(filters: IssueFilters): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (filters.status !== undefined) out.push(sql<SqlBool>`a.status = ${filters.status}`);
  if (filters.engine !== undefined) out.push(sql<SqlBool>`a.mt_engine = ${filters.engine}`);
  return out;
}

/**
 * Returns the sort key columns of a grouping, in order. With `isSelective` (an article or a person
 * filter that is not the grouping's own column: a few rows) the group column is written as an
 * expression no index can order by, so SQLite's planner reads those few rows by the filter's index
 * and sorts them, rather than walking the grouping's index and testing every entry.
 */
function sortColumns(grouping: IssueGrouping, isSelective = false): RawBuilder<unknown>[] {
  const group = GROUP_COLUMN[grouping];
  const first = group ? [isSelective ? sql`(${sql.raw(group)} || '')` : sql.raw(group)] : [];
  return [...first, sql.raw('f.article_id'), sql.raw('f.position')];
}

/** True when a filter other than the grouping's own column leaves only a few rows (one article's, one person's). */
function isSelectiveQuery(query: IssueQuery): boolean {
  return query.grouping !== 'none' && (query.articleId !== undefined || (query.person !== undefined && query.grouping !== 'person'));
}

/** Returns the condition "after (or before) the cursor" in the grouping's order, as one row-value comparison an index range serves. */
function keysetCondition(grouping: IssueGrouping, cursor: IssueCursor, comparison: '<' | '>' | '<=' | '>=', isSelective = false): Expression<SqlBool> {
  const values = [...(GROUP_COLUMN[grouping] ? [sql`${cursor.group ?? ''}`] : []), sql`${cursor.articleId}`, sql`${cursor.position}`];
  return sql<SqlBool>`(${sql.join(sortColumns(grouping, isSelective))}) ${sql.raw(comparison)} (${sql.join(values)})`;
}

const where = (conditions: readonly Expression<SqlBool>[]) => sql.join(conditions, sql` AND `);

interface RawIssue {
  articleId: number; position: number; checkId: string; severity: string; segment: number; segmentKind: string | null;
  start: number; end: number; text: string; message: string; suggestions: string; fingerprint: string;
  groupKey: string | null; variants: string | null; spans: string | null; articleTitle: string; articleStatus: string; mtEngine: string;
}

const parseList = (json: string | null): string[] | null => {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : null;
};

function toIssueRow(r: RawIssue): IssueRow {
  return {
    articleId: Number(r.articleId),
    position: Number(r.position),
    checkId: r.checkId,
    severity: r.severity as Severity,
    segment: Number(r.segment),
    segmentKind: (r.segmentKind ?? undefined) as SegmentKind | undefined,
    start: Number(r.start),
    end: Number(r.end),
    text: r.text,
    message: r.message,
    suggestions: parseList(r.suggestions) ?? [],
    fingerprint: r.fingerprint,
    groupKey: r.groupKey,
    variants: parseList(r.variants),
    spans: r.spans === null ? null : (JSON.parse(r.spans) as FlagSpan[]),
    articleTitle: r.articleTitle,
    articleStatus: r.articleStatus as ArticleStatus,
    mtEngine: r.mtEngine,
  };
}

/** The columns a row of the list reads: the flag, its article, and the kind of its first segment. */
const ROW_COLUMNS = sql`f.article_id AS "articleId", f.position, f.check_id AS "checkId", f.severity, f.segment, s.kind AS "segmentKind",
  f.start_offset AS "start", f.end_offset AS "end", f.text, f.message, f.suggestions, f.fingerprint, f.group_key AS "groupKey",
  f.variants, f.spans, a.title AS "articleTitle", a.status AS "articleStatus", a.mt_engine AS "mtEngine"`;

/** One page of the list, and where the search stopped when a status or engine filter left it short. */
export interface IssueSlice {
  readonly rows: IssueRow[];
  /**
   * Set when the page read its whole window (ISSUE_SCAN_WINDOW flags) before finding `limit` rows
   * that pass the article filters: the last flag it looked at, from which the next page goes on.
   */
  readonly searchedTo: IssueCursor | undefined;
}

/**
 * Returns up to `limit` open flags in the grouping's order: the first ones, those after `after`,
 * or (with `before`) those just before it, still in list order. A page is one index range of
 * article_flags (its flag filters tested in the index), each row joined to its article and segment
 * by key. A status or engine filter is tested on each flag's article, over at most
 * ISSUE_SCAN_WINDOW flags of the range: the window's end is found first, in the index alone.
 */
export async function listIssues(store: Store, query: IssueQuery): Promise<IssueSlice> {
  const isSelective = isSelectiveQuery(query);
  const conditions = flagConditions(query, query.grouping, listDriver(query));
  const cursor = query.before ?? query.after;
  const isBackwards = query.before !== undefined;
  if (cursor) conditions.push(keysetCondition(query.grouping, cursor, isBackwards ? '<' : '>', isSelective));
  const columns = sortColumns(query.grouping, isSelective);
  const direction = sql.raw(isBackwards ? 'DESC' : 'ASC');
  const order = sql.join(columns.map((c) => sql`${c} ${direction}`));
  const onArticle = articleConditions(query);
  let windowEnd: IssueCursor | undefined;
  if (onArticle.length > 0) {
    const group = GROUP_COLUMN[query.grouping];
    const { rows: last } = await sql<{ group: string | null; articleId: number; position: number }>`
      SELECT ${group ? sql.raw(group) : sql`NULL`} AS "group", f.article_id AS "articleId", f.position
      FROM article_flags f WHERE ${where(conditions)} ORDER BY ${order} LIMIT 1 OFFSET ${ISSUE_SCAN_WINDOW - 1}`.execute(store.db);
    const end = last[0];
    if (end) windowEnd = { group: end.group, articleId: Number(end.articleId), position: Number(end.position) };
  }
  if (windowEnd) conditions.push(keysetCondition(query.grouping, windowEnd, isBackwards ? '>=' : '<=', isSelective));
  // CROSS JOIN: SQLite then walks the flags in the index's order and looks each article up by key,
  // stopping at `limit` (left to itself it may read every article of a status and sort their
  // flags); PostgreSQL plans it as the inner join it is.
  const { rows } = await sql<RawIssue>`
    SELECT ${ROW_COLUMNS}
    FROM article_flags f
    CROSS JOIN articles a
    LEFT JOIN segments s ON s.article_id = f.article_id AND s.position = f.segment
    WHERE a.id = f.article_id AND ${where([...conditions, ...onArticle])}
    ORDER BY ${order}
    LIMIT ${query.limit}`.execute(store.db);
  const out = rows.map(toIssueRow);
  return { rows: isBackwards ? out.reverse() : out, searchedTo: out.length < query.limit ? windowEnd : undefined };
}

/** How many flags a count found, up to its cap. */
export interface IssueCount {
  readonly count: number;
  /** True when there are more than the cap (`count` is then the cap). */
  readonly isMore: boolean;
}

/** Returns the count of the flags of a condition list, stopping past `cap`. */
function cappedCount(conditions: readonly Expression<SqlBool>[], cap: number) {
  return sql<number>`(SELECT COUNT(*) FROM (SELECT 1 AS one FROM article_flags f WHERE ${where(conditions)} LIMIT ${cap + 1}) c)`;
}

/** Returns the conditions of a count: the flag's own, and its article's as a set of article ids (read through the articles' status and engine indexes). */
function countConditions(filters: IssueFilters, grouping: IssueGrouping): Expression<SqlBool>[] {
  const onArticle = articleConditions(filters);
  const onFlag = flagConditions(filters, grouping, countDriver(filters, grouping));
  return onArticle.length === 0 ? onFlag : [...onFlag, sql<SqlBool>`f.article_id IN (SELECT a.id FROM articles a WHERE ${where(onArticle)})`];
}

const toCount = (n: unknown, cap: number): IssueCount => ({ count: Math.min(Number(n ?? 0), cap), isMore: Number(n ?? 0) > cap });

/** Returns how many open flags pass the filters (under the grouping: by person counts only flags about one), up to MAX_COUNTED_ISSUES. */
export async function countIssues(store: Store, filters: IssueFilters, grouping: IssueGrouping): Promise<IssueCount> {
  const { rows } = await sql<{ n: number }>`SELECT ${cappedCount(countConditions(filters, grouping), MAX_COUNTED_ISSUES)} AS n`.execute(store.db);
  return toCount(rows[0]?.n, MAX_COUNTED_ISSUES);
}

/**
 * Returns how many open flags passing the filters each of these groups (check ids or person keys,
 * by the grouping) holds in the whole corpus, each up to MAX_COUNTED_PER_GROUP: the counts of a page's
 * group headings, one bounded index range per group. Empty for no grouping or no keys.
 */
export async function countIssueGroups(store: Store, filters: IssueFilters, grouping: IssueGrouping, keys: readonly string[]): Promise<Map<string, IssueCount>> {
  const column = GROUP_COLUMN[grouping];
  const unique = [...new Set(keys)];
  if (!column || unique.length === 0) return new Map();
  // Each group is a range of its own index; its flags' articles are looked up by key (a status's id
  // list, read once per group, would cost more than the group's capped range).
  const onArticle = articleConditions(filters);
  const article = onArticle.length > 0 ? [sql<SqlBool>`EXISTS (SELECT 1 FROM articles a WHERE a.id = f.article_id AND ${where(onArticle)})`] : [];
  const counts = unique.map((key) => {
    // The group's key is one more filter (a check's flags, a person's), and the driver is chosen with it.
    const withKey: IssueFilters = grouping === 'check' ? { ...filters, check: key } : { ...filters, person: key };
    const conflicting = grouping === 'check' ? filters.check !== undefined && filters.check !== key : filters.person !== undefined && filters.person !== key;
    return conflicting ? sql`0` : cappedCount([...flagConditions(withKey, grouping, countDriver(withKey, grouping)), ...article], MAX_COUNTED_PER_GROUP);
  });
  const { rows } = await sql<Record<string, number>>`SELECT ${sql.join(counts.map((c, i) => sql`${c} AS ${sql.ref(`n${i}`)}`))}`.execute(store.db);
  const row = rows[0] ?? {};
  return new Map(unique.map((key, i) => [key, toCount(row[`n${i}`], MAX_COUNTED_PER_GROUP)]));
}

/** Returns the open flags of these articles with these fingerprints, in article and list order (what a form ticked). */
export async function readIssues(store: Store, picks: readonly { readonly articleId: number; readonly fingerprint: string }[]): Promise<IssueRow[]> {
  const byArticle = new Map<number, Set<string>>();
  for (const p of picks) byArticle.set(p.articleId, (byArticle.get(p.articleId) ?? new Set()).add(p.fingerprint));
  const out: IssueRow[] = [];
  for (const articleId of [...byArticle.keys()].sort((a, b) => a - b)) {
    const { rows } = await sql<RawIssue>`
      SELECT ${ROW_COLUMNS}
      FROM article_flags f
      JOIN articles a ON a.id = f.article_id
      LEFT JOIN segments s ON s.article_id = f.article_id AND s.position = f.segment
      WHERE f.is_dismissed = 0 AND f.article_id = ${articleId} AND f.fingerprint IN (${sql.join([...(byArticle.get(articleId) ?? [])])})
      ORDER BY f.position`.execute(store.db);
    out.push(...rows.map(toIssueRow));
  }
  return out;
}
