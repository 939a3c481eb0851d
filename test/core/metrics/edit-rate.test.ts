import { describe, expect, it } from 'vitest';
import { measureEditRate, measureSegment, sumEditRates, type EditRateInput } from '../../../src/core/metrics/edit-rate.js';
import { ter } from '../../../src/core/metrics/ter.js';

const HEADLINE_MT = 'King Raises Issues at Meeting with Chinese Foreign Minister';
const HEADLINE_EDIT = 'Cho Raises Issues at Meeting with Chinese Foreign Minister';
const CONCERNS_MT = "Minister Cho also conveyed concerns to China regarding North Korea's actions that escalate regional tensions";
const CONCERNS_EDIT = "Cho also voiced concern to China about North Korea's actions that raise regional tensions";

/** The corpus article in miniature: chrome, an edited headline, an untouched standfirst, an edited paragraph. */
const ARTICLE: EditRateInput[] = [
  { position: 0, kind: 'boilerplate', mt: 'Text Size', edit: '' },
  { position: 1, kind: 'headline', mt: HEADLINE_MT, edit: HEADLINE_EDIT },
  { position: 2, kind: 'standfirst', mt: 'Cho Tae-yul visited China.', edit: 'Cho Tae-yul visited China.' },
  { position: 3, kind: 'body', mt: CONCERNS_MT, edit: CONCERNS_EDIT },
  { position: 4, kind: 'boilerplate', mt: '© The Asia Business Daily(www.asiae.co.kr). All rights reserved.', edit: 'changed' },
];

describe('measureSegment', () => {
  const rows: { label: string; segment: EditRateInput; caseSensitive?: boolean; expected: Record<string, unknown> }[] = [
    {
      label: 'issue 5: the corpus headline, one edit in nine words',
      segment: { position: 1, kind: 'headline', mt: HEADLINE_MT, edit: HEADLINE_EDIT },
      expected: { edits: 1, words: 9, ter: 1 / 9, charDistance: 4, charLength: 59, charShare: 4 / 59, isUntouched: false },
    },
    {
      label: 'untouched segment',
      segment: { position: 2, kind: 'body', mt: 'Cho met Wang.', edit: 'Cho met Wang.' },
      expected: { edits: 0, words: 3, ter: 0, charDistance: 0, charShare: 0, isUntouched: true },
    },
    {
      label: 'only white space changed: no word edits, but touched',
      segment: { position: 2, kind: 'body', mt: 'Cho met  Wang.', edit: 'Cho met Wang.' },
      expected: { edits: 0, ter: 0, charDistance: 1, isUntouched: false },
    },
    {
      label: 'case-insensitive: a case change costs nothing, yet the segment was touched',
      segment: { position: 0, kind: 'headline', mt: 'Foreign Minister', edit: 'foreign minister' },
      caseSensitive: false,
      expected: { edits: 0, ter: 0, charDistance: 0, charShare: 0, isUntouched: false },
    },
    {
      label: 'case-sensitive by default: the same change is two edits',
      segment: { position: 0, kind: 'headline', mt: 'Foreign Minister', edit: 'foreign minister' },
      expected: { edits: 2, words: 2, ter: 1, charDistance: 2 },
    },
    {
      label: 'segment deleted by the editor: TER 1 with no words, every character changed',
      segment: { position: 7, kind: 'caption', mt: 'Photo of the talks', edit: '' },
      expected: { edits: 4, words: 0, ter: 1, charShare: 1, isUntouched: false },
    },
  ];
  it.each(rows)('$label', ({ segment, caseSensitive, expected }) => {
    const result = measureSegment(segment, caseSensitive === undefined ? {} : { caseSensitive });
    expect(result).toMatchObject({ position: segment.position, kind: segment.kind, isApproximate: false, ...expected });
  });
});

describe('measureEditRate', () => {
  it('gives nothing for an empty article', () => {
    expect(measureEditRate([])).toEqual({
      segments: [],
      total: { segments: 0, untouched: 0, edits: 0, words: 0, ter: 0, charDistance: 0, charLength: 0, charShare: 0, isApproximate: false },
    });
  });

  it('leaves page chrome out of the segments and the totals, even when it was changed', () => {
    const { segments } = measureEditRate(ARTICLE);
    expect(segments.map((s) => [s.position, s.kind, s.edits, s.words, s.isUntouched])).toEqual([
      [1, 'headline', 1, 9, false],
      [2, 'standfirst', 0, 4, true],
      [3, 'body', 5, 14, false],
    ]);
  });

  it('totals the sum of edits over the sum of words (issue 5), not the mean of the segment rates', () => {
    const { total } = measureEditRate(ARTICLE);
    expect(total).toMatchObject({ segments: 3, untouched: 1, edits: 6, words: 27, isApproximate: false });
    expect(total.ter).toBe(6 / 27);
    expect(total.ter).not.toBe((1 / 9 + 0 + 5 / 14) / 3);
    expect(total.charShare).toBe(total.charDistance / total.charLength);
  });

  it('passes the case option to every segment', () => {
    const article: EditRateInput[] = [{ position: 0, kind: 'headline', mt: 'Foreign Minister', edit: 'foreign minister' }];
    expect(measureEditRate(article).total.edits).toBe(2);
    expect(measureEditRate(article, { caseSensitive: false }).total.edits).toBe(0);
  });
});

describe('sumEditRates', () => {
  it('gives corpus totals from several articles: parts summed, rates from the sums', () => {
    const first = measureEditRate(ARTICLE).total;
    const second = measureEditRate([{ position: 0, kind: 'headline', mt: 'a b c d e f', edit: 'd e f a b c' }]).total;
    const corpus = sumEditRates([first, second]);
    expect(corpus).toMatchObject({ segments: 4, untouched: 1, edits: 7, words: 33, isApproximate: false });
    expect(corpus.ter).toBe(7 / 33);
    expect(corpus.charDistance).toBe(first.charDistance + second.charDistance);
    expect(corpus.charShare).toBe(corpus.charDistance / corpus.charLength);
  });

  it('gives zeros for no articles', () => {
    expect(sumEditRates([])).toMatchObject({ segments: 0, edits: 0, words: 0, ter: 0, charShare: 0 });
  });
});

describe('TER of an untouched segment', () => {
  it('is zero edits over the reference length, as the shift search finds', () => {
    const text = 'Foreign Minister Cho Tae-yul met Chinese Foreign Minister Wang Yi in Beijing on the 13th.';
    expect(ter(text, text)).toEqual({ edits: 0, words: 15, score: 0, shifts: 0, isApproximate: false });
    expect(ter(text, `${text} `)).toEqual({ edits: 0, words: 15, score: 0, shifts: 0, isApproximate: false });
  });
});
