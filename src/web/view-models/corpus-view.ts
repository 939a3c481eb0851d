import type { CorpusPage } from '../../service/articles.js';
import type { CorpusQuery, CorpusSort } from '../../service/types.js';
import { ARTICLE_STATUSES } from '../../service/types.js';
import { STATUS_LABELS, formatShare, formatTime } from './format.js';
import type { Severity } from '../../core/checks/types.js';

/** One row of the corpus table. */
export interface CorpusRowVm {
  readonly id: number;
  readonly url: string;
  readonly title: string;
  readonly sourceName: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly edited: string;
  readonly changedShare: string;
  readonly importedAt: string;
  readonly lastEdited: string;
  /** Open flags by severity, e.g. "1 error, 4 warnings"; "none" when clean. */
  readonly openFlags: string;
  readonly openFlagTotal: number;
  /** True while its figures wait for the background refresher (they show the last ones known, or none). */
  readonly isStale: boolean;
}

/** How many open flags of each severity an article has. */
export type FlagCounts = Readonly<Record<Severity, number>>;

/** Returns "1 error, 4 warnings, 2 info" (severities with no flag left out), or "none". */
export function describeFlagCounts(counts: FlagCounts | undefined): string {
  if (!counts) return 'none';
  const parts = [
    counts.error ? `${counts.error} error${counts.error === 1 ? '' : 's'}` : '',
    counts.warning ? `${counts.warning} warning${counts.warning === 1 ? '' : 's'}` : '',
    counts.info ? `${counts.info} info` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'none';
}

/** Corpus rows per page. */
export const CORPUS_PAGE_SIZE = 50;

/** The sortable columns as the table heads them. */
const SORT_LABELS: Readonly<Record<CorpusSort, string>> = {
  title: 'Article',
  status: 'Status',
  errors: 'Open flags',
  changed: 'MT words changed',
  edited: 'Last edited',
  imported: 'Imported',
};

/** Returns the query string of the corpus page for a query (defaults left out), with changes. */
export function corpusUrl(query: CorpusQuery, changes: Partial<CorpusQuery> & { page?: number } = {}): string {
  const q = { ...query, ...changes };
  const page = changes.page ?? Math.floor(query.offset / query.limit) + 1;
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.status) params.set('status', q.status);
  if (q.engine !== undefined) params.set('engine', q.engine === '' ? '(unknown)' : q.engine);
  if (q.hasErrors) params.set('errors', '1');
  if (q.editor) params.set('editor', q.editor);
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.sort !== 'imported') params.set('sort', q.sort);
  if (q.isDescending !== (q.sort === 'imported' || q.sort === 'errors' || q.sort === 'changed' || q.sort === 'edited')) params.set('dir', q.isDescending ? 'desc' : 'asc');
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/?${text}` : '/';
}

/** Returns the corpus page's view-model: the filters as chosen, one page of rows, sort links and paging. */
export function buildCorpusView(page: CorpusPage, query: CorpusQuery) {
  const pageNumber = Math.floor(query.offset / query.limit) + 1;
  const pages = Math.max(1, Math.ceil(page.total / query.limit));
  const first = page.total === 0 ? 0 : query.offset + 1;
  const last = Math.min(page.total, query.offset + page.rows.length);
  const isFiltered = Boolean(query.q || query.status || query.engine !== undefined || query.hasErrors || query.editor || query.from || query.to);
  return {
    title: 'Corpus',
    totals: {
      articles: page.totals.articles,
      done: page.totals.done,
      changedShare: formatShare(page.totals.wordsChanged, page.totals.mtWords),
    },
    stale: page.stale,
    isFiltered,
    showing: page.total === 0 ? '' : `${first.toLocaleString('en')}–${last.toLocaleString('en')} of ${page.total.toLocaleString('en')}${isFiltered ? ` matching article${page.total === 1 ? '' : 's'} (of ${page.totals.articles.toLocaleString('en')})` : ` article${page.total === 1 ? '' : 's'}`}`,
    filters: {
      q: query.q ?? '',
      status: query.status ?? '',
      engine: query.engine === undefined ? '' : query.engine === '' ? '(unknown)' : query.engine,
      hasErrors: query.hasErrors === true,
      editor: query.editor ?? '',
      from: query.from ?? '',
      to: query.to ?? '',
      sort: query.sort,
      dir: query.isDescending ? 'desc' : 'asc',
    },
    statuses: ARTICLE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
    engines: ['(unknown)', ...page.facets.engines.filter((e) => e !== '')],
    editors: page.facets.editors,
    columns: (Object.keys(SORT_LABELS) as CorpusSort[]).map((sort) => {
      const isCurrent = query.sort === sort;
      const isDescending = isCurrent ? !query.isDescending : sort !== 'title' && sort !== 'status';
      return {
        label: SORT_LABELS[sort],
        url: corpusUrl(query, { sort, isDescending, page: 1 }),
        ariaSort: isCurrent ? (query.isDescending ? 'descending' : 'ascending') : 'none',
        marker: isCurrent ? (query.isDescending ? ' ▼' : ' ▲') : '',
      };
    }),
    paging: {
      page: pageNumber,
      pages,
      previousUrl: pageNumber > 1 ? corpusUrl(query, { page: pageNumber - 1 }) : null,
      nextUrl: pageNumber < pages ? corpusUrl(query, { page: pageNumber + 1 }) : null,
      /** A link past the end (an old bookmark, a corpus filtered since): where the last page is. */
      isPastEnd: page.rows.length === 0 && page.total > 0,
      lastUrl: corpusUrl(query, { page: pages }),
    },
    rows: page.rows.map((a): CorpusRowVm => {
      const counts = a.openErrors === null ? undefined : { error: a.openErrors, warning: a.openWarnings ?? 0, info: a.openInfos ?? 0 };
      return {
        id: a.id,
        url: `/articles/${a.id}`,
        title: a.title || '(untitled)',
        sourceName: a.sourceName,
        status: a.status,
        statusLabel: STATUS_LABELS[a.status],
        edited: a.segmentCount === null ? '…' : `${a.editedSegmentCount} of ${a.segmentCount}`,
        changedShare: a.mtWords === null ? '…' : formatShare(a.wordsChanged ?? 0, a.mtWords),
        importedAt: formatTime(a.importedAt),
        lastEdited: a.lastEditedAt ? formatTime(a.lastEditedAt) : '–',
        openFlags: counts ? describeFlagCounts(counts) : 'being checked',
        openFlagTotal: counts ? counts.error + counts.warning + counts.info : 0,
        isStale: a.isStale,
      };
    }),
  };
}
