import type { ServiceContext } from './context.js';
import { refreshPending } from './context.js';
import { readCorpusVersions } from '../store/counters.js';
import { countStaleArticles } from '../store/derived.js';
import { listCorpusFacets } from '../store/corpus.js';
import { getArticle } from '../store/articles.js';
import {
  countIssueGroups, countIssues, listIssues, readIssues,
  type IssueCount, type IssueCursor, type IssueFilters, type IssueGrouping, type IssueQuery, type IssueRow,
} from '../store/issues.js';
import { applyChosenChanges, dismissFlagsAcross, planArticleFixes, type ArticleChanges } from './flags.js';
import { ServiceError } from './errors.js';

export { ISSUE_GROUPINGS, ISSUE_SCAN_WINDOW, MAX_COUNTED_ISSUES, MAX_COUNTED_PER_GROUP } from '../store/issues.js';
export type { IssueCount, IssueCursor, IssueFilters, IssueGrouping, IssueRow } from '../store/issues.js';

/** Rows per page of the QA list. */
export const ISSUES_PAGE_SIZE = 50;

/** Rows per statement of an export (it streams them a batch at a time; memory stays flat). */
export const ISSUE_EXPORT_BATCH = 500;

/** Most flags one dismissal or fix across articles takes (a page holds ISSUES_PAGE_SIZE). */
export const MAX_ISSUE_PICKS = 200;

/** One page of the QA list's request: the filters, the grouping, and where the page starts or ends. */
export interface IssuesQuery extends IssueFilters {
  readonly grouping: IssueGrouping;
  readonly after?: IssueCursor | undefined;
  readonly before?: IssueCursor | undefined;
}

/** One page of the QA list. */
export interface IssuesPage {
  readonly rows: readonly IssueRow[];
  /** Open flags passing the filters (counted up to MAX_COUNTED_ISSUES). */
  readonly total: IssueCount;
  /** The corpus-wide count of each group the page's rows belong to (grouped by check or person). */
  readonly groupCounts: ReadonlyMap<string, IssueCount>;
  /** Where the next page starts (after it), or undefined on the last page. */
  readonly next: IssueCursor | undefined;
  /** Where the previous page ends (before it), or undefined on the first page. */
  readonly previous: IssueCursor | undefined;
  /**
   * True when a status or engine filter left the page short because its search window ended
   * (ISSUE_SCAN_WINDOW flags looked at): more may match past `next`.
   */
  readonly isWindowShort: boolean;
  /** Articles waiting for the background refresher (their flags are the last ones known). */
  readonly stale: number;
  /** The corpus's MT engines, for the filter. */
  readonly engines: readonly string[];
}

/** Returns a row's place in the grouping's order: what a page's link goes on from. */
export function cursorOf(row: IssueRow, grouping: IssueGrouping): IssueCursor {
  const group = grouping === 'check' ? row.checkId : grouping === 'person' ? row.groupKey : null;
  return { group, articleId: row.articleId, position: row.position };
}

/**
 * Returns one page of every open flag of the corpus (issue 13's QA list): the filters and grouping
 * asked for, the page after or before a cursor (keyset paging: every page costs the same), how
 * many flags match and each group's count; refreshes what the last writes left stale first.
 */
export async function issuesPage(ctx: ServiceContext, query: IssuesQuery): Promise<IssuesPage> {
  await refreshPending(ctx);
  const { decisions } = await readCorpusVersions(ctx.store);
  const base: IssueQuery = { ...query, after: undefined, before: undefined, limit: ISSUES_PAGE_SIZE + 1 };
  let rows: IssueRow[];
  let next: IssueCursor | undefined;
  let previous: IssueCursor | undefined;
  let isWindowShort = false;
  const last = (list: readonly IssueRow[]) => list[list.length - 1];
  const forward = async (after: IssueCursor | undefined) => {
    const slice = await listIssues(ctx.store, { ...base, after });
    const page = slice.rows.slice(0, ISSUES_PAGE_SIZE);
    const end = last(page);
    isWindowShort = slice.searchedTo !== undefined;
    return {
      page,
      next: slice.rows.length > ISSUES_PAGE_SIZE && end ? cursorOf(end, query.grouping) : slice.searchedTo,
    };
  };
  if (query.before) {
    const slice = await listIssues(ctx.store, { ...base, before: query.before });
    if (slice.rows.length > ISSUES_PAGE_SIZE || slice.searchedTo) {
      // Rows come in list order; the one before the page's first is the extra one asked for.
      rows = slice.rows.length > ISSUES_PAGE_SIZE ? slice.rows.slice(1) : slice.rows;
      const first = rows[0];
      previous = slice.rows.length > ISSUES_PAGE_SIZE && first ? cursorOf(first, query.grouping) : slice.searchedTo;
      const end = last(rows);
      next = end ? cursorOf(end, query.grouping) : query.before;
      isWindowShort = slice.searchedTo !== undefined;
    } else {
      // Back at the start: the first page, full.
      ({ page: rows, next } = await forward(undefined));
    }
  } else {
    ({ page: rows, next } = await forward(query.after));
    const first = rows[0];
    previous = query.after ? (first ? cursorOf(first, query.grouping) : query.after) : undefined;
  }
  const groupKeys = query.grouping === 'none' ? [] : rows.map((r) => cursorOf(r, query.grouping).group ?? '');
  const [total, groupCounts, stale, facets] = await Promise.all([
    countIssues(ctx.store, query, query.grouping),
    countIssueGroups(ctx.store, query, query.grouping, groupKeys),
    countStaleArticles(ctx.store, decisions),
    listCorpusFacets(ctx.store),
  ]);
  return { rows, total, groupCounts, next, previous, isWindowShort, stale: stale.stale, engines: facets.engines };
}

/** Returns how many open flags pass the filters, up to MAX_COUNTED_ISSUES (what an export says it holds). */
export function countMatchingIssues(ctx: ServiceContext, query: IssueFilters & { readonly grouping: IssueGrouping }): Promise<IssueCount> {
  return countIssues(ctx.store, query, query.grouping);
}

/**
 * Yields every open flag passing the filters in the list's order, ISSUE_EXPORT_BATCH at a time
 * (keyset paging): an export of 100,000 flags streams them and never holds them all.
 */
export async function* exportIssues(ctx: ServiceContext, query: IssueFilters & { readonly grouping: IssueGrouping }): AsyncGenerator<IssueRow[]> {
  let after: IssueCursor | undefined;
  for (;;) {
    const slice = await listIssues(ctx.store, { ...query, after, before: undefined, limit: ISSUE_EXPORT_BATCH });
    if (slice.rows.length > 0) yield slice.rows;
    const end = slice.rows[slice.rows.length - 1];
    if (slice.rows.length === ISSUE_EXPORT_BATCH && end) after = cursorOf(end, query.grouping);
    else if (slice.searchedTo) after = slice.searchedTo;
    else return;
  }
}

/** One flag a form ticked: its article and fingerprint. */
export interface IssuePick {
  readonly articleId: number;
  readonly fingerprint: string;
}

/** Returns the picks by article, refusing none or too many. */
function byArticle(picks: readonly IssuePick[]): Map<number, Set<string>> {
  if (picks.length > MAX_ISSUE_PICKS) throw new ServiceError('invalid', `Tick at most ${MAX_ISSUE_PICKS} flags at a time.`);
  const out = new Map<number, Set<string>>();
  for (const p of picks) out.set(p.articleId, (out.get(p.articleId) ?? new Set()).add(p.fingerprint));
  return out;
}

/** Returns the ticked flags that are still open, as the list shows them (for the form that asks for a reason again). */
export function tickedIssues(ctx: ServiceContext, picks: readonly IssuePick[]): Promise<IssueRow[]> {
  byArticle(picks);
  return readIssues(ctx.store, picks);
}

/**
 * Dismisses the ticked flags, in whichever articles they are, with one reason, all or nothing;
 * returns how many dismissals were added. Throws invalid without a flag or a reason, or with more
 * than MAX_ISSUE_PICKS.
 */
export function dismissIssues(ctx: ServiceContext, picks: readonly IssuePick[], reason: string, author: string): Promise<number> {
  return dismissFlagsAcross(ctx, byArticle(picks), reason, author);
}

/** A ticked flag a fix everywhere leaves out, and why. */
export interface SkippedIssue {
  readonly articleId: number;
  readonly fingerprint: string;
  readonly why: 'not-open' | 'no-suggestion';
}

/**
 * Returns the changes of fixing each ticked flag everywhere in its article with its first
 * suggestion (every flag like it: the same check and person, or the same text), article by article
 * in id order, and the ticked flags left out (no longer open, or with no suggestion).
 */
export async function planIssueFixes(ctx: ServiceContext, picks: readonly IssuePick[]): Promise<{ changes: ArticleChanges[]; skipped: SkippedIssue[] }> {
  const groups = byArticle(picks);
  if (groups.size === 0) throw new ServiceError('invalid', 'Tick at least one flag to fix.');
  const changes: ArticleChanges[] = [];
  const skipped: SkippedIssue[] = [];
  for (const articleId of [...groups.keys()].sort((a, b) => a - b)) {
    const fingerprints = [...(groups.get(articleId) ?? [])];
    const article = await getArticle(ctx.store, articleId);
    if (!article) {
      skipped.push(...fingerprints.map((fingerprint) => ({ articleId, fingerprint, why: 'not-open' as const })));
      continue;
    }
    const { segments, fixes, chosen } = await planArticleFixes(ctx, article, fingerprints.map((fingerprint) => ({ fingerprint })));
    chosen.forEach(({ flag, replacement }, i) => {
      const fingerprint = fingerprints[i] as string;
      if (!flag) skipped.push({ articleId, fingerprint, why: 'not-open' });
      else if (replacement === undefined) skipped.push({ articleId, fingerprint, why: 'no-suggestion' });
    });
    if (fixes.length > 0) changes.push({ article, segments, fixes });
  }
  return { changes, skipped };
}

/**
 * Applies the chosen changes ("articleId:position") of the ticked flags' plan, all or nothing in
 * one transaction, each from the revision the editor saw in the preview; returns how many
 * replacements were made. Throws invalid when none is chosen, conflict when a segment changed.
 */
export async function applyIssueFixes(
  ctx: ServiceContext, picks: readonly IssuePick[], choice: { changes: ReadonlySet<string>; bases: ReadonlyMap<string, string> }, author: string,
): Promise<number> {
  const { changes } = await planIssueFixes(ctx, picks);
  return applyChosenChanges(ctx, changes, choice, author);
}
