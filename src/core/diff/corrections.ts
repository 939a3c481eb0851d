import { graphemeBoundaryTest, wordBoundaryTest } from './boundaries.js';
import { newSide, oldSide } from './compact.js';
import { partsToHunks, widenHunks, type BoundaryTest, type Hunk } from './hunks.js';
import type { CorrectionPair, DiffPart } from './types.js';

const WHITESPACE_ONLY = /^\s*$/u;

/** Returns a test passing only offsets that are word boundaries and grapheme boundaries of `text`. */
function wholeWordTest(text: string): BoundaryTest {
  const isWord = wordBoundaryTest(text);
  const isGrapheme = graphemeBoundaryTest(text);
  return (index) => isWord(index) && isGrapheme(index);
}

/**
 * Returns the hunks with those separated only by whitespace merged, so a name changed in two
 * places ("Kim Tae-yeol" -> "Cho Tae-yul", or jsdiff splitting "one two" -> "uno dos") is one pair.
 */
function mergeAcrossWhitespace(oldText: string, hunks: readonly Hunk[]): Hunk[] {
  const out: Hunk[] = [];
  for (const hunk of hunks) {
    const prev = out.at(-1);
    if (prev && WHITESPACE_ONLY.test(oldText.slice(prev.oldEnd, hunk.oldStart))) {
      out[out.length - 1] = { ...hunk, oldStart: prev.oldStart, newStart: prev.newStart };
    } else {
      out.push(hunk);
    }
  }
  return out;
}

/** Returns [start, end] moved inwards past whitespace at both ends of text.slice(start, end). */
function trimRange(text: string, start: number, end: number): [number, number] {
  const slice = text.slice(start, end);
  const lead = slice.length - slice.trimStart().length;
  if (lead === slice.length) return [end, end];
  const trail = slice.length - slice.trimEnd().length;
  return [start + lead, end - trail];
}

/**
 * Returns the corrections of one segment, in order: every changed stretch of `parts` (the diff
 * of `oldText` -> `newText`), merged across whitespace-only gaps, widened to whole words on both
 * sides ("yeol" -> "yul" becomes "Tae-yeol" -> "Tae-yul"), trimmed of surrounding whitespace,
 * with offsets into both texts. Whitespace-only changes are not corrections and are left out.
 * Throws if `parts` do not rebuild both texts (a programmer error: parts from another pair).
 */
export function deriveCorrections(oldText: string, newText: string, parts: readonly DiffPart[]): CorrectionPair[] {
  if (oldSide(parts) !== oldText || newSide(parts) !== newText) {
    throw new Error('deriveCorrections: parts do not rebuild oldText and newText');
  }
  const widened = widenHunks(partsToHunks(parts), oldText.length, wholeWordTest(oldText), wholeWordTest(newText));
  const pairs: CorrectionPair[] = [];
  for (const hunk of mergeAcrossWhitespace(oldText, widened)) {
    const [mtStart, mtEnd] = trimRange(oldText, hunk.oldStart, hunk.oldEnd);
    const [editStart, editEnd] = trimRange(newText, hunk.newStart, hunk.newEnd);
    const mtText = oldText.slice(mtStart, mtEnd);
    const editText = newText.slice(editStart, editEnd);
    if (mtText === editText) continue;
    pairs.push({ mtText, editText, mtStart, mtEnd, editStart, editEnd });
  }
  return pairs;
}
