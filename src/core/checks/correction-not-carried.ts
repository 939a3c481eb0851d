import { correctionKey } from '../diff/correction-key.js';
import { currentCorrections, findWholePhrase, isCheckablePhrase, isCorrectedPlace } from './correction-phrases.js';
import { describeSegments, listTitles, otherArticlesOf } from './place-names.js';
import { spanFingerprint } from './span-fingerprint.js';
import type { ArticleCorrection, ArticleView, Check, CheckSegment, CorpusCorrection, Flag } from './types.js';

const ID = 'correction-not-carried';

/** An MT phrase the editor corrected in this article: what it became, and where. */
interface CorrectedPhrase {
  readonly mtText: string;
  /** Distinct edited texts, most frequent first. */
  readonly editTexts: readonly string[];
  readonly segments: readonly number[];
}

/**
 * `correction-not-carried`: an MT phrase the editor corrected in one place still stands, unedited,
 * elsewhere (issue 3: "Cho Tae-yeol" -> "Cho Tae-yul" in the headline, not in the caption). Also, at
 * severity info, a phrase that editors corrected in other articles of the corpus.
 */
export const correctionNotCarried = {
  id: ID,
  name: 'Correction not carried through',
  description:
    'An MT phrase corrected in one place still stands unedited elsewhere in the article; phrases corrected in other articles are pointed out as information.',
  severity: 'warning',
  run(article, ctx) {
    const content = article.segments.filter((s) => s.kind !== 'boilerplate' && s.edit.trim() !== '');
    // Guard: an empty article (or page chrome only) has nowhere for a phrase to stand.
    if (content.length === 0) return [];
    const corrections = currentCorrections(article, ctx.corrections);
    const phrases = correctedPhrases(corrections);
    const articleFlags = phrases.flatMap((p) => flagsForPhrase(article, content, corrections, p));
    const correctedHere = new Set(corrections.map((c) => correctionKey(c.mtText)));
    const corpusFlags = ctx.corpusCorrections
      .filter((cc) => !correctedHere.has(correctionKey(cc.mtText)))
      .flatMap((cc) => flagsForCorpusCorrection(article, content, corrections, cc));
    return [...articleFlags, ...corpusFlags];
  },
} satisfies Check;

/** Returns this article's corrections grouped by MT phrase, keeping only phrases worth carrying. */
function correctedPhrases(corrections: readonly ArticleCorrection[]): CorrectedPhrase[] {
  const groups = new Map<string, { mtText: string; counts: Map<string, number>; segments: number[] }>();
  for (const c of corrections) {
    // Guard: insertions, punctuation and function words ("the" -> "a") are not carried.
    if (!isCheckablePhrase(c.mtText)) continue;
    // Guard: the editor kept the phrase and added to it ("Cho" -> "Minister Cho"); it was not wrong.
    if (findWholePhrase(c.editText, c.mtText).length > 0) continue;
    const key = correctionKey(c.mtText);
    const group = groups.get(key) ?? { mtText: key, counts: new Map<string, number>(), segments: [] };
    group.counts.set(c.editText, (group.counts.get(c.editText) ?? 0) + 1);
    group.segments.push(c.segment);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    mtText: g.mtText,
    // Map keeps first-seen order, and sort is stable, so ties keep article order.
    editTexts: [...g.counts].sort((a, b) => b[1] - a[1]).map(([text]) => text),
    segments: g.segments,
  }));
}

/** Returns a flag for every unedited occurrence of a corrected phrase in the article's edit text. */
function flagsForPhrase(
  article: ArticleView,
  content: readonly CheckSegment[],
  corrections: readonly ArticleCorrection[],
  phrase: CorrectedPhrase,
): Flag[] {
  const best = phrase.editTexts[0] ?? '';
  const where = describeSegments(article, phrase.segments);
  const verb = best === '' ? 'was deleted' : `was corrected to “${best}”`;
  const message = `“${phrase.mtText}” ${verb} in ${where} but still stands here`;
  return occurrences(content, corrections, phrase.mtText).map(({ segment, start, end }) => ({
    check: ID,
    severity: 'warning',
    segment: segment.index,
    start,
    end,
    text: segment.edit.slice(start, end),
    message,
    suggestions: phrase.editTexts,
    fingerprint: spanFingerprint(ID, [phrase.mtText, best], segment.edit, start, end),
  }));
}

/** Returns an info flag for every occurrence of a phrase that editors corrected in other articles. */
function flagsForCorpusCorrection(
  article: ArticleView,
  content: readonly CheckSegment[],
  corrections: readonly ArticleCorrection[],
  cc: CorpusCorrection,
): Flag[] {
  // Guard: insertions, punctuation and function words are not carried across articles either.
  if (!isCheckablePhrase(cc.mtText)) return [];
  // Guard: an expansion ("Cho" -> "Minister Cho") says nothing about the phrase itself.
  if (findWholePhrase(cc.editText, cc.mtText).length > 0) return [];
  const others = otherArticlesOf(cc, article.key);
  // Guard: a correction made only in this article is the article's own business (handled above).
  if (others.count === 0) return [];
  const mtText = correctionKey(cc.mtText);
  const verb = cc.editText === '' ? `deleted “${mtText}”` : `corrected “${mtText}” to “${cc.editText}”`;
  const message = `Editors ${verb} in ${others.count} other ${others.count === 1 ? 'article' : 'articles'} (${listTitles(others.articles, others.count)})`;
  return occurrences(content, corrections, mtText).map(({ segment, start, end }) => ({
    check: ID,
    severity: 'info',
    segment: segment.index,
    start,
    end,
    text: segment.edit.slice(start, end),
    message,
    suggestions: [cc.editText],
    fingerprint: spanFingerprint(ID, ['corpus', mtText, cc.editText], segment.edit, start, end),
  }));
}

/** Returns where `mtText` stands as a whole phrase in the content's edit text, leaving out the places the editor changed. */
function occurrences(
  content: readonly CheckSegment[],
  corrections: readonly ArticleCorrection[],
  mtText: string,
): { segment: CheckSegment; start: number; end: number }[] {
  const firstWord = mtText.split(/\s+/u)[0] ?? mtText;
  return content.flatMap((segment) => {
    // Guard: a plain substring test first, so a long list of corpus corrections costs little per segment.
    if (!segment.edit.includes(firstWord)) return [];
    return findWholePhrase(segment.edit, mtText)
      .filter(([start, end]) => !isCorrectedPlace(corrections, segment.index, start, end))
      .map(([start, end]) => ({ segment, start, end }));
  });
}
