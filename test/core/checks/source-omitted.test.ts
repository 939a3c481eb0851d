import { describe, expect, it } from 'vitest';
import { sourceOmitted } from '../../../src/core/checks/source-omitted.js';
import type { ArticleView } from '../../../src/core/checks/types.js';
import { articleOf, compact, runOne } from './check-helpers.js';
import { articleWithSource, fixturePair } from './source-helpers.js';

interface Row {
  readonly label: string;
  readonly article: ArticleView;
  /** Flags as `segment:start-end "text" severity`. */
  readonly flags: readonly string[];
}

const rows: Row[] = [
  { label: 'empty article', article: articleOf([]), flags: [] },
  { label: 'no source: nothing to read (the checks work as before issue 12)', article: fixturePair('cho-beijing', { withSource: false }), flags: [] },
  { label: 'clean article (samsung-texas)', article: fixturePair('samsung-texas'), flags: [] },
  { label: 'looks suspicious but is fine: a paragraph the MT split in two (budget-clean)', article: fixturePair('budget-clean'), flags: [] },
  {
    label: 'looks suspicious but is fine: a byline and a photo credit are not paragraphs',
    article: articleWithSource(
      'Government Launches Committee\n\nThe government officially launched the Special Committee on Medical Reform on the 25th and held its first meeting.',
      '정부, 의료개혁 특별위원회 출범\n\n정부는 25일 의료개혁 특별위원회를 공식 출범시키고 첫 회의를 열었다.\n\n김민수 기자',
    ),
    flags: [],
  },
  { label: 'a paragraph the MT left out, flagged after the lede (cho-beijing)', article: fixturePair('cho-beijing'), flags: ['1:153-153 "" warning'] },
];

describe('source-omitted', () => {
  it.each(rows)('$label', ({ article, flags }) => {
    expect(compact(runOne(sourceOmitted, article))).toEqual(flags);
  });

  it('quotes the start of the Korean paragraph', () => {
    const [flag] = runOne(sourceOmitted, fixturePair('cho-beijing'));
    expect(flag?.message).toBe('The Korean source has a paragraph after this segment that nothing in the translation matches: “조 장관은 이 자리에서 탈북민 강제 북송 문제를 제기하고 국제 규범을 존…”. Check whether it was left out.');
  });

  it('keeps its fingerprint when the segment beside the gap is edited', () => {
    const a = runOne(sourceOmitted, fixturePair('cho-beijing'));
    const b = runOne(sourceOmitted, fixturePair('cho-beijing', { edits: { 1: 'Foreign Minister Cho Tae-yul met Wang Yi in Beijing.' } }));
    expect(a[0]?.fingerprint).toBe(b[0]?.fingerprint);
    expect(a[0]?.fingerprint).toMatch(/^source-omitted\|[0-9a-f]{8}$/);
  });
});
