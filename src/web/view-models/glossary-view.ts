import type { Concept } from '../../core/glossary/types.js';
import { CONCEPT_TYPES, TERM_STATUSES } from '../../core/glossary/types.js';
import type { ConceptHistoryRow, CorrectionSuggestion } from '../../service/types.js';
import type { ConceptFormValues } from '../forms/concept-form.js';
import type { DiffPart } from '../../core/diff/types.js';
import { formatTime } from './format.js';

/** One row of the glossary list. */
export interface ConceptRowVm {
  readonly id: string;
  readonly url: string;
  readonly type: string;
  readonly preferred: string;
  readonly admitted: string;
  readonly deprecated: string;
  readonly korean: string;
  readonly note: string;
  readonly origin: string;
}

/** Labels of the concept types. */
export const TYPE_LABELS: Readonly<Record<string, string>> = { person: 'Person', organisation: 'Organisation', place: 'Place', title: 'Title', term: 'Term' };

const ORIGIN_LABELS: Readonly<Record<string, string>> = {
  'names-page': 'from the names page',
  flag: 'from a flag',
  'correction-memory': 'from the correction memory',
  manual: 'by hand',
  import: 'imported',
};

/** Returns the terms of a concept with one status, English first, joined for a table cell. */
function termsWith(concept: Concept, status: string, lang: 'en' | 'ko'): string {
  return concept.terms.filter((t) => t.status === status && (lang === 'ko' ? t.lang === 'ko' : t.lang !== 'ko')).map((t) => t.text).join(', ');
}

/** Returns true when a concept matches the list's search and filters (search: any term or the note, case-insensitive). */
export function matchesFilter(concept: Concept, filter: { q: string; type: string; status: string }): boolean {
  if (filter.type && concept.type !== filter.type) return false;
  if (filter.status && !concept.terms.some((t) => t.status === filter.status)) return false;
  const q = filter.q.trim().toLocaleLowerCase();
  if (!q) return true;
  return concept.terms.some((t) => t.text.toLocaleLowerCase().includes(q)) || (concept.note ?? '').toLocaleLowerCase().includes(q);
}

/** Returns the glossary list page's view-model. */
export function buildGlossaryListView(concepts: readonly Concept[], filter: { q: string; type: string; status: string }, suggestionCount: number, notice: string | null) {
  const rows: ConceptRowVm[] = concepts.filter((c) => matchesFilter(c, filter)).map((c) => ({
    id: c.id,
    url: `/glossary/${c.id}`,
    type: TYPE_LABELS[c.type] ?? c.type,
    preferred: termsWith(c, 'preferred', 'en'),
    admitted: termsWith(c, 'admitted', 'en'),
    deprecated: termsWith(c, 'deprecated', 'en'),
    korean: c.terms.filter((t) => t.lang === 'ko').map((t) => t.text).join(', '),
    note: c.note ?? '',
    origin: `${ORIGIN_LABELS[c.provenance.origin] ?? c.provenance.origin}, ${c.provenance.createdBy}, ${formatTime(c.provenance.createdAt)}`,
  }));
  return {
    title: 'Glossary',
    rows,
    total: concepts.length,
    filter,
    types: CONCEPT_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] ?? value, isCurrent: value === filter.type })),
    statuses: TERM_STATUSES.map((value) => ({ value, label: value, isCurrent: value === filter.status })),
    suggestionCount,
    notice,
    formats: [
      { value: 'tbx', label: 'TBX-Basic' },
      { value: 'csv', label: 'CSV' },
      { value: 'deepl', label: 'DeepL CSV' },
      { value: 'google', label: 'Google CSV' },
      { value: 'json', label: 'JSON' },
    ],
  };
}

/** Returns the concept form page's view-model (new or edit), with a message when a save was refused. */
export function buildConceptFormView(values: ConceptFormValues, opts: { action: string; title: string; message: string | null }) {
  return {
    title: opts.title,
    action: opts.action,
    message: opts.message,
    values,
    types: CONCEPT_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] ?? value, isCurrent: value === values.type })),
  };
}

/** Returns the concept page's view-model: terms, provenance, history, and the edit form. */
export function buildConceptView(concept: Concept & { isDeleted: boolean }, history: readonly ConceptHistoryRow[], form: ConceptFormValues, message: string | null, notice: string | null) {
  return {
    title: termsWith(concept, 'preferred', 'en') || concept.id,
    id: concept.id,
    isDeleted: concept.isDeleted,
    type: TYPE_LABELS[concept.type] ?? concept.type,
    note: concept.note ?? '',
    terms: concept.terms.map((t) => ({ text: t.text, lang: t.lang, status: t.status, note: t.note ?? '' })),
    provenance: {
      origin: ORIGIN_LABELS[concept.provenance.origin] ?? concept.provenance.origin,
      source: concept.provenance.source ?? '',
      created: `${concept.provenance.createdBy}, ${formatTime(concept.provenance.createdAt)}`,
      modified: concept.provenance.modifiedBy ? `${concept.provenance.modifiedBy}, ${formatTime(concept.provenance.modifiedAt ?? null)}` : '',
    },
    history: history.map((h) => ({
      action: h.action,
      author: h.author,
      when: formatTime(h.createdAt),
      terms: h.snapshot.terms.map((t) => `${t.text} (${t.lang}, ${t.status})`).join('; '),
    })),
    form: buildConceptFormView(form, { action: `/glossary/${concept.id}`, title: 'Edit', message }),
    applyUrl: `/glossary/${concept.id}/apply`,
    notice,
  };
}

/** Returns the correction-memory suggestions page's view-model. */
export function buildSuggestionsView(suggestions: readonly CorrectionSuggestion[]) {
  return {
    title: 'Glossary suggestions',
    suggestions: suggestions.map((s) => ({
      mtText: s.mtText,
      editText: s.editText,
      count: s.count,
      articles: s.articles.map((a) => ({ url: `/articles/${a.id}`, title: a.title || '(untitled)' })),
      moreArticles: s.articleCount - s.articles.length,
    })),
  };
}

/** One change of the corpus-wide apply preview. */
export interface CorpusChangeVm {
  readonly key: string;
  readonly article: string;
  readonly articleUrl: string;
  readonly where: string;
  readonly baseField: string;
  readonly base: number;
  readonly count: number;
  readonly parts: readonly DiffPart[];
}

/** Returns the corpus-wide apply preview's view-model. */
export function buildGlossaryApplyView(concept: Concept, preferred: string, changes: readonly CorpusChangeVm[]) {
  return {
    title: `Apply “${preferred}” to all articles`,
    conceptUrl: `/glossary/${concept.id}`,
    action: `/glossary/${concept.id}/apply`,
    preferred,
    changes,
    total: changes.reduce((sum, c) => sum + c.count, 0),
    articleCount: new Set(changes.map((c) => c.articleUrl)).size,
  };
}
