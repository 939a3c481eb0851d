import { wordBoundaryTest } from './boundaries.js';
import { widenHunks, type Hunk } from './hunks.js';

/**
 * Returns the coarse diff of two texts as at most one hunk: the common prefix and common suffix
 * stay equal, the middle is replaced. Both ends are pulled back to word boundaries so the hunk
 * never starts or ends mid-word ("Tae-y|eol"). Linear time, for when the word diff gives up.
 */
export function coarseHunks(oldText: string, newText: string): Hunk[] {
  const shorter = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  const hunk: Hunk = {
    oldStart: prefix,
    oldEnd: oldText.length - suffix,
    newStart: prefix,
    newEnd: newText.length - suffix,
  };
  if (hunk.oldEnd === hunk.oldStart && hunk.newEnd === hunk.newStart) return [];
  return widenHunks([hunk], oldText.length, wordBoundaryTest(oldText), wordBoundaryTest(newText));
}
