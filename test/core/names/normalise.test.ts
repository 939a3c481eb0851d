import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName, normaliseGivenName, slugOf, spellingOf, splitWrittenSyllables } from '../../../src/core/names/normalise.js';

describe('foldName', () => {
  const rows: { label: string; input: string; folded: string }[] = [
    { label: 'lower-cases', input: 'KIM', folded: 'kim' },
    { label: 'folds the MR breve (ŏ -> o, ŭ -> u)', input: 'Sŏgyŏl Hŭi', folded: 'sogyol hui' },
    { label: 'folds the misused caron (ǒ -> o)', input: 'Yǒng', folded: 'yong' },
    { label: 'drops MR apostrophes, straight and typographic', input: "Ch'oe T’ae-u", folded: 'choe tae-u' },
    { label: 'drops the ʻ mark', input: 'Chʻŏl', folded: 'chol' },
    { label: 'keeps hyphens and spaces', input: 'Tae-yeol Cho', folded: 'tae-yeol cho' },
    { label: 'empty', input: '', folded: '' },
  ];
  it.each(rows)('$label', ({ input, folded }) => {
    expect(foldName(input)).toBe(folded);
  });

  it('folds any text as its definition does (NFD, marks and apostrophes dropped, lower case), the quick ASCII path included', () => {
    const piece = fc.constantFrom('Kim', "Ch'oe", 'T’ae', '`', 'ŏ', 'Ǒ', 'Chʻŏl', 'e\u0301', 'İ', 'ß', '조', '👍', '\ud800');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string(), fc.string({ unit: 'binary' })), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(foldName(text)).toBe(text.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’‘ʻʼ`]/gu, '').toLowerCase());
        expect(spellingOf(text)).toBe(text.normalize('NFC').replace(/\s+/gu, ' ').replace(/[’ʼ]/gu, "'").trim());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('normaliseGivenName: "Cheolsoo" = "Cheol-soo" = "Cheol Soo" = "CHEOL-SOO" (reference, matcher fact 1)', () => {
  const rows: { label: string; input: string; normalised: string }[] = [
    { label: 'joined', input: 'Cheolsoo', normalised: 'cheolsoo' },
    { label: 'hyphenated', input: 'Cheol-soo', normalised: 'cheolsoo' },
    { label: 'spaced', input: 'Cheol Soo', normalised: 'cheolsoo' },
    { label: 'ALL-CAPS', input: 'CHEOL-SOO', normalised: 'cheolsoo' },
    { label: 'MR with diacritics and apostrophe', input: "Ch'ŏl-su", normalised: 'cholsu' },
    { label: 'en dash and non-breaking hyphen', input: 'Tae–yul Tae‑yul', normalised: 'taeyultaeyul' },
  ];
  it.each(rows)('$label', ({ input, normalised }) => {
    expect(normaliseGivenName(input)).toBe(normalised);
  });

  it('splits the written syllables at hyphens and spaces', () => {
    expect(splitWrittenSyllables('Gil Dong')).toEqual(['gil', 'dong']);
    expect(splitWrittenSyllables('Seo-gyeol')).toEqual(['seo', 'gyeol']);
    expect(splitWrittenSyllables('Seogyeol')).toEqual(['seogyeol']);
  });
});

describe('spellingOf and slugOf', () => {
  it('keeps case and hyphens in a spelling, but not the kind of apostrophe or white space', () => {
    expect(spellingOf('KIM  Min-su')).toBe('KIM Min-su');
    expect(spellingOf('Cho’s')).toBe("Cho's");
    expect(spellingOf(' Cho\nTae-yul ')).toBe('Cho Tae-yul');
  });

  const rows: { label: string; input: string; slug: string }[] = [
    { label: 'the issue example', input: 'Cho Tae-yul', slug: 'cho-tae-yul' },
    { label: 'given name first', input: 'Cheol-soo Ahn', slug: 'cheol-soo-ahn' },
    { label: 'MR diacritics', input: 'Yun Sŏk-yŏl', slug: 'yun-sok-yol' },
    { label: 'nothing romanized left', input: '조태열', slug: 'person' },
  ];
  it.each(rows)('slug: $label', ({ input, slug }) => {
    expect(slugOf(input)).toBe(slug);
  });
});
