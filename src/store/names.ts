import { sql } from 'kysely';
import type { Store } from './store.js';
import { bumpCounter } from './counters.js';
import type { PersonUnit } from '../core/names/build-corpus-name-index.js';
import type { PreferredBecause } from '../core/names/types.js';

/**
 * The corpus's people (issue 10): each refreshed article stores its people (article_names); the
 * people of all articles are clustered per surname (a name bucket) whenever a bucket's articles
 * changed, and the names page reads the clusters (corpus_people), never the articles.
 */

/**
 * Claims up to `limit` name buckets marked for clustering and not held by another worker, until
 * `leaseUntil`; with `maxUnits`, only buckets of at most that many article persons (each probe
 * stops after maxUnits + 1 index entries), which a page may cluster within its budget.
 */
export async function claimDirtyBuckets(store: Store, opts: { now: string; leaseUntil: string; limit: number; maxUnits?: number }): Promise<{ surnameKey: string; lease: string }[]> {
  const isSmall = opts.maxUnits === undefined ? sql`` : sql`AND NOT EXISTS (
        SELECT 1 FROM article_names n WHERE n.surname_key = b.surname_key ORDER BY n.surname_key, n.article_id LIMIT 1 OFFSET ${opts.maxUnits})`;
  const { rows } = await sql<{ surnameKey: string }>`
    UPDATE name_buckets SET lease = ${opts.leaseUntil}
    WHERE surname_key IN (
      SELECT b.surname_key FROM name_buckets b WHERE b.is_dirty = 1 AND (b.lease IS NULL OR b.lease < ${opts.now}) ${isSmall}
      ORDER BY b.surname_key LIMIT ${opts.limit})
    AND is_dirty = 1 AND (lease IS NULL OR lease < ${opts.now})
    RETURNING surname_key AS "surnameKey"`.execute(store.db);
  return rows.map((r) => ({ surnameKey: r.surnameKey, lease: opts.leaseUntil }));
}

/** Gives claimed buckets back (not clustered) while this worker still holds them, so another worker may take them at once. */
export async function releaseBucketLeases(store: Store, surnameKeys: readonly string[], lease: string): Promise<void> {
  if (surnameKeys.length === 0) return;
  await store.db.updateTable('name_buckets').set({ lease: null }).where('surname_key', 'in', [...surnameKeys]).where('lease', '=', lease).execute();
}

/** Returns true when some name bucket waits for clustering. */
export async function hasDirtyBuckets(store: Store): Promise<boolean> {
  const row = await store.db.selectFrom('name_buckets').select('surname_key').where('is_dirty', '=', 1).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Marks every name bucket for clustering: a "different people" or glossary decision changes who is whom. */
export async function markAllBucketsDirty(store: Store): Promise<void> {
  await sql`UPDATE name_buckets SET is_dirty = 1, lease = NULL`.execute(store.db);
}

/** Returns the people of every article naming someone of this surname, as the clustering takes them, in article order. */
export async function listBucketUnits(store: Store, surnameKey: string): Promise<(PersonUnit & { readonly articleId: number; readonly person: number })[]> {
  const rows = await store.db.selectFrom('article_names as n').innerJoin('articles as a', 'a.id', 'n.article_id')
    .select(['n.article_id as articleId', 'n.person', 'n.spelling', 'n.count', 'n.mentions', 'n.preferred', 'n.preferred_because as preferredBecause', 'a.title'])
    .where('n.surname_key', '=', surnameKey)
    .orderBy('n.article_id').orderBy('n.person').orderBy('n.count', 'desc').orderBy('n.spelling')
    .execute();
  const units: (PersonUnit & { articleId: number; person: number; spellings: { text: string; count: number }[] })[] = [];
  for (const r of rows) {
    let unit = units[units.length - 1];
    if (!unit || unit.articleId !== r.articleId || unit.person !== r.person) {
      unit = {
        articleId: r.articleId, person: r.person, article: { key: String(r.articleId), title: r.title }, surnameKey,
        preferred: r.preferred, preferredBecause: r.preferredBecause as PreferredBecause, mentions: r.mentions, spellings: [],
      };
      units.push(unit);
    }
    unit.spellings.push({ text: r.spelling, count: r.count });
  }
  return units;
}

/** One clustered person of a bucket, with the article persons it gathers. */
export interface BucketPerson {
  readonly slug: string;
  readonly preferred: string;
  readonly preferredBecause: string;
  readonly spellings: number;
  readonly mentions: number;
  readonly articles: number;
  readonly firstArticle: number;
  readonly members: readonly { readonly articleId: number; readonly person: number }[];
}

/**
 * Replaces a bucket's people and points its article persons at them, in one transaction; clears
 * the bucket's mark only while this worker still holds it (a refresh that changed its articles
 * meanwhile took the lease away, and the bucket is clustered again).
 */
export async function writeBucket(store: Store, surnameKey: string, lease: string, people: readonly BucketPerson[]): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.db.updateTable('article_names').set({ corpus_person_id: null }).where('surname_key', '=', surnameKey).execute();
    await tx.db.deleteFrom('corpus_people').where('surname_key', '=', surnameKey).execute();
    for (const p of people) {
      const { id } = await tx.db.insertInto('corpus_people').values({
        surname_key: surnameKey, slug: await freeSlug(tx, p.slug), preferred: p.preferred, preferred_because: p.preferredBecause,
        spellings: p.spellings, mentions: p.mentions, articles: p.articles, first_article: p.firstArticle,
      }).returning('id').executeTakeFirstOrThrow();
      for (let i = 0; i < p.members.length; i += 400) {
        const members = p.members.slice(i, i + 400);
        await sql`UPDATE article_names SET corpus_person_id = ${id}
          WHERE surname_key = ${surnameKey} AND (${sql.join(members.map((m) => sql`(article_id = ${m.articleId} AND person = ${m.person})`), sql` OR `)})`.execute(tx.db);
      }
    }
    // The people's spelling totals, as the names page shows them (one aggregate of the bucket's rows, here rather than on every view).
    await tx.db.deleteFrom('corpus_person_spellings').where('surname_key', '=', surnameKey).execute();
    await sql`INSERT INTO corpus_person_spellings (corpus_person_id, surname_key, spelling, count, articles)
      SELECT corpus_person_id, surname_key, spelling, SUM(count), COUNT(*) FROM article_names
      WHERE surname_key = ${surnameKey} AND corpus_person_id IS NOT NULL GROUP BY corpus_person_id, surname_key, spelling`.execute(tx.db);
    await sql`UPDATE name_buckets SET is_dirty = 0, lease = NULL WHERE surname_key = ${surnameKey} AND lease = ${lease}`.execute(tx.db);
    await bumpCounter(tx, 'derived');
  });
}

/** Returns `slug`, or `slug-2`, `slug-3`… when another person (of another surname bucket) has it. */
async function freeSlug(store: Store, slug: string): Promise<string> {
  const taken = new Set((await store.db.selectFrom('corpus_people').select('slug').where((eb) => eb.or([eb('slug', '=', slug), eb('slug', 'like', `${slug}-%`)])).execute()).map((r) => r.slug));
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n += 1) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** One person of the corpus as the names page lists them. */
export interface CorpusPersonRow {
  readonly id: number;
  readonly slug: string;
  readonly preferred: string;
  readonly preferredBecause: string;
  readonly spellings: number;
  readonly mentions: number;
  readonly articles: number;
}

/** Returns one page of the corpus's people, those spelled in most ways first, then the most mentioned. */
export async function listPeoplePage(store: Store, opts: { offset: number; limit: number }): Promise<CorpusPersonRow[]> {
  return store.db.selectFrom('corpus_people')
    .select(['id', 'slug', 'preferred', 'preferred_because as preferredBecause', 'spellings', 'mentions', 'articles'])
    .orderBy('spellings', 'desc').orderBy('mentions', 'desc').orderBy('id', 'desc')
    .limit(opts.limit).offset(opts.offset).execute();
}

/** Returns how many people the corpus names, and how many of them are spelled in more than one way. */
export async function countPeople(store: Store): Promise<{ people: number; inconsistent: number }> {
  const { rows } = await sql<{ people: number; inconsistent: number }>`
    SELECT (SELECT COUNT(*) FROM corpus_people) AS people, (SELECT COUNT(*) FROM corpus_people WHERE spellings > 1) AS inconsistent`.execute(store.db);
  return { people: Number(rows[0]?.people ?? 0), inconsistent: Number(rows[0]?.inconsistent ?? 0) };
}

/** One spelling of a corpus person as the names page shows it: its totals and the articles that use it most. */
export interface PersonSpelling {
  readonly text: string;
  readonly count: number;
  readonly articles: { id: number; title: string; count: number }[];
  readonly articleCount: number;
}

/** Spellings whose top articles one statement reads (SQLite allows 500 terms in a compound SELECT). */
const SPELLINGS_PER_STATEMENT = 100;

/**
 * Returns the spellings of these people with their totals (most used first), each with up to
 * `perSpelling` articles (most uses first): the totals from corpus_person_spellings, the articles
 * from the first entries of one index range per spelling (article_names_by_person_count), so a
 * page reads a bounded number of rows however many articles name its people.
 */
export async function listPeopleSpellings(store: Store, personIds: readonly number[], perSpelling: number): Promise<Map<number, PersonSpelling[]>> {
  const out = new Map<number, PersonSpelling[]>();
  if (personIds.length === 0) return out;
  const totals = await store.db.selectFrom('corpus_person_spellings')
    .select(['corpus_person_id as personId', 'spelling', 'count', 'articles'])
    .where('corpus_person_id', 'in', [...personIds]).execute();
  const top = new Map<string, { articleId: number; count: number }[]>();
  for (let i = 0; i < totals.length && perSpelling > 0; i += SPELLINGS_PER_STATEMENT) {
    const parts = totals.slice(i, i + SPELLINGS_PER_STATEMENT).map((t) => sql`SELECT * FROM (
      SELECT corpus_person_id AS "personId", spelling, count, article_id AS "articleId" FROM article_names
      WHERE corpus_person_id = ${t.personId} AND spelling = ${t.spelling} ORDER BY count DESC, article_id LIMIT ${perSpelling}) t${sql.raw(String(i))}`);
    const { rows } = await sql<{ personId: number; spelling: string; count: number; articleId: number }>`${sql.join(parts, sql` UNION ALL `)}`.execute(store.db);
    for (const r of rows) {
      const key = `${Number(r.personId)}\u0000${r.spelling}`;
      const list = top.get(key) ?? [];
      list.push({ articleId: Number(r.articleId), count: Number(r.count) });
      top.set(key, list);
    }
  }
  const ids = [...new Set([...top.values()].flat().map((a) => a.articleId))];
  const titles = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const a of await store.db.selectFrom('articles').select(['id', 'title']).where('id', 'in', ids.slice(i, i + 500)).execute()) titles.set(a.id, a.title);
  }
  for (const t of totals) {
    const personId = Number(t.personId);
    const articles = (top.get(`${personId}\u0000${t.spelling}`) ?? [])
      .sort((a, b) => b.count - a.count || a.articleId - b.articleId)
      .map((a) => ({ id: a.articleId, title: titles.get(a.articleId) ?? '', count: a.count }));
    const list = out.get(personId) ?? [];
    list.push({ text: t.spelling, count: Number(t.count), articles, articleCount: Number(t.articles) });
    out.set(personId, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1));
  return out;
}
