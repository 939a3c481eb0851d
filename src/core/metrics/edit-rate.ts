/**
 * Issue 5's edit rate: how much the MT needed fixing, per segment, per article and for the corpus.
 * HTER is TER with the MT as hypothesis and the editor's final text as reference (Snover et al.
 * 2006, §5); totals are the sum of edits over the sum of edited-text words, not an average of
 * segment rates, so a long paragraph weighs more than a short headline (tercom's and sacrebleu's
 * corpus score, and the issue's definition). Page chrome (kind 'boilerplate': navigation, the
 * copyright line) is left out everywhere: it is not translation an editor reviews, and an edited
 * file that drops it (readEditedArticleFile keeps the MT then) must not count as edits.
 */
import type { SegmentKind } from '../article/types.js';
import { charDistance } from './char-distance.js';
import { ter, terScore } from './ter.js';

/** One segment to measure: its position in the article, its kind, the MT and the edit. */
export interface EditRateInput {
  readonly position: number;
  readonly kind: SegmentKind;
  readonly mt: string;
  readonly edit: string;
}

/** Options of the edit rate. */
export interface EditRateOptions {
  /** Compare words and characters as written (the default); false lowercases both texts first. */
  readonly caseSensitive?: boolean;
}

/** The edit rate of one segment. */
export interface SegmentEditRate {
  readonly position: number;
  readonly kind: SegmentKind;
  /** TER edits (shifts, insertions, deletions, substitutions of words). */
  readonly edits: number;
  /** Words in the edit (TER's reference length). */
  readonly words: number;
  /** HTER: edits / words (see terScore for no words). */
  readonly ter: number;
  /** Character-level Levenshtein distance, in code points. */
  readonly charDistance: number;
  /** The longer of the two texts, in code points. */
  readonly charLength: number;
  /** Share of characters changed: charDistance / charLength, 0..1 (0 when both are empty). */
  readonly charShare: number;
  /** True when the edit is the MT exactly, character for character (whatever the case option). */
  readonly isUntouched: boolean;
  /** True when a figure is an upper bound because the segment passed a work cap (ter.ts, char-distance.ts). */
  readonly isApproximate: boolean;
}

/** Sums over segments (an article) or over articles (the corpus). */
export interface EditRateTotals {
  /** Segments measured (page chrome excluded). */
  readonly segments: number;
  readonly untouched: number;
  readonly edits: number;
  readonly words: number;
  /** Sum of edits / sum of words (issue 5), with terScore's rule for no words. */
  readonly ter: number;
  readonly charDistance: number;
  /** Sum of the segments' longer lengths, in code points: charShare's denominator. */
  readonly charLength: number;
  /** Sum of char distances / sum of char lengths, 0..1; 0 with no characters. */
  readonly charShare: number;
  readonly isApproximate: boolean;
}

/** An article's edit rate: its segments in reading order, and their totals. */
export interface ArticleEditRate {
  readonly segments: readonly SegmentEditRate[];
  readonly total: EditRateTotals;
}

/** Returns the edit rate of each non-boilerplate segment and the article's totals. */
export function measureEditRate(segments: readonly EditRateInput[], opts: EditRateOptions = {}): ArticleEditRate {
  const measured = segments.filter((s) => s.kind !== 'boilerplate').map((s) => measureSegment(s, opts));
  return { segments: measured, total: sumSegments(measured) };
}

/** Returns the edit rate of one segment (boilerplate or not: the caller decides). */
export function measureSegment(segment: EditRateInput, opts: EditRateOptions = {}): SegmentEditRate {
  const caseSensitive = opts.caseSensitive ?? true;
  const words = ter(segment.mt, segment.edit, { caseSensitive });
  const chars = caseSensitive
    ? charDistance(segment.mt, segment.edit)
    : charDistance(segment.mt.toLowerCase(), segment.edit.toLowerCase());
  return {
    position: segment.position,
    kind: segment.kind,
    edits: words.edits,
    words: words.words,
    ter: words.score,
    charDistance: chars.distance,
    charLength: chars.length,
    charShare: chars.share,
    isUntouched: segment.mt === segment.edit,
    isApproximate: words.isApproximate || chars.isApproximate,
  };
}

/** Returns the corpus totals of several articles' totals: the parts summed, the rates recomputed from the sums. */
export function sumEditRates(articles: readonly EditRateTotals[]): EditRateTotals {
  return sumParts(articles.map((a) => ({ ...a, count: a.segments })));
}

function sumSegments(segments: readonly SegmentEditRate[]): EditRateTotals {
  return sumParts(segments.map((s) => ({ ...s, count: 1, untouched: s.isUntouched ? 1 : 0 })));
}

interface Part {
  readonly count: number;
  readonly untouched: number;
  readonly edits: number;
  readonly words: number;
  readonly charDistance: number;
  readonly charLength: number;
  readonly isApproximate: boolean;
}

function sumParts(parts: readonly Part[]): EditRateTotals {
  const sum = (pick: (p: Part) => number) => parts.reduce((total, p) => total + pick(p), 0);
  const edits = sum((p) => p.edits);
  const words = sum((p) => p.words);
  const charDistance = sum((p) => p.charDistance);
  const charLength = sum((p) => p.charLength);
  return {
    segments: sum((p) => p.count),
    untouched: sum((p) => p.untouched),
    edits,
    words,
    ter: terScore(edits, words),
    charDistance,
    charLength,
    charShare: charLength === 0 ? 0 : charDistance / charLength,
    isApproximate: parts.some((p) => p.isApproximate),
  };
}
