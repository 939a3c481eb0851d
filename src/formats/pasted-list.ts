/**
 * Several articles pasted into one box on the import page (issue 13), one after another with a
 * separator line between them. The separator is a line of three or more hyphens and nothing else
 * (spaces around them allowed), as in Markdown and YAML front matter: scraped news text does not
 * use one, and an editor can type it.
 */

/** Matches a separator line: three or more hyphens, optionally with spaces or tabs around them. */
export const PASTED_LIST_SEPARATOR = /^[ \t]*-{3,}[ \t]*$/mu;

/** One article of a pasted list: its place in the list (from 1) and its text ('' when there was nothing between two separators). */
export interface PastedItem {
  readonly number: number;
  readonly text: string;
}

/**
 * Returns the articles of a pasted list in the order pasted, numbered from 1, each without the
 * blank lines around it. An item between two separators that holds only spaces comes back as ''
 * (so the editor hears of it, and the numbers match what was pasted); blank text before the first
 * separator or after the last is no item, so a list may start or end with a separator. Text with
 * no separator is one item; blank text is none.
 */
export function splitPastedList(list: string): PastedItem[] {
  const parts = list.split(new RegExp(PASTED_LIST_SEPARATOR.source, 'gmu')).map((part) => part.trim());
  // A separator on the first or last line leaves a blank part outside the list: not an item.
  while (parts.length > 0 && parts[0] === '') parts.shift();
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((text, i) => ({ number: i + 1, text }));
}
