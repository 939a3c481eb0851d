/**
 * Returns the lookup key for an MT phrase: whitespace runs collapsed to one space and trimmed.
 * Case is kept on purpose: "King" the surname and "king" the title are different corrections.
 */
export function correctionKey(mtText: string): string {
  return mtText.replace(/\s+/gu, ' ').trim();
}
