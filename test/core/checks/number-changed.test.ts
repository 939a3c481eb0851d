import { describe, expect, it } from 'vitest';
import { numberChanged } from '../../../src/core/checks/number-changed.js';
import type { ArticleView } from '../../../src/core/checks/types.js';
import { articleOf, compact, corpusArticle, runOne } from './check-helpers.js';

const plain = corpusArticle();
const paragraph = plain.segments[9]?.mt ?? '';

interface Row {
  readonly label: string;
  readonly article: ArticleView;
  /** Flags as `segment:start-end "text" severity`. */
  readonly flags: readonly string[];
}

/** One body segment edited from `mt` to `edit`. */
function edited(mt: string, edit: string): ArticleView {
  return articleOf([{ mt, edit }]);
}

const rows: Row[] = [
  { label: 'empty article', article: articleOf([]), flags: [] },
  { label: 'clean article: the corpus article unedited', article: plain, flags: [] },
  {
    label: 'looks suspicious but is fine: 677.4 trillion won unchanged while the sentence around it is edited',
    article: edited('The budget is 677.4 trillion won, it said.', 'The budget is 677.4 trillion won, the ministry said.'),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: the king of Thailand (no number at all)',
    article: edited('He met the king of Thailand.', 'He met the King of Thailand.'),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: one of the officials rewritten (a spelled-out number is never flagged)',
    article: edited('One of the officials said so.', 'An official said so.'),
    flags: [],
  },
  {
    label: 'looks suspicious but is fine: two people who share a surname, their ages kept',
    article: edited('Kim Jong-un, 40, and Kim Jong-nam, 45, met.', 'Kim Jong-un (40) and Kim Jong-nam (45) met.'),
    flags: [],
  },
  { label: 'reordering the same numbers', article: edited('500 in 2023 and 200 in 2024.', 'In 2024, 200; in 2023, 500.'), flags: [] },
  { label: 'thousands separator dropped', article: edited('about 1,000 people', 'about 1000 people'), flags: [] },
  { label: 'trailing zero added', article: edited('a 4.7% rise', 'a 4.70% rise'), flags: [] },
  { label: 'spelled out, and back', article: edited('a four-hour meeting with 3 aides', 'a 4-hour meeting with three aides'), flags: [] },
  { label: 'scale word for zeros', article: edited('a 1,000,000 won fine', 'a 1 million won fine'), flags: [] },
  { label: 'ordinal rewritten as a date', article: edited('On the 13th (local time)', 'On Oct. 13 (local time)'), flags: [] },
  { label: '"may" the verb is not a month', article: edited('It may rain in May 5 events.', 'It might rain in May 5 events.'), flags: [] },
  {
    label: 'regression (corpus article): "about 500 North Korean defectors" edited to 50',
    article: corpusArticle({ 9: paragraph.replace('about 500', 'about 50') }),
    flags: ['9:42-44 "50" info'],
  },
  {
    label: 'regression (corpus article): "an additional 200" dropped outright (empty span where it stood)',
    article: corpusArticle({ 9: paragraph.replace('additional 200 North', 'additional North') }),
    flags: ['9:267-267 "" info'],
  },
  { label: 'a number replaced by words: flagged on the words', article: edited('about 500 defectors', 'hundreds of defectors'), flags: ['0:0-11 "hundreds of" info'] },
  { label: 'a percentage changed', article: edited('prices rose 4.7% last year', 'prices rose 47% last year'), flags: ['0:12-15 "47%" info'] },
  { label: 'a month changed', article: edited('in October last year', 'in November last year'), flags: ['0:3-11 "November" info'] },
  { label: 'a day changed', article: edited('on the 13th (local time)', 'on the 14th (local time)'), flags: ['0:7-11 "14th" info'] },
  { label: 'a scale word changed', article: edited('677.4 trillion won', '677.4 billion won'), flags: ['0:0-13 "677.4 billion" info'] },
  {
    label: 'magnitude: 470 trillion won and 4.70 trillion won in one article',
    article: articleOf([{ mt: 'The fund holds 470 trillion won.' }, { mt: 'Of the 4.70 trillion won, half is bonds.' }]),
    flags: ['0:15-27 "470 trillion" warning', '1:7-20 "4.70 trillion" warning'],
  },
  {
    label: 'magnitude: 677.4 trillion and 677.4 billion in one article',
    article: articleOf([{ mt: 'The budget is 677.4 trillion won.' }, { mt: 'Spending of 677.4 billion won was approved.' }]),
    flags: ['0:14-28 "677.4 trillion" warning', '1:12-25 "677.4 billion" warning'],
  },
  {
    label: 'magnitude: one significant digit (5 trillion, 5 billion) is two real amounts',
    article: articleOf([{ mt: 'Exports reached 5 trillion won.' }, { mt: 'Imports were 5 billion won.' }]),
    flags: [],
  },
  { label: 'magnitude: percentages are left alone (2.5% and 25%)', article: articleOf([{ mt: 'Growth was 2.5%.' }, { mt: 'Support fell to 25%.' }]), flags: [] },
  {
    label: 'an edit that introduces the magnitude error: info on the change, warnings on both amounts',
    article: articleOf([{ mt: 'It holds 470 trillion won.', edit: 'It holds 4.70 trillion won.' }, { mt: 'The 470 trillion won fund grew.' }]),
    flags: ['0:9-22 "4.70 trillion" info', '0:9-22 "4.70 trillion" warning', '1:4-16 "470 trillion" warning'],
  },
];

describe('number-changed', () => {
  it.each(rows)('$label', ({ article, flags }) => {
    const sorted = runOne(numberChanged, article).sort((a, b) => a.segment - b.segment || a.start - b.start || a.severity.localeCompare(b.severity));
    expect(compact(sorted)).toEqual(flags);
  });

  it('asks to confirm a change, quoting both numbers, and suggests the MT number back', () => {
    const [flag] = runOne(numberChanged, corpusArticle({ 9: paragraph.replace('about 500', 'about 50') }));
    expect(flag?.message).toBe('Confirm: the MT said “500”, the edit says “50”');
    expect(flag?.suggestions).toEqual(['500']);
  });

  it('says a dropped number was dropped; suggests the MT wording when words replaced it, nothing when it was deleted', () => {
    const [replaced] = runOne(numberChanged, edited('about 500 defectors', 'hundreds of defectors'));
    expect(replaced?.message).toBe('Confirm: the MT said “500” here; the edit drops it');
    expect(replaced?.suggestions).toEqual(['about 500']);
    const [deleted] = runOne(numberChanged, edited('an additional 200 defectors', 'additional defectors'));
    expect(deleted?.suggestions).toEqual([]);
  });

  it('names the other magnitude and where it stands, and suggests it', () => {
    const article = articleOf([{ kind: 'headline', mt: 'Fund Holds 470 Trillion Won' }, { mt: 'Of the 4.70 trillion won, half is bonds.' }]);
    const flags = runOne(numberChanged, article);
    expect(flags.map((f) => f.message)).toEqual([
      '“470 Trillion” has the digits of “4.70 trillion” in paragraph 1 at another magnitude: check which is right',
      '“4.70 trillion” has the digits of “470 Trillion” in the headline at another magnitude: check which is right',
    ]);
    expect(flags.map((f) => f.suggestions)).toEqual([['4.70 trillion'], ['470 Trillion']]);
  });
});
