import { describe, expect, it } from 'vitest';
import { sourceNumber } from '../../../src/core/checks/source-number.js';
import type { ArticleView } from '../../../src/core/checks/types.js';
import { articleOf, compact, runOne } from './check-helpers.js';
import { articleWithSource, fixturePair } from './source-helpers.js';

interface Row {
  readonly label: string;
  readonly article: ArticleView;
  /** Flags as `segment:start-end "text" severity`. */
  readonly flags: readonly string[];
  readonly suggestions?: readonly (readonly string[])[];
}

const pair = (mt: string, ko: string, edits?: Record<number, string>) => articleWithSource(`Headline\n\n${mt}`, `제목입니다\n\n${ko}`, edits);

const rows: Row[] = [
  { label: 'empty article', article: articleOf([]), flags: [] },
  { label: 'no source: nothing to read (the checks work as before issue 12)', article: fixturePair('cho-beijing', { withSource: false }), flags: [] },
  { label: 'clean article: 677.4 trillion won, 1.23 trillion for 1조 2,345억 (budget-clean)', article: fixturePair('budget-clean'), flags: [] },
  {
    label: 'looks suspicious but is fine: the same value written in full, in words and with a currency sign',
    article: pair('It pays 120,000 people $350 million, or 1.2 trillion won, and 15,000 more.', '12만 명에게 3억5천만 달러, 즉 1조 2천억 원을 지급하고 1만 5000명을 더한다.'),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: a law article (제3조) and plain numerals are not Korean-unit numbers',
    article: pair('Under Article 3, 30 percent of the 2024 budget was cut.', '제3조에 따라 2024년 예산의 30%가 삭감됐다.'),
    flags: [],
  },
  {
    label: '1조 2천억 written as 12 trillion (cho-beijing)',
    article: fixturePair('cho-beijing'),
    flags: ['2:55-66 "12 trillion" error'],
    suggestions: [['1.2 trillion']],
  },
  {
    label: '3억5천만 written as 35 million in the body, right in the headline (samsung-texas)',
    article: fixturePair('samsung-texas'),
    flags: ['1:76-86 "35 million" error'],
    suggestions: [['350 million']],
  },
  {
    label: 'a bare numeral at the wrong magnitude gets a bare numeral',
    article: pair('The city gave 12,000 households aid.', '시는 12만 가구에 지원금을 줬다.'),
    flags: ['1:14-20 "12,000" error'],
    suggestions: [['120,000']],
  },
  {
    label: 'a figure the translation dropped is flagged at the end of its segment',
    article: pair('The government raised the budget.', '정부는 예산을 5천억 원 늘렸다.'),
    flags: ['1:33-33 "" warning'],
    suggestions: [[]],
  },
  {
    label: 'an edit that puts the right figure back clears the flag',
    article: pair('The city gave 12,000 households aid.', '시는 12만 가구에 지원금을 줬다.', { 1: 'The city gave 120,000 households aid.' }),
    flags: [],
  },
];

describe('source-number', () => {
  it.each(rows)('$label', ({ article, flags, suggestions }) => {
    const found = runOne(sourceNumber, article);
    expect(compact(found)).toEqual(flags);
    if (suggestions) expect(found.map((f) => f.suggestions)).toEqual(suggestions);
  });

  it('names the Korean figure and the English one', () => {
    const [flag] = runOne(sourceNumber, fixturePair('cho-beijing'));
    expect(flag?.message).toBe('“12 trillion” is not 1조 2천억 in the Korean source, which is 1.2 trillion: write “1.2 trillion”.');
  });

  it('gives a dropped figure a fingerprint that survives edits of its segment', () => {
    const a = runOne(sourceNumber, pair('The government raised the budget.', '정부는 예산을 5천억 원 늘렸다.'));
    const b = runOne(sourceNumber, pair('The government raised the budget.', '정부는 예산을 5천억 원 늘렸다.', { 1: 'The government raised its budget this year.' }));
    expect(a[0]?.fingerprint).toBe(b[0]?.fingerprint);
  });
});
