import type { CorpusCorrection } from '../core/checks/types.js';
import type { StandingCorrection } from '../store/corrections.js';

/** Groups standing corrections by MT phrase and edited phrase, as the checks and the correction memory take them. */
export function groupCorpusCorrections(rows: readonly StandingCorrection[]): CorpusCorrection[] {
  const groups = new Map<string, { mtText: string; editText: string; count: number; articles: Map<number, string> }>();
  for (const row of rows) {
    const key = `${row.mtText}\u0000${row.editText}`;
    const group = groups.get(key) ?? { mtText: row.mtText, editText: row.editText, count: 0, articles: new Map<number, string>() };
    group.count += 1;
    group.articles.set(row.articleId, row.title);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    mtText: g.mtText,
    editText: g.editText,
    count: g.count,
    articles: [...g.articles].map(([id, title]) => ({ key: String(id), title })),
  }));
}
