import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charDistance, codePoints, MAX_CHAR_CELLS } from '../../../src/core/metrics/char-distance.js';

/** The textbook full-matrix Levenshtein distance over code points: the oracle. */
function levenshtein(x: string, y: string): number {
  const a = [...x];
  const b = [...y];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1), (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

describe('charDistance', () => {
  const rows: { label: string; mt: string; edit: string; distance: number; length: number }[] = [
    { label: 'both empty', mt: '', edit: '', distance: 0, length: 0 },
    { label: 'identical', mt: 'Cho Tae-yul', edit: 'Cho Tae-yul', distance: 0, length: 11 },
    { label: 'the corpus headline fix, King -> Cho (3 substitutions, 1 deletion)', mt: 'King Raises Issues', edit: 'Cho Raises Issues', distance: 4, length: 18 },
    { label: 'romanization fix Tae-yeol -> Tae-yul', mt: 'Cho Tae-yeol', edit: 'Cho Tae-yul', distance: 2, length: 12 },
    { label: 'kitten -> sitting (the textbook case)', mt: 'kitten', edit: 'sitting', distance: 3, length: 7 },
    { label: 'MT empty: every character inserted', mt: '', edit: 'new text', distance: 8, length: 8 },
    { label: 'edit empty: a deleted paragraph is 100 %', mt: 'Top of page', edit: '', distance: 11, length: 11 },
    { label: 'an emoji is one character, not two UTF-16 units', mt: 'a😀b', edit: 'a😃b', distance: 1, length: 3 },
    { label: 'Hangul syllables are characters', mt: '조태열 장관', edit: '조태열 외교부 장관', distance: 4, length: 10 },
    { label: 'a composed and a decomposed é differ (no normalisation)', mt: 'caf\u00e9', edit: 'cafe\u0301', distance: 2, length: 5 },
    { label: 'a case change is an edit', mt: 'Foreign Minister', edit: 'foreign minister', distance: 2, length: 16 },
  ];
  it.each(rows)('$label', ({ mt, edit, distance, length }) => {
    const result = charDistance(mt, edit);
    expect(result).toEqual({ distance, length, share: length === 0 ? 0 : distance / length, isApproximate: false });
  });

  it('counts code points, a lone surrogate as one', () => {
    expect([...codePoints('a😀\uD800b')]).toEqual([0x61, 0x1f600, 0xd800, 0x62]);
  });

  it('agrees with the full-matrix distance, the share stays in 0..1 and is symmetric (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '😀', '조'), maxLength: 60 });
    fc.assert(
      fc.property(text, text, (mt, edit) => {
        const result = charDistance(mt, edit);
        expect(result.distance).toBe(levenshtein(mt, edit));
        expect(charDistance(edit, mt).distance).toBe(result.distance);
        expect(result.share).toBeGreaterThanOrEqual(0);
        expect(result.share).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it('is exact past the first band: long texts with edits spread over them (property)', () => {
    const base = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 100, maxLength: 300 });
    const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom('', 'x', 'yy')), { maxLength: 40 });
    fc.assert(
      fc.property(base, edits, (mt, changes) => {
        let edit = mt;
        for (const [at, text] of changes) {
          const i = at % (edit.length + 1);
          edit = edit.slice(0, i) + text + edit.slice(i + (text === 'yy' ? 0 : 1));
        }
        expect(charDistance(mt, edit).distance).toBe(levenshtein(mt, edit));
      }),
      { numRuns: 100 },
    );
  });

  // No timing assertion (issue 8: a busy machine must not fail a test). A full 100 kB x 100 kB table
  // would take minutes, so vitest's 20 s test timeout is what catches a lost cap; speed is in bench/.
  it('stays exact and quick on a 100 kB paragraph with a few edits', () => {
    const paragraph = 'Minister Cho raised the issue of forced repatriation. '.repeat(1900);
    const edited = paragraph.replace('Minister Cho', 'Foreign Minister Cho').replace(/repatriation\.\s*$/, 'returns.');
    const result = charDistance(paragraph, edited);
    expect(result.isApproximate).toBe(false);
    expect(result.distance).toBe(8 + levenshtein('repatriation. ', 'returns.'));
  });

  it(`caps the work at ${MAX_CHAR_CELLS.toLocaleString('en')} cells on two unrelated 30,000-character texts, with an upper bound`, () => {
    const mt = Array.from({ length: 30000 }, (_, i) => 'abcdefgh'[(i * 7) % 8]).join('');
    const edit = Array.from({ length: 30000 }, (_, i) => 'abcdefgh'[(i * i + 3) % 8]).join('');
    const result = charDistance(mt, edit);
    expect(result.isApproximate).toBe(true);
    expect(result.distance).toBeLessThanOrEqual(30000);
    expect(result.distance).toBeGreaterThan(0);
  });
});

describe('charDistance of identical texts', () => {
  it('counts code points as the alignment does: astral characters once, lone surrogates once', () => {
    for (const text of ['', 'Cho Tae-yul', '조태열 장관', 'emoji 😀 and 𝐁old', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d']) {
      expect(charDistance(text, text)).toEqual({ distance: 0, length: codePoints(text).length, share: 0, isApproximate: false });
    }
  });
});
