import { describe, expect, it } from 'vitest';
import { duplicateSegment } from '../../../src/core/checks/duplicate-segment.js';
import type { ArticleView } from '../../../src/core/checks/types.js';
import { articleOf, compact, corpusArticle, runOne } from './check-helpers.js';

const plain = corpusArticle();
const headline = plain.segments[4]?.mt ?? '';
const caption = plain.segments[8]?.mt ?? '';
/** The caption without the headline it repeats: what the editor should end up with. */
const captionWithoutRepeat = caption.slice(headline.length + 1);

interface Row {
  readonly label: string;
  readonly article: ArticleView;
  /** Flags as `segment:start-end "text" severity`. */
  readonly flags: readonly string[];
}

const LONG = 'The ministry said the talks in Beijing covered the repatriation of defectors.';

const rows: Row[] = [
  { label: 'empty article', article: articleOf([]), flags: [] },
  {
    label: 'clean article: the corpus article with the repeat removed from the caption',
    article: corpusArticle({ 8: captionWithoutRepeat }),
    flags: [],
  },
  {
    label: 'regression (corpus article): the caption begins with the headline',
    article: plain,
    flags: [`8:0-93 ${JSON.stringify(`${headline} `)} warning`],
  },
  {
    label: 'regression (corpus article): headline corrected on its own, the caption still repeats its MT',
    article: corpusArticle({ 4: headline.replace('Tae-yeol', 'Tae-yul') }),
    flags: [`8:0-93 ${JSON.stringify(`${headline} `)} warning`],
  },
  {
    label: 'looks suspicious but is fine: a short headline\'s words in the lede',
    article: articleOf([{ kind: 'headline', mt: 'Cho Tae-yul Meets Wang Yi' }, { mt: 'Foreign Minister Cho Tae-yul meets Wang Yi in Beijing on the 13th.' }]),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: the king of Thailand, one of the officials, 677.4 trillion won in two paragraphs',
    article: articleOf([
      { mt: 'One of the officials met the king of Thailand about 677.4 trillion won.' },
      { mt: 'The king of Thailand said 677.4 trillion won was too much, one of the officials said.' },
    ]),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: two people who share a surname, in sentences of the same shape',
    article: articleOf([{ mt: 'Kim Jong-un met the press on Monday.' }, { mt: 'Kim Jong-nam met the press on Monday.' }]),
    flags: [],
  },
  { label: 'short segments repeat by chance', article: articleOf([{ mt: 'Minister Cho said.' }, { mt: 'Minister Cho said.' }]), flags: [] },
  { label: 'page chrome repeated is skipped', article: articleOf([{ kind: 'boilerplate', mt: 'Join us on social media today' }, { kind: 'boilerplate', mt: 'Join us on social media today' }]), flags: [] },
  { label: 'identical paragraphs: the later one whole', article: articleOf([{ mt: LONG }, { mt: LONG }]), flags: [`1:0-77 ${JSON.stringify(LONG)} warning`] },
  {
    label: 'case, whitespace and quote style do not hide a repeat',
    article: articleOf([{ mt: 'He said "Please send them where they want" today.' }, { mt: 'he  said “please send them\nwhere they want” TODAY.' }]),
    flags: ['1:0-50 "he  said “please send them\\nwhere they want” TODAY." warning'],
  },
  {
    label: 'a paragraph repeated in the middle of a later one takes the space after it',
    article: articleOf([{ mt: LONG }, { mt: `Earlier: ${LONG} Then they left.` }]),
    flags: [`1:9-87 ${JSON.stringify(`${LONG} `)} warning`],
  },
  {
    label: 'a paragraph repeated at the end of a later one takes the space before it',
    article: articleOf([{ mt: LONG }, { mt: `Then they left. ${LONG}` }]),
    flags: [`1:15-93 ${JSON.stringify(` ${LONG}`)} warning`],
  },
  {
    label: 'a later segment that is a passage of an earlier one, whole',
    article: articleOf([{ mt: `Then they left. ${LONG}` }, { kind: 'caption', mt: LONG }]),
    flags: [`1:0-77 ${JSON.stringify(LONG)} warning`],
  },
  {
    label: 'whole words only: a repeat must not start inside a word',
    article: articleOf([{ mt: 'he ministry said the talks in Beijing covered the repatriation of defectors.' }, { mt: LONG }]),
    flags: [],
  },
];

describe('duplicate-segment', () => {
  it.each(rows)('$label', ({ article, flags }) => {
    expect(compact(runOne(duplicateSegment, article))).toEqual(flags);
  });

  it('names what is repeated and where it stood first', () => {
    const [flag] = runOne(duplicateSegment, plain);
    expect(flag?.message).toBe('This repeats the headline (“Cho Tae-yeol Criticizes Forced Repatriation of Defectors:…”): delete the repeated text');
    const [same] = runOne(duplicateSegment, articleOf([{ mt: LONG }, { mt: LONG }]));
    expect(same?.message).toBe('This repeats paragraph 1 word for word: delete one of them');
  });

  it('suggests deleting the span, which leaves the caption without the repeat (regression: corpus article)', () => {
    const [flag] = runOne(duplicateSegment, plain);
    expect(flag?.suggestions).toEqual(['']);
    const after = caption.slice(0, flag?.start) + (flag?.suggestions[0] ?? '') + caption.slice(flag?.end);
    expect(after).toBe(captionWithoutRepeat);
    expect(after.startsWith('Foreign Minister Cho Tae-yeol held talks')).toBe(true);
  });

  it('keeps its fingerprint when the headline is corrected on its own', () => {
    const before = runOne(duplicateSegment, plain);
    const after = runOne(duplicateSegment, corpusArticle({ 4: headline.replace('Tae-yeol', 'Tae-yul') }));
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
  });
});
