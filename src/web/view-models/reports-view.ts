import type { CorpusReport } from '../../service/reports.js';
import type { ReportArticle, ReportArticleSort } from '../../service/types.js';
import { MQM_DIMENSIONS } from '../../core/mqm/typology.js';
import { MQM_SEVERITIES } from '../../core/mqm/severities.js';
import { mqmVerdict } from '../../core/mqm/score.js';
import { HTER_BINS, REPORT_KINDS } from '../../core/metrics/hter-bins.js';
import { KIND_LABELS, STATUS_LABELS, formatShare, formatTime } from './format.js';
import { buildBarChart } from './charts.js';
import type { ReportFileRow } from '../../formats/report/report-files.js';

/** The columns the articles table can be sorted by. */
export const REPORT_SORTS = ['title', 'hter', 'mqm', 'corrections', 'status'] as const satisfies readonly ReportArticleSort[];
export type ReportSort = ReportArticleSort;

/** One article's row of the report: what the CSV and JSON exports hold. */
export type ReportArticleRow = ReportFileRow;

/** The columns the most-frequent-corrections table sorts by. */
export const FREQUENT_SORTS = ['count', 'articles', 'mt', 'edit'] as const;
export type FrequentSort = (typeof FREQUENT_SORTS)[number];

/** The columns the editors table sorts by. */
export const EDITOR_SORTS = ['revisions', 'segments', 'articles', 'corrections', 'author'] as const;
export type EditorSort = (typeof EDITOR_SORTS)[number];

/** Sorts rows by a key: numbers largest first, text in code-unit order; ties keep their order. */
function sortBy<T>(rows: readonly T[], key: (row: T) => number | string): T[] {
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return typeof x === 'number' && typeof y === 'number' ? y - x : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  });
}

/** Returns an article's row of the report exports, judged against the pass score. */
export function toReportRow(a: ReportArticle, opts: { passScore: number; isCaseSensitive: boolean }): ReportArticleRow {
  const edits = opts.isCaseSensitive ? a.hterEdits : a.hterEditsCi;
  return {
    id: a.id,
    title: a.title,
    mtEngine: a.mtEngine,
    status: a.status,
    hter: a.words === 0 ? (edits === 0 ? 0 : 1) : edits / a.words,
    hterEdits: edits,
    words: a.words,
    charShare: a.charShare,
    untouchedSegments: a.untouchedSegments,
    contentSegments: a.contentSegments,
    mqmScore: a.mqmScore,
    mqmPenalty: a.mqmPenalty,
    verdict: mqmVerdict(a.hasCritical, a.mqmScore, opts.passScore, a.openErrors),
    confirmedCorrections: a.confirmedCorrections,
    proposedCorrections: a.proposedCorrections,
  };
}

/** Returns the reports page's view-model: charts with their numbers (from the running totals), sortable tables, one page of articles. */
export function buildReportsView(
  report: CorpusReport,
  opts: { sort: ReportSort; isDescending: boolean; isCaseSensitive: boolean; page: number; pageSize: number; frequentSort?: FrequentSort; editorSort?: EditorSort },
) {
  const ci = !opts.isCaseSensitive;
  const sum = (pick: (e: CorpusReport['engines'][number]) => number) => report.engines.reduce((s, e) => s + pick(e), 0);
  const totals = { articles: sum((e) => e.articles), edits: sum((e) => (ci ? e.hterEditsCi : e.hterEdits)), words: sum((e) => e.hterWords) };
  const bins = HTER_BINS.map(([from, to], bin) => ({
    label: to === Infinity ? `≥${from}%` : `${from}–${to}%`,
    value: sum((e) => (ci ? e.binsCi[bin] : e.bins[bin]) ?? 0),
  }));
  const byDimension = MQM_DIMENSIONS.map((d) => {
    const rows = report.errors.filter((e) => e.dimension === d.id);
    return {
      label: d.label,
      total: rows.reduce((s, e) => s + e.total, 0),
      confirmed: rows.reduce((s, e) => s + e.confirmed, 0),
      bySeverity: MQM_SEVERITIES.map((s) => rows.filter((e) => e.severity === s.id).reduce((n, e) => n + e.total, 0)),
    };
  });
  const kinds = REPORT_KINDS.map((kind) => {
    const segments = sum((e) => e.kinds[kind].segments);
    const edits = sum((e) => (ci ? e.kinds[kind].editsCi : e.kinds[kind].edits));
    const words = sum((e) => e.kinds[kind].words);
    return { kind, label: KIND_LABELS[kind], segments, edits, words, hter: words ? edits / words : 0, share: formatShare(edits, words) };
  });
  const frequentSort = opts.frequentSort ?? 'count';
  const frequent = sortBy(report.frequent, (p) => (frequentSort === 'mt' ? p.mtText : frequentSort === 'edit' ? p.editText : p[frequentSort]));
  const editorSort = opts.editorSort ?? 'revisions';
  const sortedEditors = sortBy(report.editors, (e) => e[editorSort]);
  const engines = report.engines.map((e) => ({
    engine: e.engine || '(unknown)',
    articles: e.articles,
    hter: formatShare(ci ? e.hterEditsCi : e.hterEdits, e.hterWords),
    meanMqm: e.scored ? (e.scoreSum / e.scored).toFixed(1) : '–',
    failing: report.failing.get(e.engine) ?? 0,
    corrections: e.confirmed + e.proposed,
  }));
  const caseParam = opts.isCaseSensitive ? '' : '&case=insensitive';
  const sortLink = (column: ReportSort) => `/reports?sort=${column}&dir=${opts.sort === column && !opts.isDescending ? 'desc' : 'asc'}${caseParam}#articles`;
  const tableLink = (param: string, column: string, anchor: string) => `/reports?${param}=${column}${caseParam}#${anchor}`;
  const pages = Math.max(1, Math.ceil(totals.articles / opts.pageSize));
  const pageLink = (page: number) => `/reports?sort=${opts.sort}&dir=${opts.isDescending ? 'desc' : 'asc'}${caseParam}&page=${page}#articles`;
  return {
    title: 'Reports',
    passScore: report.passScore,
    passScoreSet: report.passScoreSet ? `set by ${report.passScoreSet.by}, ${formatTime(report.passScoreSet.at)}` : 'the default',
    isCaseSensitive: opts.isCaseSensitive,
    caseToggleUrl: opts.isCaseSensitive ? '/reports?case=insensitive' : '/reports',
    stale: report.stale,
    engines,
    corpus: { articles: totals.articles, of: report.total, hter: formatShare(totals.edits, totals.words), edits: totals.edits, words: totals.words },
    hterChart: buildBarChart(bins, 'Number of articles in each HTER band'),
    hterBins: bins,
    dimensionChart: buildBarChart(byDimension.map((d) => ({ label: d.label.split(' ')[0] ?? d.label, value: d.total })), 'Corrections by MQM dimension'),
    dimensions: byDimension,
    severities: MQM_SEVERITIES.map((s) => s.label),
    kindChart: buildBarChart(kinds.map((k) => ({ label: k.label, value: Math.round(k.hter * 1000) / 10, display: k.share })), 'HTER by kind of segment'),
    kinds,
    frequent,
    frequentSort,
    frequentLinks: Object.fromEntries(FREQUENT_SORTS.map((c) => [c, tableLink('fsort', c, 'frequent')])) as Record<FrequentSort, string>,
    editors: sortedEditors,
    editorSort,
    editorLinks: Object.fromEntries(EDITOR_SORTS.map((c) => [c, tableLink('esort', c, 'editors')])) as Record<EditorSort, string>,
    sortLinks: Object.fromEntries(REPORT_SORTS.map((c) => [c, sortLink(c)])) as Record<ReportSort, string>,
    sortedBy: opts.sort,
    direction: opts.isDescending ? 'descending' : 'ascending',
    paging: {
      page: opts.page,
      pages,
      previousUrl: opts.page > 1 ? pageLink(opts.page - 1) : null,
      nextUrl: opts.page < pages ? pageLink(opts.page + 1) : null,
    },
    articles: report.articles.map((a) => {
      const r = toReportRow(a, { passScore: report.passScore, isCaseSensitive: opts.isCaseSensitive });
      return {
        url: `/articles/${r.id}`,
        reportUrl: `/articles/${r.id}/report`,
        title: r.title || '(untitled)',
        mtEngine: r.mtEngine || '(unknown)',
        status: STATUS_LABELS[r.status as keyof typeof STATUS_LABELS] ?? r.status,
        hter: formatShare(r.hterEdits, r.words),
        mqm: r.mqmScore === null ? '–' : r.mqmScore.toFixed(1),
        verdict: r.verdict,
        corrections: `${r.confirmedCorrections} confirmed, ${r.proposedCorrections} proposed`,
        untouched: `${r.untouchedSegments} of ${r.contentSegments}`,
      };
    }),
  };
}
