import { sql } from 'kysely';
import type { Store } from './store.js';

/** A stored correction with where it was made. */
export interface CorrectionRow {
  readonly id: number;
  readonly articleId: number;
  readonly segmentId: number;
  readonly position: number;
  readonly revision: number;
  readonly mtText: string;
  readonly editText: string;
  readonly mtStart: number;
  readonly mtEnd: number;
  readonly editStart: number;
  readonly editEnd: number;
  readonly author: string;
  readonly createdAt: string;
}

/** Returns the corrections that stand in an article now: those of each segment's latest revision, in reading order. */
export async function listCurrentCorrections(store: Store, articleId: number): Promise<CorrectionRow[]> {
  const { rows } = await sql<CorrectionRow>`
    SELECT c.id, c.article_id AS "articleId", c.segment_id AS "segmentId", s.position, r.number AS revision,
           c.mt_text AS "mtText", c.edit_text AS "editText", c.mt_start AS "mtStart", c.mt_end AS "mtEnd",
           c.edit_start AS "editStart", c.edit_end AS "editEnd", r.author, r.created_at AS "createdAt"
    FROM corrections c
    JOIN revisions r ON r.id = c.revision_id
    JOIN segments s ON s.id = c.segment_id
    WHERE c.article_id = ${articleId}
      AND r.number = (SELECT MAX(number) FROM revisions WHERE segment_id = c.segment_id)
    ORDER BY s.position, c.mt_start, c.id`.execute(store.db);
  return rows;
}

/** One correction standing in the corpus now, with its article (for grouping per reader). */
export interface StandingCorrection {
  readonly mtText: string;
  readonly editText: string;
  readonly articleId: number;
  readonly title: string;
}

/** Returns every correction that stands now (latest revisions), in all articles, pure insertions left out, in the order they were made. */
export async function listStandingCorrections(store: Store): Promise<StandingCorrection[]> {
  const { rows } = await sql<StandingCorrection>`
    SELECT c.mt_text AS "mtText", c.edit_text AS "editText", a.id AS "articleId", a.title
    FROM corrections c
    JOIN revisions r ON r.id = c.revision_id
    JOIN articles a ON a.id = c.article_id
    WHERE c.mt_text <> ''
      AND r.number = (SELECT MAX(number) FROM revisions WHERE segment_id = c.segment_id)
    ORDER BY c.id`.execute(store.db);
  return rows;
}

/** A correction pair counted across the corpus (from the refreshed articles). */
export interface CorrectionCount {
  readonly mtText: string;
  readonly editText: string;
  /** How many times it stands in the corpus. */
  readonly count: number;
  /** In how many articles. */
  readonly articles: number;
}

/** Lookup words per statement (SQLite binds at most 32,766 parameters; PostgreSQL 65,535). */
const WORDS_PER_QUERY = 500;

/** Returns the corpus's correction pairs whose MT phrase starts with one of `words` (lookup words, see derived.ts). */
export async function listCorrectionCountsByFirstWord(store: Store, words: readonly string[]): Promise<CorrectionCount[]> {
  const out: CorrectionCount[] = [];
  for (let i = 0; i < words.length; i += WORDS_PER_QUERY) {
    const chunk = words.slice(i, i + WORDS_PER_QUERY);
    const rows = await store.db.selectFrom('correction_counts').select(['mt_text as mtText', 'edit_text as editText', 'count', 'articles'])
      .where('first_word', 'in', chunk).execute();
    out.push(...rows);
  }
  return out;
}

/**
 * Returns the distinct first words of the corpus's correction pairs, or undefined when there are
 * more than `limit` (then looking words up is cheaper than holding them).
 */
export async function listCorrectionFirstWords(store: Store, limit: number): Promise<string[] | undefined> {
  const rows = await store.db.selectFrom('correction_counts').select('first_word').distinct().limit(limit + 1).execute();
  return rows.length > limit ? undefined : rows.map((r) => r.first_word);
}

/** Returns the correction pairs an article contributed to the corpus counts at its last refresh. */
export async function listArticleCorrectionPairs(store: Store, articleId: number): Promise<{ mtText: string; editText: string; count: number }[]> {
  return store.db.selectFrom('article_corrections').select(['mt_text as mtText', 'edit_text as editText', 'count']).where('article_id', '=', articleId).execute();
}

/** Returns up to `limit` articles other than `exceptId` where a correction pair stands, with their titles, lowest id first. */
export async function sampleArticlesOfPair(store: Store, mtText: string, editText: string, exceptId: number, limit: number): Promise<{ id: number; title: string }[]> {
  return store.db.selectFrom('article_corrections as c').innerJoin('articles as a', 'a.id', 'c.article_id').select(['a.id', 'a.title'])
    .where('c.mt_text', '=', mtText).where('c.edit_text', '=', editText).where('c.article_id', '<>', exceptId)
    .orderBy('c.article_id').limit(limit).execute();
}

/** Returns the most frequent correction pairs of the corpus: at least `minCount` times (deletions left out and undecided glossary suggestions only, when asked), most frequent first. */
export async function listFrequentCorrections(store: Store, opts: { minCount: number; limit: number; offset?: number; isUndecidedOnly?: boolean; isRenderingOnly?: boolean }): Promise<CorrectionCount[]> {
  let query = store.db.selectFrom('correction_counts as c').select(['c.mt_text as mtText', 'c.edit_text as editText', 'c.count', 'c.articles'])
    .where('c.count', '>=', opts.minCount);
  if (opts.isRenderingOnly) query = query.where('c.edit_text', '<>', '');
  if (opts.isUndecidedOnly) {
    query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('suggestion_decisions as d').select('d.id').whereRef('d.mt_text', '=', 'c.mt_text').whereRef('d.edit_text', '=', 'c.edit_text'))));
  }
  return query.orderBy('c.count', 'desc').orderBy('c.articles', 'desc').orderBy('c.mt_text').orderBy('c.edit_text').limit(opts.limit).offset(opts.offset ?? 0).execute();
}

/** Returns how many correction pairs listFrequentCorrections would list with these filters (all pages). */
export async function countFrequentCorrections(store: Store, opts: { minCount: number; isUndecidedOnly?: boolean; isRenderingOnly?: boolean }): Promise<number> {
  let query = store.db.selectFrom('correction_counts as c').select((eb) => eb.fn.countAll<number>().as('n')).where('c.count', '>=', opts.minCount);
  if (opts.isRenderingOnly) query = query.where('c.edit_text', '<>', '');
  if (opts.isUndecidedOnly) {
    query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('suggestion_decisions as d').select('d.id').whereRef('d.mt_text', '=', 'c.mt_text').whereRef('d.edit_text', '=', 'c.edit_text'))));
  }
  return Number((await query.executeTakeFirst())?.n ?? 0);
}
