import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveArticleCorrections } from '../../../src/core/checks/article-corrections.js';
import type { ArticleView, GlossaryConcept } from '../../../src/core/checks/types.js';
import { buildCorpusNameIndex } from '../../../src/core/names/build-corpus-name-index.js';
import { buildNameIndex, type NameIndexOptions } from '../../../src/core/names/build-name-index.js';
import type { NameIndex } from '../../../src/core/names/types.js';
import { articleFrom, rawArticle } from './article-from.js';

const NONE: NameIndexOptions = { corrections: [], glossary: [], distinctPeople: [] };
const CORPUS_FILE = new URL('../../../corpus/cho-tae-yul-beijing-forced-repatriation.txt', import.meta.url);

/** People as compact strings: `preferred: spelling×count, … [+surname-only mentions]`. */
function people(index: NameIndex): string[] {
  return index.people.map((p) => {
    const alone = p.mentions.filter((m) => m.isSurnameOnly).length;
    return `${p.preferred}: ${p.spellings.map((s) => `${s.text}×${s.count}`).join(', ')}${alone > 0 ? ` +${alone}` : ''}`;
  });
}

describe('buildNameIndex: who is who', () => {
  const rows: { label: string; raw: string; people: string[] }[] = [
    { label: 'empty article', raw: '', people: [] },
    { label: 'clean article: one person, one spelling', raw: rawArticle('Cho Tae-yul Visits Beijing', 'Minister Cho Tae-yul met officials. Minister Cho said so.'), people: ['Cho Tae-yul: Cho Tae-yul×2 +1'] },
    { label: 'spelling variants are one person', raw: rawArticle('Cho Tae-yeol Visits Beijing', 'Cho Tae-yul met officials. Cho Tae-yul said so.'), people: ['Cho Tae-yul: Cho Tae-yul×2, Cho Tae-yeol×1'] },
    { label: 'two people who share a surname: Kim Jong-un and Kim Jong-nam', raw: rawArticle('Headline', 'Kim Jong-un mourned Kim Jong-nam. Kim Jong-un left.'), people: ['Kim Jong-un: Kim Jong-un×2', 'Kim Jong-nam: Kim Jong-nam×1'] },
    { label: 'two people who share a surname: Park Geun-hye and Park Chung-hee', raw: rawArticle('Headline', 'Park Geun-hye is the daughter of Park Chung-hee.'), people: ['Park Geun-hye: Park Geun-hye×1', 'Park Chung-hee: Park Chung-hee×1'] },
    { label: 'two people who share a surname: Ahn Cheol-soo and Ahn Jung-geun', raw: rawArticle('Headline', 'Ahn Cheol-soo visited the Ahn Jung-geun hall. Ahn Chul-soo left.'), people: ['Ahn Cheol-soo: Ahn Cheol-soo×1, Ahn Chul-soo×1', 'Ahn Jung-geun: Ahn Jung-geun×1'] },
    { label: 'a surname alone joins the only person with it', raw: rawArticle('Headline', 'Chung Jin-suk spoke. Chief Chung left. Kim Keon-hee stayed.'), people: ['Chung Jin-suk: Chung Jin-suk×1 +1', 'Kim Keon-hee: Kim Keon-hee×1'] },
    { label: 'a surname alone joins nobody when two people share it', raw: rawArticle('Headline', 'Han Dong-hoon met Han Duck-soo. Prime Minister Han left.'), people: ['Han Dong-hoon: Han Dong-hoon×1', 'Han Duck-soo: Han Duck-soo×1'] },
    { label: 'a surname alone with no full name makes no person', raw: rawArticle('Headline', 'President Yoon left.'), people: [] },
    { label: 'page chrome is not read', raw: rawArticle('본문 바로가기', 'Headline About Kim Min-su', 'Body text.', 'Top'), people: ['Kim Min-su: Kim Min-su×1'] },
  ];
  it.each(rows)('$label', ({ raw, people: expected }) => {
    expect(people(buildNameIndex(articleFrom(raw), NONE))).toEqual(expected);
  });

  it('regression, the corpus article (cho-tae-yul-beijing-forced-repatriation): Cho Tae-yul with his surname-only mentions, and Wang Yi', () => {
    const index = buildNameIndex(articleFrom(readFileSync(CORPUS_FILE, 'utf8')), NONE);
    expect(people(index)).toEqual(['Cho Tae-yul: Cho Tae-yul×2, Cho Tae-yeol×3 +4', 'Wang Yi: Wang Yi×3']);
    expect(index.people.map((p) => [p.id, p.surnameKey, p.preferredBecause])).toEqual([
      ['cho-tae-yul', 'jo', 'frequency'],
      ['wang-yi', 'wang', 'frequency'],
    ]);
  });

  it('gives mentions with exact offsets into the edit, in reading order', () => {
    const article = articleFrom(readFileSync(CORPUS_FILE, 'utf8'));
    const cho = buildNameIndex(article, NONE).people[0];
    expect(cho?.mentions.every((m) => article.segments[m.segment]?.edit.slice(m.start, m.end) === m.text)).toBe(true);
    expect(cho?.mentions.map((m) => m.segment)).toEqual([...(cho?.mentions.map((m) => m.segment) ?? [])].sort((a, b) => a - b));
  });
});

describe('buildNameIndex: the preferred spelling', () => {
  const raw = rawArticle('Cho Tae-yeol Visits Beijing', 'Cho Tae-yeol met officials. Cho Tae-yul said so.');

  it('most frequent in the body, then overall, then first used', () => {
    const index = buildNameIndex(articleFrom(raw), NONE);
    expect([index.people[0]?.preferred, index.people[0]?.preferredBecause]).toEqual(['Cho Tae-yeol', 'frequency']);
    const tie = buildNameIndex(articleFrom(rawArticle('Headline', 'Cho Tae-yeol met officials. Cho Tae-yul said so.')), NONE);
    expect(tie.people[0]?.preferred).toBe('Cho Tae-yeol');
  });

  it('the spelling the editor corrected to beats frequency', () => {
    const article = articleFrom(raw);
    const edited: ArticleView = { ...article, segments: article.segments.map((s) => (s.kind === 'headline' ? { ...s, edit: 'Cho Tae-yul Visits Beijing' } : s)) };
    const index = buildNameIndex(edited, { ...NONE, corrections: deriveArticleCorrections(edited) });
    expect([index.people[0]?.preferred, index.people[0]?.preferredBecause, index.people[0]?.id]).toEqual(['Cho Tae-yul', 'correction', 'cho-tae-yul']);
  });

  it("the glossary's person concept beats both, even when the article never uses it", () => {
    const glossary: GlossaryConcept[] = [{ id: 'c1', type: 'person', preferred: 'Cho Tae-yul', admitted: [], deprecated: ['Cho Tae-yeol'] }];
    const index = buildNameIndex(articleFrom(rawArticle('Headline', 'Cho Tae-yeol met officials.')), { ...NONE, glossary });
    expect(people(index)).toEqual(['Cho Tae-yul: Cho Tae-yul×0, Cho Tae-yeol×1']);
    expect(index.people[0]?.preferredBecause).toBe('glossary');
  });

  it('a glossary concept of another type is not a person', () => {
    const glossary: GlossaryConcept[] = [{ id: 'c1', type: 'place', preferred: 'Cho Tae-yul', admitted: [], deprecated: [] }];
    expect(buildNameIndex(articleFrom(raw), { ...NONE, glossary }).people[0]?.preferredBecause).toBe('frequency');
  });
});

describe('buildNameIndex: different people an editor recorded', () => {
  const raw = rawArticle('Headline', 'Kim Keon-hee spoke. Kim Kun-hee left. Kim Keonhee returned.');

  it('merges the spellings by default', () => {
    expect(people(buildNameIndex(articleFrom(raw), NONE))).toEqual(['Kim Keon-hee: Kim Keon-hee×1, Kim Kun-hee×1, Kim Keonhee×1']);
  });

  it('never merges a recorded pair, compared normalised (case, hyphens, order)', () => {
    const index = buildNameIndex(articleFrom(raw), { ...NONE, distinctPeople: [['KIM Kun-hee', 'Keon-hee Kim']] });
    expect(people(index)).toEqual(['Kim Keon-hee: Kim Keon-hee×1, Kim Keonhee×1', 'Kim Kun-hee: Kim Kun-hee×1']);
  });
});

describe('buildCorpusNameIndex', () => {
  const a = articleFrom(rawArticle('Cho Tae-yeol Visits Beijing', 'Cho Tae-yul met Wang Yi. Cho Tae-yul said.'), 'a.txt');
  const b = articleFrom(rawArticle('Minister Returns', 'Cho Tae-yul met Kim Jong-nam. Cho Tae-yeol left.'), 'b.txt');
  const c = articleFrom(rawArticle('Other News', 'Kim Jong-un spoke.'), 'c.txt');

  it('lists every person with spellings, counts and articles', () => {
    const index = buildCorpusNameIndex([a, b, c]);
    expect(index.people.map((p) => ({ id: p.id, spellings: p.spellings.map((s) => `${s.text}×${s.count} in ${s.articles.map((x) => x.key).join('+')}`), articles: p.articles.map((x) => `${x.key}:${x.count}`) }))).toEqual([
      { id: 'cho-tae-yul', spellings: ['Cho Tae-yul×3 in a.txt+b.txt', 'Cho Tae-yeol×2 in a.txt+b.txt'], articles: ['a.txt:3', 'b.txt:2'] },
      { id: 'wang-yi', spellings: ['Wang Yi×1 in a.txt'], articles: ['a.txt:1'] },
      { id: 'kim-jong-nam', spellings: ['Kim Jong-nam×1 in b.txt'], articles: ['b.txt:1'] },
      { id: 'kim-jong-un', spellings: ['Kim Jong-un×1 in c.txt'], articles: ['c.txt:1'] },
    ]);
  });

  it('keeps recorded different people apart across articles', () => {
    const x = articleFrom(rawArticle('Headline', 'Kim Keon-hee spoke.'), 'x.txt');
    const y = articleFrom(rawArticle('Headline', 'Kim Kun-hee spoke.'), 'y.txt');
    expect(buildCorpusNameIndex([x, y]).people).toHaveLength(1);
    expect(buildCorpusNameIndex([x, y], { distinctPeople: [['Kim Keon-hee', 'Kim Kun-hee']] }).people).toHaveLength(2);
  });

  it('an empty corpus has no people', () => {
    expect(buildCorpusNameIndex([]).people).toEqual([]);
  });
});
