/**
 * Character-level edit distance between the MT and the edit (issue 5: "share of characters
 * changed"): Levenshtein's distance (insertion, deletion, substitution of one character, each 1)
 * over Unicode code points, so an emoji or a supplementary Han character is one character, not two
 * UTF-16 units. No normalisation: a composed and a decomposed é differ, as they do in the stored
 * text.
 *
 * Cost: the common prefix and suffix are cut first (most edits touch a few places). The rest is
 * Ukkonen's banded algorithm (E. Ukkonen 1985, "Algorithms for approximate string matching",
 * Information and Control 64): only cells within k diagonals of the main one are computed, two rows
 * at a time, so memory is O(k); if the result is at most k it is exact (a path with d edits never
 * leaves the d nearest diagonals), otherwise k doubles. Time is O(m x d) for m characters and
 * distance d. A band that would pass MAX_CHAR_CELLS is not computed: the smallest result so far,
 * an upper bound, is returned with `isApproximate`.
 */

/**
 * Most DP cells one call may compute, over all its bands. Range: a positive integer; 16M cells take
 * about a tenth of a second and cover any distance in paragraphs of a few thousand characters, and
 * distances up to about 8M / length in longer ones.
 */
export const MAX_CHAR_CELLS = 16_000_000;

/** The narrowest band tried first, in diagonals either side (range: a positive integer). */
const FIRST_BAND = 16;

/** A character distance and the share of characters it changed. */
export interface CharDistance {
  /** Levenshtein distance in code points (an upper bound when isApproximate). */
  readonly distance: number;
  /** The longer text's length in code points: the share's denominator. */
  readonly length: number;
  /** distance / length, in 0..1; 0 when both texts are empty. */
  readonly share: number;
  /** True when the work cap (MAX_CHAR_CELLS) was reached: distance is then an upper bound. */
  readonly isApproximate: boolean;
}

/**
 * Returns the character distance from `mt` to `edit` and the share of characters changed:
 * distance over the longer text's length, so it stays within 0..1 whichever text is longer
 * (deleting a whole paragraph is 100 %, not infinity).
 */
export function charDistance(mt: string, edit: string): CharDistance {
  // Guard: an untouched segment (most of an archive) has nothing to align; only its length counts.
  if (mt === edit) return { distance: 0, length: codePointCount(mt), share: 0, isApproximate: false };
  const a = codePoints(mt);
  const b = codePoints(edit);
  const length = Math.max(a.length, b.length);
  const { distance, isApproximate } = trimmedDistance(a, b);
  return { distance, length, share: length === 0 ? 0 : distance / length, isApproximate };
}

/** Returns how many code points `text` has (a lone surrogate counts as one), as codePoints(text).length without the array. */
function codePointCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    n += 1;
  }
  return n;
}

/** Returns the code points of `text` (a lone surrogate counts as one). */
export function codePoints(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  for (const char of text) out[n++] = char.codePointAt(0) ?? 0;
  return out.subarray(0, n);
}

function trimmedDistance(a: Int32Array, b: Int32Array): { distance: number; isApproximate: boolean } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA -= 1; endB -= 1; }
  const x = a.subarray(start, endA);
  const y = b.subarray(start, endB);
  // Rows run over the longer text, columns over the shorter.
  const [long, short] = x.length >= y.length ? [x, y] : [y, x];
  if (short.length === 0) return { distance: long.length, isApproximate: false };

  // Substituting the shorter text and inserting the rest is always possible: the starting bound.
  let best = long.length;
  let spent = 0;
  for (let k = Math.max(long.length - short.length, FIRST_BAND); ; k *= 2) {
    const cells = (long.length + 1) * (2 * k + 1);
    if (spent + cells > MAX_CHAR_CELLS) return { distance: best, isApproximate: true };
    spent += cells;
    const d = bandedDistance(long, short, k);
    if (d <= k) return { distance: d, isApproximate: false };
    best = Math.min(best, d);
  }
}

/**
 * Returns the Levenshtein distance of `rows` (length m) and `cols` (length n <= m) counting only
 * paths with |j - i| <= k (k >= m - n, so the last cell is inside): an upper bound, exact when it
 * is at most k. Row i holds columns i-k..i+k at indices 0..2k; outside the matrix is infinity.
 */
function bandedDistance(rows: Int32Array, cols: Int32Array, k: number): number {
  const m = rows.length;
  const n = cols.length;
  const width = 2 * k + 1;
  let prev = new Float64Array(width);
  let cur = new Float64Array(width);
  for (let c = 0; c < width; c++) {
    const j = c - k;
    prev[c] = j >= 0 && j <= n ? j : Infinity;
  }
  for (let i = 1; i <= m; i++) {
    const char = rows[i - 1];
    for (let c = 0; c < width; c++) {
      const j = i - k + c;
      if (j < 0 || j > n) { cur[c] = Infinity; continue; }
      if (j === 0) { cur[c] = i; continue; }
      // Column j sits at index c in row i and at c + 1 in row i-1; column j-1 at c in row i-1.
      const substitution = (prev[c] ?? Infinity) + (char === cols[j - 1] ? 0 : 1);
      const deletion = c + 1 < width ? (prev[c + 1] ?? Infinity) + 1 : Infinity;
      const insertion = c > 0 ? (cur[c - 1] ?? Infinity) + 1 : Infinity;
      cur[c] = Math.min(substitution, deletion, insertion);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n - m + k] ?? Infinity;
}
