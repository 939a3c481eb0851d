import { describe, expect, it } from 'vitest';
import { beamShape } from '../../../src/core/metrics/beam-edit-distance.js';
import { findBestShift, performShift } from '../../../src/core/metrics/ter-shift.js';

const LETTERS = 'abcdefgh';
const toIds = (s: string) => Int32Array.from(s, (c) => c.charCodeAt(0));
const toText = (a: Int32Array) => String.fromCharCode(...a);

describe('performShift', () => {
  // Expected strings from sacrebleu 2.6.0's `_perform_shift` on the same arguments.
  const rows: { label: string; start: number; length: number; target: number; expected: string }[] = [
    { label: 'back, before an earlier word', start: 4, length: 2, target: 1, expected: 'aefbcdgh' },
    { label: 'back, to the beginning', start: 3, length: 2, target: 0, expected: 'deabcfgh' },
    { label: 'forward, past the phrase', start: 1, length: 2, target: 6, expected: 'adefbcgh' },
    { label: 'forward, to the end', start: 0, length: 3, target: 8, expected: 'defghabc' },
    { label: 'target at the start: nothing moves', start: 2, length: 3, target: 2, expected: LETTERS },
    { label: 'target inside the phrase: moved right by the offset', start: 2, length: 3, target: 3, expected: 'abfcdegh' },
    { label: 'target right after the phrase, by the third rule', start: 2, length: 3, target: 5, expected: 'abfghcde' },
    { label: 'target inside, slices clamped at the end', start: 6, length: 2, target: 7, expected: LETTERS },
  ];
  it.each(rows)('$label', ({ start, length, target, expected }) => {
    expect(toText(performShift(toIds(LETTERS), start, length, target))).toBe(expected);
  });
});

describe('findBestShift', () => {
  it('finds the block move of issue 5 (a b c d e f -> d e f a b c) as the largest gain', () => {
    const hyp = toIds('abcdef');
    const ref = toIds('defabc');
    const round = findBestShift(beamShape(6, 6), hyp, ref, 0);
    expect(round.distance).toBe(6);
    expect(toText(round.shifted)).toBe('defabc');
    expect(round.gain).toBe(6);
    expect(round.checked).toBeGreaterThan(0);
  });

  it('finds nothing to shift when the texts are identical', () => {
    const hyp = toIds('abc');
    expect(findBestShift(beamShape(3, 3), hyp, hyp, 0)).toEqual({ gain: 0, shifted: hyp, checked: 0, distance: 0 });
  });
});
