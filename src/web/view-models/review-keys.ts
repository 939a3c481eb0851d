/**
 * The review page's keyboard shortcuts (issue 13), the one list that the "?" dialog
 * (views/articles/_keys.ejs) and README.md's Keyboard section are written from; public/keys.js
 * does what each row says. test/web/keyboard-docs.test.ts holds the README to this list.
 */

/** One row of the list: the keys (pressed one after another when `isSequence`, else any of them) and what they do. */
export interface ReviewKey {
  readonly keys: readonly string[];
  readonly isSequence: boolean;
  readonly what: string;
}

const key = (keys: string[], what: string, isSequence = false): ReviewKey => ({ keys, isSequence, what });

/** Every shortcut of the review page, in the order the dialog and the README list them. */
export const REVIEW_KEYS: readonly ReviewKey[] = [
  key(['j'], 'Next flag: its segment is scrolled into view and the flag gets the focus'),
  key(['k'], 'Previous flag'),
  key(['a'], 'Apply the focused flag’s first suggestion here'),
  key(['Shift+A'], 'Apply it everywhere: opens the preview of every place, to apply from there'),
  key(['d'], 'Dismiss the focused flag: ticks it and moves to the reason box (Enter dismisses, Esc goes back to the flag)'),
  key(['e', 'Enter'], 'Edit the segment (of the focused flag, or the focused segment)'),
  key(['Ctrl+Enter'], 'Save the edit; the focus stays on the segment'),
  key(['Esc'], 'Cancel the edit (the focus goes back to the segment), or close the list of shortcuts'),
  key(['n'], 'Next segment'),
  key(['p'], 'Previous segment'),
  key(['g', 'c'], 'Go to the corpus', true),
  key(['Shift+N'], 'Next article with open errors (by id, after this one, round to the first)'),
  key(['?'], 'Show or hide the list of shortcuts'),
];

/**
 * Returns the README's Keyboard table (Markdown) from REVIEW_KEYS: `<kbd>` for each key, so the
 * README and the dialog say the same.
 */
export function reviewKeysMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| Key | What it does |',
    '| --- | --- |',
    ...REVIEW_KEYS.map((row) => `| ${row.keys.map((k) => `<kbd>${cell(k)}</kbd>`).join(row.isSequence ? ' then ' : ' or ')} | ${cell(row.what)} |`),
  ].join('\n');
}
