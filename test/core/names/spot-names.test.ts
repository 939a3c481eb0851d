import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasTitleBefore, readName, spotNames } from '../../../src/core/names/spot-names.js';

/** Mentions as compact strings: the name as written, "(S)" for a surname alone, "(GF)" for given-name-first. */
function spotted(text: string): string[] {
  return spotNames(text, 0).map((m) => `${m.text}${m.isSurnameOnly ? ' (S)' : ''}${m.isGivenFirst ? ' (GF)' : ''}`);
}

describe('spotNames: names found', () => {
  const rows: { label: string; text: string; names: string[] }[] = [
    { label: 'd00: RR and variant, with a title', text: 'Minister Cho Tae-yul met Cho Tae-yeol.', names: ['Cho Tae-yul', 'Cho Tae-yeol'] },
    { label: 'd01: Han Duck-soo', text: 'Prime Minister Han Duck-soo presided.', names: ['Han Duck-soo'] },
    { label: 'issue 12: one-letter RR surnames before a hyphenated given name', text: 'O Jae-won met I Bo-ram and U Seong-jae; O JEONG-HUN signed.', names: ['O Jae-won', 'I Bo-ram', 'U Seong-jae', 'O JEONG-HUN'] },
    { label: 'd02: one-syllable given names', text: 'Cho Kuk and Representative Jo Guk', names: ['Cho Kuk', 'Jo Guk'] },
    { label: 'd03: joined and given-name-first', text: 'Ahn Cheolsoo, or Rep. Cheol-soo Ahn said', names: ['Ahn Cheolsoo', 'Cheol-soo Ahn (GF)'] },
    { label: 'ALL-CAPS surname', text: 'KIM Min-su scored twice.', names: ['KIM Min-su'] },
    { label: 'ALL-CAPS joined speaker tag', text: 'KIMMINSU: We will win.', names: ['KIMMINSU'] },
    { label: "possessive excluded ('s)", text: "Kim Keon-hee's lawyer", names: ['Kim Keon-hee'] },
    { label: 'possessive excluded (’s)', text: 'Kim Keon-hee’s lawyer', names: ['Kim Keon-hee'] },
    { label: 'Chinese names', text: 'Wang Yi, Xi Jinping and Li Qiang', names: ['Wang Yi', 'Xi Jinping', 'Li Qiang'] },
    { label: 'Japanese name, both orders', text: 'Kishida Fumio, or Prime Minister Fumio Kishida', names: ['Kishida Fumio', 'Fumio Kishida (GF)'] },
    { label: 'spaced syllables', text: 'Kim Jong Un and Hong Gil Dong', names: ['Kim Jong Un', 'Hong Gil Dong'] },
    { label: 'spaced syllables, one of them unlisted', text: 'Kim Il Sung founded', names: ['Kim Il Sung'] },
    { label: 'MR with diacritics', text: 'Yun Sŏk-yŏl spoke.', names: ['Yun Sŏk-yŏl'] },
    { label: 'English-word surname with a hyphenated given name', text: 'Moon Jae-in and Song Young-gil', names: ['Moon Jae-in', 'Song Young-gil'] },
    { label: 'English-word surname after a title, one syllable', text: 'Foreign Minister Park Jin said', names: ['Park Jin'] },
    { label: 'title + surname alone', text: 'Minister Cho, Chief Chung, Mrs. Kim, President Yoon and Chief of Staff Jeong', names: ['Cho (S)', 'Chung (S)', 'Kim (S)', 'Yoon (S)', 'Jeong (S)'] },
    { label: 'title + surname alone, possessive', text: "Minister Cho's remarks", names: ['Cho (S)'] },
    { label: 'lower-case title', text: 'former president Moon left', names: ['Moon (S)'] },
  ];
  it.each(rows)('$label', ({ text, names }) => {
    expect(spotted(text)).toEqual(names);
  });
});

describe('spotNames: looks like a name but is not', () => {
  const rows: { label: string; text: string; names: string[] }[] = [
    { label: 'd00 places and organisations', text: 'the Korean Peninsula, North Korea, Human Rights Watch (HRW), Gimpo International Airport, the Hangzhou Asian Games, Seoul', names: [] },
    { label: 'party names', text: 'the Democratic Party of Korea and the People Power Party', names: [] },
    { label: 'English-word surnames without a given name', text: 'The Eurovision Song Contest, Park Avenue, the Moon landing, Moon Landing Day', names: [] },
    { label: 'a surname starting a sentence', text: 'Song lyrics were changed. Han said nothing. Kim Says No.', names: [] },
    { label: 'English words after a surname', text: 'Kim Also Said. Lee Under Fire. Han Met Officials. Lee Again.', names: [] },
    { label: 'place names ending in -do and -si', text: 'Jeju-do and Suwon-si; Kang Won-do', names: [] },
    { label: 'Korean loanwords and cities before a surname', text: 'During Chuseok Han visited. In Gwangju Lee spoke. Hong Kong leader.', names: [] },
    { label: 'Hangul only', text: '조태열 외교부 장관', names: [] },
    { label: 'the pronoun I and the letter O (a one-letter surname needs a hyphenated given name, issue 12)', text: 'I Am Here. O Canada. Blood type O. I Said-so. The U.S. made a U-turn. Jae-won I left.', names: [] },
    { label: 'a name broken by a line or a comma', text: 'Cho\nTae-yul; Cho, Tae-yul', names: [] },
  ];
  it.each(rows)('$label', ({ text, names }) => {
    expect(spotted(text)).toEqual(names);
  });
});

describe('spotNames: offsets', () => {
  it('gives exact offsets: text === segment.slice(start, end)', () => {
    const text = 'On the 13th, Minister Cho Tae-yul held talks with Wang Yi; Kim Keon-hee’s lawyer and Cheol-soo Ahn.';
    const mentions = spotNames(text, 7);
    expect(mentions.map((m) => [m.segment, text.slice(m.start, m.end)])).toEqual([
      [7, 'Cho Tae-yul'],
      [7, 'Wang Yi'],
      [7, 'Kim Keon-hee'],
      [7, 'Cheol-soo Ahn'],
    ]);
    expect(mentions.every((m) => m.text === text.slice(m.start, m.end))).toBe(true);
  });

  it('holds for any text, and never throws', () => {
    const word = fc.constantFrom('Cho', 'Tae-yul', 'Minister', 'Kim', "Keon-hee's", 'KIM', 'Min-su', 'Wang', 'Yi', 'the', 'King', ' ', '\n', ',', '’s', 'ŏ', '👍', '조');
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.string()), { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        for (const m of spotNames(text, 0)) expect(text.slice(m.start, m.end)).toBe(m.text);
      }),
    );
  });
});

describe('hasTitleBefore and readName', () => {
  it('finds a title ending right before an offset, as a whole word', () => {
    expect(hasTitleBefore('Chief of Staff Jeong', 15)).toBe(true);
    expect(hasTitleBefore('Rep. Lee', 5)).toBe(true);
    expect(hasTitleBefore('Administer Lee', 11)).toBe(false);
    expect(hasTitleBefore('Minister of Cho', 12)).toBe(false);
  });

  it('reads an editor-typed name without asking for stronger evidence', () => {
    expect(readName('Park Jin')?.reading.syllables).toEqual(['jin']);
    expect(readName('Song Contest')).toBeUndefined();
    expect(readName('')).toBeUndefined();
  });
});
