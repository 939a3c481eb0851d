import { neutraliseFormula } from './csv-safe.js';
import { formatShare } from './figures.js';

/** What `copydesk list` prints of an article. */
export interface CorpusListRow {
  readonly id: number;
  readonly status: string;
  readonly title: string;
  readonly segmentCount: number;
  readonly editedSegmentCount: number;
  readonly mtWords: number;
  readonly wordsChanged: number;
}

/**
 * Returns the articles as tab-separated lines: id, status, segments edited ("3 of 19"), share of MT
 * words changed, title. A title a spreadsheet would run as a formula gets a single quote in front
 * (see neutraliseFormula), since the lines are often saved as a .tsv and opened in one.
 */
export function writeCorpusList(rows: readonly CorpusListRow[]): string {
  return rows.map((a) => `${a.id}\t${a.status}\t${a.editedSegmentCount} of ${a.segmentCount}\t${formatShare(a.wordsChanged, a.mtWords)}\t${neutraliseFormula(a.title || '(untitled)')}\n`).join('');
}
