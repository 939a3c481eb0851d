import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula, restoreFormula, SAFE_CSV_CAST } from '../../src/formats/csv-safe.js';
import { FORMULA_PAYLOADS } from '../fixtures/formula-payloads.js';

describe('neutraliseFormula / restoreFormula (issue 11, OWASP "CSV Injection")', () => {
  const rows: { label: string; text: string; written: string }[] = [
    ...FORMULA_PAYLOADS.map((text) => ({ label: `issue 11 payload ${JSON.stringify(text)}`, text, written: `'${text}` })),
    { label: 'white space before a formula', text: ' =1+1', written: "' =1+1" },
    { label: 'a line break before a formula', text: '\n=1', written: "'\n=1" },
    { label: 'a tab alone', text: '\tx', written: "'\tx" },
    { label: 'a fullwidth equals sign (Apple Numbers folds it)', text: '＝1+1', written: "'＝1+1" },
    { label: 'a cell that is already quote-then-formula gets one more, so the import gives it back', text: "'=1", written: "''=1" },
    { label: 'looks suspicious but is fine: a sign inside the text', text: 'Cho Tae-yul = minister, 1+1', written: 'Cho Tae-yul = minister, 1+1' },
    { label: 'looks suspicious but is fine: a leading apostrophe before a word', text: "'Tis the season", written: "'Tis the season" },
    { label: 'looks suspicious but is fine: Hangul, spaces, empty', text: ' 조태열', written: ' 조태열' },
    { label: 'empty', text: '', written: '' },
  ];
  it.each(rows)('$label', ({ text, written }) => {
    expect(neutraliseFormula(text)).toBe(written);
    expect(restoreFormula(written)).toBe(text);
  });

  it('restoreFormula leaves cells alone that no writer neutralised', () => {
    expect(restoreFormula("'Tis")).toBe("'Tis");
    expect(restoreFormula('=1')).toBe('=1');
    expect(restoreFormula("x'=1")).toBe("x'=1");
  });

  it('SAFE_CSV_CAST quotes a neutralised text cell and leaves numbers, negative ones too, as numbers', () => {
    const csv = stringify([['=1+1', -2.5, 'plain', '\r=1', null]], { cast: SAFE_CSV_CAST, record_delimiter: '\r\n' });
    expect(csv).toBe(`"'=1+1",-2.5,plain,"'\r=1",\r\n`);
  });
});
