import { sql } from 'kysely';
import type { Store } from './store.js';
import type { SegmentKind } from '../core/article/types.js';
import type { DiffPart } from '../core/diff/types.js';
import type { ArticleRow } from './articles.js';

/** A segment with its current edit: the latest revision, or the MT itself when it has none. */
export interface SegmentView {
  readonly id: number;
  readonly articleId: number;
  readonly position: number;
  readonly kind: SegmentKind;
  readonly mt: string;
  readonly mtWords: number;
  /** The current text: the latest revision's, or the MT. */
  readonly edit: string;
  /** The latest revision number; 0 when the segment was never saved. */
  readonly revision: number;
  /** The cached word diff MT -> edit (a single eq part, or [] for empty MT, when unsaved). */
  readonly diff: readonly DiffPart[];
  readonly isCoarse: boolean;
  readonly wordsChanged: number;
  readonly author: string | null;
  readonly savedAt: string | null;
}

interface SegmentRow {
  id: number; articleId: number; position: number; kind: SegmentKind; mt: string; mtWords: number;
  text: string | null; number: number | null; diffMt: string | null; isCoarse: number | null;
  wordsChanged: number | null; author: string | null; createdAt: string | null;
}

const SEGMENT_QUERY = sql`
  SELECT s.id, s.article_id AS "articleId", s.position, s.kind, s.mt, s.mt_words AS "mtWords",
         r.text, r.number, r.diff_mt AS "diffMt", r.is_coarse AS "isCoarse", r.words_changed AS "wordsChanged",
         r.author, r.created_at AS "createdAt"
  FROM segments s
  LEFT JOIN revisions r ON r.segment_id = s.id
    AND r.number = (SELECT MAX(number) FROM revisions WHERE segment_id = s.id)`;

function toView(row: SegmentRow): SegmentView {
  const hasRevision = row.number !== null;
  return {
    id: row.id,
    articleId: row.articleId,
    position: row.position,
    kind: row.kind,
    mt: row.mt,
    mtWords: row.mtWords,
    edit: hasRevision ? (row.text as string) : row.mt,
    revision: row.number ?? 0,
    diff: hasRevision ? (JSON.parse(row.diffMt as string) as DiffPart[]) : row.mt === '' ? [] : [{ op: 'eq', text: row.mt }],
    isCoarse: row.isCoarse === 1,
    wordsChanged: row.wordsChanged ?? 0,
    author: row.author,
    savedAt: row.createdAt,
  };
}

/** Returns an article's segments in reading order, each with its current edit and cached diff. */
export async function listSegments(store: Store, articleId: number): Promise<SegmentView[]> {
  const { rows } = await sql<SegmentRow>`${SEGMENT_QUERY} WHERE s.article_id = ${articleId} ORDER BY s.position`.execute(store.db);
  return rows.map(toView);
}

/**
 * Returns an article and one of its segments (by 0-based position) in one read, as every segment
 * page and save needs both; `segment` is undefined when the article has no such segment, and the
 * whole result undefined when there is no such article.
 */
export async function getArticleSegment(store: Store, articleId: number, position: number): Promise<{ article: ArticleRow; segment: SegmentView | undefined } | undefined> {
  const { rows } = await sql<SegmentRow & { aTitle: string; aSourceName: string; aContentHash: string; aStatus: ArticleRow['status']; aImportedAt: string; aImportedBy: string; aMtEngine: string; id: number | null }>`
    SELECT a.title AS "aTitle", a.source_name AS "aSourceName", a.content_hash AS "aContentHash", a.status AS "aStatus",
           a.imported_at AS "aImportedAt", a.imported_by AS "aImportedBy", a.mt_engine AS "aMtEngine",
           s.id, s.article_id AS "articleId", s.position, s.kind, s.mt, s.mt_words AS "mtWords",
           r.text, r.number, r.diff_mt AS "diffMt", r.is_coarse AS "isCoarse", r.words_changed AS "wordsChanged",
           r.author, r.created_at AS "createdAt"
    FROM articles a
    LEFT JOIN segments s ON s.article_id = a.id AND s.position = ${position}
    LEFT JOIN revisions r ON r.segment_id = s.id
      AND r.number = (SELECT MAX(number) FROM revisions WHERE segment_id = s.id)
    WHERE a.id = ${articleId}`.execute(store.db);
  const row = rows[0];
  if (!row) return undefined;
  const article: ArticleRow = {
    id: articleId, title: row.aTitle, sourceName: row.aSourceName, contentHash: row.aContentHash, status: row.aStatus,
    importedAt: row.aImportedAt, importedBy: row.aImportedBy, mtEngine: row.aMtEngine,
  };
  return { article, segment: row.id === null ? undefined : toView(row as SegmentRow) };
}

/** Returns one segment (by article and 0-based position) with its current edit, or undefined. */
export async function getSegment(store: Store, articleId: number, position: number): Promise<SegmentView | undefined> {
  const { rows } = await sql<SegmentRow>`${SEGMENT_QUERY} WHERE s.article_id = ${articleId} AND s.position = ${position}`.execute(store.db);
  return rows[0] ? toView(rows[0]) : undefined;
}
