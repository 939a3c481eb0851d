import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJapaneseGivenName, isKoreanSyllable, isPinyinSyllable, parseKoreanSyllable } from '../../../src/core/names/syllable-grammar.js';
import { segmentJoined, syllabify } from '../../../src/core/names/syllabify.js';

describe('the syllable grammar (reference section (b): RR, MR and popular spellings)', () => {
  const rows: { label: string; syllable: string; isKorean: boolean }[] = [
    { label: 'RR with coda', syllable: 'yeol', isKorean: true },
    { label: 'popular oo', syllable: 'soo', isKorean: true },
    { label: 'ck coda (Duck)', syllable: 'duck', isKorean: true },
    { label: 'long vowel written with h (Ahn)', syllable: 'ahn', isKorean: true },
    { label: 'MR Wh- (Whang)', syllable: 'whang', isKorean: true },
    { label: 'silent final e (Yune)', syllable: 'yune', isKorean: true },
    { label: 'eui (Heui)', syllable: 'heui', isKorean: true },
    { label: 'English cluster', syllable: 'says', isKorean: false },
    { label: 'v is not Korean', syllable: 'ver', isKorean: false },
    { label: 'no vowel', syllable: 'ng', isKorean: false },
    { label: 'pinyin x', syllable: 'xi', isKorean: false },
  ];
  it.each(rows)('$label: $syllable', ({ syllable, isKorean }) => {
    expect(isKoreanSyllable(syllable)).toBe(isKorean);
  });

  it('parses onset, vowel, long-vowel h and coda', () => {
    expect(parseKoreanSyllable('cheong')).toEqual({ onset: 'ch', nucleus: 'eo', longMark: '', coda: 'ng' });
    expect(parseKoreanSyllable('hahn')).toEqual({ onset: 'h', nucleus: 'a', longMark: 'h', coda: 'n' });
    expect(parseKoreanSyllable('young')).toEqual({ onset: '', nucleus: 'you', longMark: '', coda: 'ng' });
  });

  it('knows pinyin syllables and Japanese given names', () => {
    expect(['xi', 'qiang', 'jin', 'ping', 'yi', 'zhou'].every(isPinyinSyllable)).toBe(true);
    expect(isPinyinSyllable('kook')).toBe(false);
    expect(['fumio', 'shigeru', 'yoko', 'shinzo'].every(isJapaneseGivenName)).toBe(true);
    expect(isJapaneseGivenName('jinping')).toBe(false);
  });
});

describe('syllabify', () => {
  const rows: { label: string; given: string; script?: 'korean' | 'chinese'; syllables: string[] | undefined }[] = [
    { label: 'hyphen wins', given: 'Tae-yeol', syllables: ['tae', 'yeol'] },
    { label: 'space wins', given: 'Gil Dong', syllables: ['gil', 'dong'] },
    { label: 'joined, listed syllables preferred', given: 'Cheolsoo', syllables: ['cheol', 'soo'] },
    { label: 'MR liaison read back as the listed seog (석열 Seogyeol)', given: 'Seogyeol', syllables: ['seog', 'yeol'] },
    { label: 'Jongun is jong-un, not jon-gun', given: 'Jongun', syllables: ['jong', 'un'] },
    { label: 'a written part that is one syllable stays one (Chung-rae)', given: 'Chung-rae', syllables: ['chung', 'rae'] },
    { label: 'joined with one unlisted syllable', given: 'Kyunghwa', syllables: ['kyung', 'hwa'] },
    { label: 'ALL-CAPS', given: 'MIN-SU', syllables: ['min', 'su'] },
    { label: 'pinyin joined', given: 'Jinping', script: 'chinese', syllables: ['jin', 'ping'] },
    { label: 'pinyin with q', given: 'Keqiang', script: 'chinese', syllables: ['ke', 'qiang'] },
    { label: 'an English word does not parse', given: 'Avenue', syllables: undefined },
    { label: 'empty', given: '', syllables: undefined },
  ];
  it.each(rows)('$label: $given', ({ given, script, syllables }) => {
    expect(syllabify(given, script)?.syllables).toEqual(syllables);
  });

  it('gives up on a run too long to be a given name', () => {
    expect(segmentJoined('a'.repeat(500), 'korean')).toBeUndefined();
  });

  it('never throws, and a split always rebuilds the input', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{0,24}$/), (text) => {
        const split = segmentJoined(text, 'korean');
        if (split !== undefined) expect(split.syllables.join('')).toBe(text);
      }),
    );
  });
});
