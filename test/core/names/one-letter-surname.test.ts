import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/core/checks/run-checks.js';
import { ONE_LETTER_SURNAMES } from '../../../src/core/names/surname-lookup.js';
import { articleFrom, rawArticle } from './article-from.js';

/** The name-variant groups of an article: each group's spellings, preferred first. */
function groups(raw: string): string[][] {
  const flags = runChecks(articleFrom(raw)).filter((f) => f.check === 'name-variant');
  return [...new Map(flags.map((f) => [f.group, [...(f.variants ?? [])]])).values()];
}

describe('one-letter RR surnames (issue 12)', () => {
  it('are derived from the surname table: 이 I, 오 O, 우 U', () => {
    expect([...ONE_LETTER_SURNAMES].sort()).toEqual(['I', 'O', 'U']);
  });

  const rows: { label: string; raw: string; groups: string[][] }[] = [
    { label: 'O beside Oh', raw: rawArticle('Mayor Speaks', 'Oh Se-hoon spoke. Oh Se-hoon left.', 'O Se-hun met reporters.'), groups: [['Oh Se-hoon', 'O Se-hun']] },
    { label: 'U beside Woo', raw: rawArticle('Governor Speaks', 'Woo Min-ho spoke.', 'Governor U Min-ho left.'), groups: [['Woo Min-ho', 'U Min-ho']] },
    { label: 'I beside Lee and Yi', raw: rawArticle('Chair Speaks', 'Lee Ji-eun spoke. Lee Ji-eun left.', 'Yi Ji-eun and I Ji-eun are one person.'), groups: [['Lee Ji-eun', 'Yi Ji-eun', 'I Ji-eun']] },
    {
      label: 'looks suspicious but is fine: the English words I, O and U beside an Oh, a Woo and a Lee',
      raw: rawArticle('I Will Not Run, Says Lee Ji-eun', '"I have said this before," Lee Ji-eun said. Blood type O is needed, Oh Se-hoon said.', 'Woo Min-ho made a U-turn at the U.S. embassy. O Canada played.'),
      groups: [],
    },
    { label: 'two different people who share a surname stay apart (O Se-hun, Oh Jae-won)', raw: rawArticle('Two Oh', 'O Se-hun met Oh Jae-won.'), groups: [] },
  ];
  it.each(rows)('$label', ({ raw, groups: expected }) => {
    expect(groups(raw)).toEqual(expected);
  });
});
