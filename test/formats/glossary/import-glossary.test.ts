import { describe, expect, it } from 'vitest';
import {
  MAX_GLOSSARY_BYTES,
  exportGlossary,
  importGlossary,
  sniffGlossaryFormat,
  type GlossaryExportFormat,
  type GlossaryImportFormat,
} from '../../../src/formats/glossary/index.js';
import { EXPORT_NOW, FIXTURE_CONCEPTS } from '../../fixtures/glossary/concepts.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('importGlossary: export -> import -> export gives the same file', () => {
  const rows: { format: GlossaryExportFormat & GlossaryImportFormat }[] = [{ format: 'tbx' }, { format: 'csv' }, { format: 'json' }];
  it.each(rows)('$format, uploaded as bytes, format sniffed', ({ format }) => {
    const file = exportGlossary(FIXTURE_CONCEPTS, format, { now: EXPORT_NOW }).body;
    const read = importGlossary(utf8(file), { importedBy: 'Seo-yeon', now: '2026-12-01T00:00:00Z', sourceName: `glossary.${format}` });
    expect(read).toMatchObject({ ok: true, format, warnings: [] });
    if (!read.ok) return;
    expect(read.concepts).toEqual(FIXTURE_CONCEPTS);
    expect(exportGlossary(read.concepts, format, { now: EXPORT_NOW }).body).toBe(file);
  });

  it('loses nothing between formats: TBX -> CSV -> JSON -> TBX gives the first TBX file', () => {
    const tbx = exportGlossary(FIXTURE_CONCEPTS, 'tbx', { now: EXPORT_NOW }).body;
    let concepts = FIXTURE_CONCEPTS;
    for (const format of ['tbx', 'csv', 'json'] as const) {
      const read = importGlossary(exportGlossary(concepts, format, { now: EXPORT_NOW }).body);
      if (!read.ok) throw new Error(read.message);
      expect(read.format).toBe(format);
      concepts = read.concepts;
    }
    expect(exportGlossary(concepts, 'tbx', { now: EXPORT_NOW }).body).toBe(tbx);
  });

  it('reads a CSV with the mapping chosen in the form', () => {
    const read = importGlossary(utf8('Cho Tae-yeol;Cho Tae-yul\n'), { mapping: { delimiter: ';', hasHeader: false, columns: ['deprecated', 'preferred'] } });
    expect(read.ok && read.concepts[0]?.terms).toEqual([
      { text: 'Cho Tae-yul', lang: 'en', status: 'preferred', note: undefined },
      { text: 'Cho Tae-yeol', lang: 'en', status: 'deprecated', note: undefined },
    ]);
  });

  it('reads TBX saved as UTF-16 with a BOM (MultiTerm, older Trados)', () => {
    const tbx = exportGlossary(FIXTURE_CONCEPTS, 'tbx', { now: EXPORT_NOW }).body.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const bytes = new Uint8Array(2 + tbx.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < tbx.length; i += 1) new DataView(bytes.buffer).setUint16(2 + i * 2, tbx.charCodeAt(i), true);
    const read = importGlossary(bytes);
    expect(read.ok && read.concepts).toEqual(FIXTURE_CONCEPTS);
  });
});

describe('sniffGlossaryFormat', () => {
  const rows: { label: string; text: string; format: GlossaryImportFormat }[] = [
    { label: 'TBX', text: '<?xml version="1.0"?><tbx/>', format: 'tbx' },
    { label: 'TBX after a BOM and blank lines', text: '\uFEFF\n\n  <martif/>', format: 'tbx' },
    { label: 'JSON', text: ' {"format": "copydesk-glossary"}', format: 'json' },
    { label: 'CSV', text: 'concept_id,term\n', format: 'csv' },
    { label: 'a DeepL file starting with Hangul', text: '조태열,Cho Tae-yul\n', format: 'csv' },
  ];
  it.each(rows)('$label is $format', ({ text, format }) => {
    expect(sniffGlossaryFormat(text)).toBe(format);
  });
});

describe('importGlossary refuses files that are not glossaries, before parsing them', () => {
  const rows: { label: string; bytes: Uint8Array; message: RegExp; line?: number }[] = [
    { label: 'an empty file', bytes: new Uint8Array(0), message: /^The file is empty/ },
    { label: 'an Excel workbook (a ZIP archive)', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), message: /^The file is a ZIP archive .*CSV UTF-8/ },
    { label: 'binary data with a NUL byte on line 3', bytes: new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0x00, 0x01]), message: /^The file is not a text file \(Line 3 holds a NUL byte\)/, line: 3 },
    { label: 'Latin-1 text (not UTF-8), naming the line', bytes: new Uint8Array([...utf8('term\nSeoul\nS'), 0xe9, ...utf8('oul\n')]), message: /^Line 3 holds a byte that is not UTF-8 \(byte 13 of the file\)/, line: 3 },
    { label: 'an XML bomb, even as bytes', bytes: utf8('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<x>&a;</x>'), message: /^Line 2 declares a DOCTYPE/, line: 2 },
    { label: 'a CSV with a short row', bytes: utf8('term,status\nSeoul,preferred\nBusan\n'), message: /^Line 3 has 1 field, the header has 2/, line: 3 },
  ];
  it.each(rows)('$label', ({ bytes, message, line }) => {
    expect(importGlossary(bytes)).toEqual(line === undefined ? { ok: false, message: expect.stringMatching(message) } : { ok: false, message: expect.stringMatching(message), line });
  });

  it('refuses a 50 MB upload by its size alone, before decoding it', () => {
    // A NUL byte and a non-UTF-8 byte on line 1: had the bytes been decoded first, one of them would be the message.
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    bytes[1] = 0x00;
    bytes[2] = 0xe9;
    const read = importGlossary(bytes);
    expect(read).toEqual({ ok: false, message: 'The file is 50 MB; glossary files over 32 MB are refused. Split it into smaller files, or export only the concepts you need.' });
  });

  it('accepts a file of exactly MAX_GLOSSARY_BYTES and refuses one byte more', () => {
    const line = 'term\n';
    const atLimit = new Uint8Array(MAX_GLOSSARY_BYTES).fill(0x20);
    atLimit.set(utf8(line));
    expect(importGlossary(atLimit).ok).toBe(true);
    const over = new Uint8Array(MAX_GLOSSARY_BYTES + 1).fill(0x20);
    expect(importGlossary(over)).toEqual({ ok: false, message: expect.stringMatching(/^The file is 33,554,433 bytes; glossary files over 32 MB are refused/) });
  });
});
