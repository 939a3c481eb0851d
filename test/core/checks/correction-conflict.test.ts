import { describe, expect, it } from 'vitest';
import { correctionConflict } from '../../../src/core/checks/correction-conflict.js';
import type { ArticleView, CorpusCorrection } from '../../../src/core/checks/types.js';
import { articleOf, compact, contextOf, corpusArticle, corpusCorrection, runOne } from './check-helpers.js';

const plain = corpusArticle();
const headline = plain.segments[4]?.mt ?? '';
const caption = plain.segments[8]?.mt ?? '';
const standfirst = plain.segments[5]?.mt ?? '';

/** The corpus article with "Tae-yeol" corrected to "Tae-yul" in the headline and to "Tae-youl" at the caption's start. */
const twoRenderings = corpusArticle({ 4: headline.replace('Tae-yeol', 'Tae-yul'), 8: caption.replace('Tae-yeol', 'Tae-youl') });
/** The corpus article with the standfirst's "King" corrected to "Cho". */
const kingToCho = corpusArticle({ 5: standfirst.replace('King', 'Cho') });

interface Row {
  readonly label: string;
  readonly article: ArticleView;
  readonly corpus?: readonly CorpusCorrection[];
  /** Flags as `segment:start-end "text" severity`. */
  readonly flags: readonly string[];
}

const rows: Row[] = [
  { label: 'empty article', article: articleOf([]), flags: [] },
  { label: 'clean article: the corpus article unedited', article: plain, flags: [] },
  {
    label: 'regression (corpus article): "Tae-yeol" made "Tae-yul" in the headline and "Tae-youl" in the caption',
    article: twoRenderings,
    flags: ['4:4-11 "Tae-yul" warning', '8:4-12 "Tae-youl" warning'],
  },
  {
    label: 'the same correction in two places agrees',
    article: corpusArticle({ 4: headline.replace('Tae-yeol', 'Tae-yul'), 8: caption.replace('Tae-yeol', 'Tae-yul') }),
    flags: [],
  },
  {
    label: 'three renderings: each is flagged',
    article: articleOf([
      { mt: 'Tae-yeol spoke.', edit: 'Tae-yul spoke.' },
      { mt: 'Tae-yeol left.', edit: 'Tae-youl left.' },
      { mt: 'Tae-yeol returned.', edit: 'Tae-yool returned.' },
    ]),
    flags: ['0:0-7 "Tae-yul" warning', '1:0-8 "Tae-youl" warning', '2:0-8 "Tae-yool" warning'],
  },
  {
    label: 'looks suspicious but is fine: the king of Thailand ("king" -> "King" is another MT phrase than "King" -> "Cho")',
    article: articleOf([
      { kind: 'headline', mt: 'King Meets Envoy', edit: 'Cho Meets Envoy' },
      { mt: 'He saw the king of Thailand.', edit: 'He saw the King of Thailand.' },
    ]),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: one of the officials ("One" -> "Han", "one" -> "an")',
    article: articleOf([
      { kind: 'headline', mt: 'One Visits Tokyo', edit: 'Han Visits Tokyo' },
      { mt: 'Later one official said so.', edit: 'Later an official said so.' },
    ]),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: 677.4 trillion won (corpus "Trillion" -> "Cho"; here "trillion" -> "billion")',
    article: articleOf([{ mt: 'The budget is 677.4 trillion won.', edit: 'The budget is 677.4 billion won.' }]),
    corpus: [corpusCorrection('Trillion', 'Cho', ['Trillion Representative Speaks'])],
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: two people who share a surname, each corrected once',
    article: articleOf([
      { mt: 'Kim Tae-yeol spoke.', edit: 'Kim Tae-yul spoke.' },
      { mt: 'Kim Jong-nam left.', edit: 'Kim Jong-un left.' },
    ]),
    flags: [],
  },
  {
    label: 'function words corrected differently ("the" -> "a", "the" -> "its") are ordinary editing',
    article: articleOf([
      { mt: 'He met the minister.', edit: 'He met a minister.' },
      { mt: 'He praised the ministry.', edit: 'He praised its ministry.' },
    ]),
    flags: [],
  },
  {
    label: 'a deletion is not a rendering',
    article: articleOf([
      { mt: 'Tae-yeol spoke.', edit: 'Tae-yul spoke.' },
      { mt: 'Minister Cho Tae-yeol left.', edit: 'Minister Cho left.' },
    ]),
    flags: [],
  },
  {
    label: 'corpus: other articles corrected "King" to "Wang" (info)',
    article: kingToCho,
    corpus: [corpusCorrection('King', 'Wang', ['Wang Yi Meets Cho', 'Wang Yi in Seoul'])],
    flags: ['5:0-3 "Cho" info'],
  },
  {
    label: 'corpus: other articles agree',
    article: kingToCho,
    corpus: [corpusCorrection('King', 'Cho', ['Cho Meets Wang Yi'])],
    flags: [],
  },
  {
    label: 'corpus: a correction made only in this article is not a conflict',
    article: kingToCho,
    corpus: [{ mtText: 'King', editText: 'Wang', count: 1, articles: [{ key: kingToCho.key, title: kingToCho.title }] }],
    flags: [],
  },
];

describe('correction-conflict', () => {
  it.each(rows)('$label', ({ article, corpus, flags }) => {
    expect(compact(runOne(correctionConflict, article, corpus))).toEqual(flags);
  });

  it('says what the phrase became elsewhere and suggests the other renderings', () => {
    const [headlineFlag, captionFlag] = runOne(correctionConflict, twoRenderings);
    expect(headlineFlag?.message).toBe('“Tae-yeol” was corrected to “Tae-yul” here but to “Tae-youl” in the caption');
    expect(headlineFlag?.suggestions).toEqual(['Tae-youl']);
    expect(captionFlag?.message).toBe('“Tae-yeol” was corrected to “Tae-youl” here but to “Tae-yul” in the headline');
    expect(captionFlag?.suggestions).toEqual(['Tae-yul']);
  });

  it('names conflicts in the article and in the corpus in one message, the article first (warning)', () => {
    const [flag] = runOne(correctionConflict, twoRenderings, [corpusCorrection('Tae-yeol', 'Tae-yeoul', ['Cho in Tokyo'])]);
    expect(flag?.severity).toBe('warning');
    expect(flag?.message).toBe('“Tae-yeol” was corrected to “Tae-yul” here but to “Tae-youl” in the caption; and to “Tae-yeoul” in 1 other article (“Cho in Tokyo”)');
    expect(flag?.suggestions).toEqual(['Tae-youl', 'Tae-yeoul']);
  });

  it('skips a stored correction whose offsets no longer match the edit', () => {
    const ctx = contextOf(twoRenderings);
    const stale = ctx.corrections.map((c) => (c.segment === 8 ? { ...c, editStart: c.editStart + 1, editEnd: c.editEnd + 1 } : c));
    expect(correctionConflict.run(twoRenderings, { ...ctx, corrections: stale })).toEqual([]);
  });
});
