import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SHIFT_SEARCH_WORDS, ter, terScore, terWords } from '../../../src/core/metrics/ter.js';

/** Plain word-level Levenshtein distance (no beam, no shifts), the property test's yardstick. */
function levenshtein(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1), (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

const PARAGRAPH_MT =
  'On the 13th (local time), Minister Cho Tae-yul held talks with Wang Yi, member of the Political Bureau of the Communist Party of China Central Committee and Minister of Foreign Affairs, at the Diaoyutai State Guesthouse in Beijing, China.';
const PARAGRAPH_EDIT =
  "On the 13th (local time), Foreign Minister Cho Tae-yul held talks in Beijing with Wang Yi, China's foreign minister and a member of the Political Bureau of the Communist Party of China Central Committee, at the Diaoyutai State Guesthouse.";

describe('ter', () => {
  // Issue 5's reference figures: sacrebleu 2.6.0 TER, white-space tokens, MT as hypothesis.
  const rows: { label: string; mt: string; edit: string; caseSensitive?: boolean; edits: number; words: number; shifts?: number }[] = [
    {
      label: 'issue 5: one substituted word in the corpus headline (King -> Cho)',
      mt: 'King Raises Issues at Meeting with Chinese Foreign Minister',
      edit: 'Cho Raises Issues at Meeting with Chinese Foreign Minister',
      edits: 1, words: 9, shifts: 0,
    },
    { label: 'issue 5: two swapped nouns cost two substitutions', mt: 'the cat sat on the mat', edit: 'the mat sat on the cat', edits: 2, words: 6 },
    { label: 'issue 5: a three-word block moved is one shift', mt: 'a b c d e f', edit: 'd e f a b c', edits: 1, words: 6, shifts: 1 },
    { label: 'issue 5: empty MT, every edited word inserted', mt: '', edit: 'new text', edits: 2, words: 2 },
    { label: 'issue 5: the corpus paragraph, rewritten with moved phrases', mt: PARAGRAPH_MT, edit: PARAGRAPH_EDIT, edits: 15, words: 39 },
    { label: 'issue 5: the same paragraph, case-insensitive (foreign minister)', mt: PARAGRAPH_MT, edit: PARAGRAPH_EDIT, caseSensitive: false, edits: 14, words: 39 },
    {
      label: 'issue 5: the corpus concerns sentence, five word changes',
      mt: "Minister Cho also conveyed concerns to China regarding North Korea's actions that escalate regional tensions",
      edit: "Cho also voiced concern to China about North Korea's actions that raise regional tensions",
      edits: 5, words: 14,
    },
    { label: 'identical texts', mt: 'Cho Tae-yul met Wang Yi.', edit: 'Cho Tae-yul met Wang Yi.', edits: 0, words: 5, shifts: 0 },
    { label: 'only white space differs', mt: '  Cho\tmet\n Wang ', edit: 'Cho met Wang', edits: 0, words: 3 },
    { label: 'case differs, case-sensitive by default', mt: 'Foreign Minister', edit: 'foreign minister', edits: 2, words: 2 },
    { label: 'case differs, ignored on request', mt: 'Foreign Minister', edit: 'foreign minister', caseSensitive: false, edits: 0, words: 2 },
    { label: 'edit empty: every MT word deleted, no reference words', mt: 'Top of page', edit: '', edits: 3, words: 0 },
    { label: 'both empty', mt: '', edit: '   ', edits: 0, words: 0 },
    { label: 'Hangul and punctuation are words like any other', mt: '조태열 장관 met Wang', edit: 'Minister 조태열 met Wang', edits: 2, words: 4 },
  ];

  it.each(rows)('$label', ({ mt, edit, caseSensitive, edits, words, shifts }) => {
    const result = ter(mt, edit, caseSensitive === undefined ? {} : { caseSensitive });
    expect({ edits: result.edits, words: result.words }).toEqual({ edits, words });
    if (shifts !== undefined) expect(result.shifts).toBe(shifts);
    expect(result.isApproximate).toBe(false);
  });

  const scores: { label: string; edits: number; words: number; score: number }[] = [
    { label: 'edits over reference words', edits: 1, words: 9, score: 1 / 9 },
    { label: 'can exceed 1 when the MT is longer than the edit', edits: 7, words: 2, score: 3.5 },
    { label: 'empty edit, non-empty MT: 1 (sacrebleu 2.x)', edits: 3, words: 0, score: 1 },
    { label: 'both empty: 0 (sacrebleu 2.x)', edits: 0, words: 0, score: 0 },
  ];
  it.each(scores)('score: $label', ({ edits, words, score }) => {
    expect(terScore(edits, words)).toBe(score);
  });

  it('reports the score with the edits: 1/9 for the headline', () => {
    expect(ter('King Raises Issues', 'Cho Raises Issues').score).toBeCloseTo(1 / 3, 12);
    expect(ter('Top of page', '').score).toBe(1);
    expect(ter('', '').score).toBe(0);
  });

  it('agrees with sacrebleu 2.6.0 on every generated pair (sacrebleu-ter.py), the candidate budget included', () => {
    type Row = [string, string, boolean, number, number];
    const rowsOfSacrebleu = JSON.parse(readFileSync(new URL('./sacrebleu-ter.json', import.meta.url), 'utf8')) as Row[];
    expect(rowsOfSacrebleu.length).toBeGreaterThan(300);
    const mismatches = rowsOfSacrebleu.flatMap(([hyp, ref, caseSensitive, edits, words], index) => {
      const got = ter(hyp, ref, { caseSensitive });
      return got.edits === edits && got.words === words ? [] : [{ index, hyp, ref, expected: [edits, words], got: [got.edits, got.words] }];
    });
    expect(mismatches).toEqual([]);
  });

  it('splits on white space as Python does: U+0085 and U+001C split, U+FEFF does not', () => {
    expect(terWords('a\u0085b\u001Cc\u00A0d\u2009e')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(terWords('a\uFEFFb')).toEqual(['a\uFEFFb']);
    expect(terWords('Foreign MINISTER', false)).toEqual(['foreign', 'minister']);
    expect(terWords('   ')).toEqual([]);
  });

  it('never exceeds the word Levenshtein distance, is 0 for identical texts and scores edits/words (property)', () => {
    // Under 25 reference words the beam covers the whole matrix, so the beam distance is Levenshtein's.
    const sentence = fc.array(fc.constantFrom('the', 'minister', 'Cho', 'Wang', 'met', 'in', 'Beijing', 'China', '.'), { maxLength: 24 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(sentence, sentence, (mt, edit) => {
        const result = ter(mt, edit);
        const lev = levenshtein(terWords(mt), terWords(edit));
        expect(result.edits).toBeGreaterThanOrEqual(0);
        expect(result.edits).toBeLessThanOrEqual(lev);
        expect(result.edits).toBeLessThanOrEqual(Math.max(result.words, terWords(mt).length));
        expect(result.shifts).toBeLessThanOrEqual(result.edits);
        expect(result.score).toBe(terScore(result.edits, result.words));
        expect(ter(mt, mt).edits).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  // No timing assertion (issue 8): a shift search over 5,000 words would take minutes, so vitest's
  // 20 s test timeout is what catches a lost cap.
  it('finishes two 5,000-word segments quickly, marked approximate (no shift search above the cap)', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${(i * 7919) % 1009}`);
    const edited = [...words.slice(2500), ...words.slice(0, 2500)].map((w, i) => (i % 13 === 0 ? 'changed' : w));
    const result = ter(words.join(' '), edited.join(' '));
    expect(result).toMatchObject({ words: 5000, shifts: 0, isApproximate: true });
    expect(result.edits).toBeGreaterThan(0);
    expect(result.edits).toBeLessThanOrEqual(5000);
  });

  // Regression rows checked against sacrebleu 2.6.0 by hand (its run took minutes): a 40-word
  // rotation lies outside the 25-word beam, so TER can exceed the plain Levenshtein distance (80).
  const longRows: { label: string; length: number; edits: number }[] = [
    { label: 'a 300-word segment rotated by 40 words', length: 300, edits: 300 },
    { label: `a ${MAX_SHIFT_SEARCH_WORDS}-word segment rotated by 40 words (the cap: still exact)`, length: MAX_SHIFT_SEARCH_WORDS, edits: 1980 },
  ];
  it.each(longRows)('matches sacrebleu beyond the beam: $label', ({ length, edits }) => {
    const words = Array.from({ length }, (_, i) => `w${i % 97}`);
    const edited = [...words.slice(40), ...words.slice(0, 40)];
    const result = ter(words.join(' '), edited.join(' '));
    expect(result).toMatchObject({ edits, words: length, isApproximate: false });
  });
});
