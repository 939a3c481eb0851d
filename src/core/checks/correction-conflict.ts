import { correctionKey } from '../diff/correction-key.js';
import { currentCorrections, isCheckablePhrase } from './correction-phrases.js';
import { describeSegments, listTitles, otherArticlesOf } from './place-names.js';
import { spanFingerprint } from './span-fingerprint.js';
import type { ArticleCorrection, ArticleView, Check, CorpusCorrection, Flag } from './types.js';

const ID = 'correction-conflict';

/** Another rendering of the same MT phrase: in this article (with its segments) or in other articles. */
interface Alternative {
  readonly editText: string;
  readonly segments: readonly number[];
  readonly articles: readonly { readonly key: string; readonly title: string }[];
  /** How many other articles (articles may be a sample). */
  readonly articleCount?: number;
}

/**
 * `correction-conflict`: one MT phrase corrected to different texts in different places (issue 3).
 * Each conflicting correction's edited text is flagged, with the other renderings as suggestions.
 * Within the article this is a warning: one article should say one thing. Against the corpus only it
 * is info: other articles may be about other people ("King" -> "Cho" there, "King" -> "Wang" here
 * can both be right), so it is a pointer, not a fault.
 */
export const correctionConflict = {
  id: ID,
  name: 'Conflicting corrections',
  description: 'One MT phrase was corrected to different texts in different places of the article, or differently from other articles.',
  severity: 'warning',
  run(article, ctx) {
    // Guard: without corrections in this article there is nothing to conflict.
    if (ctx.corrections.length === 0) return [];
    const corrections = currentCorrections(article, ctx.corrections).filter(isRendering);
    // Guard: stale corrections (offsets no longer matching the edit) cannot be pointed at.
    if (corrections.length === 0) return [];
    const byPhrase = groupBy(corrections, (c) => correctionKey(c.mtText));
    const corpusByPhrase = groupBy(
      ctx.corpusCorrections.filter((cc) => cc.editText !== '' && otherArticlesOf(cc, article.key).count > 0),
      (cc) => correctionKey(cc.mtText),
    );
    const flags: Flag[] = [];
    for (const [mtText, group] of byPhrase) {
      for (const c of group) {
        const local = localAlternatives(group, c.editText);
        const corpus = corpusAlternatives(corpusByPhrase.get(mtText) ?? [], c.editText, article.key);
        // Guard: every rendering of this phrase agrees.
        if (local.length === 0 && corpus.length === 0) continue;
        flags.push(flagFor(article, c, mtText, local, corpus));
      }
    }
    return flags;
  },
} satisfies Check;

/** Returns true for a correction that renders an MT phrase as other text worth comparing. */
function isRendering(c: ArticleCorrection): boolean {
  // Guard: insertions, punctuation and function words ("the" -> "a" here, "the" -> "its" there) are ordinary editing.
  if (!isCheckablePhrase(c.mtText)) return false;
  // Guard: a deletion removes the phrase rather than rendering it differently.
  return c.editText.trim() !== '';
}

/** Returns the other edited texts of the same MT phrase in this article, with where each was made. */
function localAlternatives(group: readonly ArticleCorrection[], editText: string): Alternative[] {
  const own = correctionKey(editText);
  const others = groupBy(group.filter((o) => correctionKey(o.editText) !== own), (o) => correctionKey(o.editText));
  return [...others].map(([text, cs]) => ({ editText: text, segments: cs.map((o) => o.segment), articles: [] }));
}

/** Returns the edited texts other articles gave the same MT phrase, with the articles (this one left out), most articles first. */
function corpusAlternatives(corpus: readonly CorpusCorrection[], editText: string, articleKey: string): Alternative[] {
  return corpus
    .filter((cc) => correctionKey(cc.editText) !== correctionKey(editText))
    .map((cc) => {
      const others = otherArticlesOf(cc, articleKey);
      return { editText: cc.editText, segments: [], articles: others.articles, articleCount: others.count };
    })
    .filter((alt) => alt.articleCount > 0)
    .sort((a, b) => b.articleCount - a.articleCount);
}

function flagFor(article: ArticleView, c: ArticleCorrection, mtText: string, local: readonly Alternative[], corpus: readonly Alternative[]): Flag {
  const segment = article.segments.find((s) => s.index === c.segment);
  const edit = segment?.edit ?? '';
  const elsewhere = [
    ...local.map((alt) => `to “${alt.editText}” in ${describeSegments(article, alt.segments)}`),
    ...corpus.map((alt) => `to “${alt.editText}” in ${alt.articleCount} other ${alt.articleCount === 1 ? 'article' : 'articles'} (${listTitles(alt.articles, alt.articleCount)})`),
  ];
  const suggestions = [...new Set([...local, ...corpus].map((alt) => alt.editText))];
  return {
    check: ID,
    severity: local.length > 0 ? 'warning' : 'info',
    segment: c.segment,
    start: c.editStart,
    end: c.editEnd,
    text: c.editText,
    message: `“${mtText}” was corrected to “${c.editText}” here but ${elsewhere.join('; and ')}`,
    suggestions,
    fingerprint: spanFingerprint(ID, [mtText, c.editText], edit, c.editStart, c.editEnd),
  };
}

/** Returns the items grouped by key, groups and items in first-seen order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
