import type { NamesPerson } from '../../service/names.js';

/** One person on the names page. */
export interface PersonVm {
  readonly id: string;
  readonly preferred: string;
  readonly preferredBecause: string;
  readonly isInconsistent: boolean;
  readonly spellings: readonly { readonly text: string; readonly count: number; readonly articles: readonly { readonly url: string; readonly title: string; readonly count: number }[]; readonly more: number }[];
  readonly mentions: number;
  readonly articleCount: number;
  /** Spellings other than the preferred one, each offered as "a different person". */
  readonly others: readonly string[];
}

const BECAUSE: Readonly<Record<string, string>> = {
  glossary: 'the glossary’s form',
  correction: 'the spelling an editor corrected to',
  table: 'the reference table’s standard or popular form',
  frequency: 'the spelling the body text uses most',
};

/** Returns the names page's view-model: one page of people (most spellings first), and the decisions recorded. */
export function buildNamesView(
  names: {
    people: readonly NamesPerson[]; total: number; inconsistent: number; distinctPeople: readonly (readonly [string, string])[]; isUpdating: boolean;
    articles: { covered: number; total: number };
  },
  paging: { page: number; pageSize: number },
) {
  const people = names.people.map((p): PersonVm => ({
    id: p.slug,
    preferred: p.preferred,
    preferredBecause: BECAUSE[p.preferredBecause] ?? '',
    isInconsistent: p.spellings > 1,
    spellings: p.spellingList.map((s) => ({
      text: s.text,
      count: s.count,
      articles: s.articles.map((a) => ({ url: `/articles/${a.id}`, title: a.title || '(untitled)', count: a.count })),
      more: s.articleCount - s.articles.length,
    })),
    mentions: p.mentions,
    articleCount: p.articles,
    others: p.spellingList.map((s) => s.text).filter((t) => t !== p.preferred),
  }));
  const pages = Math.max(1, Math.ceil(names.total / paging.pageSize));
  return {
    title: 'Names',
    people,
    total: names.total,
    /** How many articles the people come from: "the corpus’s 60 articles", or "58 of the corpus’s 60 articles" while some wait for their first check. */
    coverage: `${names.articles.covered < names.articles.total ? `${names.articles.covered.toLocaleString('en')} of ` : ''}the corpus’s ${names.articles.total.toLocaleString('en')} article${names.articles.total === 1 ? '' : 's'}`,
    inconsistentCount: names.inconsistent,
    isUpdating: names.isUpdating,
    distinctPairs: names.distinctPeople.map(([a, b]) => ({ a, b })),
    paging: {
      page: paging.page,
      pages,
      previousUrl: paging.page > 1 ? `/names?page=${paging.page - 1}` : null,
      nextUrl: paging.page < pages ? `/names?page=${paging.page + 1}` : null,
    },
  };
}
