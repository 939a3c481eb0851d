/**
 * One step of TER's greedy shift search (Snover et al. 2006, §2; tercom's `calc_shifts`, as
 * re-implemented by sacrebleu `sacrebleu/metrics/lib_ter.py` `_shift`, whose results are the
 * contract): among the phrases of the hypothesis that also occur in the reference, find the move
 * that lowers the beam edit distance most. The candidate filters, their order and the ranking are
 * sacrebleu's, because they decide which shift wins a tie and when the candidate budget runs out.
 */
import { distanceFrom, fillBeamTable, tableDistance, traceAlignment, type BeamShape } from './beam-edit-distance.js';

/**
 * Longest phrase a shift moves, in words (tercom's and sacrebleu's `_MAX_SHIFT_SIZE`). Range: a
 * positive integer; 10 is the reference value.
 */
export const MAX_SHIFT_SIZE = 10;

/**
 * Furthest a phrase's reference position may be from its hypothesis position, in words
 * (sacrebleu's `_MAX_SHIFT_DIST`, tercom's limit applied to start positions). Range: a
 * non-negative integer; 50 is the reference value.
 */
export const MAX_SHIFT_DIST = 50;

/**
 * How many shifted hypotheses one TER computation may score, over all its shift rounds
 * (sacrebleu's `_MAX_SHIFT_CANDIDATES`); when a round reaches it, that round's best shift is
 * dropped and the search stops. Range: a positive integer; 1000 is the reference value. It also
 * bounds the work: at most this many beam distances are computed per segment.
 */
export const MAX_SHIFT_CANDIDATES = 1000;

/** What one round of the search found. */
export interface ShiftRound {
  /** The beam distance before the shift minus after it (<= 0: no shift helps). */
  readonly gain: number;
  /** The hypothesis with the best shift applied (the input itself when no candidate was found). */
  readonly shifted: Int32Array;
  /** Candidates scored so far, this round included. */
  readonly checked: number;
  /** The beam distance of the hypothesis before the shift. */
  readonly distance: number;
}

/**
 * Returns the best shift of `hyp` towards `ref` and the updated candidate count. A phrase
 * hyp[h, h+n) equal to ref[r, r+n) is a candidate only if some of its hypothesis words are in error,
 * some of the reference words are in error, and the reference position does not already align
 * inside the phrase; it is tried before each word of the reference phrase's alignment (and before
 * the start), skipping a target just tried. Ranking: larger gain, then longer phrase, then earlier
 * hypothesis position, then earlier target; the first found wins a full tie.
 */
export function findBestShift(shape: BeamShape, hyp: Int32Array, ref: Int32Array, checkedBefore: number): ShiftRound {
  const table = fillBeamTable(shape, hyp, ref);
  const distance = tableDistance(table);
  const { align, refError, hypError } = traceAlignment(table);
  const hypErrors = prefixSums(hypError);
  const refErrors = prefixSums(refError);
  const scratch = [new Float64Array(shape.maxWidth), new Float64Array(shape.maxWidth)] as const;
  let checked = checkedBefore;
  let best: { gain: number; length: number; start: number; target: number } | undefined;

  for (let start = 0; start < hyp.length; start++) {
    const firstRef = Math.max(0, start - MAX_SHIFT_DIST);
    const lastRef = Math.min(ref.length - 1, start + MAX_SHIFT_DIST);
    for (let refStart = firstRef; refStart <= lastRef; refStart++) {
      // sacrebleu's `_find_shifted_pairs`: every length of the common run, shortest first.
      for (let length = 1; length <= MAX_SHIFT_SIZE; length++) {
        if (start + length > hyp.length || refStart + length > ref.length) break;
        if (hyp[start + length - 1] !== ref[refStart + length - 1]) break;
        // Guards, in sacrebleu's order: the hypothesis phrase must be wrong somewhere…
        if (sumOf(hypErrors, start, length) === 0) continue;
        // …the reference phrase must be unmatched somewhere…
        if (sumOf(refErrors, refStart, length) === 0) continue;
        // …and the phrase must not already sit where the reference aligns.
        const aligned = align[refStart] ?? -1;
        if (start <= aligned && aligned < start + length) continue;

        let previousTarget = -1;
        for (let offset = -1; offset < length; offset++) {
          // sacrebleu inserts before the index where tercom inserts after it; same moves.
          const target = refStart + offset === -1 ? 0 : (align[refStart + offset] ?? -1) + 1;
          if (target === previousTarget) continue;
          previousTarget = target;
          const shifted = performShift(hyp, start, length, target);
          const gain = distance - distanceFrom(table, shifted, ref, Math.min(start, target), scratch);
          checked += 1;
          if (best === undefined || isBetter(gain, length, start, target, best)) {
            best = { gain, length, start, target };
          }
        }
        if (checked >= MAX_SHIFT_CANDIDATES) return finish(best, hyp, checked, distance);
      }
    }
  }
  return finish(best, hyp, checked, distance);
}

/**
 * Returns `words` with the phrase [start, start+length) moved to stand before index `target` of
 * the original (sacrebleu `_perform_shift`, including its third case, a target inside the moved
 * span, whose slices clamp at the end exactly as Array.prototype.slice does).
 */
export function performShift(words: Int32Array, start: number, length: number, target: number): Int32Array {
  const phrase = words.subarray(start, start + length);
  const parts: Int32Array[] =
    target < start ? [words.subarray(0, target), phrase, words.subarray(target, start), words.subarray(start + length)]
    : target > start + length ? [words.subarray(0, start), words.subarray(start + length, target), phrase, words.subarray(target)]
    : [words.subarray(0, start), words.subarray(start + length, length + target), phrase, words.subarray(length + target)];
  const out = new Int32Array(words.length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function isBetter(gain: number, length: number, start: number, target: number, best: { gain: number; length: number; start: number; target: number }): boolean {
  if (gain !== best.gain) return gain > best.gain;
  if (length !== best.length) return length > best.length;
  if (start !== best.start) return start < best.start;
  return target < best.target;
}

function finish(best: { gain: number; length: number; start: number; target: number } | undefined, hyp: Int32Array, checked: number, distance: number): ShiftRound {
  if (best === undefined) return { gain: 0, shifted: hyp, checked, distance };
  return { gain: best.gain, shifted: performShift(hyp, best.start, best.length, best.target), checked, distance };
}

function prefixSums(flags: Uint8Array): Int32Array {
  const sums = new Int32Array(flags.length + 1);
  for (let k = 0; k < flags.length; k++) sums[k + 1] = (sums[k] ?? 0) + (flags[k] ?? 0);
  return sums;
}

function sumOf(sums: Int32Array, from: number, length: number): number {
  return (sums[from + length] ?? 0) - (sums[from] ?? 0);
}
