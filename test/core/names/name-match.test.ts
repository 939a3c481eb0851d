import { describe, expect, it } from 'vitest';
import { areSameName, areGivenNamesEquivalent, nameKeyOf, undoLiaison } from '../../../src/core/names/name-match.js';
import { readName } from '../../../src/core/names/spot-names.js';
import { areSyllablesEquivalent, phoneticKey } from '../../../src/core/names/syllable-key.js';
import { lookupSurname } from '../../../src/core/names/surname-lookup.js';

describe('areSyllablesEquivalent: spellings of one Hangul syllable (reference section (b) table)', () => {
  const rows: { label: string; a: string; b: string; isSame: boolean }[] = [
    { label: '열 yeol / yul', a: 'yeol', b: 'yul', isSame: true },
    { label: '열 yeol / youl', a: 'yeol', b: 'youl', isSame: true },
    { label: '덕 duck / deok', a: 'duck', b: 'deok', isSame: true },
    { label: '건 keon / kun', a: 'keon', b: 'kun', isSame: true },
    { label: '철 cheol / chul', a: 'cheol', b: 'chul', isSame: true },
    { label: '국 kuk / guk / kook', a: 'guk', b: 'kook', isSame: true },
    { label: '정 jeong / chung', a: 'jeong', b: 'chung', isSame: true },
    { label: '석 seok / suk', a: 'seok', b: 'suk', isSame: true },
    { label: '희 hee / hui', a: 'hee', b: 'hui', isSame: true },
    { label: 'unlisted, phonetic fallback: gyeol / kyul', a: 'gyeol', b: 'kyul', isSame: true },
    { label: 'unlisted vs listed: yeul sounds like 열', a: 'yeul', b: 'yeol', isSame: true },
    { label: 'different syllables: 석 seok vs 숙 sook', a: 'seok', b: 'sook', isSame: false },
    { label: 'different syllables: 은 un vs 남 nam (Jong-un / Jong-nam)', a: 'un', b: 'nam', isSame: false },
    { label: 'different syllables: 근 geun vs 정 chung (Geun-hye / Chung-hee)', a: 'geun', b: 'chung', isSame: false },
    { label: 'different syllables: 혜 hye vs 희 hee', a: 'hye', b: 'hee', isSame: false },
    { label: 'different syllables: 수 soo vs 서 seo', a: 'soo', b: 'seo', isSame: false },
  ];
  it.each(rows)('$label', ({ a, b, isSame }) => {
    expect(areSyllablesEquivalent(a, b)).toBe(isSame);
    expect(areSyllablesEquivalent(b, a)).toBe(isSame);
  });

  it('keys consonants and vowels by the reference classes (g≈k, j≈ch, eo≈u, r≈∅ before i)', () => {
    expect(phoneticKey('gyeong')).toBe(phoneticKey('kyung'));
    expect(phoneticKey('jeon')).toBe(phoneticKey('chun'));
    expect(phoneticKey('ri')).toBe(phoneticKey('i'));
    expect(phoneticKey('says')).toBeUndefined();
  });
});

describe('surnames match through the table spelling sets, not the consonant classes', () => {
  const rows: { label: string; a: string; b: string; isSame: boolean }[] = [
    { label: '조 Cho / Jo', a: 'Cho', b: 'Jo', isSame: true },
    { label: '이 Lee / Yi / Rhee', a: 'Rhee', b: 'Yi', isSame: true },
    { label: '박 Park / Pak', a: 'Park', b: 'Pak', isSame: true },
    { label: '최 Choi / Choe', a: 'Choi', b: 'Choe', isSame: true },
    { label: '정 Chung / Jeong', a: 'Chung', b: 'Jeong', isSame: true },
    { label: '안 Ahn / An', a: 'Ahn', b: 'An', isSame: true },
    { label: '한 Han / Hahn', a: 'Han', b: 'Hahn', isSame: true },
    { label: 'Sung may be 성 or 송 (reference warning): it matches both', a: 'Sung', b: 'Song', isSame: true },
    { label: '배 Bae is not 백 Baek', a: 'Bae', b: 'Baek', isSame: false },
    { label: '정 Jung is not 장 Jang', a: 'Jung', b: 'Jang', isSame: false },
    { label: '전 Jeon is not 정 Jeong', a: 'Jeon', b: 'Jeong', isSame: false },
  ];
  it.each(rows)('$label', ({ a, b, isSame }) => {
    const keysA = lookupSurname(a)?.keys ?? [];
    const keysB = lookupSurname(b)?.keys ?? [];
    expect(keysA.some((k) => keysB.includes(k))).toBe(isSame);
  });

  it('knows Chinese and Japanese surnames, and the one-letter 이 I / 오 O / 우 U, marked as such (issue 12)', () => {
    expect(lookupSurname('Xi')?.keys).toEqual(['cn:xi']);
    expect(lookupSurname('Wang')?.keys).toEqual(['wang', 'cn:wang']);
    expect(lookupSurname('Kishida')?.origins).toEqual(['japanese']);
    expect(lookupSurname('I')).toMatchObject({ keys: ['i'], isOneLetter: true });
    expect(lookupSurname('O')?.keys).toEqual(['o']);
    expect(lookupSurname('U')?.keys).toEqual(['u']);
    expect(lookupSurname('Oh')?.isOneLetter).toBe(false);
    expect(lookupSurname('KIM')?.keys).toEqual(['gim']);
    expect(lookupSurname('Song')?.isEnglishWord).toBe(true);
  });
});

describe('areSameName: one person or two', () => {
  const rows: { label: string; a: string; b: string; isSame: boolean }[] = [
    { label: 'd00: Cho Tae-yul / Cho Tae-yeol', a: 'Cho Tae-yul', b: 'Cho Tae-yeol', isSame: true },
    { label: 'd01: Han Duck-soo / Han Deok-soo', a: 'Han Duck-soo', b: 'Han Deok-soo', isSame: true },
    { label: 'd02: Cho Kuk / Jo Guk', a: 'Cho Kuk', b: 'Jo Guk', isSame: true },
    { label: 'd03: Ahn Cheol-soo / Cheol-soo Ahn (order)', a: 'Ahn Cheol-soo', b: 'Cheol-soo Ahn', isSame: true },
    { label: 'd03: Ahn Cheol-soo / Ahn Cheolsoo (joined)', a: 'Ahn Cheol-soo', b: 'Ahn Cheolsoo', isSame: true },
    { label: 'd04: Chung Jin-suk / Jeong Jin-seok', a: 'Chung Jin-suk', b: 'Jeong Jin-seok', isSame: true },
    { label: 'd04: Kim Keon-hee / Kim Kun-hee', a: 'Kim Keon-hee', b: 'Kim Kun-hee', isSame: true },
    { label: 'liaison: Yoon Suk-yeol / Yun Seo-gyeol', a: 'Yoon Suk-yeol', b: 'Yun Seo-gyeol', isSame: true },
    { label: 'spaced: Kim Jong Un / Kim Jong-un', a: 'Kim Jong Un', b: 'Kim Jong-un', isSame: true },
    { label: 'ALL-CAPS surname: KIM Min-su / Kim Min-soo', a: 'KIM Min-su', b: 'Kim Min-soo', isSame: true },
    { label: 'MR diacritics: Yun Sŏk-yŏl / Yoon Suk-yeol', a: 'Yun Sŏk-yŏl', b: 'Yoon Suk-yeol', isSame: true },
    { label: 'popular ie: Park Jie-won / Park Ji-won', a: 'Park Jie-won', b: 'Park Ji-won', isSame: true },
    { label: 'unlisted syllables by sound: Roh Moo-hyun / No Mu-hyeon', a: 'Roh Moo-hyun', b: 'No Mu-hyeon', isSame: true },
    { label: 'spaced with an unlisted syllable: Kim Il-sung / Kim Il Sung', a: 'Kim Il-sung', b: 'Kim Il Sung', isSame: true },
    { label: 'two people: Kim Jong-il / Kim Jong-un', a: 'Kim Jong-il', b: 'Kim Jong-un', isSame: false },
    { label: 'two people: Kim Min-jun / Kim Min-jeong', a: 'Kim Min-jun', b: 'Kim Min-jeong', isSame: false },
    { label: 'Japanese order: Kishida Fumio / Fumio Kishida', a: 'Kishida Fumio', b: 'Fumio Kishida', isSame: true },
    { label: 'two people: Kim Jong-un / Kim Jong-nam', a: 'Kim Jong-un', b: 'Kim Jong-nam', isSame: false },
    { label: 'two people: Park Geun-hye / Park Chung-hee', a: 'Park Geun-hye', b: 'Park Chung-hee', isSame: false },
    { label: 'two people: Ahn Cheol-soo / Ahn Jung-geun', a: 'Ahn Cheol-soo', b: 'Ahn Jung-geun', isSame: false },
    { label: 'two people: Kim Yo-jong / Kim Jong-un', a: 'Kim Yo-jong', b: 'Kim Jong-un', isSame: false },
    { label: 'a syllable more is another person: Kim Jong / Kim Jong-un', a: 'Kim Jong', b: 'Kim Jong-un', isSame: false },
    { label: 'same given name, other surname: Bae Jong-won / Baek Jong-won', a: 'Bae Jong-won', b: 'Baek Jong-won', isSame: false },
  ];
  it.each(rows)('$label', ({ a, b, isSame }) => {
    const x = readName(a);
    const y = readName(b);
    expect(x).toBeDefined();
    expect(y).toBeDefined();
    if (x === undefined || y === undefined) return;
    expect(areSameName(x, y)).toBe(isSame);
    expect(areSameName(y, x)).toBe(isSame);
  });

  it('undoes a liaison only into listed spellings', () => {
    expect(undoLiaison(['seo', 'gyeol'])).toEqual([['seo', 'gyeol'], ['seog', 'yeol']]);
    expect(undoLiaison(['ha', 'min'])).toEqual([['ha', 'min']]);
  });

  it('compares Japanese given names with long vowels folded', () => {
    expect(areGivenNamesEquivalent({ syllables: ['yohei'], script: 'japanese' }, { syllables: ['yohei'], script: 'japanese' })).toBe(true);
  });

  it('keys a name without order, case or separators', () => {
    const a = readName('Cheol-soo Ahn');
    const b = readName('AHN Cheolsoo');
    expect(a && nameKeyOf(a)).toBe('ahn cheolsoo');
    expect(b && nameKeyOf(b)).toBe('ahn cheolsoo');
  });
});
