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
const MERGE_COST = 1.5;
/** Weight of the length mismatch, per unit of |ln(ratio)| (range 1-10). */
const LENGTH_WEIGHT = 4;
/** Characters added to both lengths so that short segments (a byline, a one-line quote) do not swing the ratio (range 0-50). */
const LENGTH_SMOOTHING = 20;
/** Bonus for each anchor both sides share, and cost of each source anchor the MT lacks (range 0-3). */
const ANCHOR_FOUND = 1;
const ANCHOR_MISSED = 1;
/** Anchors counted per bead at most (range 1-10): a list of figures must not outweigh everything else. */
const MAX_ANCHORS = 4;
/** English characters per Korean character when the article gives no better figure (news runs about 2.5-3). */
const DEFAULT_RATIO = 2.7;
/** Korean letters the default ratio counts for when the article's own ratio is worked out (range 0-500). */
const RATIO_PRIOR_LETTERS = 100;
/** Largest source x MT segment product aligned by the programme; larger articles are aligned in proportion (bounds the work). */
const MAX_CELLS = 250_000;

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
 * that paragraph into its neighbour look right.
 */
function programmeTwice(s: readonly AlignInput[], t: readonly AlignInput[]): Bead[] {
  const srcLen = s.map((x) => letters(x.text));
  const tgtLen = t.map((x) => letters(x.text));
  const first = programme(s, t, ratioOf(srcLen, tgtLen, [{ source: range(0, s.length), mt: range(0, t.length) }]));
  const pairs = first.filter((b) => b.source.length === 1 && b.mt.length === 1);
  return pairs.length === 0 ? first : programme(s, t, ratioOf(srcLen, tgtLen, pairs));
}

/** English letters per Korean letter over the beads, within 1-6; DEFAULT_RATIO when they hold no letters. */
function ratioOf(srcLen: readonly number[], tgtLen: readonly number[], beads: readonly Bead[]): number {
  const ls = beads.reduce((a, b) => a + b.source.reduce((x, i) => x + (srcLen[i] ?? 0), 0), 0);
  const lt = beads.reduce((a, b) => a + b.mt.reduce((x, i) => x + (tgtLen[i] ?? 0), 0), 0);
  // The default weighs as RATIO_PRIOR_LETTERS of Korean text: a short article cannot pull the ratio far.
  return clamp((lt + DEFAULT_RATIO * RATIO_PRIOR_LETTERS) / (ls + RATIO_PRIOR_LETTERS), 1, 6);
}

/** The dynamic programme over beads 1-1, 2-1, 1-2, 1-0 and 0-1, with `ratio` English letters expected per Korean one. */
function programme(s: readonly AlignInput[], t: readonly AlignInput[], ratio: number): Bead[] {
  const srcLen = s.map((x) => letters(x.text));
  const tgtLen = t.map((x) => letters(x.text));
  const anchors = s.map((x) => anchorsOf(x.text));
  const englishNumbers = t.map((x) => englishValues(x.text));
  const englishWords = t.map((x) => new Set(x.text.toLowerCase().match(/\p{L}+/gu) ?? []));

  const beadCost = (si: readonly number[], ti: readonly number[]): number => {
    const ls = si.reduce((a, i) => a + (srcLen[i] ?? 0), 0);
    const lt = ti.reduce((a, i) => a + (tgtLen[i] ?? 0), 0);
    const lengthCost = LENGTH_WEIGHT * Math.abs(Math.log((lt + LENGTH_SMOOTHING) / (ratio * ls + LENGTH_SMOOTHING)));
    let found = 0;
    let missed = 0;
    // Each anchor counts once per bead: a name both merged paragraphs give is one name.
    const numbers = new Set(si.flatMap((i) => anchors[i]?.numbers ?? []));
    const names = new Map(si.flatMap((i) => anchors[i]?.names ?? []).map((sp) => [sp.join('|'), sp]));
    for (const value of numbers) {
      if (ti.some((j) => (englishNumbers[j] ?? []).some((v) => sameValue(value, v)))) found += 1;
      else missed += 1;
    }
    for (const spellings of names.values()) {
      if (ti.some((j) => spellings.some((sp) => englishWords[j]?.has(sp)))) found += 1;
      else missed += 1;
    }
    return lengthCost - ANCHOR_FOUND * Math.min(found, MAX_ANCHORS) + ANCHOR_MISSED * Math.min(missed, MAX_ANCHORS);
  };

  const n = s.length;
  const m = t.length;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const back: ([number, number] | undefined)[][] = Array.from({ length: n + 1 }, () => new Array<[number, number] | undefined>(m + 1).fill(undefined));
  const row0 = cost[0];
  if (row0) row0[0] = 0;
  const moves: readonly [number, number, number][] = [[1, 1, 0], [2, 1, MERGE_COST], [1, 2, MERGE_COST], [1, 0, SKIP_COST], [0, 1, SKIP_COST]];
  for (let i = 0; i <= n; i += 1) {
    for (let j = 0; j <= m; j += 1) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let from: [number, number] | undefined;
      for (const [di, dj, extra] of moves) {
        const pi = i - di;
        const pj = j - dj;
        if (pi < 0 || pj < 0) continue;
        const prev = cost[pi]?.[pj] ?? Infinity;
        if (prev === Infinity) continue;
        const si = range(pi, i);
        const ti = range(pj, j);
        const c = prev + extra + (di > 0 && dj > 0 ? beadCost(si, ti) : 0);
        if (c < best) {
          best = c;
          from = [pi, pj];
        }
      }
      const row = cost[i];
      const brow = back[i];
      if (row) row[j] = best;
      if (brow) brow[j] = from;
    }
  }
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const from = back[i]?.[j];
    if (from === undefined) break;
    beads.push({ source: range(from[0], i), mt: range(from[1], j) });
    [i, j] = from;
  }
  return beads.reverse();
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
