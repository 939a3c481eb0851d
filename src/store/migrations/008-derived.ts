import { sql } from 'kysely';
import { withId, type CopydeskMigration } from './define.js';

/** The kinds of segment the reports break figures down by (page chrome is never counted). */
const KINDS = ['headline', 'standfirst', 'body', 'caption'] as const;
/** What is kept per kind: segments, TER edits (as written and ignoring case) and words. */
const KIND_FIGURES = ['segments', 'edits', 'edits_ci', 'words'] as const;
/** The HTER bands of the reports' distribution ([0,5), [5,10), [10,20), [20,30), [30,50), >=50 percent). */
const HTER_BIN_COUNT = 6;

/**
 * Newsroom scale (issue 10): what the pages show is kept in tables that the writes and a background
 * refresher keep up to date, so no page reads every revision or segment of the corpus.
 *
 * - articles.is_dirty / refreshed_decisions / refresh_lease: an article's derived rows are stale
 *   when a write marked it dirty (its text, a dismissal, a category, another article's correction
 *   of a phrase it holds) or when a glossary or people decision came after its last refresh; the
 *   refresher claims stale articles under a lease, so several instances never refresh one at once.
 * - article_stats: an article's figures (edits, open flags, HTER, MQM, per kind of segment).
 * - article_flags: every flag the checks raise on it (open = not dismissed), for counts and lists.
 * - article_errors: its corrections by MQM dimension, severity and status, for the reports.
 * - article_corrections + correction_counts: the corrections standing in each article, and the
 *   corpus's count of each pair (the correction memory, the reports, the checks' corpus input).
 * - article_editors + editor_stats: what each editor did in each article, and in the corpus.
 * - article_names + corpus_people (+ name_buckets): the people of each article and, clustered
 *   across articles per surname, of the corpus (the names page).
 * - article_search: full text of each article's MT and edits (FTS5 on SQLite, tsvector on PostgreSQL).
 * - dirty_phrases: phrases whose correction changed and that too many articles hold to mark them
 *   for a refresh at once; the background refresher marks them.
 * - jobs: corpus-wide work with its progress (a re-check after a decision, a large import).
 */
export const migration: CopydeskMigration = {
  name: '008-derived',
  async up(db, backend) {
    await db.schema.alterTable('articles').addColumn('is_dirty', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.alterTable('articles').addColumn('refreshed_decisions', 'integer', (c) => c.notNull().defaultTo(-1)).execute();
    await db.schema.alterTable('articles').addColumn('refresh_lease', 'text').execute();
    await db.schema.createIndex('articles_dirty').on('articles').column('id').where(sql.ref('is_dirty'), '=', 1).execute();
    await db.schema.createIndex('articles_by_refreshed_decisions').on('articles').column('refreshed_decisions').execute();
    await db.schema.createIndex('articles_by_imported_at').on('articles').columns(['imported_at', 'id']).execute();
    await db.schema.createIndex('articles_by_status').on('articles').columns(['status', 'id']).execute();
    await db.schema.createIndex('articles_by_engine').on('articles').columns(['mt_engine', 'id']).execute();
    await db.schema.createIndex('articles_by_title').on('articles').columns(['title', 'id']).execute();
    await db.insertInto('counters').values({ name: 'corrections', value: 0 }).execute();

    let stats = db.schema.createTable('article_stats')
      .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('segments', 'integer', (c) => c.notNull())
      .addColumn('content_segments', 'integer', (c) => c.notNull())
      .addColumn('edited_segments', 'integer', (c) => c.notNull())
      .addColumn('untouched_segments', 'integer', (c) => c.notNull())
      .addColumn('mt_words', 'integer', (c) => c.notNull())
      .addColumn('words_changed', 'integer', (c) => c.notNull())
      .addColumn('changed_share', 'real', (c) => c.notNull()) // words_changed / mt_words, 0..1, for sorting
      .addColumn('open_errors', 'integer', (c) => c.notNull())
      .addColumn('open_warnings', 'integer', (c) => c.notNull())
      .addColumn('open_infos', 'integer', (c) => c.notNull())
      .addColumn('hter_edits', 'integer', (c) => c.notNull())
      .addColumn('hter_edits_ci', 'integer', (c) => c.notNull()) // case-insensitive
      .addColumn('hter_words', 'integer', (c) => c.notNull())
      .addColumn('hter', 'real', (c) => c.notNull())
      .addColumn('char_distance', 'integer', (c) => c.notNull())
      .addColumn('char_length', 'integer', (c) => c.notNull())
      .addColumn('is_approximate', 'integer', (c) => c.notNull())
      .addColumn('mqm_words', 'integer', (c) => c.notNull())
      .addColumn('mqm_penalty', 'real', (c) => c.notNull())
      .addColumn('mqm_raw_score', 'real')
      .addColumn('mqm_has_critical', 'integer', (c) => c.notNull())
      .addColumn('confirmed_corrections', 'integer', (c) => c.notNull())
      .addColumn('proposed_corrections', 'integer', (c) => c.notNull())
      .addColumn('unconfirmed_penalty', 'real', (c) => c.notNull())
      .addColumn('corrections', 'integer', (c) => c.notNull()) // confirmed + proposed, for sorting
      .addColumn('engine', 'text', (c) => c.notNull()) // the engine the figures were counted under in report_totals
      .addColumn('last_edited_at', 'text');
    for (const kind of KINDS) {
      for (const figure of KIND_FIGURES) stats = stats.addColumn(`${kind}_${figure}`, 'integer', (c) => c.notNull());
    }
    await stats.execute();
    // Running totals per MT engine, moved by each article's change (the reports read them, never
    // every article): counts, sums, HTER bands, the same per kind of segment, and MQM scores in
    // 0.1-point buckets, so the failing count follows any pass score without reading every article.
    let totals = db.schema.createTable('report_totals')
      .addColumn('engine', 'text', (c) => c.primaryKey())
      .addColumn('articles', 'integer', (c) => c.notNull())
      .addColumn('scored', 'integer', (c) => c.notNull())
      .addColumn('score_sum', 'real', (c) => c.notNull())
      .addColumn('critical', 'integer', (c) => c.notNull())
      .addColumn('confirmed', 'integer', (c) => c.notNull())
      .addColumn('proposed', 'integer', (c) => c.notNull())
      .addColumn('hter_edits', 'integer', (c) => c.notNull())
      .addColumn('hter_edits_ci', 'integer', (c) => c.notNull())
      .addColumn('hter_words', 'integer', (c) => c.notNull())
      .addColumn('char_distance', 'integer', (c) => c.notNull())
      .addColumn('char_length', 'integer', (c) => c.notNull())
      .addColumn('mt_words', 'integer', (c) => c.notNull())
      .addColumn('words_changed', 'integer', (c) => c.notNull());
    for (let bin = 0; bin < HTER_BIN_COUNT; bin += 1) totals = totals.addColumn(`bin_${bin}`, 'integer', (c) => c.notNull()).addColumn(`bin_ci_${bin}`, 'integer', (c) => c.notNull());
    for (const kind of KINDS) {
      for (const figure of KIND_FIGURES) totals = totals.addColumn(`${kind}_${figure}`, 'integer', (c) => c.notNull());
    }
    await totals.execute();
    await db.schema.createTable('report_scores')
      .addColumn('engine', 'text', (c) => c.notNull())
      .addColumn('bucket', 'integer', (c) => c.notNull()) // floor(raw score x 10) of articles scored without a critical error
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_scores_pk', ['engine', 'bucket'])
      .execute();
    await db.schema.createTable('report_errors')
      .addColumn('dimension', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('confirmed', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_errors_pk', ['dimension', 'severity'])
      .execute();

    await db.schema.createIndex('article_stats_by_open').on('article_stats').columns(['open_errors', 'open_warnings']).execute();
    await db.schema.createIndex('article_stats_by_share').on('article_stats').column('changed_share').execute();
    await db.schema.createIndex('article_stats_by_hter').on('article_stats').column('hter').execute();
    await db.schema.createIndex('article_stats_by_score').on('article_stats').column('mqm_raw_score').execute();
    await db.schema.createIndex('article_stats_by_edited').on('article_stats').column('last_edited_at').execute();
    await db.schema.createIndex('article_stats_by_corrections').on('article_stats').column('corrections').execute();

    await withId(db.schema.createTable('article_flags'), backend)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull()) // order in the article's flag list
      .addColumn('check_id', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('segment', 'integer', (c) => c.notNull())
      .addColumn('start_offset', 'integer', (c) => c.notNull())
      .addColumn('end_offset', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('suggestions', 'text', (c) => c.notNull()) // JSON string[]
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('group_key', 'text')
      .addColumn('variants', 'text') // JSON string[] or null
      .addColumn('is_dismissed', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('article_flags_by_article').on('article_flags').columns(['article_id', 'position']).execute();
    await db.schema.createIndex('article_flags_by_check').on('article_flags').columns(['check_id', 'is_dismissed', 'article_id']).execute();

    await db.schema.createTable('article_errors')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('dimension', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('confirmed', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_errors_pk', ['article_id', 'dimension', 'severity'])
      .execute();

    await db.schema.createTable('article_corrections')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('mt_text', 'text', (c) => c.notNull())
      .addColumn('edit_text', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_corrections_pk', ['article_id', 'mt_text', 'edit_text'])
      .execute();
    await db.schema.createIndex('article_corrections_by_pair').on('article_corrections').columns(['mt_text', 'edit_text', 'article_id']).execute();
    await db.schema.createTable('correction_counts')
      .addColumn('mt_text', 'text', (c) => c.notNull())
      .addColumn('edit_text', 'text', (c) => c.notNull())
      .addColumn('first_word', 'text', (c) => c.notNull()) // lower-cased first word of mt_text: the checks look phrases up by it
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('articles', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('correction_counts_pk', ['mt_text', 'edit_text'])
      .execute();
    await db.schema.createIndex('correction_counts_by_count').on('correction_counts').columns(['count', 'articles']).execute();
    await db.schema.createIndex('correction_counts_by_first_word').on('correction_counts').column('first_word').execute();

    await db.schema.createTable('editor_stats')
      .addColumn('author', 'text', (c) => c.primaryKey())
      .addColumn('revisions', 'integer', (c) => c.notNull())
      .addColumn('segments', 'integer', (c) => c.notNull())
      .addColumn('articles', 'integer', (c) => c.notNull())
      .addColumn('corrections', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createTable('article_editors')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('revisions', 'integer', (c) => c.notNull())
      .addColumn('segments', 'integer', (c) => c.notNull())
      .addColumn('corrections', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_editors_pk', ['article_id', 'author'])
      .execute();
    await db.schema.createIndex('article_editors_by_author').on('article_editors').columns(['author', 'article_id']).execute();

    await db.schema.createTable('article_names')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('person', 'integer', (c) => c.notNull()) // the person's index in the article
      .addColumn('spelling', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('surname_key', 'text', (c) => c.notNull())
      .addColumn('mentions', 'integer', (c) => c.notNull()) // the person's mentions in the article, surname-only ones included
      .addColumn('preferred', 'text', (c) => c.notNull()) // the article's preferred spelling of the person
      .addColumn('preferred_because', 'text', (c) => c.notNull())
      .addColumn('corpus_person_id', 'integer')
      .addPrimaryKeyConstraint('article_names_pk', ['article_id', 'person', 'spelling'])
      .execute();
    await db.schema.createIndex('article_names_by_surname').on('article_names').columns(['surname_key', 'article_id']).execute();
    await db.schema.createIndex('article_names_by_person').on('article_names').columns(['corpus_person_id', 'spelling']).execute();
    await withId(db.schema.createTable('corpus_people'), backend)
      .addColumn('surname_key', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('preferred', 'text', (c) => c.notNull())
      .addColumn('preferred_because', 'text', (c) => c.notNull())
      .addColumn('spellings', 'integer', (c) => c.notNull())
      .addColumn('mentions', 'integer', (c) => c.notNull())
      .addColumn('articles', 'integer', (c) => c.notNull())
      .addColumn('first_article', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('corpus_people_by_listing').on('corpus_people').columns(['spellings', 'mentions', 'id']).execute();
    await db.schema.createIndex('corpus_people_by_surname').on('corpus_people').column('surname_key').execute();
    await db.schema.createTable('name_buckets')
      .addColumn('surname_key', 'text', (c) => c.primaryKey())
      .addColumn('is_dirty', 'integer', (c) => c.notNull())
      .addColumn('lease', 'text')
      .execute();
    await db.schema.createIndex('name_buckets_dirty').on('name_buckets').column('surname_key').where(sql.ref('is_dirty'), '=', 1).execute();

    await withId(db.schema.createTable('dirty_phrases'), backend)
      .addColumn('phrase', 'text', (c) => c.notNull())
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('jobs'), backend)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state IN ('queued', 'running', 'done', 'failed')`))
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('done', 'integer', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull()) // JSON
      .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('lease', 'text')
      .execute();
    await db.schema.createIndex('jobs_by_state').on('jobs').columns(['state', 'id']).execute();

    if (backend === 'sqlite') {
      // rowid = the article's id; unicode61 folds case and diacritics, no stemming (names are not words).
      await sql`CREATE VIRTUAL TABLE article_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    } else {
      await db.schema.createTable('article_search')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('doc', sql`tsvector`, (c) => c.notNull())
        .execute();
      // The 'simple' configuration folds case without stemming, as FTS5's unicode61 does.
      await sql`CREATE INDEX article_search_by_doc ON article_search USING gin (doc)`.execute(db);
    }
  },
};
