import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  correctionKey,
  deriveCorrections,
  diffSegment,
  isWordBoundary,
  type CorrectionPair,
} from '../../../src/core/diff/index.js';
import { textPair } from './arbitraries.js';

/** Returns the corrections of mt -> edit as compact 'mt => edit' strings. */
function pairsOf(mt: string, edit: string): string[] {
  return deriveCorrections(mt, edit, diffSegment(mt, edit).parts).map((p) => `${p.mtText} => ${p.editText}`);
}

describe('deriveCorrections', () => {
  const rows: { label: string; mt: string; edit: string; pairs: string[] }[] = [
    { label: 'identical texts', mt: 'King Raises Issues', edit: 'King Raises Issues', pairs: [] },
    { label: 'two empty texts', mt: '', edit: '', pairs: [] },
    { label: 'one word replaced (headline)', mt: 'King Raises Issues', edit: 'Cho Raises Issues', pairs: ['King => Cho'] },
    {
      // jsdiff diffs only "yeol" -> "yul" (it splits on hyphens); the pair is the whole name part.
      label: 'hyphenated name widened to the whole word',
      mt: 'Foreign Minister Cho Tae-yeol held talks',
      edit: 'Foreign Minister Cho Tae-yul held talks',
      pairs: ['Tae-yeol => Tae-yul'],
    },
    { label: 'hyphenated name in a headline', mt: 'Cho Tae-yeol Criticizes', edit: 'Cho Tae-yul Criticizes', pairs: ['Tae-yeol => Tae-yul'] },
    {
      label: 'surname and given name both changed: one pair across the space',
      mt: 'Kim Tae-yeol said',
      edit: 'Cho Tae-yul said',
      pairs: ['Kim Tae-yeol => Cho Tae-yul'],
    },
    { label: 'jsdiff splits at the space: merged back', mt: 'one two three', edit: 'uno dos three', pairs: ['one two => uno dos'] },
    { label: 'pure insertion', mt: 'held talks', edit: 'held talks in Beijing', pairs: [' => in Beijing'] },
    { label: 'pure deletion', mt: 'held talks in Beijing', edit: 'held talks', pairs: ['in Beijing => '] },
    {
      label: 'two separate changes, in order',
      mt: 'King Raises Issues With Tokyo',
      edit: 'Cho Raises Concerns With Tokyo',
      pairs: ['King => Cho', 'Issues => Concerns'],
    },
    { label: 'insertion inside a word widens to the word', mt: 'Cho said', edit: 'Choi said', pairs: ['Cho => Choi'] },
    { label: 'Hangul syllable widened to the name', mt: '조태열 외교부 장관', edit: '조태율 외교부 장관', pairs: ['조태열 => 조태율'] },
    { label: 'number widened across its decimal point', mt: '677.4 trillion won', edit: '667.4 trillion won', pairs: ['677.4 => 667.4'] },
    { label: 'apostrophe change keeps the word', mt: "Ban's visit", edit: 'Ban’s visit', pairs: ["Ban's => Ban’s"] },
    { label: 'punctuation only', mt: 'He said.', edit: 'He said:', pairs: ['. => :'] },
    { label: 'whitespace-only change is not a correction', mt: 'a  b\r\nc', edit: 'a b\nc', pairs: [] },
    { label: 'emoji', mt: 'a 👨‍👩‍👧 b', edit: 'a 👨‍👩‍👦 b', pairs: ['👨‍👩‍👧 => 👨‍👩‍👦'] },
    { label: 'case only', mt: 'the king said', edit: 'the King said', pairs: ['king => King'] },
  ];

  it.each(rows)('$label', ({ mt, edit, pairs }) => {
    expect(pairsOf(mt, edit)).toEqual(pairs);
  });

  it('gives offsets into both texts', () => {
    const mt = 'Foreign Minister Cho Tae-yeol held talks';
    const edit = 'Foreign Minister Cho Tae-yul held talks in Beijing';
    expect(deriveCorrections(mt, edit, diffSegment(mt, edit).parts)).toEqual([
      { mtText: 'Tae-yeol', editText: 'Tae-yul', mtStart: 21, mtEnd: 29, editStart: 21, editEnd: 28 },
      { mtText: '', editText: 'in Beijing', mtStart: 40, mtEnd: 40, editStart: 40, editEnd: 50 },
    ]);
  });

  it('works from the coarse diff too', () => {
    const mt = 'Cho Tae-yeol Criticizes';
    const edit = 'Cho Tae-yul Criticizes';
    const { parts } = diffSegment(mt, edit, { maxEditLength: 0 });
    expect(deriveCorrections(mt, edit, parts).map((p) => `${p.mtText} => ${p.editText}`)).toEqual(['Tae-yeol => Tae-yul']);
  });

  it('refuses parts that are not a diff of the two texts', () => {
    const { parts } = diffSegment('King Raises', 'Cho Raises');
    expect(() => deriveCorrections('King Raises', 'Kim Raises', parts)).toThrow(/do not rebuild/);
  });

  it('gives exact, ordered, trimmed, whole-word pairs that account for every change (property)', () => {
    const strip = (s: string) => s.replace(/\s+/gu, '');
    const check = (mt: string, edit: string, pairs: CorrectionPair[]) => {
      let applied = '';
      let mtPos = 0;
      let editPos = 0;
      for (const p of pairs) {
        expect(mt.slice(p.mtStart, p.mtEnd)).toBe(p.mtText);
        expect(edit.slice(p.editStart, p.editEnd)).toBe(p.editText);
        expect(p.mtStart).toBeGreaterThanOrEqual(mtPos);
        expect(p.editStart).toBeGreaterThanOrEqual(editPos);
        expect(p.mtText).not.toBe(p.editText);
        expect(p.mtText).toBe(p.mtText.trim());
        expect(p.editText).toBe(p.editText.trim());
        for (const [text, at] of [[mt, p.mtStart], [mt, p.mtEnd], [edit, p.editStart], [edit, p.editEnd]] as const) {
          expect(isWordBoundary(text, at), `offset ${at} of ${JSON.stringify(text)}`).toBe(true);
        }
        applied += mt.slice(mtPos, p.mtStart) + p.editText;
        mtPos = p.mtEnd;
        editPos = p.editEnd;
      }
      applied += mt.slice(mtPos);
      // Applying the pairs to the MT gives the edit, up to the whitespace-only changes left out.
      expect(strip(applied)).toBe(strip(edit));
    };
    fc.assert(
      fc.property(textPair(), fc.boolean(), ([mt, edit], isCoarse) => {
        const { parts } = diffSegment(mt, edit, isCoarse ? { maxEditLength: 0 } : { timeoutMs: Number.POSITIVE_INFINITY });
        check(mt, edit, deriveCorrections(mt, edit, parts));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('correctionKey', () => {
  const rows: { label: string; mtText: string; key: string }[] = [
    { label: 'already a key', mtText: 'Tae-yeol', key: 'Tae-yeol' },
    { label: 'whitespace collapsed and trimmed', mtText: '  Cho\u00a0 Tae-yeol\n', key: 'Cho Tae-yeol' },
    { label: 'case kept: the king is not King', mtText: 'king', key: 'king' },
    { label: 'empty', mtText: '', key: '' },
  ];
  it.each(rows)('$label', ({ mtText, key }) => {
    expect(correctionKey(mtText)).toBe(key);
  });
});
