import type { DiffPart } from './types.js';

/**
 * Returns the diff as a compact string, `'<del>King</del><ins>Cho</ins> Raises'`, the way jsdiff
 * and diff-match-patch write diffs in their tests. Text is printed raw: this is for tests and the
 * CLI, never HTML for the browser (templates print parts with `<%= %>`).
 */
export function toCompact(parts: readonly DiffPart[]): string {
  return parts
    .map((p) => (p.op === 'eq' ? p.text : `<${p.op}>${p.text}</${p.op}>`))
    .join('');
}

/** Returns the old (MT) text rebuilt from the parts: the `eq` and `del` texts in order. */
export function oldSide(parts: readonly DiffPart[]): string {
  return mtSideParts(parts)
    .map((p) => p.text)
    .join('');
}

/** Returns the new (edited) text rebuilt from the parts: the `eq` and `ins` texts in order. */
export function newSide(parts: readonly DiffPart[]): string {
  return editSideParts(parts)
    .map((p) => p.text)
    .join('');
}

/** Returns the parts the MT column of the review page prints: `eq` and `del`, in order. */
export function mtSideParts(parts: readonly DiffPart[]): DiffPart[] {
  return parts.filter((p) => p.op !== 'ins');
}

/** Returns the parts the edit column of the review page prints: `eq` and `ins`, in order. */
export function editSideParts(parts: readonly DiffPart[]): DiffPart[] {
  return parts.filter((p) => p.op !== 'del');
}
