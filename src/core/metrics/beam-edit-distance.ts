/**
 * The word-level edit distance TER measures after its shifts: Levenshtein (insertion, deletion and
 * substitution cost 1) computed only in a beam around the matrix's pseudo-diagonal, as tercom and
 * sacrebleu do (sacrebleu `sacrebleu/metrics/lib_ter.py`, `BeamEditDistance._edit_distance`). The
 * beam makes a call O(hypothesis words x beam) instead of O(hypothesis x reference); the price is
 * that a path straying further than the beam from the diagonal is not seen, so the figure can
 * exceed the plain Levenshtein distance on long, very unequal segments. sacrebleu's results are
 * the contract, so the beam, the tie-breaking and the trace are reproduced exactly.
 *
 * Words arrive as integer ids (equal words, equal ids), so comparing them is one integer compare.
 */

/**
 * Half-width of the beam, in reference words either side of the pseudo-diagonal (tercom's and
 * sacrebleu's `_BEAM_WIDTH`). Range: a positive integer; 25 is the reference value, and any other
 * value gives figures that no longer match sacrebleu.
 */
export const BEAM_WIDTH = 25;

/** Trace operations: the edit that led into a cell (sacrebleu's ' ', 's', 'd', 'i', 'x'). */
export const OP = { match: 0, sub: 1, del: 2, ins: 3, undef: 4 } as const;

/** The columns each row of the beam computes, and where each row sits in a flat array. */
export interface BeamShape {
  readonly hypLength: number;
  readonly refLength: number;
  /** First column of row i (inclusive). */
  readonly lo: Int32Array;
  /** End column of row i (exclusive); lo[i] >= hi[i] means the row computes nothing. */
  readonly hi: Int32Array;
  /** Where row i starts in a flat array of every row's cells. */
  readonly offset: Int32Array;
  /** The widest row, in cells. */
  readonly maxWidth: number;
}

/** Every row of the beam for one hypothesis: cost and operation of each computed cell. */
export interface BeamTable {
  readonly shape: BeamShape;
  readonly cost: Float64Array;
  readonly op: Uint8Array;
}

/**
 * Returns the beam's rows for a hypothesis of `hypLength` words and a reference of `refLength`.
 * Row 0 is the whole first row (insert every reference word); row i (1..hypLength) covers
 * [floor(i x ratio) - beam, floor(i x ratio) + beam), ratio = refLength / hypLength, and the last
 * row reaches the end of the reference. The beam widens when the ratio is extreme, so that
 * neighbouring rows still overlap (sacrebleu: "in some crazy sentences…").
 */
export function beamShape(hypLength: number, refLength: number): BeamShape {
  const ratio = hypLength > 0 ? refLength / hypLength : 1;
  const beam = BEAM_WIDTH < ratio / 2 ? Math.ceil(ratio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
  const lo = new Int32Array(hypLength + 1);
  const hi = new Int32Array(hypLength + 1);
  const offset = new Int32Array(hypLength + 2);
  hi[0] = refLength + 1;
  offset[1] = refLength + 1;
  let maxWidth = refLength + 1;
  for (let i = 1; i <= hypLength; i++) {
    const diagonal = Math.floor(i * ratio);
    const rowLo = Math.max(0, diagonal - beam);
    const rowHi = i === hypLength ? refLength + 1 : Math.min(refLength + 1, diagonal + beam);
    const width = Math.max(0, rowHi - rowLo);
    lo[i] = rowLo;
    hi[i] = rowHi;
    offset[i + 1] = (offset[i] ?? 0) + width;
    maxWidth = Math.max(maxWidth, width);
  }
  return { hypLength, refLength, lo, hi, offset, maxWidth };
}

/** Returns the beam table of `hyp` against `ref`: every row's costs and operations (for the trace). */
export function fillBeamTable(shape: BeamShape, hyp: Int32Array, ref: Int32Array): BeamTable {
  const size = shape.offset[shape.hypLength + 1] ?? 0;
  const cost = new Float64Array(size);
  const op = new Uint8Array(size);
  for (let j = 0; j <= shape.refLength; j++) {
    cost[j] = j;
    op[j] = OP.ins;
  }
  for (let i = 1; i <= shape.hypLength; i++) {
    fillRow(shape, i, hyp[i - 1] ?? -1, ref, cost, shape.offset[i - 1] ?? 0, cost, shape.offset[i] ?? 0, op);
  }
  return { shape, cost, op };
}

/** Returns the distance in the last row's last cell of a table. */
export function tableDistance(table: BeamTable): number {
  const { shape } = table;
  const last = shape.hypLength;
  return table.cost[(shape.offset[last] ?? 0) + shape.refLength - (shape.lo[last] ?? 0)] ?? Infinity;
}

/**
 * Returns the beam distance of `hyp` against `ref` keeping two rows only (no trace): what ter.ts
 * reports for segments too long for the shift search, in O(beam) memory instead of O(words x beam).
 */
export function beamDistance(shape: BeamShape, hyp: Int32Array, ref: Int32Array): number {
  // Row 0 is the widest row (every reference word), so both buffers fit any row.
  let prev = Float64Array.from({ length: shape.refLength + 1 }, (_, j) => j);
  let cur = new Float64Array(shape.refLength + 1);
  for (let i = 1; i <= shape.hypLength; i++) {
    fillRow(shape, i, hyp[i - 1] ?? -1, ref, prev, 0, cur, 0, undefined);
    [prev, cur] = [cur, prev];
  }
  return prev[shape.refLength - (shape.lo[shape.hypLength] ?? 0)] ?? Infinity;
}

/**
 * Returns the beam distance of `hyp` against `ref` when `hyp` shares its first `fromRow` words with
 * the hypothesis `table` was filled for: rows 0..fromRow are taken from the table and only the rest
 * is computed (sacrebleu caches rows in a trie of hypothesis prefixes for the same reason; which
 * rows are reused never changes the result, because a row depends only on the words before it).
 * `scratch` holds two rows of at least shape.maxWidth cells each.
 */
export function distanceFrom(table: BeamTable, hyp: Int32Array, ref: Int32Array, fromRow: number, scratch: readonly [Float64Array, Float64Array]): number {
  const { shape } = table;
  if (fromRow >= shape.hypLength) return tableDistance(table);
  let prev: Float64Array = table.cost;
  let prevStart = shape.offset[fromRow] ?? 0;
  let flip = 0;
  for (let i = fromRow + 1; i <= shape.hypLength; i++) {
    const cur = scratch[flip] as Float64Array;
    fillRow(shape, i, hyp[i - 1] ?? -1, ref, prev, prevStart, cur, 0, undefined);
    prev = cur;
    prevStart = 0;
    flip = 1 - flip;
  }
  return prev[prevStart + shape.refLength - (shape.lo[shape.hypLength] ?? 0)] ?? Infinity;
}

/**
 * Fills row i (hypothesis word `word`) from row i-1. Cells start at infinity and take an operation
 * only if it is strictly cheaper, tried in sacrebleu's order: match/substitution, deletion (of a
 * hypothesis word), insertion (of a reference word). That order decides ties, hence the trace.
 */
function fillRow(
  shape: BeamShape, i: number, word: number, ref: Int32Array,
  prev: Float64Array, prevStart: number, cur: Float64Array, curStart: number, ops: Uint8Array | undefined,
): void {
  const prevLo = shape.lo[i - 1] ?? 0;
  const prevHi = shape.hi[i - 1] ?? 0;
  const lo = shape.lo[i] ?? 0;
  const hi = shape.hi[i] ?? 0;
  const above = (j: number) => (j >= prevLo && j < prevHi ? (prev[prevStart + j - prevLo] ?? Infinity) : Infinity);
  for (let j = lo; j < hi; j++) {
    const at = curStart + j - lo;
    if (j === 0) {
      cur[at] = above(0) + 1;
      if (ops) ops[at] = OP.del;
      continue;
    }
    let best = Infinity;
    let bestOp: number = OP.undef;
    const isMatch = word === ref[j - 1];
    const diagonal = above(j - 1) + (isMatch ? 0 : 1);
    if (best > diagonal) { best = diagonal; bestOp = isMatch ? OP.match : OP.sub; }
    const deletion = above(j) + 1;
    if (best > deletion) { best = deletion; bestOp = OP.del; }
    const left = j - 1 >= lo ? (cur[at - 1] ?? Infinity) : Infinity;
    const insertion = left + 1;
    if (best > insertion) { best = insertion; bestOp = OP.ins; }
    cur[at] = best;
    if (ops) ops[at] = bestOp;
  }
}

/** What the trace says about each word: where each reference word aligns, and which words are in error. */
export interface Alignment {
  /** For each reference position, the hypothesis position it aligns with (-1: before the first). */
  readonly align: Int32Array;
  /** 1 where a reference word is substituted or missing from the hypothesis. */
  readonly refError: Uint8Array;
  /** 1 where a hypothesis word is substituted or has no counterpart in the reference. */
  readonly hypError: Uint8Array;
}

/**
 * Returns the alignment read from the table's trace (sacrebleu `_flip_trace` and
 * `trace_to_alignment`): the trace is walked back from the last cell, then forward; a deletion of a
 * hypothesis word is an error in the hypothesis, an insertion of a reference word aligns that word
 * with the hypothesis position reached so far. Throws only if the beam left the last cell
 * unreachable, which the widening in beamShape rules out.
 */
export function traceAlignment(table: BeamTable): Alignment {
  const { shape } = table;
  const ops: number[] = [];
  let i = shape.hypLength;
  let j = shape.refLength;
  while (i > 0 || j > 0) {
    const isInBeam = j >= (shape.lo[i] ?? 0) && j < (shape.hi[i] ?? 0);
    const op = isInBeam ? table.op[(shape.offset[i] ?? 0) + j - (shape.lo[i] ?? 0)] : OP.undef;
    ops.push(op ?? OP.undef);
    if (op === OP.match || op === OP.sub) { i -= 1; j -= 1; }
    else if (op === OP.ins) j -= 1;
    else if (op === OP.del) i -= 1;
    else throw new Error(`traceAlignment: no path to cell ${i},${j} (beam too narrow)`);
  }
  const align = new Int32Array(shape.refLength);
  const refError = new Uint8Array(shape.refLength);
  const hypError = new Uint8Array(shape.hypLength);
  let h = -1;
  let r = -1;
  for (let k = ops.length - 1; k >= 0; k--) {
    const op = ops[k];
    if (op === OP.match || op === OP.sub) {
      h += 1;
      r += 1;
      align[r] = h;
      if (op === OP.sub) { hypError[h] = 1; refError[r] = 1; }
    } else if (op === OP.del) {
      h += 1;
      hypError[h] = 1;
    } else {
      r += 1;
      align[r] = h;
      refError[r] = 1;
    }
  }
  return { align, refError, hypError };
}
