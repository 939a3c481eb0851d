import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them (migrations/ creates them). Times are ISO 8601 text, so they sort
 * as text on both backends; booleans are 0/1 integers; JSON is text. Column names are snake_case,
 * as in SQL; repositories alias them to camelCase.
 */
export interface Schema {
  articles: ArticlesTable;
  segments: SegmentsTable;
  revisions: RevisionsTable;
  corrections: CorrectionsTable;
  settings: SettingsTable;
  dismissals: DismissalsTable;
  distinct_people: DistinctPeopleTable;
  concepts: ConceptsTable;
  terms: TermsTable;
  concept_history: ConceptHistoryTable;
  suggestion_decisions: SuggestionDecisionsTable;
  pending_imports: PendingImportsTable;
  correction_categories: CorrectionCategoriesTable;
  counters: CountersTable;
}

export interface ArticlesTable {
  id: Generated<number>;
  title: string;
  source_name: string;
  content_hash: string;
  status: Generated<string>;
  imported_at: string;
  imported_by: string;
  mt_engine: Generated<string>;
  /** Bumped by every write that changes what the article's pages show (migration 007). */
  version: Generated<number>;
  /** Bumped by every revision of one of its segments: what its checks read changed. */
  text_version: Generated<number>;
}

export interface SegmentsTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  kind: string;
  mt: string;
  mt_words: number;
}

export interface RevisionsTable {
  id: Generated<number>;
  segment_id: number;
  number: number;
  text: string;
  author: string;
  created_at: string;
  base_number: number;
  reverted_to: number | null;
  diff_mt: string;
  diff_prev: string;
  is_coarse: Generated<number>;
  words_changed: number;
}

export interface CorrectionsTable {
  id: Generated<number>;
  revision_id: number;
  segment_id: number;
  article_id: number;
  mt_text: string;
  edit_text: string;
  mt_start: number;
  mt_end: number;
  edit_start: number;
  edit_end: number;
}

export interface SettingsTable {
  name: string;
  value: string;
}

export interface DismissalsTable {
  id: Generated<number>;
  article_id: number;
  check_id: string;
  fingerprint: string;
  text: string;
  reason: string;
  author: string;
  created_at: string;
  revoked_by: string | null;
  revoked_at: string | null;
}

export interface DistinctPeopleTable {
  id: Generated<number>;
  spelling_a: string;
  spelling_b: string;
  author: string;
  created_at: string;
}

export interface ConceptsTable {
  id: Generated<number>;
  type: string;
  note: Generated<string>;
  origin: string;
  source: string | null;
  created_by: string;
  created_at: string;
  modified_by: string | null;
  modified_at: string | null;
  deleted_by: string | null;
  deleted_at: string | null;
}

export interface TermsTable {
  id: Generated<number>;
  concept_id: number;
  position: number;
  text: string;
  lang: string;
  status: string;
  note: Generated<string>;
}

export interface ConceptHistoryTable {
  id: Generated<number>;
  concept_id: number;
  action: string;
  snapshot: string;
  author: string;
  created_at: string;
}

export interface SuggestionDecisionsTable {
  id: Generated<number>;
  mt_text: string;
  edit_text: string;
  decision: string;
  concept_id: number | null;
  author: string;
  created_at: string;
}

export interface PendingImportsTable {
  id: Generated<number>;
  name: string;
  content: string;
  author: string;
  created_at: string;
}

export interface CorrectionCategoriesTable {
  id: Generated<number>;
  article_id: number;
  segment_id: number;
  mt_text: string;
  edit_text: string;
  category: string;
  severity: string;
  author: string;
  created_at: string;
}

/** Corpus-wide change counters (migration 007): 'revisions', 'decisions', 'settings'. */
export interface CountersTable {
  name: string;
  value: number;
}

/** Every table in the order a copy must write them (a table after those it references). */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'articles',
  'segments',
  'revisions',
  'corrections',
  'settings',
  'dismissals',
  'distinct_people',
  'concepts',
  'terms',
  'concept_history',
  'suggestion_decisions',
  'pending_imports',
  'correction_categories',
  'counters',
] as const satisfies readonly (keyof Schema)[];

/** The tables whose `id` is generated: a copy keeps the ids and then moves PostgreSQL's sequences past them. */
export const TABLES_WITH_GENERATED_IDS: readonly (keyof Schema)[] = TABLES_IN_DEPENDENCY_ORDER.filter((t) => t !== 'settings' && t !== 'counters');
