import { describe, expect, it } from 'vitest';
import { correctionNotCarried } from '../../../src/core/checks/correction-not-carried.js';
import type { ArticleView, CorpusCorrection } from '../../../src/core/checks/types.js';
import { articleOf, compact, corpusArticle, corpusCorrection, runOne } from './check-helpers.js';

const plain = corpusArticle();
const headline = plain.segments[4]?.mt ?? '';

/** The corpus article with the headline's "Tae-yeol" corrected and the caption (segment 8) left alone. */
const headlineCorrected = corpusArticle({ 4: headline.replace('Tae-yeol', 'Tae-yul') });

interface Row {
  readonly label: string;
  readonly article: ArticleView;
  readonly corpus?: readonly CorpusCorrection[];
  /** Flags as `segment:start-end "text" severity`. */
  readonly flags: readonly string[];
}

const rows: Row[] = [
  { label: 'empty article', article: articleOf([]), flags: [] },
  { label: 'page chrome only', article: articleOf([{ kind: 'boilerplate', mt: 'Top', edit: 'Bottom' }]), flags: [] },
  { label: 'clean article: the corpus article unedited', article: plain, flags: [] },
  {
    label: 'regression (corpus article): headline corrected, caption not',
    article: headlineCorrected,
    flags: ['8:4-12 "Tae-yeol" warning', '8:114-122 "Tae-yeol" warning'],
  },
  {
    label: 'corrected in one paragraph, still standing in another',
    article: articleOf([
      { kind: 'headline', mt: 'Minister Visits Beijing' },
      { mt: 'Kim Tae-yeol held talks.', edit: 'Kim Tae-yul held talks.' },
      { mt: 'Afterwards Kim Tae-yeol flew home.' },
    ]),
    flags: ['2:15-23 "Tae-yeol" warning'],
  },
  {
    label: 'a possessive still holds the phrase: "Tae-yeol\'s" (the span stops before "\'s")',
    article: articleOf([
      { kind: 'headline', mt: 'Cho Tae-yeol Visits Beijing', edit: 'Cho Tae-yul Visits Beijing' },
      { mt: 'Cho Tae-yeol’s visit ended.' },
    ]),
    flags: ['1:4-12 "Tae-yeol" warning'],
  },
  {
    label: 'a two-word correction found across a caption line break',
    article: articleOf([
      { kind: 'headline', mt: 'Kim Tae-yeol Visits Beijing', edit: 'Cho Tae-yul Visits Beijing' },
      { kind: 'caption', mt: 'Kim\nTae-yeol held talks\n[Photo by Yonhap]' },
    ]),
    flags: ['1:0-12 "Kim\\nTae-yeol" warning'],
  },
  {
    label: 'looks suspicious but is fine: the king of Thailand (a corpus "King" -> "Cho" is case-sensitive)',
    article: articleOf([{ kind: 'headline', mt: 'Cho Meets Thai Envoy' }, { mt: 'He was received by the king of Thailand.' }]),
    corpus: [corpusCorrection('King', 'Cho', ['King Raises Issues'])],
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: one of the officials ("One" -> "Han" in the headline)',
    article: articleOf([
      { kind: 'headline', mt: 'One Visits Tokyo', edit: 'Han Visits Tokyo' },
      { mt: 'Asked about it, one of the officials said the visit was planned.' },
    ]),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: 677.4 trillion won ("Trillion" -> "Cho" in the headline)',
    article: articleOf([
      { kind: 'headline', mt: 'Trillion Representative Criticizes Budget', edit: 'Cho Representative Criticizes Budget' },
      { mt: 'The budget is 677.4 trillion won.' },
    ]),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: two people who share a surname (Kim Tae-yeol corrected, Kim Jong-un stands)',
    article: articleOf([
      { kind: 'headline', mt: 'Kim Tae-yeol Warns Pyongyang', edit: 'Kim Tae-yul Warns Pyongyang' },
      { mt: 'Kim Jong-un did not answer, and Kim said nothing more.' },
    ]),
    flags: [],
  },
  {
    label: 'a function word correction ("the" -> "a") is not carried',
    article: articleOf([{ kind: 'headline', mt: 'the Minister Speaks', edit: 'a Minister Speaks' }, { mt: 'The minister said the talks went well.' }]),
    flags: [],
  },
  {
    label: 'a punctuation correction is not carried',
    article: articleOf([{ mt: 'He said. They left.', edit: 'He said: they left.' }, { mt: 'He said. Nobody answered.' }]),
    flags: [],
  },
  {
    label: 'a pure insertion is not carried',
    article: articleOf([{ mt: 'Cho said.', edit: 'Cho Tae-yul said.' }, { mt: 'Cho said it again.' }]),
    flags: [],
  },
  {
    label: 'whole words only: "Cho" corrected, "Choi" stands',
    article: articleOf([{ kind: 'headline', mt: 'Cho Visits Seoul', edit: 'Jo Visits Seoul' }, { mt: 'Choi Sang-mok met Cho-like figures.' }]),
    flags: [],
  },
  {
    label: 'page chrome holding the phrase is skipped',
    article: articleOf([
      { kind: 'headline', mt: 'Kim Tae-yeol Visits', edit: 'Kim Tae-yul Visits' },
      { kind: 'boilerplate', mt: 'More on Kim Tae-yeol' },
    ]),
    flags: [],
  },
  {
    label: 'corpus: a phrase editors corrected in other articles still stands (info)',
    article: corpusArticle(),
    corpus: [corpusCorrection('King', 'Cho', ['Cho Meets Wang Yi', 'Cho Returns From Beijing'])],
    flags: ['5:0-4 "King" info'],
  },
  {
    label: 'corpus: an expansion ("Cho" -> "Minister Cho") is not a correction of the phrase',
    article: corpusArticle(),
    corpus: [corpusCorrection('Minister Cho', 'Minister Cho Tae-yul', ['Cho Meets Wang Yi'])],
    flags: [],
  },
  {
    label: 'corpus: a correction made only in this article is not offered back to it',
    article: corpusArticle(),
    corpus: [{ mtText: 'King', editText: 'Cho', count: 1, articles: [{ key: 'corpus/cho-tae-yul-beijing-forced-repatriation.txt', title: 'x' }] }],
    flags: [],
  },
  {
    label: 'corpus: a phrase this editor corrected too is left to the article flags (and correction-conflict)',
    article: corpusArticle({ 5: 'Cho Raises Issues at Meeting with Chinese Foreign Minister' }),
    corpus: [corpusCorrection('King', 'Wang', ['Wang Yi Meets Cho'])],
    flags: [],
  },
];

describe('correction-not-carried', () => {
  it.each(rows)('$label', ({ article, corpus, flags }) => {
    expect(compact(runOne(correctionNotCarried, article, corpus))).toEqual(flags);
  });

  it('names the correction and where it was made, and suggests the edited text', () => {
    const [flag] = runOne(correctionNotCarried, headlineCorrected);
    expect(flag?.message).toBe('“Tae-yeol” was corrected to “Tae-yul” in the headline but still stands here');
    expect(flag?.suggestions).toEqual(['Tae-yul']);
  });

  it('names a deletion as a deletion and suggests deleting', () => {
    const article = articleOf([{ mt: 'Talks (local time) ended.', edit: 'Talks ended.' }, { mt: 'They met on the 13th (local time) in Beijing.' }]);
    const [flag] = runOne(correctionNotCarried, article);
    expect(flag?.text).toBe('(local time)');
    expect(flag?.message).toBe('“(local time)” was deleted in paragraph 1 but still stands here');
    expect(flag?.suggestions).toEqual(['']);
  });

  it('names the other articles in a corpus flag, at most three and then a count', () => {
    const titles = ['Cho Meets Wang Yi', 'Cho Returns', 'Cho in Tokyo', 'Cho in Seoul'];
    const [flag] = runOne(correctionNotCarried, corpusArticle(), [corpusCorrection('King', 'Cho', titles)]);
    expect(flag?.message).toBe('Editors corrected “King” to “Cho” in 4 other articles (“Cho Meets Wang Yi”, “Cho Returns”, “Cho in Tokyo” and 1 more)');
    expect(flag?.suggestions).toEqual(['Cho']);
  });

  it('gives fingerprints that survive a paragraph added before the flag, and differ between places', () => {
    const before = runOne(correctionNotCarried, headlineCorrected);
    const segments = [...headlineCorrected.segments.slice(0, 6), { index: -1, kind: 'body' as const, mt: 'New.', edit: 'New.' }, ...headlineCorrected.segments.slice(6)];
    const shifted = { ...headlineCorrected, segments: segments.map((s, index) => ({ ...s, index })) };
    const after = runOne(correctionNotCarried, shifted);
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
    expect(new Set(before.map((f) => f.fingerprint)).size).toBe(2);
    expect(before[0]?.fingerprint).toMatch(/^correction-not-carried\|Tae-yeol\|Tae-yul\|[0-9a-f]{8}$/);
  });
});
