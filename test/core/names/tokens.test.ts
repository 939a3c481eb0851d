import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, WORD } from '../../../src/core/names/tokens.js';

/** The words as the WORD regex defines them, the way tokenize read them before it had a scanner (issue 10). */
function wordsByRegex(text: string): { text: string; start: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index }));
}

describe('tokenize', () => {
  const rows: { label: string; text: string; words: string[] }[] = [
    { label: 'an empty text', text: '', words: [] },
    { label: 'names with hyphens and a possessive', text: "Cho Tae-yul met Kim Keon-hee's aide.", words: ['Cho', 'Tae-yul', 'met', 'Kim', "Keon-hee's", 'aide'] },
    { label: 'a separator with no letter after it', text: "Reuters' report - and co- ’", words: ['Reuters', 'report', 'and', 'co'] },
    { label: 'MR breves, a combining mark and ʻ (a letter itself)', text: 'Ch’ŏl-su Cho\u0306 Hawaiʻi ʻokina', words: ['Ch’ŏl-su', 'Cho\u0306', 'Hawaiʻi', 'ʻokina'] },
    { label: 'Hangul, an astral ideograph, emoji and digits', text: '조태열 𠀀𠀁 👍 G7 COVID-19', words: ['조태열', '𠀀𠀁', 'G', 'COVID'] },
    { label: 'a mark with no letter before it', text: '\u0306abc', words: ['abc'] },
  ];
  it.each(rows)('reads $label', ({ text, words }) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(words);
  });

  it('splits off a possessive, and only after a letter', () => {
    expect(tokenize("Keon-hee’s KIM'S 's").map((t) => [t.core, t.hasPossessive])).toEqual([['Keon-hee', true], ['KIM', true], ['s', false]]);
  });

  it('reads exactly the words of the WORD regex, at the same offsets, in any text', () => {
    const piece = fc.constantFrom('Cho', 'Tae-yul', "Keon-hee's", '’s', "'", '-', '‐', '‑', 'ʻ', '\u0306', 'ŏ', '👍', '𠀀', '조', '\ud800', ' ', '.', '’');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        const tokens = tokenize(text);
        expect(tokens.map((t) => ({ text: t.text, start: t.start }))).toEqual(wordsByRegex(text));
        for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
      }),
      { numRuns: 2000 },
    );
  });
});
