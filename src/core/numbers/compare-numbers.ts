import { deriveCorrections } from '../diff/corrections.js';
import { diffSegment } from '../diff/diff-segment.js';
import type { CorrectionPair, DiffPart } from '../diff/types.js';
import { findNumbers, type NumberToken } from './find-numbers.js';

/** A number of the MT that the edit changed (with the edit's number) or dropped (with where it stood). */
export interface NumberChange {
  readonly mt: NumberToken;
  /** The edit's number that replaced it; undefined when the edit drops it. */
  readonly edit?: NumberToken;
  /** Offsets into the edit: the replacing number, or for a dropped one the edit text that replaced its stretch (empty when deleted outright). */
  readonly start: number;
  readonly end: number;
  /** MT text that would put the number back in place of the span; undefined when the span is empty (deleted outright). */
  readonly restore?: string;
}

/**
 * Returns the numbers of `mt` that `edit` changed or dropped. Numbers are compared as a multiset of
 * values, so reordering, "1,000" -> "1000", "4.7" -> "4.70" and "4" -> "four" are no change; a
 * spelled-out number only ever confirms one on the other side. A missing MT number is paired with a
 * new edit number of the same kind inside the same changed stretch of the word diff; unpaired, it
 * was dropped. Numbers the edit adds are the editor's own and are not reported.
 */
export function compareNumbers(mt: string, edit: string): NumberChange[] {
  // Guard: an unedited segment changed nothing.
  if (mt === edit) return [];
  const mtTokens = findNumbers(mt);
  const editTokens = findNumbers(edit);
  // Guard: the common case, every MT number still there, costs no diff.
  if (mtTokens.every((t) => t.isWord) || !hasDeficit(mtTokens, editTokens)) return [];
  const { parts } = diffSegment(mt, edit);
  const corrections = deriveCorrections(mt, edit, parts);
  const missing = unmatched(mtTokens, editTokens, (t) => corrections.some((c) => overlaps(t, c.mtStart, c.mtEnd)));
  const added = unmatched(editTokens, mtTokens, (t) => corrections.some((c) => overlaps(t, c.editStart, c.editEnd)));
  const used = new Set<NumberToken>();
  return missing.map((token) => {
    const stretch = corrections.find((c) => overlaps(token, c.mtStart, c.mtEnd));
    const partner = stretch && added.find((a) => !used.has(a) && a.kind === token.kind && overlaps(a, stretch.editStart, stretch.editEnd));
    if (partner) {
      used.add(partner);
      return { mt: token, edit: partner, start: partner.start, end: partner.end, restore: token.text };
    }
    return { mt: token, ...droppedAt(token, stretch, parts) };
  });
}

/** Returns true when some MT numeral's value occurs fewer times in the edit (numerals or words). */
function hasDeficit(mtTokens: readonly NumberToken[], editTokens: readonly NumberToken[]): boolean {
  const supply = countKeys(editTokens);
  const demand = countKeys(mtTokens.filter((t) => !t.isWord));
  return [...demand].some(([key, n]) => n > (supply.get(key) ?? 0));
}

/**
 * Returns the tokens of `side` (spelled-out ones excepted) whose values `other` holds fewer times.
 * Of several equal values, those inside a changed stretch (`isChanged`) are taken as the missing
 * ones first, so an untouched "500" is never reported for a deleted "500" elsewhere.
 */
function unmatched(side: readonly NumberToken[], other: readonly NumberToken[], isChanged: (t: NumberToken) => boolean): NumberToken[] {
  const supply = countKeys(other);
  const result: NumberToken[] = [];
  const byKey = new Map<string, NumberToken[]>();
  for (const t of side) {
    if (t.isWord) continue;
    const same = byKey.get(t.key);
    if (same) same.push(t);
    else byKey.set(t.key, [t]);
  }
  for (const [key, tokens] of byKey) {
    const deficit = tokens.length - (supply.get(key) ?? 0);
    if (deficit <= 0) continue;
    const changedFirst = [...tokens.filter(isChanged), ...tokens.filter((t) => !isChanged(t)).reverse()];
    result.push(...changedFirst.slice(0, deficit));
  }
  return result.sort((a, b) => a.start - b.start);
}

/** Returns where a dropped MT number stood in the edit: the text that replaced its stretch, or a point. */
function droppedAt(token: NumberToken, stretch: CorrectionPair | undefined, parts: readonly DiffPart[]): { start: number; end: number; restore?: string } {
  if (stretch && stretch.editEnd > stretch.editStart) return { start: stretch.editStart, end: stretch.editEnd, restore: stretch.mtText };
  if (stretch) return { start: stretch.editStart, end: stretch.editEnd };
  const at = mapOffset(parts, token.start);
  return { start: at, end: at };
}

/** Returns the edit offset that an MT offset corresponds to in the diff (a deleted offset maps to where the deletion stands). */
function mapOffset(parts: readonly DiffPart[], mtOffset: number): number {
  let mtPos = 0;
  let editPos = 0;
  for (const part of parts) {
    const length = part.text.length;
    if (part.op === 'ins') {
      editPos += length;
      continue;
    }
    if (mtOffset < mtPos + length) return part.op === 'eq' ? editPos + (mtOffset - mtPos) : editPos;
    mtPos += length;
    if (part.op === 'eq') editPos += length;
  }
  return editPos;
}

/** Returns true when the token shares text with [start, end); an empty range (a pure insertion or deletion) shares none. */
function overlaps(token: NumberToken, start: number, end: number): boolean {
  return token.start < end && start < token.end;
}

/** Returns how many tokens there are of each value. */
function countKeys(tokens: readonly NumberToken[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
  return counts;
}
