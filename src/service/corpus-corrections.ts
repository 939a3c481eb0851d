import type { Store } from '../store/store.js';
import type { StandingCorrection } from '../store/corrections.js';
import { listArticleCorrectionPairs, listCorrectionCountsByFirstWord, sampleArticlesOfPair } from '../store/corrections.js';
import { lookupWordOf } from '../store/derived.js';
import type { SegmentView } from '../store/segments.js';
import type { CorpusCorrection } from '../core/checks/types.js';
import { findWholePhrase, isCheckablePhrase } from '../core/checks/correction-phrases.js';
import { correctionKey } from '../core/diff/correction-key.js';
import { MAX_TITLES } from '../core/checks/place-names.js';

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

/** Returns the lookup words of an article's content text, MT and edits (how corpus corrections are found by their first word). */
export function lookupWordsOf(segments: readonly SegmentView[]): string[] {
  const words = new Set<string>();
  for (const s of segments) {
    if (s.kind === 'boilerplate') continue;
    for (const text of s.edit === s.mt ? [s.mt] : [s.mt, s.edit]) {
      for (const token of text.split(/\s+/u)) {
        const word = lookupWordOf(token);
        if (word) words.add(word);
      }
    }
  }
  return [...words].sort();
}

/**
 * Returns the corrections other articles made that can raise or change a flag in this one: the
 * pairs whose MT phrase stands in its text as a whole phrase (correction-not-carried), or that it
 * corrected too (correction-conflict), passing the same guards the two checks use. They are read
 * from the corpus's counts by the phrase's first word, never by reading every correction, with a
 * few titles of the other articles and how many there are. The others cannot matter here, so they
 * are left out of both the checks' input and the flag cache key.
 */
export async function relevantCorpusCorrections(store: Store, articleId: number, segments: readonly SegmentView[]): Promise<CorpusCorrection[]> {
  const [candidates, own] = await Promise.all([listCorrectionCountsByFirstWord(store, lookupWordsOf(segments)), listArticleCorrectionPairs(store, articleId)]);
  const ownByPair = new Map(own.map((p) => [`${p.mtText}\u0000${p.editText}`, p.count]));
  const ownPhrases = new Set(own.map((p) => correctionKey(p.mtText)));
  const text = segments.filter((s) => s.kind !== 'boilerplate').map((s) => s.edit).join('\n');
  const out: CorpusCorrection[] = [];
  for (const c of candidates.sort((a, b) => (a.mtText < b.mtText ? -1 : a.mtText > b.mtText ? 1 : a.editText < b.editText ? -1 : a.editText > b.editText ? 1 : 0))) {
    if (!isCheckablePhrase(c.mtText)) continue;
    if (!ownPhrases.has(correctionKey(c.mtText)) && findWholePhrase(text, c.mtText).length === 0) continue;
    const ownCount = ownByPair.get(`${c.mtText}\u0000${c.editText}`);
    const otherArticleCount = c.articles - (ownCount === undefined ? 0 : 1);
    if (otherArticleCount <= 0) continue;
    const sample = await sampleArticlesOfPair(store, c.mtText, c.editText, articleId, MAX_TITLES);
    out.push({
      mtText: c.mtText,
      editText: c.editText,
      count: c.count - (ownCount ?? 0),
      articles: sample.map((a) => ({ key: String(a.id), title: a.title })),
      otherArticleCount,
    });
  }
  return out;
}
