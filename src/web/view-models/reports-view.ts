import type { ArticleQuality } from '../../service/types.js';
import type { EditorActivity } from '../../service/types.js';
import type { ArticleRow } from '../../service/types.js';
import { MQM_DIMENSIONS, mqmDimensionOf } from '../../core/mqm/typology.js';
import { MQM_SEVERITIES } from '../../core/mqm/severities.js';
import { KIND_LABELS, STATUS_LABELS, formatShare } from './format.js';
import { buildBarChart } from './charts.js';
import type { ReportFileRow } from '../../formats/report/report-files.js';

import { HTER_BINS } from '../../core/metrics/hter-bins.js';

/** The columns the articles table can be sorted by. */
export const REPORT_SORTS = ['title', 'hter', 'mqm', 'corrections', 'status'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

/** One article's row of the report: what the CSV and JSON exports hold. */
export type ReportArticleRow = ReportFileRow;

/** The columns the most-frequent-corrections table sorts by. */
export const FREQUENT_SORTS = ['count', 'articles', 'mt', 'edit'] as const;
export type FrequentSort = (typeof FREQUENT_SORTS)[number];

/** The columns the editors table sorts by. */
export const EDITOR_SORTS = ['revisions', 'segments', 'articles', 'corrections', 'author'] as const;
export type EditorSort = (typeof EDITOR_SORTS)[number];

/** Sorts rows by a key: numbers largest first, text in alphabetical order; ties keep their order. */
function sortBy<T>(rows: readonly T[], key: (row: T) => number | string): T[] {
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return typeof x === 'number' && typeof y === 'number' ? y - x : String(x).localeCompare(String(y));
  });
}

/** Returns the per-article rows of the corpus report. */
export function buildReportRows(items: readonly { article: ArticleRow; quality: ArticleQuality }[]): ReportArticleRow[] {
  return items.map(({ article, quality }) => ({
    id: article.id,
    title: article.title,
    mtEngine: article.mtEngine,
    status: article.status,
    hter: quality.editRate.ter,
    hterEdits: quality.editRate.edits,
    words: quality.editRate.words,
    charShare: quality.editRate.charShare,
    untouchedSegments: quality.editRate.untouched,
    contentSegments: quality.editRate.segments,
    mqmScore: quality.mqm.rawScore,
    mqmPenalty: quality.mqm.penalty,
    verdict: quality.mqm.verdict,
    confirmedCorrections: quality.mqm.count,
    proposedCorrections: quality.mqm.unconfirmed.count,
  }));
}

function sortRows(rows: readonly ReportArticleRow[], sort: ReportSort, isDescending: boolean): ReportArticleRow[] {
  const key = (r: ReportArticleRow): number | string =>
    sort === 'title' ? r.title.toLocaleLowerCase() : sort === 'hter' ? r.hter : sort === 'mqm' ? (r.mqmScore ?? -Infinity) : sort === 'status' ? r.status : r.confirmedCorrections + r.proposedCorrections;
  const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
  return isDescending ? sorted.reverse() : sorted;
}

/** Returns the reports page's view-model: charts with their numbers, and sortable tables. */
export function buildReportsView(
  items: readonly { article: ArticleRow; quality: ArticleQuality }[],
  editors: readonly EditorActivity[],
  opts: { sort: ReportSort; isDescending: boolean; passScore: number; isCaseSensitive: boolean; frequentSort?: FrequentSort; editorSort?: EditorSort },
) {
  const rows = buildReportRows(items);
  const qualities = items.map((i) => i.quality);
  const totals = {
    edits: qualities.reduce((s, q) => s + q.editRate.edits, 0),
    words: qualities.reduce((s, q) => s + q.editRate.words, 0),
  };
  const bins = HTER_BINS.map(([from, to]) => ({
    label: to === Infinity ? `≥${from}%` : `${from}–${to}%`,
    value: rows.filter((r) => r.hter * 100 >= from && r.hter * 100 < to).length,
  }));
  const corrections = qualities.flatMap((q) => q.corrections);
  const byDimension = MQM_DIMENSIONS.map((d) => {
    const inDimension = corrections.filter((c) => mqmDimensionOf(c.category) === d.id);
    return {
      label: d.label,
      total: inDimension.length,
      confirmed: inDimension.filter((c) => c.status === 'confirmed').length,
      bySeverity: MQM_SEVERITIES.map((s) => inDimension.filter((c) => c.severity === s.id).length),
    };
  });
  const kinds = (['headline', 'standfirst', 'body', 'caption'] as const).map((kind) => {
    const segments = qualities.flatMap((q) => q.segments.filter((s) => s.kind === kind));
    const edits = segments.reduce((s, x) => s + x.edits, 0);
    const words = segments.reduce((s, x) => s + x.words, 0);
    return { kind, label: KIND_LABELS[kind], segments: segments.length, edits, words, hter: words ? edits / words : 0, share: formatShare(edits, words) };
  });
  const pairs = new Map<string, { mtText: string; editText: string; count: number; articles: Set<number> }>();
  for (const q of qualities) {
    for (const c of q.corrections) {
      const key = `${c.correction.mtText}\u0000${c.correction.editText}`;
      const entry = pairs.get(key) ?? { mtText: c.correction.mtText, editText: c.correction.editText, count: 0, articles: new Set<number>() };
      entry.count += 1;
      entry.articles.add(q.articleId);
      pairs.set(key, entry);
    }
  }
  const topPairs = [...pairs.values()].sort((a, b) => b.count - a.count || a.mtText.localeCompare(b.mtText)).slice(0, 20)
    .map((p) => ({ mtText: p.mtText, editText: p.editText, count: p.count, articles: p.articles.size }));
  const frequentSort = opts.frequentSort ?? 'count';
  const frequent = sortBy(topPairs, (p) => (frequentSort === 'mt' ? p.mtText : frequentSort === 'edit' ? p.editText : p[frequentSort]));
  const editorSort = opts.editorSort ?? 'revisions';
  const sortedEditors = sortBy(editors, (e) => e[editorSort]);
  const engines = [...new Set(rows.map((r) => r.mtEngine))].sort().map((engine) => {
    const of = rows.filter((r) => r.mtEngine === engine);
    const scored = of.filter((r) => r.mqmScore !== null);
    const edits = of.reduce((s, r) => s + r.hterEdits, 0);
    const words = of.reduce((s, r) => s + r.words, 0);
    return {
      engine: engine || '(unknown)',
      articles: of.length,
      hter: formatShare(edits, words),
      meanMqm: scored.length ? (scored.reduce((s, r) => s + (r.mqmScore ?? 0), 0) / scored.length).toFixed(1) : '–',
      failing: of.filter((r) => r.verdict === 'fail').length,
      corrections: of.reduce((s, r) => s + r.confirmedCorrections + r.proposedCorrections, 0),
    };
  });
  const caseParam = opts.isCaseSensitive ? '' : '&case=insensitive';
  const sortLink = (column: ReportSort) => `/reports?sort=${column}&dir=${opts.sort === column && !opts.isDescending ? 'desc' : 'asc'}${caseParam}#articles`;
  const tableLink = (param: string, column: string, anchor: string) => `/reports?${param}=${column}${caseParam}#${anchor}`;
  return {
    title: 'Reports',
    passScore: opts.passScore,
    isCaseSensitive: opts.isCaseSensitive,
    caseToggleUrl: opts.isCaseSensitive ? '/reports?case=insensitive' : '/reports',
    engines,
    corpus: { articles: rows.length, hter: formatShare(totals.edits, totals.words), edits: totals.edits, words: totals.words },
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
    articles: sortRows(rows, opts.sort, opts.isDescending).map((r) => ({
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
    })),
  };
}
