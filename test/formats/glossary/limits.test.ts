/**
 * Security issue 11: every limit the concept form enforces (term length, number of terms, note
 * length) holds for every glossary file too, whichever format and whichever way in (the web import
 * and `copydesk glossary import` both go through these readers).
 */
import { describe, expect, it } from 'vitest';
import { MAX_NOTE_CHARS, MAX_TERM_CHARS, MAX_TERMS } from '../../../src/core/glossary/limits.js';
import type { Concept, Term } from '../../../src/core/glossary/types.js';
import { exportGlossary, importCsv, importGlossary, type GlossaryImportFormat } from '../../../src/formats/glossary/index.js';
import { MAX_NOTE_CHARS as FORM_MAX_NOTE_CHARS, MAX_TERM_CHARS as FORM_MAX_TERM_CHARS, MAX_TERMS as FORM_MAX_TERMS } from '../../../src/web/forms/concept-form.js';
import { EXPORT_NOW } from '../../fixtures/glossary/concepts.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** One person concept, the preferred term first, with what the row changes. */
function concept(changes: { terms?: Term[]; note?: string } = {}): Concept {
  return {
    id: 'c1',
    type: 'person',
    note: changes.note,
    terms: changes.terms ?? [
      { text: 'Cho Tae-yul', lang: 'en', status: 'preferred' },
      { text: 'Cho Tae-yeol', lang: 'en', status: 'deprecated' },
    ],
    provenance: { origin: 'manual', createdBy: 'Min-ji', createdAt: '2026-11-20T09:15:00.000Z' },
  };
}

/** The second term made `text` (the first stays a normal name, so the row names the term that is too long). */
function withSecondTerm(text: string, note?: string): Concept {
  return concept({ terms: [{ text: 'Cho Tae-yul', lang: 'en', status: 'preferred' }, { text, lang: 'en', status: 'deprecated', note }] });
}

function manyTerms(count: number): Concept {
  return concept({ terms: Array.from({ length: count }, (_, i): Term => ({ text: `Cho Tae-yul ${i}`, lang: 'en', status: i === 0 ? 'preferred' : 'admitted' })) });
}

/** Writes the concept in `format` and reads the file back, as an upload (bytes, format sniffed). */
function roundTrip(format: GlossaryImportFormat, c: Concept) {
  return importGlossary(utf8(exportGlossary([c], format, { now: EXPORT_NOW }).body), { importedBy: 'Seo-yeon', now: EXPORT_NOW, sourceName: `g.${format}` });
}

const FORMATS: readonly GlossaryImportFormat[] = ['tbx', 'csv', 'json'];

describe('glossary imports enforce the concept form\'s limits', () => {
  it('uses the same limits as the concept form (one definition, in core)', () => {
    expect([FORM_MAX_TERM_CHARS, FORM_MAX_TERMS, FORM_MAX_NOTE_CHARS]).toEqual([MAX_TERM_CHARS, MAX_TERMS, MAX_NOTE_CHARS]);
  });

  const refused: { label: string; concept: () => Concept; message: RegExp }[] = [
    {
      label: 'a 1,000,000-character term (issue 11, through the CLI)',
      concept: () => withSecondTerm('x'.repeat(1_000_000)),
      message: /the term “x{40}…” is 1,000,000 characters long; terms are limited to 200 characters/,
    },
    {
      label: 'a 5 MB term (issue 11, through the web import)',
      concept: () => withSecondTerm('y'.repeat(5 * 1024 * 1024)),
      message: /the term “y{40}…” is 5,242,880 characters long; terms are limited to 200 characters/,
    },
    { label: 'a term one character over the limit', concept: () => withSecondTerm('z'.repeat(MAX_TERM_CHARS + 1)), message: /is 201 characters long; terms are limited to 200/ },
    { label: 'a Korean term over the limit', concept: () => concept({ terms: [{ text: 'Cho Tae-yul', lang: 'en', status: 'preferred' }, { text: '조'.repeat(MAX_TERM_CHARS + 1), lang: 'ko', status: 'preferred' }] }), message: /terms are limited to 200 characters/ },
    { label: 'more terms than a concept holds', concept: () => manyTerms(MAX_TERMS + 1), message: /the concept has 51 terms; a concept holds at most 50/ },
    { label: 'a concept note over the limit', concept: () => concept({ note: 'n'.repeat(MAX_NOTE_CHARS + 1) }), message: /the concept's note is 2,001 characters long; notes are limited to 2,000 characters/ },
    { label: 'a term note over the limit', concept: () => withSecondTerm('Cho Tae-yeol', 'n'.repeat(MAX_NOTE_CHARS + 1)), message: /the note of the term “Cho Tae-yeol” is 2,001 characters long/ },
  ];
  for (const format of FORMATS) {
    it.each(refused)(`${format}: refuses the file over $label, naming where and the limit`, ({ concept: make, message }) => {
      const read = roundTrip(format, make());
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.message).toMatch(message);
      // Where: the entry's line in TBX, the term's row in CSV, the concept's path in JSON.
      if (format === 'json') expect(read.message).toMatch(/^concepts\[0\] \(c1\)(\.terms\[\d+\])?: /);
      else expect(read.message).toMatch(new RegExp(`^Line ${read.line}: `));
    });
  }

  it('csv: names the row of the term that is too long, not the concept\'s first row', () => {
    const file = exportGlossary([withSecondTerm('x'.repeat(1_000_000))], 'csv', { now: EXPORT_NOW }).body;
    // Line 1 is the header, 2 the preferred term, 3 the long one.
    expect(importGlossary(file)).toMatchObject({ ok: false, line: 3, message: expect.stringMatching(/^Line 3: the term “x/) });
  });

  it('csv: the mapping chosen in the web form (importCsv) is held to the same limits', () => {
    const text = `Cho Tae-yul;${'x'.repeat(MAX_TERM_CHARS + 1)}\n`;
    expect(importCsv(text, { delimiter: ';', hasHeader: false, columns: ['preferred', 'deprecated'] })).toMatchObject({ ok: false, line: 1, message: expect.stringMatching(/^Line 1: the term .* is 201 characters long/) });
  });

  const accepted: { label: string; concept: () => Concept }[] = [
    { label: 'a term of exactly 200 characters', concept: () => withSecondTerm('w'.repeat(MAX_TERM_CHARS)) },
    { label: 'exactly 50 terms', concept: () => manyTerms(MAX_TERMS) },
    { label: 'a note of exactly 2,000 characters', concept: () => concept({ note: 'n'.repeat(MAX_NOTE_CHARS) }) },
  ];
  for (const format of FORMATS) {
    it.each(accepted)(`${format}: accepts $label`, ({ concept: make }) => {
      const c = make();
      const read = roundTrip(format, c);
      expect(read).toMatchObject({ ok: true });
      if (!read.ok) return;
      expect(read.concepts[0]?.terms.map((t) => t.text)).toEqual(c.terms.map((t) => t.text));
    });
  }
});
