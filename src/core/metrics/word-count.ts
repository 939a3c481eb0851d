/** Returns the number of white-space separated words in `text` (the tokenisation TER uses too). */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}
