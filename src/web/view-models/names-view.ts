import type { CorpusNameIndex } from '../../core/names/build-corpus-name-index.js';

/** One person on the names page. */
export interface PersonVm {
  readonly id: string;
  readonly preferred: string;
  readonly preferredBecause: string;
  readonly isInconsistent: boolean;
  readonly spellings: readonly { readonly text: string; readonly count: number; readonly articles: readonly { readonly url: string; readonly title: string; readonly count: number }[] }[];
  readonly articles: readonly { readonly url: string; readonly title: string; readonly count: number }[];
  /** Spellings other than the preferred one, each offered as "a different person". */
  readonly others: readonly string[];
}

/** The names page: every person across the corpus, inconsistent ones first. */
export interface NamesVm {
  readonly title: string;
  readonly people: readonly PersonVm[];
  readonly inconsistentCount: number;
  readonly distinctPairs: readonly { readonly a: string; readonly b: string }[];
}

const BECAUSE: Readonly<Record<string, string>> = {
  glossary: 'the glossary’s form',
  correction: 'the spelling an editor corrected to',
  frequency: 'the spelling the body text uses most',
};

/** Returns the names page's view-model. */
export function buildNamesView(index: CorpusNameIndex, distinctPeople: readonly (readonly [string, string])[]): NamesVm {
  const toArticle = (a: { key: string; title: string; count: number }) => ({ url: `/articles/${a.key}`, title: a.title || '(untitled)', count: a.count });
  const people = index.people.map((p): PersonVm => ({
    id: p.id,
    preferred: p.preferred,
    preferredBecause: BECAUSE[p.preferredBecause] ?? '',
    isInconsistent: p.spellings.length > 1,
    spellings: p.spellings.map((s) => ({ text: s.text, count: s.count, articles: s.articles.map(toArticle) })),
    articles: p.articles.map(toArticle),
    others: p.spellings.map((s) => s.text).filter((t) => t !== p.preferred),
  }));
  const ordered = [...people.filter((p) => p.isInconsistent), ...people.filter((p) => !p.isInconsistent)];
  return {
    title: 'Names',
    people: ordered,
    inconsistentCount: people.filter((p) => p.isInconsistent).length,
    distinctPairs: distinctPeople.map(([a, b]) => ({ a, b })),
  };
}
