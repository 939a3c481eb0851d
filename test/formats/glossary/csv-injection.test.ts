import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Concept, Term } from '../../../src/core/glossary/types.js';
import { exportGlossary, readGlossaryCsv, writeDeeplCsv, writeGlossaryCsv, writeGoogleCsv } from '../../../src/formats/glossary/index.js';
import { cleanTerm, cleanText } from '../../../src/formats/glossary/text.js';
import { EXPORT_NOW } from '../../fixtures/glossary/concepts.js';
import { FORMULA_PAYLOADS } from '../../fixtures/formula-payloads.js';

const provenance = { origin: 'manual', createdBy: 'Min-ji', createdAt: '2026-11-29' };
const term = (text: string, lang: string, status: Term['status'], note?: string): Term => ({ text, lang, status, note });

/** A concept whose every free-text field is `payload`: preferred and deprecated English, the Korean form, both notes. */
function hostile(payload: string): Concept {
  return {
    id: 'c1',
    type: 'person',
    note: payload,
    terms: [term(payload, 'en', 'preferred', payload), term(`${payload} old`, 'en', 'deprecated'), term(`${payload}김`, 'ko', 'preferred')],
    provenance: { ...provenance, createdBy: payload },
  };
}

/** Returns the cells of a CSV text. */
const cells = (csv: string): string[][] => parse(csv, { relax_column_count: true }) as string[][];

/** The cells a spreadsheet would run: text starting (after white space) with =, +, -, @, a tab or a carriage return. */
const formulas = (csv: string): string[] => cells(csv).flat().filter((c) => /^\s*[=+\-@\t\r]/.test(c));

describe('glossary CSV exports neutralise formulas (issue 11)', () => {
  const writers: { label: string; write: (c: readonly Concept[]) => string; expected: (p: string) => string[][] }[] = [
    {
      label: 'Copydesk CSV',
      write: writeGlossaryCsv,
      expected: (p) => {
        const t = `'${cleanTerm(p)}`;
        const n = `'${cleanText(p)}`;
        return [
          ['c1', 'person', 'en', t, 'preferred', n, n, 'manual', '', n, '2026-11-29', '', ''],
          ['c1', 'person', 'en', `${t} old`, 'deprecated', '', n, 'manual', '', n, '2026-11-29', '', ''],
          ['c1', 'person', 'ko', `${t}김`, 'preferred', '', n, 'manual', '', n, '2026-11-29', '', ''],
        ];
      },
    },
    { label: 'DeepL Korean -> English', write: (c) => writeDeeplCsv(c, 'ko-en'), expected: (p) => [[`'${cleanTerm(p)}김`, `'${cleanTerm(p)}`]] },
    { label: 'DeepL corrections', write: (c) => writeDeeplCsv(c, 'en-en'), expected: (p) => [[`'${cleanTerm(p)} old`, `'${cleanTerm(p)}`]] },
    { label: 'Google equivalent term sets', write: (c) => writeGoogleCsv(c, 'equivalent-terms'), expected: (p) => [[`'${cleanTerm(p)}김`, `'${cleanTerm(p)}`, 'noun', `'${cleanText(p)}`]] },
    { label: 'Google unidirectional', write: (c) => writeGoogleCsv(c, 'unidirectional'), expected: (p) => [[`'${cleanTerm(p)}김`, `'${cleanTerm(p)}`]] },
  ];
  const table = writers.flatMap((w) => FORMULA_PAYLOADS.map((payload) => ({ ...w, payload })));

  it.each(table)('$label: a term and note of $payload get a leading quote, quoted', ({ write, expected, payload }) => {
    const csv = write([hostile(payload)]);
    expect(formulas(csv)).toEqual([]);
    const rows = cells(csv);
    expect(rows.slice(rows.length - expected(payload).length)).toEqual(expected(payload));
    // Every neutralised cell is quoted (OWASP's advice): no field starts with a bare quote.
    expect(csv).not.toMatch(/(^|,)'/m);
  });

  it.each(['csv', 'deepl', 'google'] as const)('exportGlossary %s neutralises too (what the web and CLI serve)', (format) => {
    const body = exportGlossary([hostile('=HYPERLINK("http://evil.example","click")')], format, { now: EXPORT_NOW }).body;
    expect(body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")`);
    expect(formulas(body)).toEqual([]);
  });
});

describe('glossary CSV import takes the quote off again (issue 11)', () => {
  it.each([...FORMULA_PAYLOADS, ' =1+1', "'=1", "''+x"])('export -> import of a concept holding %j gives back the same concept and the same file', (payload) => {
    const concept = hostile(payload);
    const csv = writeGlossaryCsv([concept]);
    const read = readGlossaryCsv(csv, undefined, { importedBy: 'Min-ji', now: EXPORT_NOW });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [back] = read.concepts;
    expect(back?.note).toBe(cleanText(payload));
    expect(back?.terms.map((t) => t.text)).toEqual([cleanTerm(payload), `${cleanTerm(payload)} old`, `${cleanTerm(payload)}김`]);
    expect(back?.terms[0]?.note).toBe(cleanText(payload));
    expect(back?.provenance.createdBy).toBe(cleanText(payload));
    expect(writeGlossaryCsv(read.concepts)).toBe(csv);
  });

  it('keeps a leading quote that no writer added', () => {
    const read = readGlossaryCsv("term,status\n'Tis the season,preferred\n=raw,admitted\n");
    expect(read.ok && read.concepts.map((c) => c.terms[0]?.text)).toEqual(["'Tis the season", '=raw']);
  });
});
