import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSegment, newSide, oldSide, toCompact, type DiffPart } from '../../../src/core/diff/index.js';
import { textPair } from './arbitraries.js';

/** Returns the problems with `parts` as a diff of oldText -> newText ([] when there are none). */
function problems(oldText: string, newText: string, parts: readonly DiffPart[]): string[] {
  const found: string[] = [];
  if (oldSide(parts) !== oldText) found.push('eq+del does not rebuild the old text');
  if (newSide(parts) !== newText) found.push('eq+ins does not rebuild the new text');
  // The oracle segments the whole text, unlike diffSegment's windowed test.
  const graphemeStarts = (text: string) => {
    const starts = new Set([text.length]);
    for (const { index } of new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)) starts.add(index);
    return starts;
  };
  const oldStarts = graphemeStarts(oldText);
  const newStarts = graphemeStarts(newText);
  let oldPos = 0;
  let newPos = 0;
  parts.forEach((part, i) => {
    const prev = parts[i - 1];
    if (part.text === '') found.push(`part ${i} is empty`);
    if (prev?.op === part.op) found.push(`parts ${i - 1} and ${i} are both ${part.op}`);
    if (prev?.op === 'ins' && part.op === 'del') found.push(`part ${i} is a del after an ins`);
    if (part.op !== 'ins') oldPos += part.text.length;
    if (part.op !== 'del') newPos += part.text.length;
    const isLast = i === parts.length - 1;
    if (!isLast && part.op !== 'ins' && !oldStarts.has(oldPos)) found.push(`part ${i} ends mid-grapheme (old)`);
    if (!isLast && part.op !== 'del' && !newStarts.has(newPos)) found.push(`part ${i} ends mid-grapheme (new)`);
  });
  return found;
}

describe('diffSegment', () => {
  // Each row: the MT, the edit, and the diff as a compact string. Labels say what the row is for.
  const rows: { label: string; mt: string; edit: string; compact: string }[] = [
    { label: 'identical texts are one eq part', mt: 'King Raises Issues', edit: 'King Raises Issues', compact: 'King Raises Issues' },
    { label: 'two empty texts', mt: '', edit: '', compact: '' },
    { label: 'empty -> text', mt: '', edit: 'Cho Raises Issues', compact: '<ins>Cho Raises Issues</ins>' },
    { label: 'text -> empty', mt: 'King Raises Issues', edit: '', compact: '<del>King Raises Issues</del>' },
    {
      label: 'one word replaced (headline: the minister\'s surname read as "King")',
      mt: 'King Raises Issues',
      edit: 'Cho Raises Issues',
      compact: '<del>King</del><ins>Cho</ins> Raises Issues',
    },
    {
      // jsdiff tokenises "Tae-yeol" as Tae, -, yeol, so only the last syllable differs;
      // deriveCorrections widens it back to the whole name.
      label: 'hyphenated name: jsdiff splits on the hyphen',
      mt: 'Foreign Minister Cho Tae-yeol held talks',
      edit: 'Foreign Minister Cho Tae-yul held talks',
      compact: 'Foreign Minister Cho Tae-<del>yeol</del><ins>yul</ins> held talks',
    },
    {
      label: 'two separate changes, each del before ins',
      mt: 'King Raises Issues With Tokyo',
      edit: 'Cho Raises Concerns With Tokyo',
      compact: '<del>King</del><ins>Cho</ins> Raises <del>Issues</del><ins>Concerns</ins> With Tokyo',
    },
    { label: 'pure insertion', mt: 'held talks', edit: 'held talks in Beijing', compact: 'held talks<ins> in Beijing</ins>' },
    { label: 'pure deletion', mt: 'held talks in Beijing', edit: 'held talks', compact: 'held talks<del> in Beijing</del>' },
    { label: 'punctuation change', mt: 'He said.', edit: 'He said:', compact: 'He said<del>.</del><ins>:</ins>' },
    { label: 'straight -> curly apostrophe', mt: "Ban's visit", edit: 'Ban’s visit', compact: "Ban<del>'</del><ins>’</ins>s visit" },
    { label: 'whitespace-only change', mt: 'a  b', edit: 'a b', compact: 'a<del>  </del><ins> </ins>b' },
    {
      // jsdiff's word characters are Latin only, so each Hangul syllable is its own token.
      label: 'Hangul: one syllable of a name',
      mt: '조태열 외교부 장관',
      edit: '조태율 외교부 장관',
      compact: '조태<del>열</del><ins>율</ins> 외교부 장관',
    },
    {
      // jsdiff alone gives eq 'a 👨‍👩‍' del '👧': the ZWJ sequence is cut per code point.
      label: 'emoji ZWJ sequence is never cut',
      mt: 'a 👨‍👩‍👧 b',
      edit: 'a 👨‍👩‍👦 b',
      compact: 'a <del>👨‍👩‍👧</del><ins>👨‍👩‍👦</ins> b',
    },
    { label: 'emoji replaced', mt: 'Great 👍 news', edit: 'Great 🎉 news', compact: 'Great <del>👍</del><ins>🎉</ins> news' },
    {
      // jsdiff alone gives eq 'cafe' del '\u0301' ins '\u0300': a floating accent.
      label: 'decomposed accent stays with its letter',
      mt: 'cafe\u0301 x',
      edit: 'cafe\u0300 x',
      compact: 'caf<del>e\u0301</del><ins>e\u0300</ins> x',
    },
    {
      label: 'CRLF inside text: \\r\\n is one token',
      mt: 'line one\r\nline two',
      edit: 'line one\nline 2',
      compact: 'line one<del>\r\n</del><ins>\n</ins>line <del>two</del><ins>2</ins>',
    },
    { label: 'a number', mt: '677.4 trillion won', edit: '667.4 trillion won', compact: '<del>677</del><ins>667</ins>.4 trillion won' },
  ];

  it.each(rows)('$label', ({ mt, edit, compact }) => {
    const { parts, isCoarse } = diffSegment(mt, edit);
    expect(toCompact(parts)).toBe(compact);
    expect(isCoarse).toBe(false);
    expect(problems(mt, edit, parts)).toEqual([]);
  });

  it('gives [] for two empty texts and one eq part for identical ones', () => {
    expect(diffSegment('', '').parts).toEqual([]);
    expect(diffSegment('Cho', 'Cho').parts).toEqual([{ op: 'eq', text: 'Cho' }]);
  });

  it('refuses negative limits', () => {
    expect(() => diffSegment('a', 'b', { maxEditLength: -1 })).toThrow(RangeError);
    expect(() => diffSegment('a', 'b', { timeoutMs: Number.NaN })).toThrow(RangeError);
  });

  it('rebuilds both texts, merges same-op neighbours and leaves no empty parts (property)', () => {
    fc.assert(
      fc.property(textPair(), ([mt, edit]) => {
        const { parts } = diffSegment(mt, edit, { timeoutMs: Number.POSITIVE_INFINITY });
        expect(problems(mt, edit, parts)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('diffSegment coarse fallback', () => {
  // maxEditLength 0 makes jsdiff give up on any pair that is not identical.
  const coarse = { maxEditLength: 0 };
  const rows: { label: string; mt: string; edit: string; compact: string }[] = [
    { label: 'one word replaced', mt: 'King Raises Issues', edit: 'Cho Raises Issues', compact: '<del>King</del><ins>Cho</ins> Raises Issues' },
    {
      label: 'common prefix "Cho Tae-y" is pulled back to the word boundary',
      mt: 'Cho Tae-yeol Criticizes',
      edit: 'Cho Tae-yul Criticizes',
      compact: 'Cho <del>Tae-yeol</del><ins>Tae-yul</ins> Criticizes',
    },
    {
      label: 'two changes become one replacement',
      mt: 'King Raises Issues With Tokyo',
      edit: 'Cho Raises Concerns With Tokyo',
      compact: '<del>King Raises Issues</del><ins>Cho Raises Concerns</ins> With Tokyo',
    },
    { label: 'insertion that extends a word', mt: 'Cho said', edit: 'Choi said', compact: '<del>Cho</del><ins>Choi</ins> said' },
    { label: 'Hangul', mt: '조태열 외교부 장관', edit: '조태율 외교부 장관', compact: '<del>조태열</del><ins>조태율</ins> 외교부 장관' },
    { label: 'emoji ZWJ sequence', mt: 'a 👨‍👩‍👧 b', edit: 'a 👨‍👩‍👦 b', compact: 'a <del>👨‍👩‍👧</del><ins>👨‍👩‍👦</ins> b' },
    { label: 'empty -> text', mt: '', edit: 'text', compact: '<ins>text</ins>' },
  ];

  it.each(rows)('$label', ({ mt, edit, compact }) => {
    const { parts, isCoarse } = diffSegment(mt, edit, coarse);
    expect(toCompact(parts)).toBe(compact);
    expect(isCoarse).toBe(true);
    expect(problems(mt, edit, parts)).toEqual([]);
  });

  it('is not used for identical texts', () => {
    expect(diffSegment('Cho', 'Cho', coarse)).toEqual({ parts: [{ op: 'eq', text: 'Cho' }], isCoarse: false });
  });

  it('gives up on a 3000-word paragraph rewritten from scratch and still rebuilds both texts', () => {
    const dateline = 'SEOUL, June 4 (Yonhap) -- ';
    const mt = dateline + Array.from({ length: 3000 }, (_, i) => `old${i}`).join(' ') + '.';
    const edit = dateline + Array.from({ length: 3000 }, (_, i) => `new${i}`).join(' ') + '.';
    const { parts, isCoarse } = diffSegment(mt, edit);
    expect(isCoarse).toBe(true);
    expect(parts.map((p) => p.op)).toEqual(['eq', 'del', 'ins', 'eq']);
    // The common suffix "2999." is pulled back to the word boundary: only the full stop stays equal.
    expect(parts[0]?.text).toBe(dateline);
    expect(parts[3]?.text).toBe('.');
    expect(problems(mt, edit, parts)).toEqual([]);
  });

  it('rebuilds both texts and keeps to eq? del? ins? eq? (property)', () => {
    fc.assert(
      fc.property(textPair(), ([mt, edit]) => {
        const { parts, isCoarse } = diffSegment(mt, edit, coarse);
        expect(isCoarse).toBe(mt !== edit);
        expect(problems(mt, edit, parts)).toEqual([]);
        expect(parts.map((p) => p.op).join(' ')).toMatch(/^(eq ?)?(del ?)?(ins ?)?(eq)?$/);
      }),
      { numRuns: 500 },
    );
  });
});
