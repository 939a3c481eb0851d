/** Returns a share as a percentage with one decimal ("12.5%"), or "–" when there is nothing to divide. */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '–';
  return `${((100 * part) / whole).toFixed(1)}%`;
}
