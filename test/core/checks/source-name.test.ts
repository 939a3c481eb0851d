import { describe, expect, it } from 'vitest';
import { sourceName } from '../../../src/core/checks/source-name.js';
import { runChecks } from '../../../src/core/checks/run-checks.js';
import type { ArticleView, GlossaryConcept } from '../../../src/core/checks/types.js';
import { articleOf, compact, contextOf } from './check-helpers.js';
import { articleWithSource, fixturePair } from './source-helpers.js';

interface Row {
  readonly label: string;
  readonly article: ArticleView;
  readonly glossary?: readonly GlossaryConcept[];
  /** Flags as `segment:start-end "text" severity`. */
  readonly flags: readonly string[];
  readonly suggestions?: readonly (readonly string[])[];
}

const rows: Row[] = [
  { label: 'empty article', article: articleOf([]), flags: [] },
  { label: 'no source: nothing to read (the checks work as before issue 12)', article: fixturePair('cho-beijing', { withSource: false }), flags: [] },
  { label: 'clean article: popular spellings, two Kims, a split paragraph (budget-clean)', article: fixturePair('budget-clean'), flags: [] },
  {
    label: 'looks suspicious but is fine: the king of Thailand, one of the officials, two people who share a surname',
    article: articleWithSource(
      'Officials Meet\n\nKim Min-su and Kim Ha-neul met the king of Thailand, and one of the officials spoke.',
      '관계자 회동\n\n김민수 실장과 김하늘 심의관은 태국 국왕을 만났고 관계자 한 명이 발언했다.',
    ),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: RR, MR and liaison spellings of the same Hangul (Tae-yeol, Seo-gyeol)',
    article: articleWithSource(
      'Talks\n\nForeign Minister Cho Tae-yeol met Yoon Seo-gyeol.',
      '회담\n\n조태열 외교부 장관은 윤석열 대통령을 만났다.',
    ),
    flags: [],
  },
  {
    label: 'headline subject read as a word, caught from the Hangul (cho-beijing: 조태열 "…" -> King "…")',
    article: fixturePair('cho-beijing'),
    flags: ['0:0-4 "King" error'],
    suggestions: [['Cho', 'Cho Tae-yeol']],
  },
  {
    label: 'headline subject read as a word with every English mention of the person removed (the lede says "the foreign minister")',
    article: articleWithSource(
      'King "Will Raise the Issue"\n\nThe foreign minister held talks in Beijing on the 12th.',
      '조태열 "문제 제기할 것"\n\n외교부 장관은 12일 베이징에서 회담을 가졌다.',
    ),
    flags: ['0:0-4 "King" error'],
    suggestions: [['Cho', 'Cho Tae-yeol']],
  },
  {
    label: 'a surname read as a word before a title in the body (han-one: 한 총리 -> One Prime Minister)',
    article: fixturePair('han-one'),
    flags: ['2:0-3 "One" warning'],
    suggestions: [['Han']],
  },
  {
    label: 'a given name that spells no syllable of the Hangul (samsung-texas: 최재훈 -> Choi Jae-hyun)',
    article: fixturePair('samsung-texas'),
    flags: ['3:35-48 "Choi Jae-hyun" warning'],
    suggestions: [['Choi Jae-hun']],
  },
  {
    label: 'looks suspicious but is fine: another person of the surname the source names without a title (김하늘 심의관 -> Kim Ha-neul)',
    article: articleWithSource('Budget\n\nKim Min-su said so, and Kim Ha-neul agreed.', '예산\n\n김민수 실장이 말했고 김하늘 심의관도 동의했다.'),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: "One of the officials" opens a sentence where the source names 한 총리 and the MT writes Han',
    article: articleWithSource('Meeting\n\nOne of the officials said Prime Minister Han spoke first.', '회의\n\n관계자 한 명은 한 총리가 먼저 발언했다고 말했다.'),
    flags: [],
  },
  {
    label: 'a wrong initial consonant (태 is t, not d): Cho Dae-yul',
    article: articleWithSource('Talks\n\nForeign Minister Cho Dae-yul met Chinese officials.', '회담\n\n조태열 외교부 장관은 중국 관계자들을 만났다.'),
    flags: ['1:17-28 "Cho Dae-yul" warning'],
    suggestions: [['Cho Tae-yeol']],
  },
  {
    label: 'the suggestion prefers the glossary, then a spelling the article already uses',
    article: articleWithSource(
      'Talks\n\nForeign Minister Cho Tae-yul arrived.\n\nMinister Cho Dae-yul said so.',
      '회담\n\n조태열 외교부 장관이 도착했다.\n\n조태열 장관은 그렇게 말했다.',
    ),
    glossary: [{ id: '1', type: 'person', preferred: 'Cho Tae-yul', admitted: [], deprecated: [], korean: ['조태열'] }],
    flags: ['2:9-20 "Cho Dae-yul" warning'],
    suggestions: [['Cho Tae-yul', 'Cho Tae-yeol']],
  },
  {
    label: 'a name the glossary holds in Hangul needs no title in the source (왕이 -> King)',
    article: articleWithSource('Talks\n\nKing to meet the minister on Friday.', '회담\n\n왕이는 금요일 장관을 만난다.'),
    glossary: [{ id: '2', type: 'person', preferred: 'Wang Yi', admitted: [], deprecated: [], korean: ['왕이'] }],
    flags: ['1:0-4 "King" warning'],
    suggestions: [['Wang', 'Wang Yi']],
  },
];

describe('source-name', () => {
  it.each(rows)('$label', ({ article, glossary, flags, suggestions }) => {
    const found = sourceName.run(article, { ...contextOf(article), glossary: glossary ?? [] });
    expect(compact(found)).toEqual(flags);
    if (suggestions) expect(found.map((f) => f.suggestions)).toEqual(suggestions);
  });

  it('says what the source names and what to write', () => {
    const [flag] = sourceName.run(fixturePair('samsung-texas'), contextOf(fixturePair('samsung-texas')));
    expect(flag?.message).toBe('“Choi Jae-hyun” does not spell 최재훈, the name in the Korean source (Choi Jae-hun): write “Choi Jae-hun”.');
    expect(flag?.fingerprint).toMatch(/^source-name\|최재훈\|Choi Jae-hyun\|[0-9a-f]{8}$/);
  });

  it('takes the span from headline-subject when the source is there: one flag on "King" in cho-beijing', () => {
    const flags = runChecks(fixturePair('cho-beijing')).filter((f) => f.segment === 0 && f.text === 'King');
    expect(flags.map((f) => f.check)).toEqual(['source-name']);
    const without = runChecks(fixturePair('cho-beijing', { withSource: false })).filter((f) => f.segment === 0 && f.text === 'King');
    expect(without.map((f) => f.check)).toEqual(['headline-subject']);
  });

  it('takes the span from surname-homograph when the source is there (han-one: One Prime Minister)', () => {
    const flags = runChecks(fixturePair('han-one')).filter((f) => f.text === 'One');
    expect(flags.map((f) => f.check)).toEqual(['source-name']);
  });
});
