import type { DiffPart } from './types.js';

/**
 * One changed stretch of a diff as offsets into both texts: old.slice(oldStart, oldEnd) was
 * replaced by new.slice(newStart, newEnd). Either side may be empty. Between two hunks of a list
 * the texts are equal, so the gaps have the same length on both sides.
 */
export interface Hunk {
  readonly oldStart: number;
  readonly oldEnd: number;
  readonly newStart: number;
  readonly newEnd: number;
}

/** A test for "may a change start or end at this offset of this text?" */
export type BoundaryTest = (index: number) => boolean;

/** Returns the hunks of a diff: every run of non-`eq` parts becomes one hunk, in order. */
export function partsToHunks(parts: readonly DiffPart[]): Hunk[] {
  const hunks: Hunk[] = [];
  let oldPos = 0;
  let newPos = 0;
  let open: { oldStart: number; newStart: number } | undefined;
  for (const part of parts) {
    if (part.op === 'eq') {
      if (open) hunks.push({ ...open, oldEnd: oldPos, newEnd: newPos });
      open = undefined;
      oldPos += part.text.length;
      newPos += part.text.length;
      continue;
    }
    open ??= { oldStart: oldPos, newStart: newPos };
    if (part.op === 'del') oldPos += part.text.length;
    else newPos += part.text.length;
  }
  if (open) hunks.push({ ...open, oldEnd: oldPos, newEnd: newPos });
  return hunks.filter((h) => h.oldEnd > h.oldStart || h.newEnd > h.newStart);
}

/**
 * Returns the parts for the given hunks: the gaps as `eq`, each hunk as a `del` then an `ins`,
 * no empty parts. Hunks must be in order and must not touch (widenHunks merges touching ones).
 */
export function hunksToParts(oldText: string, newText: string, hunks: readonly Hunk[]): DiffPart[] {
  const parts: DiffPart[] = [];
  let oldPos = 0;
  for (const h of hunks) {
    if (h.oldStart > oldPos) parts.push({ op: 'eq', text: oldText.slice(oldPos, h.oldStart) });
    if (h.oldEnd > h.oldStart) parts.push({ op: 'del', text: oldText.slice(h.oldStart, h.oldEnd) });
    if (h.newEnd > h.newStart) parts.push({ op: 'ins', text: newText.slice(h.newStart, h.newEnd) });
    oldPos = h.oldEnd;
  }
  if (oldText.length > oldPos) parts.push({ op: 'eq', text: oldText.slice(oldPos) });
  return parts;
}

/**
 * Returns the hunks widened until each starts and ends at a boundary of both texts, merging
 * hunks that come to touch. Widening only eats into the equal text between hunks, which is the
 * same on both sides, so both texts move by the same amount and the gaps stay equal.
 * Offsets 0 and text.length must pass both tests (they always end the widening anyway).
 */
export function widenHunks(
  hunks: readonly Hunk[],
  oldTextLength: number,
  isOldBoundary: BoundaryTest,
  isNewBoundary: BoundaryTest,
): Hunk[] {
  const out: Hunk[] = [];
  hunks.forEach((hunk, k) => {
    let { oldStart, newStart, oldEnd, newEnd } = hunk;
    const prev = out.at(-1);
    const floor = prev?.oldEnd ?? 0;
    while (oldStart > floor && !(isOldBoundary(oldStart) && isNewBoundary(newStart))) {
      oldStart--;
      newStart--;
    }
    if (prev && oldStart === prev.oldEnd) {
      out.pop();
      oldStart = prev.oldStart;
      newStart = prev.newStart;
    }
    const ceiling = hunks[k + 1]?.oldStart ?? oldTextLength;
    while (oldEnd < ceiling && !(isOldBoundary(oldEnd) && isNewBoundary(newEnd))) {
      oldEnd++;
      newEnd++;
    }
    out.push({ oldStart, oldEnd, newStart, newEnd });
  });
  return out;
}
