import { describe, expect, it } from 'vitest';
import { decomposeSyllable, romanizeSyllable } from '../../../src/core/source/hangul.js';
import {
  findHangulNames, isGivenSpelling, isSurnameSpelling, popularSurname, romanizeName, surnameSpellings, syllableSpellings, withLiaison,
} from '../../../src/core/source/hangul-names.js';

describe('romanizeSyllable (RR, one syllable at a time)', () => {
  it.each([
    ['조', 'jo'], ['태', 'tae'], ['열', 'yeol'], ['석', 'seok'], ['윤', 'yun'], ['최', 'choe'], ['희', 'hui'], ['꽃', 'kkot'],
    ['닭', 'dak'], ['값', 'gap'], ['을', 'eul'], ['룡', 'ryong'], ['왕', 'wang'], ['쫑', 'jjong'], ['가', 'ga'], ['힣', 'hit'],
  ])('%s -> %s', (syllable, rr) => {
    expect(romanizeSyllable(syllable)).toBe(rr);
  });

  it('decomposes by Unicode arithmetic and refuses what is not a syllable', () => {
    expect(decomposeSyllable('가')).toEqual({ initial: 0, medial: 0, final: 0 });
    expect(decomposeSyllable('힣')).toEqual({ initial: 18, medial: 20, final: 27 });
    expect(decomposeSyllable('ㄱ')).toBeUndefined();
    expect(romanizeSyllable('A')).toBe('');
  });
});

describe('surname and given-name spellings', () => {
  it('takes surnames from the reference table, popular form first', () => {
    expect(popularSurname('이')).toBe('Lee');
    expect(popularSurname('박')).toBe('Park');
    expect(popularSurname('최')).toBe('Choi');
    expect(popularSurname('조')).toBe('Cho');
    expect(surnameSpellings('이')).toEqual(expect.arrayContaining(['i', 'yi', 'lee', 'rhee']));
    expect(isSurnameSpelling('조', 'Cho')).toBe(true);
    expect(isSurnameSpelling('조', 'JO')).toBe(true);
    expect(isSurnameSpelling('조', 'Jung')).toBe(false);
    expect(isSurnameSpelling('정', 'Jung')).toBe(true);
    expect(isSurnameSpelling('성', 'Sung')).toBe(true);
  });

  it('spells given names syllable by syllable, RR and popular forms', () => {
    expect(syllableSpellings('열')).toEqual(expect.arrayContaining(['yeol', 'yul', 'yol']));
    expect(isGivenSpelling('태열', ['tae', 'yul'])).toBe(true);
    expect(isGivenSpelling('태열', ['tae', 'yeol'])).toBe(true);
    expect(isGivenSpelling('태열', ['taeyul'])).toBe(true);
    expect(isGivenSpelling('태열', ['tae', 'il'])).toBe(false);
    expect(isGivenSpelling('태열', ['dae', 'yul'])).toBe(false); // 대, not 태: another name
    expect(isGivenSpelling('태열', ['tae'])).toBe(false);
    expect(isGivenSpelling('현동', ['hyun', 'dong'])).toBe(true);
    expect(isGivenSpelling('철수', ['chul', 'soo'])).toBe(true);
  });

  it('accepts the liaison spelling (석열 -> Seo-gyeol)', () => {
    expect(withLiaison(['석', '열'])).toEqual(['서', '결']);
    expect(isGivenSpelling('석열', ['seo', 'gyeol'])).toBe(true);
    expect(isGivenSpelling('석열', ['suk', 'yeol'])).toBe(true);
  });

  it('suggests the popular surname with the RR given name', () => {
    expect(romanizeName({ start: 0, end: 3, surname: '조', given: '태열', evidence: 'title' })).toBe('Cho Tae-yeol');
    expect(romanizeName({ start: 0, end: 1, surname: '한', given: '', evidence: 'title' })).toBe('Han');
  });
});

describe('findHangulNames', () => {
  const names = (text: string, known?: ReadonlySet<string>) => findHangulNames(text, known).map((n) => `${n.surname}|${n.given}|${n.evidence}|${text.slice(n.start, n.end)}`);

  it.each([
    ['조태열 외교부 장관은 12일 베이징에서', ['조|태열|title|조태열']],
    ['외교부 장관 조태열은 말했다', ['조|태열|title|조태열']],
    ['조태열 "북송 중단해야"', ['조|태열|quotation|조태열']],
    ['한 총리가 발표했다', ['한||title|한']],
    ['조 장관은 이날', ['조||title|조']],
    ['김민수 씨는', ['김|민수|title|김민수']],
    ['왕이 중국 외교부장과', []],
    ['정부는 이번 한국 조사에서 이사회를', []],
    ['남궁민수 의원', ['남궁|민수|title|남궁민수']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('takes a name the glossary holds in Hangul without other evidence', () => {
    expect(names('왕이는 말했다', new Set(['왕이']))).toEqual(['왕|이|glossary|왕이']);
  });

  it('never throws on awkward input', () => {
    for (const text of ['', '   ', '가'.repeat(100_000), '🙂조태열🙂', 'مرحبا 조 장관']) expect(() => findHangulNames(text)).not.toThrow();
  });
});
