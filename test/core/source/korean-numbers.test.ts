import { describe, expect, it } from 'vitest';
import { findKoreanNumbers, formatEnglishNumber, parseKoreanNumber } from '../../../src/core/source/korean-numbers.js';

describe('parseKoreanNumber', () => {
  it.each([
    ['1조 2천억', 1.2e12],
    ['1조2천억', 1.2e12],
    ['3억5천만', 3.5e8],
    ['3억 5천만', 3.5e8],
    ['2,500억', 2.5e11],
    ['1.5조', 1.5e12],
    ['12만', 1.2e5],
    ['1만 5000', 15000],
    ['677조 4천억', 6.774e14],
    ['이천억', 2e11],
    ['5천만', 5e7],
    ['9억9천9백만', 9.99e8],
  ])('reads %s as %d', (text, value) => {
    expect(parseKoreanNumber(text)).toBe(value);
  });

  it.each([['억'], ['3만 2억'], [''], ['3 4억'], ['abc']])('refuses %j', (text) => {
    expect(parseKoreanNumber(text)).toBeUndefined();
  });
});

describe('findKoreanNumbers', () => {
  it('finds amounts with large units, with exact offsets, and leaves plain numerals', () => {
    const text = '정부는 2024년 예산 1조 2천억 원 가운데 30%를 3억5천만 원씩 나눠 12만 명에게 지급한다.';
    const found = findKoreanNumbers(text);
    expect(found.map((n) => [n.text, n.value])).toEqual([['1조 2천억', 1.2e12], ['3억5천만', 3.5e8], ['12만', 1.2e5]]);
    for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.text);
  });

  it('does not read a law article (제3조) or a word as a number', () => {
    expect(findKoreanNumbers('헌법 제3조 와 제 3조에 따라 이천 명의 조합원')).toEqual([]);
  });

  it('keeps a number apart from the year after it', () => {
    expect(findKoreanNumbers('3억 2024년').map((n) => n.text)).toEqual(['3억']);
  });

  it('never throws on awkward input', () => {
    for (const text of ['', ' ', '1,,,만', '0만', '1'.repeat(400) + '조', '만만만', '3.4.5억', '🙂12억']) expect(() => findKoreanNumbers(text)).not.toThrow();
  });
});

describe('formatEnglishNumber', () => {
  it.each([[1.2e12, '1.2 trillion'], [3.5e8, '350 million'], [1.2e5, '120,000'], [2.5e11, '250 billion'], [6.774e14, '677.4 trillion']])('writes %d as %s', (value, text) => {
    expect(formatEnglishNumber(value)).toBe(text);
  });
});
