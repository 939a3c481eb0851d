import { sql } from 'kysely';
import { bumpCounter } from './counters.js';
import { insertMany } from './multi-row.js';
import type { Store } from './store.js';
import type { ArticleSource } from '../core/source/types.js';
import type { SegmentKind } from '../core/article/types.js';

/** An article's Korean original as stored: what it came as, who added it, and its aligned segments. */
export interface StoredSource {
  readonly sourceName: string;
  readonly text: string;
  readonly addedBy: string;
  readonly addedAt: string;
  readonly source: ArticleSource;
}

/** What is written for an article's Korean original. */
export interface NewSource {
  readonly sourceName: string;
  readonly text: string;
  readonly source: ArticleSource;
}

/** Source segments inserted per statement (6 values a row): well within both backends' parameter limits. */
const SOURCE_SEGMENT_ROWS = 1000;

/**
 * Stores the Korean original of an article that has none, inside the caller's transaction: its
 * text and its segments with their alignment. Returns false, writing nothing, when the article
 * already has one (the first one stays; ON CONFLICT, so two imports at once both succeed).
 */
export async function insertArticleSource(store: Store, articleId: number, input: NewSource & { readonly addedBy: string; readonly now: string }): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO article_sources (article_id, source_name, text, added_by, added_at)
    VALUES (${articleId}, ${input.sourceName}, ${input.text}, ${input.addedBy}, ${input.now})
    ON CONFLICT (article_id) DO NOTHING RETURNING id`.execute(store.db);
  if (rows.length === 0) return false;
  await insertMany(
    store, 'source_segments', ['article_id', 'position', 'kind', 'text', 'aligned'],
    input.source.segments.map((s) => [articleId, s.index, s.kind, s.text, s.aligned.join(',')]),
    { maxRows: SOURCE_SEGMENT_ROWS },
  );
  return true;
}

/**
 * Adds the Korean original to an article already stored, in one transaction: the source, then the
 * article's version and text version moved (its flags and pages depend on the source now) and its
 * derived rows marked for a refresh. Returns false when the article has a source already.
 */
export async function addArticleSource(store: Store, articleId: number, input: NewSource & { readonly addedBy: string; readonly now: string }): Promise<boolean> {
  return store.transaction(async (tx) => {
    // The article's row first: on PostgreSQL it holds a save of the same article until commit.
    await sql`UPDATE articles SET version = version + 1, text_version = text_version + 1, is_dirty = 1 WHERE id = ${articleId}`.execute(tx.db);
    const isAdded = await insertArticleSource(tx, articleId, input);
    if (!isAdded) throw new SourceExists();
    await bumpCounter(tx, 'derived');
    return true;
  }).catch((err: unknown) => {
    if (err instanceof SourceExists) return false;
    throw err;
  });
}

/** Thrown inside addArticleSource's transaction to roll back the version bump when a source is there already. */
class SourceExists extends Error {}

/** Returns the article's Korean original with its aligned segments, or undefined when it has none. */
export async function getArticleSource(store: Store, articleId: number): Promise<StoredSource | undefined> {
  const { rows } = await sql<{ sourceName: string; text: string; addedBy: string; addedAt: string }>`
    SELECT source_name AS "sourceName", text, added_by AS "addedBy", added_at AS "addedAt" FROM article_sources WHERE article_id = ${articleId}`.execute(store.db);
  const row = rows[0];
  if (!row) return undefined;
  const source = await readSourceSegments(store, articleId);
  return { ...row, source: source ?? { segments: [] } };
}

/** Returns the article's source segments as the checks read them, or undefined when it has no source (one indexed read). */
export async function readSourceSegments(store: Store, articleId: number): Promise<ArticleSource | undefined> {
  const { rows } = await sql<{ position: number; kind: string; text: string; aligned: string }>`
    SELECT position, kind, text, aligned FROM source_segments WHERE article_id = ${articleId} ORDER BY position`.execute(store.db);
  if (rows.length === 0) return undefined;
  return {
    segments: rows.map((r) => ({
      index: Number(r.position),
      kind: r.kind as SegmentKind,
      text: r.text,
      aligned: r.aligned === '' ? [] : r.aligned.split(',').map(Number),
    })),
  };
}

/** Returns true when the article has a Korean original (one indexed read). */
export async function hasArticleSource(store: Store, articleId: number): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`SELECT 1 AS one FROM article_sources WHERE article_id = ${articleId}`.execute(store.db);
  return rows.length > 0;
}
