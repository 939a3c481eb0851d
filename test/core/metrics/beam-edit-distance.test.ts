import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beamDistance, beamShape, distanceFrom, fillBeamTable, tableDistance, traceAlignment } from '../../../src/core/metrics/beam-edit-distance.js';

/** Returns the words of `text` as ids (one id per distinct word, shared by both texts). */
function ids(...texts: string[]): Int32Array[] {
  const seen = new Map<string, number>();
  return texts.map((t) => Int32Array.from(t.split(' ').filter((w) => w !== ''), (w) => seen.get(w) ?? (seen.set(w, seen.size), seen.size - 1)));
}

function levenshtein(a: Int32Array, b: Int32Array): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1), (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

describe('beamShape', () => {
  const rows: { label: string; hyp: number; ref: number; row: number; lo: number; hi: number }[] = [
    { label: 'row 0 is the whole first row', hyp: 100, ref: 100, row: 0, lo: 0, hi: 101 },
    { label: 'a middle row spans 25 either side of the diagonal', hyp: 100, ref: 100, row: 50, lo: 25, hi: 75 },
    { label: 'the band follows the length ratio (ref twice as long)', hyp: 50, ref: 100, row: 20, lo: 15, hi: 65 },
    { label: 'the last row reaches the end of the reference', hyp: 100, ref: 100, row: 100, lo: 75, hi: 101 },
    { label: 'an extreme ratio widens the beam (ratio 100: beam 75)', hyp: 2, ref: 200, row: 1, lo: 25, hi: 175 },
  ];
  it.each(rows)('$label', ({ hyp, ref, row, lo, hi }) => {
    const shape = beamShape(hyp, ref);
    expect([shape.lo[row], shape.hi[row]]).toEqual([lo, hi]);
  });
});

describe('beam distance', () => {
  it('equals Levenshtein under 25 reference words, by table, by two rows, and from any cached row (property)', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 24 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(words, words, fc.nat(), (h, r, cut) => {
        const [hyp, ref] = ids(h, r) as [Int32Array, Int32Array];
        const shape = beamShape(hyp.length, ref.length);
        const table = fillBeamTable(shape, hyp, ref);
        const scratch = [new Float64Array(shape.maxWidth), new Float64Array(shape.maxWidth)] as const;
        const expected = levenshtein(hyp, ref);
        expect(tableDistance(table)).toBe(expected);
        expect(beamDistance(shape, hyp, ref)).toBe(expected);
        expect(distanceFrom(table, hyp, ref, cut % (hyp.length + 1), scratch)).toBe(expected);
      }),
    );
  });

  it('misses a path further than the beam from the diagonal (tercom and sacrebleu do too)', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const [hyp, ref] = ids(words.join(' '), [...words.slice(40), ...words.slice(0, 40)].join(' ')) as [Int32Array, Int32Array];
    expect(levenshtein(hyp, ref)).toBe(80);
    expect(beamDistance(beamShape(300, 300), hyp, ref)).toBe(300);
  });
});

describe('traceAlignment', () => {
  const rows: { label: string; hyp: string; ref: string; align: number[]; refError: number[]; hypError: number[] }[] = [
    { label: 'identical', hyp: 'a b c', ref: 'a b c', align: [0, 1, 2], refError: [0, 0, 0], hypError: [0, 0, 0] },
    { label: 'one substitution', hyp: 'a x c', ref: 'a b c', align: [0, 1, 2], refError: [0, 1, 0], hypError: [0, 1, 0] },
    { label: 'a word missing from the hypothesis aligns after the word before it', hyp: 'a c', ref: 'a b c', align: [0, 0, 1], refError: [0, 1, 0], hypError: [0, 0] },
    { label: 'an extra hypothesis word is an error', hyp: 'a x b', ref: 'a b', align: [0, 2], refError: [0, 0], hypError: [0, 1, 0] },
    { label: 'empty hypothesis: every reference word before the start', hyp: '', ref: 'a b', align: [-1, -1], refError: [1, 1], hypError: [] },
  ];
  it.each(rows)('$label', ({ hyp, ref, align, refError, hypError }) => {
    const [h, r] = ids(hyp, ref) as [Int32Array, Int32Array];
    const result = traceAlignment(fillBeamTable(beamShape(h.length, r.length), h, r));
    expect({ align: [...result.align], refError: [...result.refError], hypError: [...result.hypError] }).toEqual({ align, refError, hypError });
  });
});
