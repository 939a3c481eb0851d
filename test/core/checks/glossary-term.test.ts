import { describe, it, expect } from 'vitest';
import { spansOf } from '../../../src/core/checks/flag-spans.js';
import { glossaryTerm } from '../../../src/core/checks/glossary-term.js';
import { runChecks } from '../../../src/core/checks/run-checks.js';
import type { ArticleView, GlossaryConcept } from '../../../src/core/checks/types.js';
import { articleOf, corpusArticle } from './check-helpers.js';

const CHO: GlossaryConcept = { id: 'c1', type: 'person', preferred: 'Cho Tae-yul', admitted: ['Minister Cho Tae-yul'], deprecated: ['Cho Tae-yeol'] };
const PARTY: GlossaryConcept = { id: 'c2', type: 'organisation', preferred: 'Rebuilding Korea Party', admitted: [], deprecated: ['Korea Innovation Party'] };

/** Flags of the glossary-term check as `segment:start-end "text" severity -> suggestion`. */
function flagsOf(article: ArticleView, glossary: readonly GlossaryConcept[]): string[] {
  return runChecks(article, { glossary }, [glossaryTerm]).map(
    (f) => `${spansOf(f).map((s) => `${s.segment}:${s.start}-${s.end} "${s.text}"`).join(' + ')} ${f.severity} -> ${f.suggestions.join('|')}`,
  );
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
      // Issue 12: one flag for the person, with its three places (was three flags).
      ['4:0-12 "Cho Tae-yeol" + 8:0-12 "Cho Tae-yeol" + 8:110-122 "Cho Tae-yeol" error -> Cho Tae-yul'],
    ],
  ])('%s', (_label, article, glossary, expected) => {
    expect(flagsOf(article, glossary)).toEqual(expected);
  });

  it('gives a person one flag, grouped by the concept, with a fingerprint without offsets or spellings', () => {
    const flags = runChecks(corpusArticle(), { glossary: [CHO] }, [glossaryTerm]);
    expect(flags.map((f) => f.group)).toEqual(['c1']);
    expect(flags[0]!.fingerprint).toBe('glossary-term:c1');
    expect(flags[0]!.message).toBe('Cho Tae-yeol (the headline and the caption) is a spelling the glossary rejects; write Cho Tae-yul.');
  });

  it('puts a rejected spelling and another romanization of one person in one flag, an error', () => {
    const flags = runChecks(articleOf([{ kind: 'headline', mt: 'Cho Tae-yeol Visits' }, { mt: 'Minister Jo Tae-yeol held talks.' }]), { glossary: [CHO] }, [glossaryTerm]);
    expect(flags.map((f) => [f.severity, spansOf(f).map((s) => s.text)])).toEqual([['error', ['Cho Tae-yeol', 'Jo Tae-yeol']]]);
    expect(flags[0]!.message).toBe(
      "Cho Tae-yeol (the headline) is a spelling the glossary rejects; Jo Tae-yeol (paragraph 1) is another romanization of Cho Tae-yul, the glossary's form; write Cho Tae-yul.",
    );
  });

  it('leaves a person the glossary names to this check: name-variant does not flag the same spans', () => {
    const flags = runChecks(corpusArticle(), { glossary: [CHO] });
    expect(flags.filter((f) => f.check === 'name-variant')).toEqual([]);
    expect(flags.filter((f) => f.check === 'glossary-term')).toHaveLength(1);
  });
});
