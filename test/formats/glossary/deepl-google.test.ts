import { describe, expect, it } from 'vitest';
import type { Concept, Term } from '../../../src/core/glossary/types.js';
import { deeplPairs, googleRecords, readGlossaryCsv, writeDeeplCsv, writeGoogleCsv } from '../../../src/formats/glossary/index.js';
import { FIXTURE_CONCEPTS } from '../../fixtures/glossary/concepts.js';

const provenance = { origin: 'manual', createdBy: 'Min-ji', createdAt: '2026-11-29' };

function concept(id: string, terms: Term[], note?: string): Concept {
  return { id, type: 'person', note, terms, provenance };
}

const en = (text: string, status: Term['status'] = 'preferred'): Term => ({ text, lang: 'en', status });
const ko = (text: string, status: Term['status'] = 'preferred'): Term => ({ text, lang: 'ko', status });

describe('DeepL pairs', () => {
  const rows: { label: string; variant: 'ko-en' | 'en-en'; concepts: Concept[]; pairs: string[]; warnings: string[] }[] = [
    {
      label: 'every Korean form of a concept maps to its preferred English form',
      variant: 'ko-en',
      concepts: [concept('c1', [en('Cho Tae-yul'), en('Cho Tae-yeol', 'deprecated'), ko('조태열'), ko('조 태열', 'admitted')])],
      pairs: ['조태열 -> Cho Tae-yul', '조 태열 -> Cho Tae-yul'],
      warnings: [],
    },
    {
      label: 'a Korean form shared by two concepts (namesakes) keeps the first, and says so',
      variant: 'ko-en',
      concepts: [concept('c1', [en('Kim Jong-un'), ko('김정은')]), concept('c2', [en('Kim Jung-eun'), ko('김정은')])],
      pairs: ['김정은 -> Kim Jong-un'],
      warnings: ['"김정은" is a form of concepts c1 and c2; a glossary can map it to one target only, so "Kim Jong-un" (c1) was kept.'],
    },
    {
      label: 'concepts without a Korean form or without a preferred English form are left out',
      variant: 'ko-en',
      concepts: [concept('c1', [en('Beijing')]), concept('c2', [en('Seoul', 'admitted'), ko('서울')])],
      pairs: [],
      warnings: ['1 concept has no Korean form and was left out.', '1 concept has no preferred English term and was left out.'],
    },
    {
      label: 'an entry longer than DeepL accepts (1024 bytes) is left out',
      variant: 'ko-en',
      concepts: [concept('c1', [en('Long'), ko('가'.repeat(400))]), concept('c2', [en('Seoul'), ko('서울')])],
      pairs: ['서울 -> Seoul'],
      warnings: [`Concept c1: "${'가'.repeat(40)}…" is longer than 1024 bytes and was left out.`],
    },
    {
      label: 'corrections: deprecated forms only (admitted ones may stand), no pair mapping a form to itself',
      variant: 'en-en',
      concepts: [concept('c1', [en('Cho Tae-yul'), en('Minister Cho', 'admitted'), en('Cho Tae-yeol', 'deprecated'), en('Cho Tae-yul', 'deprecated'), ko('조태열')])],
      pairs: ['Cho Tae-yeol -> Cho Tae-yul'],
      warnings: [],
    },
  ];
  it.each(rows)('$label', ({ variant, concepts, pairs, warnings }) => {
    const result = deeplPairs(concepts, variant);
    expect(result.pairs.map((p) => `${p.source} -> ${p.target}`)).toEqual(pairs);
    expect(result.warnings).toEqual(warnings);
  });

  it('writes entries DeepL reads: no header, RFC 4180 quoting, CRLF', () => {
    expect(writeDeeplCsv([concept('c1', [en('Kim, "Jr."'), ko('김')])])).toBe('김,"Kim, ""Jr."""\r\n');
  });
});

describe('Google glossary CSV', () => {
  it('writes equivalent term sets: the preferred Korean form, else the first Korean form, and the note', () => {
    const { records, warnings } = googleRecords([
      concept('c1', [en('Cho Tae-yul'), ko('조 태열', 'admitted'), ko('조태열')], 'Minister,\n"Foreign"'),
      concept('c2', [en('Seoul'), ko('서울', 'admitted')]),
      concept('c3', [en('Beijing')]),
    ]);
    expect(records).toEqual([
      ['ko', 'en', 'pos', 'description'],
      ['조태열', 'Cho Tae-yul', 'noun', 'Minister,\n"Foreign"'],
      ['서울', 'Seoul', 'noun', ''],
    ]);
    expect(warnings).toEqual(['1 concept lacks a Korean form or a preferred English term and was left out.']);
  });

  it('writes unidirectional pairs as DeepL does (Korean -> preferred English, no header)', () => {
    expect(writeGoogleCsv(FIXTURE_CONCEPTS, 'unidirectional')).toBe(writeDeeplCsv(FIXTURE_CONCEPTS, 'ko-en'));
  });
});

describe('two-column and Google files round-trip through import with the suggested mapping', () => {
  const rows = [
    { label: 'DeepL Korean -> English', write: (c: readonly Concept[]) => writeDeeplCsv(c, 'ko-en') },
    { label: 'DeepL corrections', write: (c: readonly Concept[]) => writeDeeplCsv(c, 'en-en') },
    { label: 'Google equivalent term sets', write: (c: readonly Concept[]) => writeGoogleCsv(c, 'equivalent-terms') },
    { label: 'Google unidirectional', write: (c: readonly Concept[]) => writeGoogleCsv(c, 'unidirectional') },
  ];
  it.each(rows)('$label: export -> import -> export is identical', ({ write }) => {
    const file = write(FIXTURE_CONCEPTS);
    const read = readGlossaryCsv(file);
    if (!read.ok) throw new Error(read.message);
    expect(write(read.concepts)).toBe(file);
  });
});
