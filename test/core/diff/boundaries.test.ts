import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeBoundaryTest, isWordBoundary } from '../../../src/core/diff/boundaries.js';
import { newsText } from './arbitraries.js';

/** Returns the text with '|' at every offset the test accepts (strictly inside the text). */
function marked(text: string, test: (index: number) => boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += (i > 0 && test(i) ? '|' : '') + text[i];
  return out;
}

describe('isWordBoundary', () => {
  const rows: { label: string; text: string; marked: string }[] = [
    { label: 'words and spaces', text: 'King Raises', marked: 'King| |Raises' },
    { label: 'inner hyphen joins a name', text: 'Cho Tae-yeol.', marked: 'Cho| |Tae-yeol|.' },
    { label: 'double hyphen is not inner', text: 'a--b', marked: 'a|-|-|b' },
    { label: 'inner apostrophes, straight and curly', text: "Ban's Ban’s", marked: "Ban's| |Ban’s" },
    { label: 'trailing apostrophe is not inner', text: "Kings' x", marked: "Kings|'| |x" },
    { label: 'decimal point joins digits only', text: '677.4 U.S', marked: '677.4| |U|.|S' },
    { label: 'Hangul', text: '조태열 장관', marked: '조태열| |장관' },
    { label: 'combining accent belongs to its word', text: 'cafe\u0301!', marked: 'cafe\u0301|!' },
  ];
  it.each(rows)('$label', ({ text, marked: expected }) => {
    expect(marked(text, (i) => isWordBoundary(text, i))).toBe(expected);
  });

  it('never splits a surrogate pair', () => {
    expect(isWordBoundary('a😀b', 2)).toBe(false);
    expect(isWordBoundary('a😀b', 1)).toBe(true);
  });
});

describe('graphemeBoundaryTest', () => {
  it('agrees with segmenting the whole text, also past its look-behind window (property)', () => {
    const flags = fc.array(fc.constantFrom('🇰🇷', '🇯🇵', '🇺🇸'), { maxLength: 30 }).map((f) => f.join(''));
    const longText = fc.array(fc.oneof(newsText(10), flags), { maxLength: 12 }).map((t) => t.join(''));
    fc.assert(
      fc.property(fc.oneof(longText, fc.string({ unit: 'binary' })), (text) => {
        const starts = new Set<number>([text.length]);
        for (const { index } of new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)) starts.add(index);
        const test = graphemeBoundaryTest(text);
        for (let i = 0; i <= text.length; i++) expect(test(i), `offset ${i}`).toBe(starts.has(i));
      }),
      { numRuns: 300 },
    );
  });
});
