import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumbers, findNumerals } from '../../../src/core/numbers/find-numbers.js';
import { compareNumbers } from '../../../src/core/numbers/compare-numbers.js';

/** Returns the tokens as `text=key`, with `~` marking spelled-out ones and `$` amounts. */
function tokensOf(text: string): string[] {
  return findNumbers(text).map((t) => `${t.isWord ? '~' : ''}${t.isAmount ? '$' : ''}${t.text}=${t.key}`);
}

describe('findNumbers', () => {
  const rows: { label: string; text: string; tokens: string[] }[] = [
    { label: 'empty', text: '', tokens: [] },
    { label: 'no numbers', text: 'The king of Thailand', tokens: [] },
    { label: 'plain and grouped', text: '500 and 1,000 and 1000', tokens: ['500=5e2', '1,000=1e3', '1000=1e3'] },
    { label: 'decimals keep their value, not their zeros', text: '4.7 and 4.70', tokens: ['4.7=47e-1', '4.70=47e-1'] },
    { label: 'scale words', text: '677.4 trillion won, 677.4 billion', tokens: ['$677.4 trillion=6774e11', '$677.4 billion=6774e8'] },
    { label: 'currency and percent', text: '$5 and 4.7% and 30 percent', tokens: ['$5=5e0', '$4.7%=47e-1', '$30=3e1'] },
    { label: 'ordinals', text: 'the 13th and the 2nd', tokens: ['13th=13e0', '2nd=2e0'] },
    { label: 'spelled out', text: 'a four-hour talk, twenty-five aides, two million won', tokens: ['~four=4e0', '~twenty-five=25e0', '~$two million=2e6'] },
    { label: 'months', text: 'In October, Oct. 13 and May 5; it may rain in May.', tokens: ['October=month:10', 'Oct.=month:10', '13=13e0', 'May=month:5', '5=5e0'] },
    { label: 'numbers inside words are not numbers', text: 'G7, COVID-19 and 5km', tokens: ['19=19e0'] },
    { label: 'zero', text: '0 and 0.0', tokens: ['0=0', '0.0=0'] },
  ];

  it.each(rows)('$label', ({ text, tokens }) => {
    expect(tokensOf(text)).toEqual(tokens);
  });

  it('gives offsets that slice to the token text, and never throws (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (text) => {
        for (const t of findNumbers(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
      }),
    );
  });
});

describe('compareNumbers', () => {
  it('reports nothing for the same numbers in any order, and nothing for added ones', () => {
    expect(compareNumbers('500 then 200', '200 then 500')).toEqual([]);
    expect(compareNumbers('on the 13th', 'on the 13th of October 2024')).toEqual([]);
  });

  it('reports an untouched copy of a number as kept when another copy is deleted', () => {
    const [change] = compareNumbers('500 went, 500 stayed', '500 went, stayed');
    expect(change?.mt.start).toBe(10);
  });
});

describe('findNumerals', () => {
  it('returns exactly the numerals of findNumbers, in order: no spelled-out numbers, no months', () => {
    const piece = fc.constantFrom('470 trillion won', 'four', 'twenty-one', 'May 5', 'October', '$5', '4.7%', '1,000', 'G7', 'the 12th', ' ', '.', '조');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        expect(findNumerals(text)).toEqual(findNumbers(text).filter((t) => t.kind === 'number' && !t.isWord));
      }),
    );
  });
});
