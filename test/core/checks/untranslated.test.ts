import { describe, expect, it } from 'vitest';
import { untranslated } from '../../../src/core/checks/untranslated.js';
import type { ArticleView } from '../../../src/core/checks/types.js';
import { articleOf, compact, contextOf, corpusArticle, runOne } from './check-helpers.js';
import { fixturePair } from './source-helpers.js';

interface Row {
  readonly label: string;
  readonly article: ArticleView;
  /** Flags as `segment:start-end "text" severity`. */
  readonly flags: readonly string[];
}

const rows: Row[] = [
  { label: 'empty article', article: articleOf([]), flags: [] },
  { label: 'clean article: the corpus article (its Korean navigation line is page chrome)', article: corpusArticle(), flags: [] },
  {
    label: 'looks suspicious but is fine: the king of Thailand, one of the officials, 677.4 trillion won',
    article: articleOf([{ mt: 'The king of Thailand and one of the officials discussed 677.4 trillion won.' }]),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: two people who share a surname, romanized (Kim Jong-un, Kim Jong-nam)',
    article: articleOf([{ mt: 'Kim Jong-un and Kim Jong-nam were half-brothers.' }]),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: Japanese kana and accented Latin are not Hangul or Hanja',
    article: articleOf([{ mt: 'The word かな and the café are fine.' }]),
    flags: [],
  },
  { label: 'a name left in Hangul in a paragraph', article: articleOf([{ mt: 'Minister 조태열 held talks.' }]), flags: ['0:9-12 "조태열" warning'] },
  { label: 'a phrase of several Hangul words is one run', article: articleOf([{ mt: 'He said 조태열 외교부 장관 arrived.' }]), flags: ['0:8-18 "조태열 외교부 장관" warning'] },
  { label: 'two runs in one segment', article: articleOf([{ mt: '조태열 met 왕이.' }]), flags: ['0:0-3 "조태열" warning', '0:8-10 "왕이" warning'] },
  { label: 'Hangul in the headline is an error', article: articleOf([{ kind: 'headline', mt: '조태열 Criticizes Repatriation' }]), flags: ['0:0-3 "조태열" error'] },
  { label: 'Hangul in the standfirst is an error', article: articleOf([{ kind: 'standfirst', mt: 'Raises 탈북민 Issue' }]), flags: ['0:7-10 "탈북민" error'] },
  { label: 'Hanja', article: articleOf([{ mt: 'The 脫北者 issue was raised.' }]), flags: ['0:4-7 "脫北者" warning'] },
  { label: 'compatibility jamo (ㅋㅋ)', article: articleOf([{ kind: 'caption', mt: 'Fans wrote ㅋㅋ online [Photo by Yonhap]' }]), flags: ['0:11-13 "ㅋㅋ" warning'] },
  { label: 'an edit that leaves Hangul is flagged in the edit', article: articleOf([{ mt: 'Cho held talks.', edit: 'Cho (조태열) held talks.' }]), flags: ['0:5-8 "조태열" warning'] },
  { label: 'an edit that translates the Hangul is clean', article: articleOf([{ mt: '조태열 held talks.', edit: 'Cho Tae-yul held talks.' }]), flags: [] },
  { label: 'page chrome in Hangul anywhere is skipped', article: articleOf([{ kind: 'boilerplate', mt: '본문 바로가기' }, { mt: 'Text.' }]), flags: [] },
];

describe('untranslated', () => {
  it.each(rows)('$label', ({ article, flags }) => {
    expect(compact(runOne(untranslated, article))).toEqual(flags);
  });

  it('names the script and says what to do', () => {
    const messages = runOne(untranslated, articleOf([{ mt: '조태열 and 脫北者 and 北韓 조선 together' }])).map((f) => f.message);
    expect(messages).toEqual([
      '“조태열” is Korean (Hangul) left untranslated: translate it or remove it',
      '“脫北者” is Hanja (Chinese characters) left untranslated: translate it or remove it',
      '“北韓 조선” is Korean (Hangul and Hanja) left untranslated: translate it or remove it',
    ]);
  });

  it('suggests the romanization of a name the Korean source gives, and the glossary form (issue 12)', () => {
    const [flag] = runOne(untranslated, fixturePair('samsung-texas'));
    expect(flag?.text).toBe('이재용');
    expect(flag?.suggestions).toEqual(['Lee Jae-yong']);
    const glossary = [{ id: '1', type: 'person' as const, preferred: 'Lee Jae-yong', admitted: [], deprecated: [], korean: ['이재용'] }];
    const article = articleOf([{ mt: 'Chairman 이재용 said so.' }]);
    expect(untranslated.run(article, { ...contextOf(article), glossary }).map((f) => f.suggestions)).toEqual([['Lee Jae-yong']]);
    // Without a source or a glossary form there is nothing to suggest, as before.
    expect(runOne(untranslated, fixturePair('samsung-texas', { withSource: false }))[0]?.suggestions).toEqual([]);
  });

  it('gives one fingerprint per run and place, without offsets', () => {
    const flags = runOne(untranslated, articleOf([{ mt: 'A 조태열 B' }, { mt: 'C 조태열 D' }]));
    expect(flags[0]?.fingerprint).toMatch(/^untranslated\|조태열\|[0-9a-f]{8}$/);
    expect(flags[0]?.fingerprint).not.toBe(flags[1]?.fingerprint);
  });
});
