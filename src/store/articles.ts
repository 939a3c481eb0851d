import { sql } from 'kysely';
import { insertMany } from './multi-row.js';
import { bumpCounter } from './counters.js';
import type { Store } from './store.js';
import type { SegmentKind } from '../core/article/types.js';
import { insertArticleSource, type NewSource } from './sources.js';

/** Where an article stands in review; the editor sets it, a first save moves it to in-review. */
export type ArticleStatus = 'not-started' | 'in-review' | 'done';

/** Every status, in workflow order. */
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['not-started', 'in-review', 'done'];

/** One article row. */
export interface ArticleRow {
  readonly id: number;
  readonly title: string;
  readonly sourceName: string;
  readonly contentHash: string;
  readonly status: ArticleStatus;
  readonly importedAt: string;
  readonly importedBy: string;
  /** The MT engine that produced it ('' when unknown). */
  readonly mtEngine: string;
}

/** An article as the corpus page lists it, with its review figures. */
export interface ArticleSummary extends ArticleRow {
  readonly segmentCount: number;
  readonly editedSegmentCount: number;
  /** MT words in non-boilerplate segments. */
  readonly mtWords: number;
  /** MT words the current edits changed, in non-boilerplate segments. */
  readonly wordsChanged: number;
}

/** What an import writes: the article and its parsed segments. */
export interface NewArticle {
  readonly title: string;
  readonly sourceName: string;
  readonly contentHash: string;
  readonly importedBy: string;
  readonly mtEngine?: string | undefined;
  readonly now: string;
  readonly segments: readonly { readonly kind: SegmentKind; readonly text: string; readonly words: number }[];
  /** The Korean original, aligned (issue 12); stored with a new article, in the same transaction. */
  readonly source?: NewSource | undefined;
}

/** Longest MT engine name kept. */
export const MAX_ENGINE_CHARS = 80;

/** Segments inserted per statement: well below SQLite's 32,766 bound parameters and PostgreSQL's 65,535 (5 per row). */
const SEGMENT_ROWS_PER_INSERT = 1000;

const ARTICLE_COLUMNS = [
  'a.id', 'a.title', 'a.source_name as sourceName', 'a.content_hash as contentHash', 'a.status', 'a.imported_at as importedAt',
  'a.imported_by as importedBy', 'a.mt_engine as mtEngine',
] as const;

/** Inserts an article and its segments in one transaction; returns its id and whether it was new (identical content is not stored twice). */
export async function insertArticle(store: Store, article: NewArticle): Promise<{ id: number; isNew: boolean }> {
  const [result] = await insertArticles(store, [article]);
  if (!result) throw new Error('insertArticles returned nothing for one article.');
  return result;
}

/** Articles inserted per statement by insertArticles: a batch's worth in one or two statements. */
const ARTICLE_ROWS_PER_INSERT = 250;

/**
 * Inserts articles and their segments in one transaction, a few statements for the lot: a folder
 * import's path, run for 100,000 articles (multi-row.ts). Returns, in order, each one's id and
 * whether it was new; identical content (already stored, or twice in the list) is stored once.
 */
export async function insertArticles(store: Store, articles: readonly NewArticle[]): Promise<{ id: number; isNew: boolean }[]> {
  return store.transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: two imports of one article at once (two instances) both succeed, one stores it.
    const inserted = await insertMany<{ id: number; hash: string }>(
      tx, 'articles', ['title', 'source_name', 'content_hash', 'imported_at', 'imported_by', 'mt_engine'],
      articles.map((a) => [a.title, a.sourceName, a.contentHash, a.now, a.importedBy, (a.mtEngine ?? '').trim().slice(0, MAX_ENGINE_CHARS)]),
      { suffix: 'ON CONFLICT (content_hash) DO NOTHING RETURNING id, content_hash AS hash', maxRows: ARTICLE_ROWS_PER_INSERT },
    );
    const idOf = new Map(inserted.map((row) => [row.hash, Number(row.id)]));
    const isNewHash = new Set(idOf.keys());
    const known = [...new Set(articles.map((a) => a.contentHash).filter((h) => !idOf.has(h)))];
    for (let i = 0; i < known.length; i += ARTICLE_ROWS_PER_INSERT) {
      const found = await tx.db.selectFrom('articles').select(['id', 'content_hash']).where('content_hash', 'in', known.slice(i, i + ARTICLE_ROWS_PER_INSERT)).execute();
      for (const row of found) idOf.set(row.content_hash, row.id);
    }
    const segmentRows: unknown[][] = [];
    const written = new Set<string>();
    for (const article of articles) {
      const id = idOf.get(article.contentHash);
      if (id === undefined) throw new Error('An article was neither inserted nor found by its content hash.');
      if (!isNewHash.has(article.contentHash) || written.has(article.contentHash)) continue;
      written.add(article.contentHash);
      article.segments.forEach((s, position) => segmentRows.push([id, position, s.kind, s.text, s.words]));
    }
    await insertMany(tx, 'segments', ['article_id', 'position', 'kind', 'mt', 'mt_words'], segmentRows, { maxRows: SEGMENT_ROWS_PER_INSERT });
    // A new article's Korean original goes in with it: nothing half-written (an existing article's is addArticleSource's).
    const sourced = new Set<string>();
    for (const article of articles) {
      const id = idOf.get(article.contentHash);
      if (article.source === undefined || id === undefined || !isNewHash.has(article.contentHash) || sourced.has(article.contentHash)) continue;
      sourced.add(article.contentHash);
      await insertArticleSource(tx, id, { ...article.source, addedBy: article.importedBy, now: article.now });
    }
    // The listing pages show the new articles (migration 009).
    if (inserted.length > 0) await bumpCounter(tx, 'derived');
    const isFirst = new Set<string>();
    return articles.map((a) => {
      const isNew = isNewHash.has(a.contentHash) && !isFirst.has(a.contentHash);
      isFirst.add(a.contentHash);
      return { id: idOf.get(a.contentHash) ?? 0, isNew };
    });
  });
}

/** Returns the article with that id, or undefined. */
export async function getArticle(store: Store, id: number): Promise<ArticleRow | undefined> {
  // Every article page and save reads this first: a raw template, a third of the builder's cost.
  const { rows } = await sql<ArticleRow>`
    SELECT id, title, source_name AS "sourceName", content_hash AS "contentHash", status, imported_at AS "importedAt",
           imported_by AS "importedBy", mt_engine AS "mtEngine"
    FROM articles WHERE id = ${id}`.execute(store.db);
  return rows[0];
}

/** Returns every article, newest import first. */
export async function listArticleRows(store: Store): Promise<ArticleRow[]> {
  return (await store.db.selectFrom('articles as a').select(ARTICLE_COLUMNS).orderBy('a.imported_at', 'desc').orderBy('a.id', 'desc').execute()) as ArticleRow[];
}

/** Returns every article with its review figures, newest import first. */
export async function listArticles(store: Store): Promise<ArticleSummary[]> {
  const { rows } = await sql<ArticleSummary>`
    SELECT a.id, a.title, a.source_name AS "sourceName", a.content_hash AS "contentHash", a.status,
           a.imported_at AS "importedAt", a.imported_by AS "importedBy", a.mt_engine AS "mtEngine",
           COUNT(s.id) AS "segmentCount",
           COUNT(r.id) AS "editedSegmentCount",
           COALESCE(SUM(CASE WHEN s.kind <> 'boilerplate' THEN s.mt_words ELSE 0 END), 0) AS "mtWords",
           COALESCE(SUM(CASE WHEN s.kind <> 'boilerplate' THEN r.words_changed ELSE 0 END), 0) AS "wordsChanged"
    FROM articles a
    LEFT JOIN segments s ON s.article_id = a.id
    LEFT JOIN revisions r ON r.segment_id = s.id
      AND r.number = (SELECT MAX(number) FROM revisions WHERE segment_id = s.id)
      AND r.text <> s.mt
    GROUP BY a.id
    ORDER BY a.imported_at DESC, a.id DESC`.execute(store.db);
  return rows;
}

/** Sets an article's review status; returns false when there is no such article. */
export async function setArticleStatus(store: Store, id: number, status: ArticleStatus): Promise<boolean> {
  const result = await store.db.updateTable('articles').set((eb) => ({ status, version: eb('version', '+', 1), is_dirty: 1 })).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets which MT engine produced an article ('' for unknown); returns false when there is no such article. */
export async function setArticleEngine(store: Store, id: number, engine: string): Promise<boolean> {
  const mtEngine = engine.trim().slice(0, MAX_ENGINE_CHARS);
  const result = await store.db.updateTable('articles').set((eb) => ({ mt_engine: mtEngine, version: eb('version', '+', 1), is_dirty: 1 })).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
