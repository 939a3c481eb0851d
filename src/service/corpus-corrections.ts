import type { Store } from '../store/store.js';
import type { StandingCorrection } from '../store/corrections.js';
import { listArticleCorrectionPairs, listCorrectionCountsByFirstWord, listCorrectionFirstWords, sampleArticlesOfPair } from '../store/corrections.js';
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
 * Most distinct first words of correction pairs held in memory per store (a few MB at most); a
 * corpus with more looks every article's words up in the database instead.
 */
const MAX_HELD_FIRST_WORDS = 100_000;

/** The first words of the corpus's correction pairs, per store, at the corrections counter they were read at. */
const firstWordsOf = new WeakMap<Store, { version: number; words: Promise<ReadonlySet<string> | undefined> }>();

/**
 * Returns the article's lookup words that some correction pair starts with: most words of most
 * articles start none, and a refresh of 100,000 articles would otherwise send each one's few
 * hundred words to the database. With no `version` (the corrections counter) every word is kept.
 */
async function wordsWithCorrections(store: Store, words: readonly string[], version: number | undefined): Promise<readonly string[]> {
  if (version === undefined) return words;
  let held = firstWordsOf.get(store);
  if (!held || held.version !== version) {
    held = { version, words: listCorrectionFirstWords(store, MAX_HELD_FIRST_WORDS).then((w) => (w ? new Set(w) : undefined)) };
    firstWordsOf.set(store, held);
  }
  const known = await held.words;
  return known ? words.filter((w) => known.has(w)) : words;
}

/**
 * Returns the corrections other articles made that can raise or change a flag in this one: the
 * pairs whose MT phrase stands in its text as a whole phrase (correction-not-carried), or that it
 * corrected too (correction-conflict), passing the same guards the two checks use. They are read
 * from the corpus's counts by the phrase's first word, never by reading every correction, with a
 * few titles of the other articles and how many there are. The others cannot matter here, so they
 * are left out of both the checks' input and the flag cache key. `correctionsVersion` (the
 * corrections counter the caller read) lets the words no pair starts with be skipped from memory.
 */
export async function relevantCorpusCorrections(
  store: Store, articleId: number, segments: readonly SegmentView[], opts: { correctionsVersion?: number } = {},
): Promise<CorpusCorrection[]> {
  const words = await wordsWithCorrections(store, lookupWordsOf(segments), opts.correctionsVersion);
  const [candidates, own] = await Promise.all([words.length === 0 ? [] : listCorrectionCountsByFirstWord(store, words), listArticleCorrectionPairs(store, articleId)]);
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
