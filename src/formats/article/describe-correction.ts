import type { ExportCorrection } from './types.js';

/**
 * Returns one correction as a note's text: `"King" -> "Cho"`, `inserted "the"` or
 * `deleted "the"` (quoted, so a changed space or punctuation mark is visible).
 */
export function describeCorrection(correction: ExportCorrection): string {
  if (correction.mtText === '') return `inserted "${correction.editText}"`;
  if (correction.editText === '') return `deleted "${correction.mtText}"`;
  return `"${correction.mtText}" -> "${correction.editText}"`;
}
