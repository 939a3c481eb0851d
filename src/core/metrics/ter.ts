/**
 * Translation Edit Rate (Snover et al. 2006, "A Study of Translation Edit Rate with Targeted Human
 * Annotation", AMTA): the fewest edits (insertions, deletions, substitutions of a word, and shifts
 * of a phrase, each costing 1) that turn the hypothesis into the reference, over the reference's
 * length in words. With the MT as hypothesis and the editor's text as reference it is HTER, the
 * edit rate of issue 5. The search is tercom's greedy one as sacrebleu 2.x re-implements it
 * (`sacrebleu/metrics/ter.py`, `lib_ter.py`), and the figures are sacrebleu's exactly:
 *
 *   repeat: score every candidate shift (ter-shift.ts), apply the one that lowers the beam edit
 *           distance most; stop when none lowers it or the candidate budget is spent
 *   edits = shifts applied + beam edit distance of the shifted hypothesis
 *
 * Cost: a round fills one beam table, O(h x b) for h hypothesis words and b (about 50) cells a
 * row, and scans at most h x 101 phrase starts, each extended by up to 10 words; every candidate
 * it scores recomputes the beam rows from the first word the shift changes, O(h x b). sacrebleu's
 * budget allows 1000 candidates per segment, which also bounds the rounds (a round that shifts has
 * scored one), so a segment costs at most about 1000 x h x (2b + 101) steps, linear in its length
 * with a large constant: 0.4-0.7 s at 2,000 words in the tests' worst shapes. Above
 * MAX_SHIFT_SEARCH_WORDS the shift search is skipped (see there).
 */
import { beamDistance, beamShape } from './beam-edit-distance.js';
import { findBestShift, MAX_SHIFT_CANDIDATES } from './ter-shift.js';

/**
 * Longest segment (hypothesis or reference, in words) whose shifts are searched. Longer segments
 * get the beam edit distance of the unshifted hypothesis, marked `isApproximate`: an upper bound on
 * the exact figure (a shift is only ever taken when it saves at least its own cost) that costs
 * O(h x 50) instead of up to 1000 times that. Range: a positive integer; news paragraphs run to a
 * few hundred words, and 2,000 words keep the exact search under about a second.
 */
export const MAX_SHIFT_SEARCH_WORDS = 2000;

/** Options of `ter`. */
export interface TerOptions {
  /** Compare words as written (the default, issue 5); false lowercases both texts first, as sacrebleu's default does. */
  readonly caseSensitive?: boolean;
}

/** A TER figure for one hypothesis/reference pair. */
export interface TerResult {
  /** Shifts plus insertions, deletions and substitutions. */
  readonly edits: number;
  /** Words in the reference (the editor's text): the denominator. */
  readonly words: number;
  /** edits / words; with no reference words, 1 if there are edits and 0 if not (sacrebleu 2.x). */
  readonly score: number;
  /** Phrase shifts among the edits. */
  readonly shifts: number;
  /** True when the segment was too long for the shift search (MAX_SHIFT_SEARCH_WORDS): edits is then an upper bound. */
  readonly isApproximate: boolean;
}

/**
 * White space as Python's `str.split()` sees it (`str.isspace`), which is how sacrebleu's tercom
 * tokenizer splits: JavaScript's \s, less U+FEFF, plus U+001C-U+001F and U+0085. It differs from
 * countWords (word-count.ts) only on those five control characters and the BOM.
 */
const PYTHON_WHITESPACE = /[\t\n\v\f\r\u001C-\u001F \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/u;

/** Returns the white-space separated words of `text` as sacrebleu's TER reads them (lowercased unless case-sensitive). */
export function terWords(text: string, caseSensitive = true): string[] {
  const cased = caseSensitive ? text : text.toLowerCase();
  return cased.split(PYTHON_WHITESPACE).filter((w) => w !== '');
}

/** Returns the TER of `hypothesis` (the MT) against `reference` (the edit): edits, reference words, score and shifts. */
export function ter(hypothesis: string, reference: string, opts: TerOptions = {}): TerResult {
  const caseSensitive = opts.caseSensitive ?? true;
  return terOfWords(terWords(hypothesis, caseSensitive), terWords(reference, caseSensitive));
}

/** Returns the TER of two word lists (already split and cased). */
export function terOfWords(hypWords: readonly string[], refWords: readonly string[]): TerResult {
  // sacrebleu: an empty reference needs every hypothesis word deleted, and has no length.
  if (refWords.length === 0) return result(hypWords.length, 0, 0, false);
  // Guard: an untouched segment (most of an archive) needs no edit; the shift search would score
  // every candidate only to find that none helps.
  if (hypWords.length === refWords.length && hypWords.every((w, i) => w === refWords[i])) return result(0, refWords.length, 0, false);
  // Words become integer ids (equal words, equal ids), so the DP compares integers.
  const ids = new Map<string, number>();
  const idOf = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) {
      id = ids.size;
      ids.set(word, id);
    }
    return id;
  };
  const ref = Int32Array.from(refWords, idOf);
  let hyp: Int32Array = Int32Array.from(hypWords, idOf);
  const shape = beamShape(hyp.length, ref.length);

  if (Math.max(hyp.length, ref.length) > MAX_SHIFT_SEARCH_WORDS) {
    return result(beamDistance(shape, hyp, ref), ref.length, 0, true);
  }
  let shifts = 0;
  let checked = 0;
  for (;;) {
    const round = findBestShift(shape, hyp, ref, checked);
    checked = round.checked;
    // sacrebleu drops the round that spends the budget, even if its shift would help.
    if (checked >= MAX_SHIFT_CANDIDATES || round.gain <= 0) return result(round.distance + shifts, ref.length, shifts, false);
    shifts += 1;
    hyp = round.shifted;
  }
}

/** Returns a TER score from its parts: edits / words, or (no words) 1 with edits and 0 without (sacrebleu 2.x `_compute_score_from_stats`). */
export function terScore(edits: number, words: number): number {
  if (words > 0) return edits / words;
  return edits > 0 ? 1 : 0;
}

function result(edits: number, words: number, shifts: number, isApproximate: boolean): TerResult {
  return { edits, words, score: terScore(edits, words), shifts, isApproximate };
}
