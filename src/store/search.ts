import { sql } from 'kysely';
import type { Store } from './store.js';

/**
 * Full-text search over each article's title, MT and current edits (issue 10): FTS5 on SQLite,
 * a tsvector with a GIN index on PostgreSQL ('simple': case folded, no stemming, as names need).
 * The refresher writes an article's document with its other derived rows.
 */

/** Longest search document kept per article (characters); an article is at most 2 MB, its text far less. */
const MAX_DOCUMENT_CHARS = 1_000_000;

/** Replaces an article's search document. */
export async function writeSearchDocument(store: Store, articleId: number, doc: { title: string; body: string }): Promise<void> {
  const body = doc.body.slice(0, MAX_DOCUMENT_CHARS);
  if (store.backend === 'sqlite') {
    await sql`DELETE FROM article_search WHERE rowid = ${articleId}`.execute(store.db);
    await sql`INSERT INTO article_search (rowid, title, body) VALUES (${articleId}, ${doc.title}, ${body})`.execute(store.db);
    return;
  }
  await sql`INSERT INTO article_search (article_id, doc) VALUES (${articleId}, to_tsvector('simple', ${doc.title} || ' ' || ${body}))
    ON CONFLICT (article_id) DO UPDATE SET doc = excluded.doc`.execute(store.db);
}

/** Returns the words of a search as the index tokenizes them (letters and digits, other characters split words), at most 20. */
export function searchWords(query: string): string[] {
  return [...new Set((query.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []))].slice(0, 20);
}

/**
 * Returns the SQL condition "the article `idColumn` holds every word of `query`" for each backend,
 * or undefined when the query has no word. Words are quoted, so no search can be read as the
 * index's query syntax ("NEAR", "-", quotes).
 */
export function matchesSearch(store: Store, idColumn: string, query: string) {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  if (store.backend === 'sqlite') {
    const match = words.map((w) => `"${w}"`).join(' ');
    return sql<boolean>`${sql.ref(idColumn)} IN (SELECT rowid FROM article_search WHERE article_search MATCH ${match})`;
  }
  return sql<boolean>`${sql.ref(idColumn)} IN (SELECT article_id FROM article_search WHERE doc @@ plainto_tsquery('simple', ${words.join(' ')}))`;
}

/** Returns the ids of the articles (other than `exceptId`) whose text holds `phrase` as consecutive words, at most `limit`. */
export async function articlesHoldingPhrase(store: Store, phrase: string, exceptId: number, limit: number): Promise<number[]> {
  const words = searchWords(phrase);
  if (words.length === 0) return [];
  if (store.backend === 'sqlite') {
    const match = `"${words.join(' ')}"`;
    const { rows } = await sql<{ id: number }>`SELECT rowid AS id FROM article_search WHERE article_search MATCH ${match} AND rowid <> ${exceptId} LIMIT ${limit}`.execute(store.db);
    return rows.map((r) => r.id);
  }
  const { rows } = await sql<{ id: number }>`SELECT article_id AS id FROM article_search
    WHERE doc @@ phraseto_tsquery('simple', ${words.join(' ')}) AND article_id <> ${exceptId} LIMIT ${limit}`.execute(store.db);
  return rows.map((r) => r.id);
}

/** Returns the ids of the articles whose text holds any of `terms` (each a word or a phrase), lowest first, at most `limit`. */
export async function articlesHoldingAny(store: Store, terms: readonly string[], limit: number): Promise<number[]> {
  const phrases = [...new Set(terms.map((t) => searchWords(t).join(' ')).filter(Boolean))].slice(0, 50);
  if (phrases.length === 0) return [];
  if (store.backend === 'sqlite') {
    const match = phrases.map((p) => `"${p}"`).join(' OR ');
    const { rows } = await sql<{ id: number }>`SELECT rowid AS id FROM article_search WHERE article_search MATCH ${match} ORDER BY rowid LIMIT ${limit}`.execute(store.db);
    return rows.map((r) => r.id);
  }
  const query = sql.join(phrases.map((p) => sql`phraseto_tsquery('simple', ${p})`), sql` || `);
  const { rows } = await sql<{ id: number }>`SELECT article_id AS id FROM article_search WHERE doc @@ (${query}) ORDER BY article_id LIMIT ${limit}`.execute(store.db);
  return rows.map((r) => r.id);
}
