import { describe, expect, it } from 'vitest';
import { splitPastedList } from '../../src/formats/pasted-list.js';

/** Returns the items as compact strings: '1: text'. */
const items = (list: string) => splitPastedList(list).map((item) => `${item.number}: ${item.text}`);

describe('splitPastedList', () => {
  const rows: { label: string; list: string; expected: string[] }[] = [
    { label: 'empty text', list: '', expected: [] },
    { label: 'only blank lines and separators', list: '\n  \n---\n\n---\n', expected: [] },
    { label: 'one article, no separator', list: 'Rain Expected\n\nHeavy rain.', expected: ['1: Rain Expected\n\nHeavy rain.'] },
    { label: 'three articles', list: 'A head\n\nA body.\n---\nB head\n---\nC head', expected: ['1: A head\n\nA body.', '2: B head', '3: C head'] },
    { label: 'blank lines around each separator are dropped', list: 'A\n\n\n---\n\n\nB\n', expected: ['1: A', '2: B'] },
    { label: 'an empty item in the middle keeps its number', list: 'A\n---\n   \n---\nC', expected: ['1: A', '2: ', '3: C'] },
    { label: 'a separator on the first and last line', list: '---\nA\n---\nB\n---\n', expected: ['1: A', '2: B'] },
    { label: 'Windows line ends (a browser posts a textarea with CRLF)', list: 'A\r\n\r\nA body.\r\n---\r\nB', expected: ['1: A\r\n\r\nA body.', '2: B'] },
    { label: 'more hyphens, and spaces or tabs around them', list: 'A\n  ------ \t\nB', expected: ['1: A', '2: B'] },
  ];
  it.each(rows)('splits $label', ({ list, expected }) => {
    expect(items(list)).toEqual(expected);
  });

  const notSeparators: { label: string; list: string }[] = [
    { label: 'two hyphens', list: 'A\n--\nB' },
    { label: 'hyphens inside a line', list: 'A --- B\n\nC' },
    { label: 'hyphens followed by words', list: 'A\n--- end ---\nB' },
    { label: 'an em dash line', list: 'A\n———\nB' },
    { label: 'hyphens with a Korean word', list: 'A\n---기사---\nB' },
  ];
  it.each(notSeparators)('keeps one article when the line is $label', ({ list }) => {
    expect(items(list)).toEqual([`1: ${list}`]);
  });
});
