import { diffWordsWithSpace } from 'diff';
import { graphemeBoundaryTest } from './boundaries.js';
import { coarseHunks } from './coarse.js';
import { hunksToParts, partsToHunks, widenHunks, type Hunk } from './hunks.js';
import type { DiffPart } from './types.js';

/**
 * Most token edits (insertions + deletions) jsdiff explores before giving up; a token is a word,
 * a run of spaces, a newline or one punctuation mark (or one Hangul syllable, which jsdiff does
 * not count as a word character). Myers' algorithm costs O((N+M)·D), so this bounds the work on
 * a segment rewritten from scratch. 2000 covers a ~500-word paragraph rewritten entirely; useful
 * range 200-20000: lower and ordinary rewrites fall back to the coarse diff, higher and one
 * pathological pair can hold the request for seconds. Reaching 2000 on a 3000-word paragraph
 * rewritten from scratch took ~0.3 s on Node 20 (the dev machine), so there the timeout fires first.
 */
export const DEFAULT_MAX_EDIT_LENGTH = 2000;

/**
 * Milliseconds after which jsdiff gives up and the coarse diff is used. A backstop behind
 * DEFAULT_MAX_EDIT_LENGTH for long segments; range 50-2000. Only long, heavily rewritten
 * segments reach it (the 3000-word rewrite above does, and is coarse whichever limit fires), but
 * it makes the result depend on the machine's speed for borderline pairs: pass Infinity for a
 * deterministic diff.
 */
export const DEFAULT_TIMEOUT_MS = 200;

/** Limits on the work one diff may do. */
export interface DiffSegmentOptions {
  /** Most token edits to explore before falling back to the coarse diff (>= 0). */
  readonly maxEditLength?: number;
  /** Milliseconds before falling back to the coarse diff (>= 0, Infinity for none). */
  readonly timeoutMs?: number;
}

/** A segment's diff and whether it is the coarse fallback rather than a word diff. */
export interface SegmentDiff {
  readonly parts: DiffPart[];
  readonly isCoarse: boolean;
}

/** Throws a RangeError unless `value` is a number >= 0 (Infinity allowed). */
function assertLimit(name: string, value: number): void {
  if (!(value >= 0)) throw new RangeError(`diffSegment: ${name} must be >= 0, got ${value}`);
}

/**
 * Returns the word diff of one segment's MT (`oldText`) and edit (`newText`): parts whose `eq`+`del`
 * texts rebuild oldText and whose `eq`+`ins` texts rebuild newText exactly, with each changed
 * stretch as one `del` then one `ins`, no empty parts and no cut grapheme clusters. When jsdiff
 * gives up (edit cap or timeout) returns the coarse diff (common prefix, one replacement, common
 * suffix) with isCoarse true.
 */
export function diffSegment(oldText: string, newText: string, opts: DiffSegmentOptions = {}): SegmentDiff {
  const maxEditLength = opts.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  assertLimit('maxEditLength', maxEditLength);
  assertLimit('timeoutMs', timeoutMs);
  if (oldText === newText) {
    return { parts: oldText === '' ? [] : [{ op: 'eq', text: oldText }], isCoarse: false };
  }
  // diffWordsWithSpace, not diffWords: diffWords folds whitespace into neighbouring tokens and
  // rewrites it in postProcess, so its parts do not always rebuild the old text.
  const changes = diffWordsWithSpace(oldText, newText, { maxEditLength, timeout: timeoutMs });
  const isCoarse = changes === undefined;
  const hunks: Hunk[] = isCoarse
    ? coarseHunks(oldText, newText)
    : partsToHunks(
        changes.map((c) => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'eq', text: c.value })),
      );
  // jsdiff cuts between code points, not grapheme clusters: 'a 👨‍👩‍👧' -> 'a 👨‍👩‍👦' comes back
  // as eq '👨‍👩‍' del '👧', and a decomposed 'é' loses its accent to a part of its own.
  const whole = widenHunks(hunks, oldText.length, graphemeBoundaryTest(oldText), graphemeBoundaryTest(newText));
  return { parts: hunksToParts(oldText, newText, whole), isCoarse };
}
