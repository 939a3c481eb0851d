import type { ArticleSummary } from '../../service/types.js';
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
  /** Open flags by severity, e.g. "1 error, 4 warnings"; "none" when clean. */
  readonly openFlags: string;
  readonly openFlagTotal: number;
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

/** The corpus page: every article with its status and how much of it was edited. */
export interface CorpusVm {
  readonly title: string;
  readonly rows: readonly CorpusRowVm[];
  readonly totals: { readonly articles: number; readonly done: number; readonly changedShare: string };
}

/** Returns the corpus page's view-model; `flagCounts` holds each article's open flags (absent when not computed). */
export function buildCorpusView(articles: readonly ArticleSummary[], flagCounts: ReadonlyMap<number, FlagCounts> = new Map()): CorpusVm {
  return {
    title: 'Corpus',
    rows: articles.map((a) => ({
      id: a.id,
      url: `/articles/${a.id}`,
      title: a.title || '(untitled)',
      sourceName: a.sourceName,
      status: a.status,
      statusLabel: STATUS_LABELS[a.status],
      edited: `${a.editedSegmentCount} of ${a.segmentCount}`,
      changedShare: formatShare(a.wordsChanged, a.mtWords),
      importedAt: formatTime(a.importedAt),
      openFlags: describeFlagCounts(flagCounts.get(a.id)),
      openFlagTotal: Object.values(flagCounts.get(a.id) ?? {}).reduce((sum, n) => sum + n, 0),
    })),
    totals: {
      articles: articles.length,
      done: articles.filter((a) => a.status === 'done').length,
      changedShare: formatShare(
        articles.reduce((s, a) => s + a.wordsChanged, 0),
        articles.reduce((s, a) => s + a.mtWords, 0),
      ),
    },
  };
}
