import { describe, expect, it } from 'vitest';
import { deriveArticleCorrections } from '../../../src/core/checks/article-corrections.js';
import type { ArticleView, GlossaryConcept } from '../../../src/core/checks/types.js';
import { buildCorpusNameIndex } from '../../../src/core/names/build-corpus-name-index.js';
import { buildNameIndex } from '../../../src/core/names/build-name-index.js';
import { articleFrom, rawArticle } from './article-from.js';

/** The article's people as `preferred (because)`. */
function preferredOf(article: ArticleView, glossary: readonly GlossaryConcept[] = []): string[] {
  const { people } = buildNameIndex(article, { corrections: deriveArticleCorrections(article), glossary, distinctPeople: [] });
  return people.filter((p) => p.spellings.length > 1).map((p) => `${p.preferred} (${p.preferredBecause ?? ''})`);
}

const person = (preferred: string, ...others: string[]): GlossaryConcept => ({ id: 'p1', type: 'person', preferred, admitted: [], deprecated: others });

describe('preferred spelling: one documented order (issue 12)', () => {
  const rows: { label: string; raw: string; glossary?: GlossaryConcept[]; expected: string[] }[] = [
    { label: 'empty article', raw: '', expected: [] },
    { label: 'clean article: one spelling, nothing to choose', raw: rawArticle('Headline', 'Jang Hyun-soo spoke. Jang Hyun-soo left.'), expected: [] },
    { label: 'the body majority among listed forms', raw: rawArticle('Headline', 'Jang Hyun-soo spoke. Jang Hyun-soo left. Jang Hyeon-su stayed.'), expected: ['Jang Hyun-soo (frequency)'] },
    {
      label: 'never the ALL-CAPS byline form, even when it is the majority',
      raw: rawArticle('Headline', 'By JANG HYEON-SU', 'JANG HYEON-SU writes. JANG HYEON-SU adds. Jang Hyun-soo is a professor.'),
      expected: ['Jang Hyun-soo (frequency)'],
    },
    {
      label: 'never a form used only inside quotations, nor one with capitals inside the given name',
      raw: rawArticle('Headline', 'He said, "Yun Seok-Yeol must go. Yun Seok-Yeol must answer." Yoon Suk-yeol did not reply.'),
      expected: ['Yoon Suk-yeol (frequency)'],
    },
    {
      label: 'looks suspicious but is fine: the ALL-CAPS form when nothing else exists is not a choice at all',
      raw: rawArticle('Headline', 'KIM MIN-SU spoke. KIM MIN-SU left.'),
      expected: [],
    },
    {
      label: 'the reference table over the majority: a syllable the variant table does not list (덕 "deuk") loses to a listed one ("duck")',
      raw: rawArticle('Headline', 'Han Deuk-soo spoke. Han Deuk-soo left. Han Deuk-soo returned. Han Duck-soo stayed.'),
      expected: ['Han Duck-soo (table)'],
    },
    {
      label: "the editor's correction over the table and the majority",
      raw: rawArticle('Headline', 'Yoon Suk-yeol spoke. Yoon Suk-yeol left. Yoon Seogyeol returned.'),
      expected: ['Yoon Suk-yeol (frequency)'],
    },
    {
      label: "the glossary over everything, even the editor's correction",
      raw: rawArticle('Headline', 'Yoon Suk-yeol spoke. Yoon Suk-yeol left. Yun Seok-yeol returned.'),
      glossary: [person('Yun Seok-yeol', 'Yoon Suk-yeol')],
      expected: ['Yun Seok-yeol (glossary)'],
    },
  ];
  it.each(rows)('$label', ({ raw, glossary, expected }) => {
    expect(preferredOf(articleFrom(raw), glossary)).toEqual(expected);
  });

  it("an editor's correction wins over the table and the body majority", () => {
    const article = articleFrom(rawArticle('Headline', 'Han Duck-soo spoke. Han Duck-soo left.'));
    // The editor wrote the form the table does not list: their decision stands.
    const withEdit = { ...article, segments: [...article.segments, { index: 2, kind: 'body' as const, mt: 'Han Duck-soo went.', edit: 'Han Deuk-soo went.' }] };
    expect(preferredOf(withEdit)).toEqual(['Han Deuk-soo (correction)']);
  });

  it('the names page chooses by the same order: the byline form is not the preferred spelling there either', () => {
    const a = articleFrom(rawArticle('Column', 'By JANG HYEON-SU', 'JANG HYEON-SU writes. Jang Hyun-soo is a professor.'), 'a');
    const b = articleFrom(rawArticle('Column', 'By JANG HYEON-SU', 'JANG HYEON-SU adds. JANG HYEON-SU ends. Jang Hyeon-su teaches.'), 'b');
    const { people } = buildCorpusNameIndex([a, b]);
    expect(people.map((p) => p.preferred)).toEqual(['Jang Hyun-soo']);
  });
});
