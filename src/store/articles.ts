import { statement } from './statements.js';
import type { Db } from './open-db.js';
import type { SegmentKind } from '../core/article/types.js';

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
}

const ARTICLE_COLUMNS = `a.id, a.title, a.source_name AS sourceName, a.content_hash AS contentHash,
  a.status, a.imported_at AS importedAt, a.imported_by AS importedBy, a.mt_engine AS mtEngine`;

/** Inserts an article and its segments in one transaction; returns its id and whether it was new (identical content is not stored twice). */
export function insertArticle(db: Db, article: NewArticle): { id: number; isNew: boolean } {
  return db.transaction(() => {
    const existing = statement(db, 'SELECT id FROM articles WHERE content_hash = ?').get(article.contentHash) as { id: number } | undefined;
    if (existing) return { id: existing.id, isNew: false };
    const { lastInsertRowid } = statement(db, 'INSERT INTO articles (title, source_name, content_hash, imported_at, imported_by, mt_engine) VALUES (?, ?, ?, ?, ?, ?)')
      .run(article.title, article.sourceName, article.contentHash, article.now, article.importedBy, (article.mtEngine ?? '').trim().slice(0, MAX_ENGINE_CHARS));
    const id = Number(lastInsertRowid);
    const insertSegment = statement(db, 'INSERT INTO segments (article_id, position, kind, mt, mt_words) VALUES (?, ?, ?, ?, ?)');
    article.segments.forEach((s, position) => insertSegment.run(id, position, s.kind, s.text, s.words));
    return { id, isNew: true };
  }).immediate();
}

/** Returns the article with that id, or undefined. */
export function getArticle(db: Db, id: number): ArticleRow | undefined {
  return statement(db, `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?`).get(id) as ArticleRow | undefined;
}

/** Returns every article with its review figures, newest import first. */
export function listArticles(db: Db): ArticleSummary[] {
  return statement(
      db,
      `SELECT ${ARTICLE_COLUMNS},
         COUNT(s.id) AS segmentCount,
         COUNT(r.id) AS editedSegmentCount,
         COALESCE(SUM(CASE WHEN s.kind <> 'boilerplate' THEN s.mt_words ELSE 0 END), 0) AS mtWords,
         COALESCE(SUM(CASE WHEN s.kind <> 'boilerplate' THEN r.words_changed ELSE 0 END), 0) AS wordsChanged
       FROM articles a
       LEFT JOIN segments s ON s.article_id = a.id
       LEFT JOIN revisions r ON r.segment_id = s.id
         AND r.number = (SELECT MAX(number) FROM revisions WHERE segment_id = s.id)
         AND r.text <> s.mt
       GROUP BY a.id
       ORDER BY a.imported_at DESC, a.id DESC`,
    )
    .all() as ArticleSummary[];
}

/** Sets an article's review status; returns false when there is no such article. */
export function setArticleStatus(db: Db, id: number, status: ArticleStatus): boolean {
  return statement(db, 'UPDATE articles SET status = ? WHERE id = ?').run(status, id).changes === 1;
}

/** Longest MT engine name kept. */
export const MAX_ENGINE_CHARS = 80;

/** Sets which MT engine produced an article ('' for unknown); returns false when there is no such article. */
export function setArticleEngine(db: Db, id: number, engine: string): boolean {
  return statement(db, 'UPDATE articles SET mt_engine = ? WHERE id = ?').run(engine.trim().slice(0, MAX_ENGINE_CHARS), id).changes === 1;
}
