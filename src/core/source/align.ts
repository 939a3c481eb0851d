/**
 * Aligns the segments of a Korean original with those of its MT. The headline goes with the
 * headline; the rest in order, by length and by anchors, in the manner of Gale and Church (1993,
 * "A program for aligning sentences in bilingual corpora"): a dynamic programme over beads of one
 * source and one MT segment, two and one, one and two, or one left alone, each bead costed by how
 * far the lengths are from the article's own ratio of English to Korean characters, less what
 * the two sides share (numbers of the same value, a Hangul name whose romanization stands in the
 * English). Pure; never throws.
 */
import type { SegmentKind } from '../article/types.js';
import { findNumbers } from '../numbers/find-numbers.js';
import { findHangulNames, surnameSpellings } from './hangul-names.js';
import { findKoreanNumbers } from './korean-numbers.js';

/** A segment as the aligner reads it: its position in its article, kind and text. */
export interface AlignInput {
  readonly position: number;
  readonly kind: SegmentKind;
  readonly text: string;
}

/** Cost of leaving a segment without a counterpart (range 1-10): a bead whose lengths are about 2x apart costs as much. */
const SKIP_COST = 3;
/** Extra cost of a two-to-one bead (range 0-3): a merge must be cheaper than a skip, dearer than a plain pair. */
const MERGE_COST = 2;
/** Weight of the length mismatch, per unit of |ln(ratio)| (range 1-10). */
const LENGTH_WEIGHT = 4;
/** Characters added to both lengths so that short segments (a byline, a one-line quote) do not swing the ratio (range 0-50). */
const LENGTH_SMOOTHING = 20;
/** Bonus for each anchor both sides share, and cost of each source anchor the MT lacks (range 0-3). */
const ANCHOR_FOUND = 1;
const ANCHOR_MISSED = 1.5;
/** Anchors counted per bead at most (range 1-10): a list of figures must not outweigh everything else. */
const MAX_ANCHORS = 4;
/** English characters per Korean character when the article gives no better figure (news runs about 2.5-3). */
const DEFAULT_RATIO = 2.7;
/** Korean letters the default ratio counts for when the article's own ratio is worked out (range 0-500). */
const RATIO_PRIOR_LETTERS = 100;
/**
 * Largest source x MT segment product aligned by the programme (range 10,000-250,000): about 245
 * paragraphs a side, a long feature, aligned in well under a second (the programme runs twice);
 * a larger article is aligned in proportion, so an import never holds its thread for seconds.
 */
const MAX_CELLS = 60_000;

/** What the source segment holds that its translation must too. */
interface Anchors {
  readonly numbers: readonly number[];
  /** For each Hangul name, its surname's spellings (lower-case). */
  readonly names: readonly (readonly string[])[];
}

/** Returns, for each source segment (in order), the positions of the MT segments aligned with it; empty when none. */
export function alignSegments(source: readonly AlignInput[], mt: readonly AlignInput[]): number[][] {
  const result: number[][] = source.map(() => []);
  const src = source.map((s, i) => ({ ...s, i })).filter((s) => s.kind !== 'boilerplate');
  const tgt = mt.filter((s) => s.kind !== 'boilerplate');
  // Guard: nothing to align on one side.
  if (src.length === 0 || tgt.length === 0) return result;
  let from = 0;
  let to = 0;
  // Headline with headline: both are the first thing an article says.
  if (src[0]?.kind === 'headline' && tgt[0]?.kind === 'headline') {
    result[src[0].i] = [tgt[0].position];
    from = 1;
    to = 1;
  }
  const s = src.slice(from);
  const t = tgt.slice(to);
  if (s.length === 0 || t.length === 0) return result;
  const beads = s.length * t.length > MAX_CELLS ? proportional(s.length, t.length) : programmeTwice(s, t);
  for (const bead of beads) {
    for (const si of bead.source) {
      const seg = s[si];
      if (seg !== undefined) result[seg.i] = bead.mt.map((ti) => t[ti]?.position ?? 0);
    }
  }
  return result;
}

/** One bead: source indexes and MT indexes (into the lists being aligned). */
interface Bead {
  readonly source: readonly number[];
  readonly mt: readonly number[];
}

/**
 * Runs the programme with the article's overall ratio of lengths, then again with the ratio of the
 * pairs it found: a paragraph the MT left out makes the overall ratio too low, which makes merging
 * that paragraph into its neighbour look right. The anchors are matched once for both runs.
 */
function programmeTwice(s: readonly AlignInput[], t: readonly AlignInput[]): Bead[] {
  const prepared = prepare(s, t);
  const whole: Bead = { source: range(0, s.length), mt: range(0, t.length) };
  const first = programme(prepared, ratioOf(prepared, [whole]));
  const pairs = first.filter((b) => b.source.length === 1 && b.mt.length === 1);
  return pairs.length === 0 ? first : programme(prepared, ratioOf(prepared, pairs));
}

/** What the programme reads, worked out once: lengths, and for each source segment which of its anchors each MT segment holds. */
interface Prepared {
  readonly srcLen: readonly number[];
  readonly tgtLen: readonly number[];
  /** Anchors of each source segment (at most MAX_MASK_ANCHORS). */
  readonly anchorCount: readonly number[];
  /** found[i][j]: bit k set when MT segment j holds anchor k of source segment i. */
  readonly found: readonly Uint32Array[];
  /** shared[i]: bit k set when anchor k of source segment i is one segment i - 1 has too (counted once when the two merge). */
  readonly shared: readonly number[];
}

/** Anchors of one segment tracked as bits (range 1-31). */
const MAX_MASK_ANCHORS = 30;

function prepare(s: readonly AlignInput[], t: readonly AlignInput[]): Prepared {
  const englishNumbers = t.map((x) => englishValues(x.text));
  const englishWords = t.map((x) => new Set(x.text.toLowerCase().match(/\p{L}+/gu) ?? []));
  const anchorCount: number[] = [];
  const shared: number[] = [];
  let previousKeys: readonly string[] = [];
  const found = s.map((x) => {
    const a = anchorsOf(x.text);
    // Each anchor counts once per segment: a figure or a name said twice is one anchor.
    const anchors = [
      ...[...new Set(a.numbers)].map((value) => ({ key: `n:${value}`, test: (j: number) => (englishNumbers[j] ?? []).some((v) => sameValue(value, v)) })),
      ...[...new Map(a.names.map((sp) => [sp.join('|'), sp])).values()].map((spellings) => ({ key: `p:${spellings.join('|')}`, test: (j: number) => spellings.some((sp) => englishWords[j]?.has(sp) === true) })),
    ].slice(0, MAX_MASK_ANCHORS);
    const tests = anchors.map((anchor) => anchor.test);
    anchorCount.push(tests.length);
    shared.push(anchors.reduce((mask, anchor, k) => (previousKeys.includes(anchor.key) ? mask | (1 << k) : mask), 0));
    previousKeys = anchors.map((anchor) => anchor.key);
    const masks = new Uint32Array(t.length);
    for (let j = 0; j < t.length; j += 1) {
      let mask = 0;
      tests.forEach((test, k) => {
        if (test(j)) mask |= 1 << k;
      });
      masks[j] = mask;
    }
    return masks;
  });
  return { srcLen: s.map((x) => letters(x.text)), tgtLen: t.map((x) => letters(x.text)), anchorCount, found, shared };
}

/** English letters per Korean letter over the beads, within 1-6, pulled towards DEFAULT_RATIO for short articles. */
function ratioOf(p: Prepared, beads: readonly Bead[]): number {
  const ls = beads.reduce((a, b) => a + b.source.reduce((x, i) => x + (p.srcLen[i] ?? 0), 0), 0);
  const lt = beads.reduce((a, b) => a + b.mt.reduce((x, i) => x + (p.tgtLen[i] ?? 0), 0), 0);
  // The default weighs as RATIO_PRIOR_LETTERS of Korean text: a short article cannot pull the ratio far.
  return clamp((lt + DEFAULT_RATIO * RATIO_PRIOR_LETTERS) / (ls + RATIO_PRIOR_LETTERS), 1, 6);
}

/** The dynamic programme over beads 1-1, 2-1, 1-2, 1-0 and 0-1, with `ratio` English letters expected per Korean one. */
function programme(p: Prepared, ratio: number): Bead[] {
  const n = p.srcLen.length;
  const m = p.tgtLen.length;
  // Cost of the bead of source [i0, i1) and MT [j0, j1): length mismatch, less anchors found, plus anchors missed.
  const beadCost = (i0: number, i1: number, j0: number, j1: number): number => {
    let ls = 0;
    let lt = 0;
    let found = 0;
    let total = 0;
    for (let j = j0; j < j1; j += 1) lt += p.tgtLen[j] ?? 0;
    for (let i = i0; i < i1; i += 1) {
      ls += p.srcLen[i] ?? 0;
      // In a merge, what the second segment shares with the first is one anchor, counted with the first.
      const skip = i > i0 ? (p.shared[i] ?? 0) : 0;
      total += (p.anchorCount[i] ?? 0) - popcount(skip);
      let mask = 0;
      for (let j = j0; j < j1; j += 1) mask |= p.found[i]?.[j] ?? 0;
      found += popcount(mask & ~skip);
    }
    const lengthCost = LENGTH_WEIGHT * Math.abs(Math.log((lt + LENGTH_SMOOTHING) / (ratio * ls + LENGTH_SMOOTHING)));
    return lengthCost - ANCHOR_FOUND * Math.min(found, MAX_ANCHORS) + ANCHOR_MISSED * Math.min(total - found, MAX_ANCHORS);
  };
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width).fill(Infinity);
  // The move that reached each cell, as an index into MOVES (-1: none).
  const back = new Int8Array((n + 1) * width).fill(-1);
  cost[0] = 0;
  for (let i = 0; i <= n; i += 1) {
    for (let j = 0; j <= m; j += 1) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let move = -1;
      for (let k = 0; k < MOVES.length; k += 1) {
        const [di, dj, extra] = MOVES[k] ?? [0, 0, 0];
        const pi = i - di;
        const pj = j - dj;
        if (pi < 0 || pj < 0) continue;
        const prev = cost[pi * width + pj] ?? Infinity;
        if (prev === Infinity) continue;
        const c = prev + extra + (di > 0 && dj > 0 ? beadCost(pi, i, pj, j) : 0);
        if (c < best) {
          best = c;
          move = k;
        }
      }
      cost[i * width + j] = best;
      back[i * width + j] = move;
    }
  }
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const [di, dj] = MOVES[back[i * width + j] ?? -1] ?? [0, 0];
    if (di === 0 && dj === 0) break;
    beads.push({ source: range(i - di, i), mt: range(j - dj, j) });
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

/** The beads as (source segments, MT segments, extra cost): a pair, two merged either way, one left alone either way. */
const MOVES: readonly (readonly [number, number, number])[] = [[1, 1, 0], [2, 1, MERGE_COST], [1, 2, MERGE_COST], [1, 0, SKIP_COST], [0, 1, SKIP_COST]];

/** Set bits of a 32-bit mask. */
function popcount(mask: number): number {
  let x = mask - ((mask >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Pairs segments in proportion to their order: the fallback for articles too large for the programme. */
function proportional(n: number, m: number): Bead[] {
  return Array.from({ length: n }, (_, i) => ({ source: [i], mt: [Math.min(m - 1, Math.floor((i * m) / n))] }));
}

/** Returns the numbers and names a source segment holds. */
function anchorsOf(text: string): Anchors {
  const korean = findKoreanNumbers(text);
  const numbers = korean.map((k) => k.value);
  // Plain numerals outside the Korean-unit numbers (12일, 30%, 2024년).
  let plain = text;
  for (const k of korean) plain = plain.slice(0, k.start) + ' '.repeat(k.end - k.start) + plain.slice(k.end);
  for (const m of plain.matchAll(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?/gu)) numbers.push(Number(m[0].replace(/,/gu, '')));
  // One-letter spellings (이 I, 오 O) would find the English pronoun and letter.
  const names = findHangulNames(text).map((name) => surnameSpellings(name.surname).filter((sp) => sp.length > 1));
  return { numbers, names };
}

/** Returns the values of the English numbers (numerals and spelled-out), months left out. */
function englishValues(text: string): number[] {
  return findNumbers(text)
    .filter((t) => t.kind === 'number')
    .map((t) => Number(`${t.digits}e${t.key.slice(t.key.indexOf('e') + 1)}`));
}

/**
 * Returns true when an English figure is the Korean one as written, or rounded to the English
 * figure's own precision: 1조 2,345억 is "1.23 trillion" and "1.2 trillion", never "12 trillion".
 */
export function sameValue(korean: number, english: number): boolean {
  if (korean === english) return true;
  if (english === 0 || korean === 0) return false;
  const precision = 10 ** (Math.floor(Math.log10(Math.abs(english))) - significantDigits(english) + 1);
  // Rounded to the English precision, and never by more than ROUNDING_SHARE: "1 trillion" is not 1조 2천억.
  return Math.abs(korean - english) <= precision / 2 + 1e-9 * Math.abs(english) && Math.abs(korean - english) <= ROUNDING_SHARE * Math.abs(korean);
}

/** Largest share an English figure may be rounded from the Korean one (range 0-0.1): 1.23 -> 1.2 is 2.4%. */
const ROUNDING_SHARE = 0.05;

function significantDigits(value: number): number {
  const digits = Number(value.toPrecision(15)).toExponential().split('e')[0]?.replace(/[-.]/gu, '').replace(/0+$/u, '') ?? '';
  return Math.max(1, digits.length);
}

/** Letters and digits, without spaces and punctuation: what both lengths are counted in. */
function letters(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
