/**
 * Raw article text -> blocks of lines. Only line ends and a leading BOM are changed; Unicode
 * normalisation is deliberately not applied, because the MT text must be stored exactly as given.
 */

/** A line holding only whitespace (the same set `String.prototype.trim` removes). */
const BLANK_LINE = /^\s*$/;

/** The blocks of an article, and whether they came from blank-line separation or one line each. */
export interface Blocks {
  readonly blocks: readonly (readonly string[])[];
  /** True when the text had no blank lines, so every line was taken as its own block. */
  readonly isLinePerBlock: boolean;
}

/** Returns the lines of `raw` with a leading BOM removed and \r\n and lone \r read as \n. */
export function toLines(raw: string): string[] {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** Returns true when the line holds only whitespace. */
export function isBlankLine(line: string): boolean {
  return BLANK_LINE.test(line);
}

/**
 * Returns the non-blank blocks of `raw`: runs of lines between blank lines, or, when the text
 * has no blank line between its first and last non-blank lines, every line on its own (scrapers
 * sometimes drop the blank lines, and then a line is the only boundary left).
 */
export function splitBlocks(raw: string): Blocks {
  const lines = toLines(raw);
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && isBlankLine(lines[first] ?? '')) first += 1;
  while (last >= first && isBlankLine(lines[last] ?? '')) last -= 1;
  const content = lines.slice(first, last + 1);
  if (content.length === 0) return { blocks: [], isLinePerBlock: false };

  if (!content.some(isBlankLine)) {
    return { blocks: content.map((line) => [line]), isLinePerBlock: true };
  }

  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of content) {
    if (isBlankLine(line)) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return { blocks, isLinePerBlock: false };
}
