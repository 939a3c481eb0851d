import type { ArticleSummary } from '../../store/articles.js';
import { STATUS_LABELS, formatShare, formatTime } from './format.js';

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
}

/** The corpus page: every article with its status and how much of it was edited. */
export interface CorpusVm {
  readonly title: string;
  readonly rows: readonly CorpusRowVm[];
  readonly totals: { readonly articles: number; readonly done: number; readonly changedShare: string };
}

/** Returns the corpus page's view-model. */
export function buildCorpusView(articles: readonly ArticleSummary[]): CorpusVm {
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
