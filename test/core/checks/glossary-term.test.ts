import { describe, it, expect } from 'vitest';
import { glossaryTerm } from '../../../src/core/checks/glossary-term.js';
import { runChecks } from '../../../src/core/checks/run-checks.js';
import type { ArticleView, GlossaryConcept } from '../../../src/core/checks/types.js';
import { articleOf, corpusArticle } from './check-helpers.js';

const CHO: GlossaryConcept = { id: 'c1', type: 'person', preferred: 'Cho Tae-yul', admitted: ['Minister Cho Tae-yul'], deprecated: ['Cho Tae-yeol'] };
const PARTY: GlossaryConcept = { id: 'c2', type: 'organisation', preferred: 'Rebuilding Korea Party', admitted: [], deprecated: ['Korea Innovation Party'] };

/** Flags of the glossary-term check as `segment:start-end "text" severity -> suggestion`. */
function flagsOf(article: ArticleView, glossary: readonly GlossaryConcept[]): string[] {
  return runChecks(article, { glossary }, [glossaryTerm]).map((f) => `${f.segment}:${f.start}-${f.end} "${f.text}" ${f.severity} -> ${f.suggestions.join('|')}`);
}

describe('glossary-term', () => {
  it.each<[string, ArticleView, readonly GlossaryConcept[], string[]]>([
    ['an empty article', articleOf([]), [CHO], []],
    ['an empty glossary', corpusArticle(), [], []],
    ['a clean article: only the preferred form', articleOf([{ kind: 'headline', mt: 'Cho Tae-yul Visits Beijing' }, { mt: 'Foreign Minister Cho Tae-yul met Wang Yi.' }]), [CHO], []],
    ['looks suspicious but is fine: another person who shares the surname', articleOf([{ mt: 'Cho Kuk and Cho Tae-yul spoke.' }]), [CHO], []],
    ['looks suspicious but is fine: the rejected term in lower case is ordinary text', articleOf([{ mt: 'A korea innovation party was mooted.' }]), [PARTY], []],
    ['a deprecated spelling of a person', articleOf([{ kind: 'headline', mt: 'Cho Tae-yeol Criticizes Repatriation' }]), [CHO], ['0:0-12 "Cho Tae-yeol" error -> Cho Tae-yul']],
    ['another romanization the glossary does not list', articleOf([{ mt: 'Minister Jo Tae-yeol held talks.' }]), [CHO], ['0:9-20 "Jo Tae-yeol" warning -> Cho Tae-yul']],
    ['the given-name-first order', articleOf([{ mt: 'Tae-yeol Cho held talks.' }]), [CHO], ['0:0-12 "Tae-yeol Cho" warning -> Cho Tae-yul']],
    ['a rejected organisation name, whole words only', articleOf([{ mt: 'The Korea Innovation Party met; the Korea Innovation Partyline did not.' }]), [PARTY], ['0:4-26 "Korea Innovation Party" error -> Rebuilding Korea Party']],
    ['page chrome is not checked', articleOf([{ kind: 'boilerplate', mt: 'Korea Innovation Party' }]), [PARTY], []],
    [
      'regression, the corpus article: the headline and the caption spell Cho Tae-yeol',
      corpusArticle(),
      [CHO],
      ['4:0-12 "Cho Tae-yeol" error -> Cho Tae-yul', '8:0-12 "Cho Tae-yeol" error -> Cho Tae-yul', '8:110-122 "Cho Tae-yeol" error -> Cho Tae-yul'],
    ],
  ])('%s', (_label, article, glossary, expected) => {
    expect(flagsOf(article, glossary)).toEqual(expected);
  });

  it('gives flags about one concept one group and a fingerprint without offsets', () => {
    const flags = runChecks(corpusArticle(), { glossary: [CHO] }, [glossaryTerm]);
    expect(new Set(flags.map((f) => f.group))).toEqual(new Set(['c1']));
    expect(flags[0]!.fingerprint).toBe('glossary-term:c1:Cho Tae-yeol');
  });

  it('leaves a person the glossary names to this check: name-variant does not flag the same spans', () => {
    const flags = runChecks(corpusArticle(), { glossary: [CHO] });
    expect(flags.filter((f) => f.check === 'name-variant')).toEqual([]);
    expect(flags.filter((f) => f.check === 'glossary-term')).toHaveLength(3);
  });
});
