import type { IssueCount, IssueCursor, IssueGrouping, IssueRow, IssuesPage, IssuesQuery, SkippedIssue } from '../../service/issues.js';
import { ISSUE_SCAN_WINDOW } from '../../service/issues.js';
import type { ArticleChanges } from '../../service/flags.js';
import { ARTICLE_STATUSES } from '../../service/types.js';
import { ALL_CHECKS, buildCheckMap } from '../../core/checks/index.js';
import type { Severity } from '../../core/checks/types.js';
import type { DiffPart } from '../../core/diff/types.js';
import { diffSegment } from '../../core/diff/diff-segment.js';
import type { IssueFileRow } from '../../formats/issue-files.js';
import { STATUS_LABELS, segmentPlace } from './format.js';

const CHECKS = buildCheckMap(ALL_CHECKS);

/** The severities, most serious first, as the filter offers them. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** How the grouping choice is labelled. */
const GROUPING_LABELS: Readonly<Record<IssueGrouping, string>> = { none: 'No grouping', check: 'By check', person: 'By person' };

/** Returns a cursor as a URL value: "articleId.position", after "group." when grouped (a group key holding a dot is still read right: the last two fields are numbers). */
export function formatCursor(cursor: IssueCursor): string {
  return `${cursor.group === null ? '' : `${cursor.group}.`}${cursor.articleId}.${cursor.position}`;
}

/** Returns the cursor a URL value names, or undefined when it is not one formatCursor writes (a stale bookmark then shows the first page). */
export function parseCursor(value: string | undefined, grouping: IssueGrouping): IssueCursor | undefined {
  if (!value || value.length > 500) return undefined;
  const match = /^(?:(.+)\.)?(\d{1,9})\.(\d{1,6})$/su.exec(value);
  if (!match) return undefined;
  const group = match[1];
  if ((grouping === 'none') !== (group === undefined)) return undefined;
  return { group: group ?? null, articleId: Number(match[2]), position: Number(match[3]) };
}

/** Returns the QA list's URL for a query (defaults left out), with changes; the page's own cursor is dropped unless given. */
export function issuesUrl(query: IssuesQuery, changes: Partial<IssuesQuery> = {}, path = '/issues'): string {
  const q: IssuesQuery = { ...query, after: undefined, before: undefined, ...changes };
  const params = new URLSearchParams();
  if (q.check !== undefined) params.set('check', q.check);
  if (q.severity !== undefined) params.set('severity', q.severity);
  if (q.person !== undefined) params.set('person', q.person);
  if (q.articleId !== undefined) params.set('article', String(q.articleId));
  if (q.status !== undefined) params.set('status', q.status);
  if (q.engine !== undefined) params.set('engine', q.engine === '' ? '(unknown)' : q.engine);
  if (q.grouping !== 'none') params.set('group', q.grouping);
  if (q.after) params.set('after', formatCursor(q.after));
  if (q.before) params.set('before', formatCursor(q.before));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Returns the export of the list a query shows (every page of it), in `format`. */
export function exportUrl(query: IssuesQuery, format: 'csv' | 'json'): string {
  const url = issuesUrl(query, {}, '/issues/export');
  return `${url}${url.includes('?') ? '&' : '?'}format=${format}`;
}

/** Returns "12 open flags", "1 open flag" or "more than 10,000 open flags". */
export function describeCount(count: IssueCount, noun = 'open flag'): string {
  if (count.isMore) return `more than ${count.count.toLocaleString('en')} ${noun}s`;
  return `${count.count.toLocaleString('en')} ${noun}${count.count === 1 ? '' : 's'}`;
}

/** Returns who a flag is about, as the page names them: a person's preferred spelling (the check's first variant or suggestion), else the group's key. */
export function personLabel(row: Pick<IssueRow, 'groupKey' | 'variants' | 'suggestions'>): string {
  if (row.groupKey === null) return '';
  return row.variants?.[0] ?? row.suggestions[0] ?? row.groupKey;
}

/** Returns the review page's URL at the flag's segment (the review page ids each segment `s<position>`, 0-based). */
export function segmentUrl(row: Pick<IssueRow, 'articleId' | 'segment'>): string {
  return `/articles/${row.articleId}#s${row.segment}`;
}

/** The form value of a ticked row: "articleId:fingerprint" (the route splits at the first colon). */
export const pickValue = (row: Pick<IssueRow, 'articleId' | 'fingerprint'>) => `${row.articleId}:${row.fingerprint}`;

/** One row of the QA table. */
export interface IssueRowVm {
  readonly pick: string;
  /** The checkbox's accessible name. */
  readonly pickLabel: string;
  readonly severity: Severity;
  readonly checkName: string;
  readonly checkUrl: string;
  readonly text: string;
  readonly message: string;
  readonly suggestion: string;
  /** "3 places" when the flag covers several, else ''. */
  readonly places: string;
  readonly where: string;
  readonly segmentUrl: string;
  readonly articleTitle: string;
  readonly articleUrl: string;
  readonly articleFilterUrl: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly engine: string;
  readonly person: string;
  readonly personUrl: string;
}

/** A run of rows under one heading (one group when grouped; one untitled run otherwise). */
export interface IssueGroupVm {
  readonly heading: { readonly label: string; readonly count: string; readonly url: string; readonly isContinued: boolean } | null;
  readonly rows: readonly IssueRowVm[];
}

/** Returns a flag row as the table shows it. */
function toRowVm(row: IssueRow, query: IssuesQuery): IssueRowVm {
  const checkName = CHECKS.get(row.checkId)?.name ?? row.checkId;
  const where = segmentPlace(row.segmentKind, row.segment);
  const title = row.articleTitle || '(untitled)';
  const person = personLabel(row);
  const places = row.spans && row.spans.length > 1 ? `${row.spans.length} places` : '';
  return {
    pick: pickValue(row),
    pickLabel: `Tick ${row.severity} “${row.text}” (${checkName}) in ${title}, ${where}`,
    severity: row.severity,
    checkName,
    checkUrl: issuesUrl(query, { check: row.checkId }),
    text: row.text,
    message: row.message,
    suggestion: row.suggestions[0] ?? '',
    places,
    where,
    segmentUrl: segmentUrl(row),
    articleTitle: title,
    articleUrl: `/articles/${row.articleId}`,
    articleFilterUrl: issuesUrl(query, { articleId: row.articleId }),
    status: row.articleStatus,
    statusLabel: STATUS_LABELS[row.articleStatus] ?? row.articleStatus,
    engine: row.mtEngine || 'unknown',
    person,
    personUrl: row.groupKey === null ? '' : issuesUrl(query, { person: row.groupKey }),
  };
}

/** Returns the page's rows in runs: one per group (check or person) when grouped, with the group's corpus-wide count. */
export function groupRows(page: Pick<IssuesPage, 'rows' | 'groupCounts' | 'previous'>, query: IssuesQuery): IssueGroupVm[] {
  if (query.grouping === 'none') return page.rows.length === 0 ? [] : [{ heading: null, rows: page.rows.map((r) => toRowVm(r, query)) }];
  const groups: { key: string; rows: IssueRow[] }[] = [];
  for (const row of page.rows) {
    const key = (query.grouping === 'check' ? row.checkId : row.groupKey) ?? '';
    const current = groups[groups.length - 1];
    if (current && current.key === key) current.rows.push(row);
    else groups.push({ key, rows: [row] });
  }
  return groups.map((g, i) => {
    const first = g.rows[0] as IssueRow;
    const count = page.groupCounts.get(g.key) ?? { count: g.rows.length, isMore: false };
    const label = query.grouping === 'check' ? (CHECKS.get(g.key)?.name ?? g.key) : personLabel(first);
    return {
      heading: {
        label,
        count: describeCount(count, 'flag'),
        url: issuesUrl(query, query.grouping === 'check' ? { check: g.key } : { person: g.key }),
        // The first group of a later page began on an earlier one when it holds more than this page shows.
        isContinued: i === 0 && page.previous !== undefined && (count.isMore || count.count > g.rows.length),
      },
      rows: g.rows.map((r) => toRowVm(r, query)),
    };
  });
}

/** The notices a page shows after a form sent the editor back to it. */
export interface IssuesNotices {
  readonly dismissed?: number | undefined;
  readonly applied?: number | undefined;
}

/** Returns the QA list's view-model: the filters as chosen, the groups of rows, counts, paging and the export links. */
export function buildIssuesView(page: IssuesPage, query: IssuesQuery, notices: IssuesNotices = {}) {
  const isFiltered = query.check !== undefined || query.severity !== undefined || query.person !== undefined || query.articleId !== undefined
    || query.status !== undefined || query.engine !== undefined;
  const listUrl = issuesUrl(query, { after: query.after, before: query.before });
  return {
    title: 'QA list',
    summary: `${describeCount(page.total)} ${page.total.count === 1 && !page.total.isMore ? 'matches' : 'match'}${isFiltered ? ' the filters' : ''}${query.grouping === 'person' ? ' (about a person or glossary entry)' : ''}`,
    isFiltered,
    isEmpty: page.rows.length === 0,
    stale: page.stale,
    notices: {
      dismissed: notices.dismissed === undefined ? '' : `${notices.dismissed} flag${notices.dismissed === 1 ? '' : 's'} dismissed.`,
      applied: notices.applied === undefined ? '' : `${notices.applied} change${notices.applied === 1 ? '' : 's'} applied across the articles.`,
    },
    windowNote: page.isWindowShort
      ? `This page looked through the next ${ISSUE_SCAN_WINDOW.toLocaleString('en')} open flags for ones in articles that match the status or engine; more may follow.`
      : '',
    filters: {
      check: query.check ?? '',
      severity: query.severity ?? '',
      person: query.person ?? '',
      article: query.articleId === undefined ? '' : String(query.articleId),
      status: query.status ?? '',
      engine: query.engine === undefined ? '' : query.engine === '' ? '(unknown)' : query.engine,
      group: query.grouping,
    },
    checks: ALL_CHECKS.map((c) => ({ value: c.id, label: c.name })),
    severities: SEVERITIES.map((s) => ({ value: s, label: s })),
    statuses: ARTICLE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
    engines: ['(unknown)', ...page.engines.filter((e) => e !== '')],
    groupings: (Object.keys(GROUPING_LABELS) as IssueGrouping[]).map((g) => ({ value: g, label: GROUPING_LABELS[g] })),
    groups: groupRows(page, query),
    /** Where the forms send the editor back to: this very page. */
    back: listUrl,
    paging: {
      firstUrl: page.previous ? issuesUrl(query) : null,
      previousUrl: page.previous ? issuesUrl(query, { before: page.previous }) : null,
      nextUrl: page.next ? issuesUrl(query, { after: page.next }) : null,
    },
    exports: { csv: exportUrl(query, 'csv'), json: exportUrl(query, 'json') },
    clearUrl: issuesUrl({ grouping: query.grouping }),
  };
}

/** Returns a flag as the exports hold it. */
export function toIssueFileRow(row: IssueRow): IssueFileRow {
  return {
    articleId: row.articleId,
    articleTitle: row.articleTitle,
    status: row.articleStatus,
    mtEngine: row.mtEngine,
    check: row.checkId,
    checkName: CHECKS.get(row.checkId)?.name ?? row.checkId,
    severity: row.severity,
    segment: row.segment + 1,
    where: segmentPlace(row.segmentKind, row.segment),
    places: row.spans?.length ?? 1,
    text: row.text,
    message: row.message,
    suggestions: row.suggestions,
    person: row.groupKey ?? '',
    fingerprint: row.fingerprint,
    url: segmentUrl(row),
  };
}

/** The filters an export echoes in its JSON head. */
export function exportFilters(query: IssuesQuery): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (query.check !== undefined) out.check = query.check;
  if (query.severity !== undefined) out.severity = query.severity;
  if (query.person !== undefined) out.person = query.person;
  if (query.articleId !== undefined) out.article = query.articleId;
  if (query.status !== undefined) out.status = query.status;
  if (query.engine !== undefined) out.engine = query.engine;
  out.group = query.grouping;
  return out;
}

/** One change of the fix-everywhere preview across articles. */
export interface IssueChangeVm {
  /** "articleId:position": the checkbox's value. */
  readonly key: string;
  readonly article: string;
  readonly articleUrl: string;
  readonly where: string;
  readonly baseField: string;
  readonly base: number;
  readonly count: number;
  readonly parts: readonly DiffPart[];
}

/** Returns the QA list's fix-everywhere preview: every change as a diff, by article, with the ticked flags to post again and those left out. */
export function buildIssueFixPreview(plan: { changes: readonly ArticleChanges[]; skipped: readonly SkippedIssue[] }, picks: readonly string[], back: string) {
  const changes: IssueChangeVm[] = plan.changes.flatMap(({ article, segments, fixes }) => fixes.map((fix) => {
    const segment = segments.find((s) => s.position === fix.segment);
    return {
      key: `${article.id}:${fix.segment}`,
      article: article.title || '(untitled)',
      articleUrl: `/articles/${article.id}#s${fix.segment}`,
      where: segmentPlace(segment?.kind, fix.segment),
      baseField: `base_${article.id}_${fix.segment}`,
      base: segment?.revision ?? 0,
      count: fix.count,
      parts: diffSegment(fix.before, fix.after).parts,
    };
  }));
  const total = changes.reduce((sum, c) => sum + c.count, 0);
  const articleCount = plan.changes.length;
  const notOpen = plan.skipped.filter((s) => s.why === 'not-open').length;
  const noSuggestion = plan.skipped.filter((s) => s.why === 'no-suggestion').length;
  return {
    title: 'Fix the ticked flags everywhere',
    summary: `${total} place${total === 1 ? '' : 's'} in ${changes.length} segment${changes.length === 1 ? '' : 's'} of ${articleCount} article${articleCount === 1 ? '' : 's'}.`,
    skipped: [
      ...(notOpen > 0 ? [`${notOpen} ticked flag${notOpen === 1 ? ' is' : 's are'} no longer open (fixed or dismissed since), so ${notOpen === 1 ? 'it is' : 'they are'} left out.`] : []),
      ...(noSuggestion > 0 ? [`${noSuggestion} ticked flag${noSuggestion === 1 ? ' has' : 's have'} no suggestion to apply, so ${noSuggestion === 1 ? 'it is' : 'they are'} left out: fix ${noSuggestion === 1 ? 'it' : 'them'} on the review page.`] : []),
    ],
    changes,
    picks,
    back,
  };
}

/** Returns the page that asks again for a dismissal's reason, with every ticked flag still ticked. */
export function buildDismissReasonView(rows: readonly IssueRow[], picks: readonly string[], back: string) {
  const open = new Set(rows.map(pickValue));
  return {
    title: 'Why dismiss these flags?',
    flags: rows.map((r) => ({
      pick: pickValue(r),
      message: r.message,
      article: r.articleTitle || '(untitled)',
      where: segmentPlace(r.segmentKind, r.segment),
      segmentUrl: segmentUrl(r),
    })),
    /** Ticks whose flag is no longer open: kept, posted again, and dismissing them adds nothing. */
    gone: picks.filter((p) => !open.has(p)),
    back,
  };
}
