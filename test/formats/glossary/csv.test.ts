import { describe, expect, it } from 'vitest';
import type { Concept } from '../../../src/core/glossary/types.js';
import {
  importCsv,
  previewCsv,
  readGlossaryCsv,
  writeDeeplCsv,
  writeGlossaryCsv,
  writeGoogleCsv,
  type CsvColumnRole,
  type CsvMapping,
} from '../../../src/formats/glossary/index.js';
import { EXPORT_NOW, FIXTURE_CONCEPTS } from '../../fixtures/glossary/concepts.js';

/** A compact view of concepts for assertions: "id type: lang:status:text, …". */
function summary(concepts: readonly Concept[]): string[] {
  return concepts.map((c) => `${c.id} ${c.type}: ${c.terms.map((t) => `${t.lang}:${t.status}:${t.text}`).join(', ')}`);
}

const importOptions = { importedBy: 'Min-ji', now: EXPORT_NOW, sourceName: 'upload.csv' };

describe('writeGlossaryCsv / readGlossaryCsv', () => {
  it('writes the documented header, one row per term', () => {
    const csv = writeGlossaryCsv(FIXTURE_CONCEPTS);
    const [header, first] = csv.split('\r\n');
    expect(header).toBe('concept_id,type,lang,term,status,term_note,concept_note,origin,created_from,created_by,created_at,modified_by,modified_at');
    expect(first).toBe(
      'c1,person,en,Cho Tae-yul,preferred,Spelling used by the foreign ministry.,Foreign minister since January 2024.,flag,Cho Tae-yul in Beijing: forced repatriation (article 1),Min-ji,2026-11-20T09:15:00.000Z,Seo-yeon,2026-11-28T16:40:00.000Z',
    );
  });

  it('reads back exactly what it wrote: export -> import -> export is byte-identical', () => {
    const csv = writeGlossaryCsv(FIXTURE_CONCEPTS);
    const read = readGlossaryCsv(csv, undefined, importOptions);
    expect(read).toMatchObject({ ok: true, warnings: [] });
    if (!read.ok) return;
    expect(read.concepts).toEqual(FIXTURE_CONCEPTS);
    expect(writeGlossaryCsv(read.concepts)).toBe(csv);
  });

  it('writes an empty glossary as the header alone, and reads that back as no concepts', () => {
    const csv = writeGlossaryCsv([]);
    expect(csv).toBe('concept_id,type,lang,term,status,term_note,concept_note,origin,created_from,created_by,created_at,modified_by,modified_at\r\n');
    expect(readGlossaryCsv(csv)).toEqual({ ok: true, concepts: [], warnings: ['The file holds a header but no rows.'] });
  });
});

describe('previewCsv suggests a mapping from the header or, without one, from the cells', () => {
  const rows: { label: string; text: string; header: string[] | undefined; columns: CsvColumnRole[]; delimiter?: string; rowCount: number }[] = [
    {
      label: "Copydesk's own CSV",
      text: writeGlossaryCsv(FIXTURE_CONCEPTS),
      header: ['concept_id', 'type', 'lang', 'term', 'status', 'term_note', 'concept_note', 'origin', 'created_from', 'created_by', 'created_at', 'modified_by', 'modified_at'],
      columns: ['concept_id', 'type', 'lang', 'term', 'status', 'note', 'concept_note', 'origin', 'created_from', 'created_by', 'created_at', 'modified_by', 'modified_at'],
      rowCount: 16,
    },
    { label: 'DeepL Korean -> English (no header, Hangul first)', text: writeDeeplCsv(FIXTURE_CONCEPTS), header: undefined, columns: ['korean', 'preferred'], rowCount: 4 },
    { label: 'DeepL corrections (no header, English first)', text: writeDeeplCsv(FIXTURE_CONCEPTS, 'en-en'), header: undefined, columns: ['deprecated', 'preferred'], rowCount: 5 },
    { label: "DeepL's UI export with language columns", text: '조태열,Cho Tae-yul,ko,en\n외교부,Ministry of Foreign Affairs,ko,en\n', header: undefined, columns: ['korean', 'preferred', 'ignore', 'ignore'], rowCount: 2 },
    { label: 'Google equivalent term sets', text: writeGoogleCsv(FIXTURE_CONCEPTS), header: ['ko', 'en', 'pos', 'description'], columns: ['korean', 'preferred', 'ignore', 'concept_note'], rowCount: 4 },
    { label: 'a source,target header over English sources', text: 'Source,Target\nCho Tae-yeol,Cho Tae-yul\n', header: ['Source', 'Target'], columns: ['deprecated', 'preferred'], rowCount: 1 },
    { label: 'a source,target header over Korean sources', text: 'source,target\n조태열,Cho Tae-yul\n', header: ['source', 'target'], columns: ['korean', 'preferred'], rowCount: 1 },
    {
      label: 'a semicolon file (European Excel) with a note column in a one-concept-per-row layout',
      text: 'English;Korean;Forbidden;Note\nCho Tae-yul;조태열;Cho Tae-yeol|Cho Tae-yoel;minister\n',
      header: ['English', 'Korean', 'Forbidden', 'Note'],
      columns: ['preferred', 'korean', 'deprecated', 'concept_note'],
      delimiter: ';',
      rowCount: 1,
    },
    { label: 'a TSV with a BOM and CRLF', text: '\uFEFFTerm\tStatus\tComment\r\nSeoul\tpreferred\t\r\n', header: ['Term', 'Status', 'Comment'], columns: ['term', 'status', 'note'], delimiter: '\t', rowCount: 1 },
    { label: 'unknown column names: no header, the first column is the term', text: 'Seoul,capital,x\nBusan,port,y\n', header: undefined, columns: ['term', 'ignore', 'ignore'], rowCount: 2 },
    {
      label: 'a term column beside language columns: one term per row wins, the rest ignored',
      text: 'term,en,description\nSeoul,Seoul,capital\n',
      header: ['term', 'en', 'description'],
      columns: ['term', 'ignore', 'concept_note'],
      rowCount: 1,
    },
  ];
  it.each(rows)('$label', ({ text, header, columns, delimiter, rowCount }) => {
    const preview = previewCsv(text);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.header).toEqual(header);
    expect(preview.suggested.columns).toEqual(columns);
    expect(preview.suggested.hasHeader).toBe(header !== undefined);
    expect(preview.delimiter).toBe(delimiter ?? ',');
    expect(preview.rowCount).toBe(rowCount);
  });

  it('shows only the first rows asked for', () => {
    const preview = previewCsv(writeGlossaryCsv(FIXTURE_CONCEPTS), 2);
    expect(preview.ok && preview.rows.map((r) => r[3])).toEqual(['Cho Tae-yul', 'Minister Cho']);
  });
});

describe('importCsv builds concepts with the chosen mapping', () => {
  const rows: { label: string; text: string; mapping?: CsvMapping; concepts: string[]; warnings?: string[] }[] = [
    {
      label: 'a DeepL Korean -> English file: Korean form and preferred English, one concept per row',
      text: writeDeeplCsv(FIXTURE_CONCEPTS),
      concepts: ['c1 term: en:preferred:Cho Tae-yul, ko:preferred:조태열', 'c2 term: en:preferred:Ministry of Foreign Affairs, ko:preferred:외교부', 'c3 term: en:preferred:forced repatriation, ko:preferred:강제북송', 'c4 term: en:preferred:Prime Minister, ko:preferred:국무총리'],
    },
    {
      label: 'the same file read as corrections (the editor chose deprecated for the first column)',
      text: 'Cho Tae-yeol,Cho Tae-yul\n',
      mapping: { delimiter: ',', hasHeader: false, columns: ['deprecated', 'preferred'] },
      concepts: ['c1 term: en:preferred:Cho Tae-yul, en:deprecated:Cho Tae-yeol'],
    },
    {
      label: 'variants separated by "|", and a type column',
      text: 'preferred,deprecated,admitted,ko,type\nCho Tae-yul,Cho Tae-yeol | Jo Tae-yeol,Minister Cho,조태열,Person\n',
      concepts: ['c1 person: en:preferred:Cho Tae-yul, en:admitted:Minister Cho, en:deprecated:Cho Tae-yeol, en:deprecated:Jo Tae-yeol, ko:preferred:조태열'],
    },
    {
      label: 'term rows grouped by concept id, rows without one each a concept, statuses and languages filled in',
      text: 'id,term,status,lang\n7,Seoul,,\n7,Soul,deprecated,\n,Busan,,en\n7,서울,,\n,Incheon,forbidden,EN-us\n',
      concepts: ['c7 term: en:preferred:Seoul, en:deprecated:Soul, ko:preferred:서울', 'c1 term: en:preferred:Busan', 'c2 term: en:deprecated:Incheon'],
      warnings: [
        '3 terms had no status: the first of a concept\'s terms in a language was taken as preferred, the others as admitted.',
        '3 terms had no language: Hangul was taken as Korean ("ko"), the rest as English ("en").',
        '1 numeric concept id was prefixed with "c" ("12" became "c12"): ids must start with a letter.',
      ],
    },
    {
      label: 'a header-only one-column list of terms, blank lines and empty records skipped',
      text: 'term\n\nSeoul\n,\n\nBusan\n',
      concepts: ['c1 term: en:preferred:Seoul', 'c2 term: en:preferred:Busan'],
      warnings: ["2 terms had no status: the first of a concept's terms in a language was taken as preferred, the others as admitted."],
    },
  ];
  it.each(rows)('$label', ({ text, mapping, concepts, warnings }) => {
    const read = mapping === undefined ? readGlossaryCsv(text, undefined, importOptions) : importCsv(text, mapping, importOptions);
    if (!read.ok) throw new Error(read.message);
    expect(summary(read.concepts)).toEqual(concepts);
    expect(read.warnings).toEqual(warnings ?? []);
    expect(read.concepts[0]?.provenance).toEqual({ origin: 'import', source: 'upload.csv', createdBy: 'Min-ji', createdAt: EXPORT_NOW, modifiedBy: undefined, modifiedAt: undefined });
  });
});

describe('importCsv refuses a bad file whole, naming the line', () => {
  const header = 'concept_id,type,lang,term,status,term_note';
  const rows: { label: string; text: string; mapping?: CsvMapping; message: RegExp; line?: number }[] = [
    {
      label: 'a row with too few fields',
      text: `${header}\nc1,person,en,Cho Tae-yul,preferred,\nc1,person,en,Cho,admitted,\nc2,place,en,Seoul,preferred,\n\nc3,place,en,Busan,preferred,\nc4,place,Incheon,preferred\n`,
      message: /^Line 7 has 4 fields, the header has 6\. Check for a missing or extra delimiter/,
      line: 7,
    },
    {
      label: 'a row with too many fields after a quoted line break (lines counted as in the file)',
      text: `${header}\nc1,person,en,Cho,preferred,"two\nlines"\nc2,place,en,Seoul,preferred,,extra\n`,
      message: /^Line 4 has 7 fields, the header has 6/,
      line: 4,
    },
    {
      label: 'without a header, the count is compared with line 1',
      text: 'Cho Tae-yeol,Cho Tae-yul\nPeking,Beijing,x\n',
      message: /^Line 2 has 3 fields, line 1 has 2/,
      line: 2,
    },
    { label: 'an unknown status', text: `${header}\nc1,person,en,Cho,preferred,\nc1,person,en,Jo,wrong,\n`, message: /^Line 3: "wrong" is not a term status\. Use preferred, admitted or deprecated/, line: 3 },
    { label: 'an empty term', text: `${header}\nc1,person,en,  ,preferred,\n`, message: /^Line 2: the term is empty/, line: 2 },
    { label: 'a row with no term in any term column', text: 'preferred,ko,type\nSeoul,서울,place\n,,person\n', message: /^Line 3 has no term in any of its term columns/, line: 3 },
    { label: 'an unknown type', text: `${header}\nc1,celebrity,en,Cho,preferred,\n`, message: /^Line 2: "celebrity" is not a concept type\. Use person, organisation, place, title, term/, line: 2 },
    { label: 'a language that is not a code', text: `${header}\nc1,person,English (US),Cho,preferred,\n`, message: /^Line 2: "English \(US\)" is not a language code/, line: 2 },
    { label: 'an unusable concept id', text: `${header}\nc 1,person,en,Cho,preferred,\n`, message: /^Line 2: the concept id "c 1" cannot be used/, line: 2 },
    { label: 'a date that is not ISO 8601', text: 'term,created_at\nSeoul,29/11/2026\n', message: /^Line 2: created_at "29\/11\/2026" is not an ISO 8601 date/, line: 2 },
    { label: 'two rows of one concept that disagree', text: `${header}\nc1,person,en,Cho,preferred,\nc1,place,en,Jo,deprecated,\n`, message: /^Line 3 gives concept c1 the type "place", but line 2 gave it "person"/, line: 3 },
    { label: 'a quote opened and never closed (the line where it opens)', text: `${header}\nc1,person,en,"Cho,preferred,\nc2,place,en,Seoul,preferred,\n`, message: /^Line 2: a quoted field starts here and is never closed/, line: 2 },
    { label: 'text after a closing quote', text: `${header}\nc1,person,en,"Cho" Tae-yul,preferred,\n`, message: /^Line 2: text follows the quote that closes a field/, line: 2 },
    { label: 'binary data', text: 'PK\u0003\u0004\u0000\u0000\u0008', message: /^The file is not a text file/, line: 1 },
    { label: 'an empty file', text: '', message: /^The file is empty/ },
    { label: 'only blank rows', text: '\n\n,,\n', message: /^The file holds only blank rows/ },
    { label: 'a mapping giving two columns the term', text: 'a,b\nx,y\n', mapping: { delimiter: ',', hasHeader: true, columns: ['term', 'term'] }, message: /^Columns 1 and 2 are both mapped to "term"/ },
    { label: 'a mapping mixing the two layouts', text: 'a,b\nx,y\n', mapping: { delimiter: ',', hasHeader: true, columns: ['term', 'preferred'] }, message: /mixes one-term-per-row columns/ },
    { label: 'a mapping with no term column', text: 'a,b\nx,y\n', mapping: { delimiter: ',', hasHeader: true, columns: ['type', 'ignore'] }, message: /^No column holds terms/ },
    { label: 'a mapping for a different number of columns', text: 'a,b,c\nx,y,z\n', mapping: { delimiter: ',', hasHeader: true, columns: ['term', 'status'] }, message: /^The mapping gives roles to 2 columns, but the file has 3/ },
  ];
  it.each(rows)('$label', ({ text, mapping, message, line }) => {
    const read = mapping === undefined ? readGlossaryCsv(text) : importCsv(text, mapping);
    expect(read).toEqual(line === undefined ? { ok: false, message: expect.stringMatching(message) } : { ok: false, message: expect.stringMatching(message), line });
  });

  it('refuses a 50 MB text by its length, before parsing it', () => {
    // Line 2 is broken CSV (an unclosed quote): had the text been parsed first, that would be the message.
    const huge = `term\n"Seoul\n${'Seoul\n'.repeat(9 * 1024 * 1024)}`;
    expect(readGlossaryCsv(huge)).toEqual({ ok: false, message: expect.stringMatching(/^The file is 54 MB; glossary files over 32 MB are refused/) });
  });
});
