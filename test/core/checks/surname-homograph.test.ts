import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCheckContext, runChecks } from '../../../src/core/checks/run-checks.js';
import { headlineSubject } from '../../../src/core/checks/headline-subject.js';
import { surnameHomograph } from '../../../src/core/checks/surname-homograph.js';
import type { ArticleView, Flag } from '../../../src/core/checks/types.js';
import { articleFrom, rawArticle } from '../names/article-from.js';

const CORPUS_FILE = new URL('../../../corpus/cho-tae-yul-beijing-forced-repatriation.txt', import.meta.url);
const DEV_SET = new URL('../../fixtures/dev-set/', import.meta.url);

function run(article: ArticleView): Flag[] {
  return surnameHomograph.run(article, buildCheckContext(article));
}

/**
 * The surname words of an article: this check's flags and the headline-subject check's, which
 * owns a headline's or standfirst's subject read against the lede (issue 12) and so takes those
 * spans from this check.
 */
function runBoth(article: ArticleView): Flag[] {
  return runChecks(article, {}, [headlineSubject, surnameHomograph]);
}

/** Flags as `segment:"text" -> suggestions`, the check named when it is headline-subject. */
function compact(flags: readonly Flag[]): string[] {
  return flags.map((f) => `${f.segment}:${JSON.stringify(f.text)} -> ${f.suggestions.join(' | ')}${f.check === 'headline-subject' ? ' [headline-subject]' : ''}`);
}

describe('surname-homograph', () => {
  const rows: { label: string; raw: string; flags: string[] }[] = [
    { label: 'empty article', raw: '', flags: [] },
    { label: 'clean article', raw: rawArticle('Cho Tae-yul Raises Issues', 'Minister Cho Tae-yul met Wang Yi in Beijing.'), flags: [] },
    {
      label: 'looks suspicious but is fine: the king of Thailand, one of the officials, 677.4 trillion won',
      raw: rawArticle('Wang Yi Meets Han Duck-soo', 'The king of Thailand sent a letter. One of the officials said the budget is 677.4 trillion won. One year ago, a trillion won was spent. Cho Kuk agreed.'),
      flags: [],
    },
    {
      label: 'looks suspicious but is fine: real names and proper nouns containing the words',
      raw: rawArticle(
        'King Charles Meets Moon Jae-in',
        "Moon Jae-in and Song Young-gil visited King's College, Pear Tree Road and the Hundred Flowers exhibition. Stephen King Says nothing. Burger King CEO spoke.",
      ),
      flags: [],
    },
    {
      label: 'looks suspicious but is fine: ordinary English before a title or a verb',
      raw: rawArticle('Gold Rises as Kim Min-su Speaks', 'Female lawmakers met. Labor Minister Kim Min-su said. This is new. One minister said so. Most lawmakers agreed. West Bank talks.'),
      flags: [],
    },
    {
      label: 'looks suspicious but is fine: two people who share a surname, no homograph',
      raw: rawArticle('Kim Jong-un and Kim Jong-nam', 'Kim Jong-un did not mention Kim Jong-nam.'),
      flags: [],
    },
    {
      label: 'a surname word before a title (d01 pattern): One Prime Minister',
      raw: rawArticle('One Prime Minister "Will Stabilize Prices"', 'Prime Minister Han Duck-soo spoke. One prime minister also asked for calm.'),
      flags: ['0:"One" -> Han [headline-subject]', '1:"One" -> Han Duck-soo'],
    },
    {
      label: 'One before a unique office needs no Han in the article',
      raw: rawArticle('One Prime Minister Visits Busan', 'The visit was short.'),
      flags: ['0:"One" -> '],
    },
    {
      label: 'a surname word as a headline subject (d00 pattern): King Raises, read against the lede person by headline-subject (issue 12)',
      raw: rawArticle('King Raises Issues at Meeting', 'Minister Cho Tae-yul met Wang Yi. Minister Cho spoke. Cho Tae-yul left.'),
      flags: ['0:"King" -> Cho | Wang [headline-subject]'],
    },
    {
      label: 'a headline subject with no person of that surname: this check stays quiet, headline-subject reads it against the lede (issue 12)',
      raw: rawArticle('King Visits Seoul', 'Cho Tae-yul welcomed the visit.'),
      flags: ['0:"King" -> Cho [headline-subject]'],
    },
    {
      label: 'a sentence subject with no person of that surname stays quiet (King Visits, no Wang)',
      raw: rawArticle('Visit to Seoul', 'Cho Tae-yul spoke. King visits Seoul.'),
      flags: [],
    },
    {
      label: 'before a qualified title: King Foreign Minister, Door former president',
      raw: rawArticle('King Foreign Minister to Visit', 'Door former president also spoke. Moon Jae-in left. Wang Yi arrived.'),
      flags: ['0:"King" -> Moon | Wang [headline-subject]', '1:"Door" -> Moon Jae-in | Wang Yi'],
    },
    {
      label: 'other surnames read as words: Pear, Hundred, Trillion, Autumn',
      raw: rawArticle('Pear Lawmaker Grills Minister', 'Bae Hyun-jin spoke. Hundred CEO Baek Jong-won agreed. Trillion representative Cho Kuk left. Autumn floor leader Choo Kyung-ho said.'),
      flags: ['0:"Pear" -> Bae [headline-subject]', '1:"Hundred" -> Baek Jong-won | Bae Hyun-jin | Cho Kuk | Choo Kyung-ho', '1:"Trillion" -> Cho Kuk | Bae Hyun-jin | Baek Jong-won | Choo Kyung-ho', '1:"Autumn" -> Choo Kyung-ho | Bae Hyun-jin | Baek Jong-won | Cho Kuk'],
    },
    {
      label: 'a surname read as a word that no fixture uses: Yellow (황 Hwang), Five (오 Oh)',
      raw: rawArticle('Yellow Representative Resigns', 'Hwang Woo-yea spoke. Five mayor Oh Se-hoon said the Red Cross President agreed.'),
      flags: ['0:"Yellow" -> Hwang [headline-subject]', '1:"Five" -> Oh Se-hoon | Hwang Woo-yea'],
    },
    {
      label: 'ALL-CAPS headline',
      raw: rawArticle('TRILLION REPRESENTATIVE SPEAKS', 'Cho Kuk spoke.'),
      flags: ['0:"TRILLION" -> Cho [headline-subject]'],
    },
    {
      label: 'page chrome is not read',
      raw: rawArticle('본문 바로가기', 'Headline About Cho Kuk', 'Body.', '© Trillion Representative Media. All rights reserved.'),
      flags: [],
    },
  ];
  it.each(rows)('$label', ({ raw, flags }) => {
    expect(compact(runBoth(articleFrom(raw)))).toEqual(flags);
  });

  it('regression, the corpus article (cho-tae-yul-beijing-forced-repatriation): "King Raises Issues" in the standfirst, left to headline-subject (issue 12)', () => {
    const article = articleFrom(readFileSync(CORPUS_FILE, 'utf8'));
    expect(run(article)).toEqual([]);
    expect(runBoth(article)).toEqual([
      {
        check: 'headline-subject',
        severity: 'error',
        segment: 5,
        start: 0,
        end: 4,
        text: 'King',
        message: "“King” is the standfirst's subject, but the lede is about Cho Tae-yul: machine translation makes “King” of a surname (왕 Wang); write “Cho” (or “Wang”).",
        suggestions: ['Cho', 'Wang'],
        fingerprint: 'headline-subject|King|cho-tae-yul',
      },
    ]);
  });

  const devRows: { label: string; file: string; flags: string[] }[] = [
    { label: 'd01 (prime minister): One ×2, not "One of the officials" or "One year ago"', file: 'd01-prime-minister.txt', flags: ['4:"One" -> Han [headline-subject]', '8:"One" -> Han Duck-soo'] },
    { label: 'd02 (party leader): Trillion ×2, not "677.4 trillion won"', file: 'd02-party-leader.txt', flags: ['4:"Trillion" -> Cho [headline-subject]', '8:"Trillion" -> Cho Kuk | Hwang Un-ha'] },
    { label: 'd03 (lawmaker): none', file: 'd03-lawmaker.txt', flags: [] },
  ];
  it.each(devRows)('regression, $label', ({ file, flags }) => {
    expect(compact(runBoth(articleFrom(readFileSync(new URL(file, DEV_SET), 'utf8'))))).toEqual(flags);
  });

  it('keeps the fingerprint when the flag moves or the words around it change: it is the word, one flag per word (issue 12)', () => {
    const [a] = run(articleFrom(rawArticle('Headline', 'Trillion Representative Speaks. Cho Kuk spoke.')));
    const [b] = run(articleFrom(rawArticle('Headline', 'Yesterday. Trillion Representative Speaks again. Cho Kuk spoke.')));
    const [c] = run(articleFrom(rawArticle('Headline', 'Trillion Representative Leaves. Cho Kuk spoke.')));
    expect(b?.fingerprint).toBe(a?.fingerprint);
    expect(b?.start).not.toBe(a?.start);
    expect(c?.fingerprint).toBe('surname-homograph:Trillion');
    expect(a?.fingerprint).toBe('surname-homograph:Trillion');
  });

  it('issue 12: one word in several places is one flag with every place, fingerprinted by the word', () => {
    const raw = rawArticle('Talks in Beijing', 'Foreign Minister Cho Tae-yul met Chinese Foreign Minister Wang Yi on the 13th. King said the talks were useful.\n\nKing added that more meetings would follow.');
    const flags = run(articleFrom(raw));
    expect(flags.map((f) => [f.fingerprint, (f.spans ?? []).map((s) => `${s.segment}:${s.start} ${s.text}`)])).toEqual([
      ['surname-homograph:King', ['1:79 King', '2:0 King']],
    ]);
    expect(flags[0]?.message).toBe('King (2 places: paragraph 1 and paragraph 2) stands where a person is meant: machine translation may have read the surname 왕 (Wang) as a word; write the person\'s name (Wang Yi, Cho Tae-yul?).');
    // Fixing one place leaves the other under the same fingerprint: a dismissal still holds.
    const fixedOne = run(articleFrom(raw.replace('King added', 'Wang added')));
    expect(fixedOne.map((f) => [f.fingerprint, f.spans])).toEqual([['surname-homograph:King', undefined]]);
  });
});
