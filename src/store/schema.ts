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
  article_stats: ArticleStatsTable;
  report_totals: ReportTotalsTable;
  report_scores: ReportScoresTable;
  report_errors: ReportErrorsTable;
  article_flags: ArticleFlagsTable;
  article_errors: ArticleErrorsTable;
  article_corrections: ArticleCorrectionsTable;
  correction_counts: CorrectionCountsTable;
  editor_stats: EditorStatsTable;
  article_editors: ArticleEditorsTable;
  article_names: ArticleNamesTable;
  corpus_people: CorpusPeopleTable;
  corpus_person_spellings: CorpusPersonSpellingsTable;
  name_buckets: NameBucketsTable;
  jobs: JobsTable;
  dirty_phrases: DirtyPhrasesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  setting_changes: SettingChangesTable;
  article_sources: ArticleSourcesTable;
  source_segments: SourceSegmentsTable;
  presence: PresenceTable;
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
  /** 1 when its derived rows (migration 008) must be refreshed. */
  is_dirty: Generated<number>;
  /** The decisions counter its derived rows were computed under. */
  refreshed_decisions: Generated<number>;
  /** Until when (ISO time) a refresher holds it. */
  refresh_lease: string | null;
}

export interface SegmentsTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  kind: string;
  mt: string;
  mt_words: number;
}

/** The Korean original of an article (migration 012, issue 12). */
export interface ArticleSourcesTable {
  id: Generated<number>;
  article_id: number;
  source_name: string;
  text: string;
  added_by: string;
  added_at: string;
}

/** A segment of an article's Korean original, with the MT positions aligned with it ('1,2'; '' for none). */
export interface SourceSegmentsTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  kind: string;
  text: string;
  aligned: string;
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


export interface ArticleStatsTable {
  article_id: number;
  segments: number;
  content_segments: number;
  edited_segments: number;
  untouched_segments: number;
  mt_words: number;
  words_changed: number;
  changed_share: number;
  open_errors: number;
  open_warnings: number;
  open_infos: number;
  hter_edits: number;
  hter_edits_ci: number;
  hter_words: number;
  hter: number;
  char_distance: number;
  char_length: number;
  is_approximate: number;
  mqm_words: number;
  mqm_penalty: number;
  mqm_raw_score: number | null;
  mqm_has_critical: number;
  confirmed_corrections: number;
  proposed_corrections: number;
  unconfirmed_penalty: number;
  corrections: number;
  engine: string;
  last_edited_at: string | null;
  headline_segments: number;
  headline_edits: number;
  headline_edits_ci: number;
  headline_words: number;
  standfirst_segments: number;
  standfirst_edits: number;
  standfirst_edits_ci: number;
  standfirst_words: number;
  body_segments: number;
  body_edits: number;
  body_edits_ci: number;
  body_words: number;
  caption_segments: number;
  caption_edits: number;
  caption_edits_ci: number;
  caption_words: number;
}

export interface ReportTotalsTable {
  engine: string;
  articles: number;
  scored: number;
  score_sum: number;
  critical: number;
  confirmed: number;
  proposed: number;
  hter_edits: number;
  hter_edits_ci: number;
  hter_words: number;
  char_distance: number;
  char_length: number;
  mt_words: number;
  words_changed: number;
  bin_0: number;
  bin_ci_0: number;
  bin_1: number;
  bin_ci_1: number;
  bin_2: number;
  bin_ci_2: number;
  bin_3: number;
  bin_ci_3: number;
  bin_4: number;
  bin_ci_4: number;
  bin_5: number;
  bin_ci_5: number;
  headline_segments: number;
  headline_edits: number;
  headline_edits_ci: number;
  headline_words: number;
  standfirst_segments: number;
  standfirst_edits: number;
  standfirst_edits_ci: number;
  standfirst_words: number;
  body_segments: number;
  body_edits: number;
  body_edits_ci: number;
  body_words: number;
  caption_segments: number;
  caption_edits: number;
  caption_edits_ci: number;
  caption_words: number;
}

export interface ReportScoresTable {
  engine: string;
  bucket: number;
  count: number;
}

export interface ReportErrorsTable {
  dimension: string;
  severity: string;
  total: number;
  confirmed: number;
}

export interface ArticleFlagsTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  check_id: string;
  severity: string;
  segment: number;
  start_offset: number;
  end_offset: number;
  text: string;
  message: string;
  suggestions: string;
  fingerprint: string;
  group_key: string | null;
  variants: string | null;
  /** JSON [{segment, start, end, text}, …]: every place the flag covers (migration 011); null when only the primary one. */
  spans: string | null;
  is_dismissed: number;
}

export interface ArticleErrorsTable {
  article_id: number;
  dimension: string;
  severity: string;
  total: number;
  confirmed: number;
}

export interface ArticleCorrectionsTable {
  article_id: number;
  mt_text: string;
  edit_text: string;
  count: number;
}

export interface CorrectionCountsTable {
  mt_text: string;
  edit_text: string;
  first_word: string;
  count: number;
  articles: number;
}

export interface EditorStatsTable {
  author: string;
  revisions: number;
  segments: number;
  articles: number;
  corrections: number;
}

export interface ArticleEditorsTable {
  article_id: number;
  author: string;
  revisions: number;
  segments: number;
  corrections: number;
}

export interface ArticleNamesTable {
  article_id: number;
  person: number;
  spelling: string;
  count: number;
  surname_key: string;
  mentions: number;
  preferred: string;
  preferred_because: string;
  corpus_person_id: number | null;
}

export interface CorpusPeopleTable {
  id: Generated<number>;
  surname_key: string;
  slug: string;
  preferred: string;
  preferred_because: string;
  spellings: number;
  mentions: number;
  articles: number;
  first_article: number;
}

/** A corpus person's spelling with its totals over the person's articles (migration 016), written when the person's bucket is clustered. */
export interface CorpusPersonSpellingsTable {
  corpus_person_id: number;
  surname_key: string;
  spelling: string;
  count: number;
  articles: number;
}

export interface NameBucketsTable {
  surname_key: string;
  is_dirty: number;
  lease: string | null;
}

export interface DirtyPhrasesTable {
  id: Generated<number>;
  phrase: string;
  article_id: number;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  state: string;
  total: number;
  done: number;
  payload: string;
  message: Generated<string>;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  lease: string | null;
}

/** Accounts (migration 010). */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  role: string;
  password_hash: string;
  must_change_password: Generated<number>;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  created_by: string;
  created_at: string;
  removed_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface SettingChangesTable {
  id: Generated<number>;
  name: string;
  value: string;
  changed_by: string;
  changed_at: string;
}

/** One open live view of an article's review page (migration 015, service/live.ts). */
export interface PresenceTable {
  /** Random, one per event stream. */
  connection_id: string;
  /** The app instance that serves the stream. */
  instance_id: string;
  article_id: number;
  user_id: number;
  /** When the instance last vouched for the stream (ISO time); older than 45 s counts for nobody. */
  last_seen: string;
}

/** Corpus-wide change counters (migrations 007 and 008): 'revisions', 'decisions', 'settings', 'corrections'. */
export interface CountersTable {
  name: string;
  value: number;
}

/**
 * Every table a copy writes, in order (a table after those it references). The derived tables of
 * migration 008 (article_stats, article_flags, …) are left out: the copy marks every article for a
 * refresh, and the target's refresher derives them again.
 */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'articles',
  'segments',
  'article_sources',
  'source_segments',
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
  'jobs',
  'users',
  // sessions are not copied: a copied database is signed into afresh; nor is presence (who has a page open).
  'api_tokens',
  'setting_changes',
] as const satisfies readonly (keyof Schema)[];

/** Tables keyed by something other than a generated `id` (copied whole, in one read). */
export const TABLES_WITHOUT_IDS: ReadonlySet<keyof Schema> = new Set(['settings', 'counters']);

/** The tables whose `id` is generated: a copy keeps the ids and then moves PostgreSQL's sequences past them. */
export const TABLES_WITH_GENERATED_IDS: readonly (keyof Schema)[] = TABLES_IN_DEPENDENCY_ORDER.filter((t) => !TABLES_WITHOUT_IDS.has(t));
