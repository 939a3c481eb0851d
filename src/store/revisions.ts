import { sql } from 'kysely';
import type { Store } from './store.js';
import type { CorrectionPair, DiffPart } from '../core/diff/types.js';
import { bumpCounter } from './counters.js';

/** One saved version of a segment's edit. */
export interface RevisionRow {
  readonly id: number;
  readonly segmentId: number;
  readonly number: number;
  readonly text: string;
  readonly author: string;
  readonly createdAt: string;
  readonly baseNumber: number;
  readonly revertedTo: number | null;
  /** Word diff MT -> this text. */
  readonly diffMt: readonly DiffPart[];
  /** Word diff previous revision (or MT) -> this text. */
  readonly diffPrev: readonly DiffPart[];
  readonly isCoarse: boolean;
  readonly wordsChanged: number;
}

/** What a save writes: the new text, everything derived from it, and the revision the editor started from. */
export interface NewRevision {
  readonly segmentId: number;
  readonly articleId: number;
  readonly baseNumber: number;
  readonly text: string;
  readonly author: string;
  readonly now: string;
  readonly revertedTo?: number | undefined;
  readonly diffMt: readonly DiffPart[];
  readonly diffPrev: readonly DiffPart[];
  readonly isCoarse: boolean;
  readonly wordsChanged: number;
  readonly corrections: readonly CorrectionPair[];
}

/** The outcome of a save: the new revision number, or the revision that was saved in between. */
export type AppendResult =
  | { readonly ok: true; readonly number: number }
  | { readonly ok: false; readonly current: RevisionRow };

const REVISION_COLUMNS = [
  'id', 'segment_id as segmentId', 'number', 'text', 'author', 'created_at as createdAt', 'base_number as baseNumber',
  'reverted_to as revertedTo', 'diff_mt as diffMt', 'diff_prev as diffPrev', 'is_coarse as isCoarse', 'words_changed as wordsChanged',
] as const;

interface RevisionDbRow {
  id: number; segmentId: number; number: number; text: string; author: string; createdAt: string;
  baseNumber: number; revertedTo: number | null; diffMt: string; diffPrev: string; isCoarse: number; wordsChanged: number;
}

function toRevision(row: RevisionDbRow): RevisionRow {
  return {
    ...row,
    diffMt: JSON.parse(row.diffMt) as DiffPart[],
    diffPrev: JSON.parse(row.diffPrev) as DiffPart[],
    isCoarse: row.isCoarse === 1,
  };
}

/** Returns the latest revision number of a segment (0 when it has none). */
export async function currentRevisionNumber(store: Store, segmentId: number): Promise<number> {
  // A save runs this; a raw template costs a third of the query builder (bench/RESULTS.md, "Store").
  const { rows } = await sql<{ n: number | null }>`SELECT MAX(number) AS n FROM revisions WHERE segment_id = ${segmentId}`.execute(store.db);
  return rows[0]?.n ?? 0;
}

/** Returns one revision of a segment, or undefined. */
export async function getRevision(store: Store, segmentId: number, number: number): Promise<RevisionRow | undefined> {
  const row = await store.db.selectFrom('revisions').select(REVISION_COLUMNS).where('segment_id', '=', segmentId).where('number', '=', number).executeTakeFirst();
  return row ? toRevision(row) : undefined;
}

/** Returns every revision of a segment, newest first. */
export async function listRevisions(store: Store, segmentId: number): Promise<RevisionRow[]> {
  const rows = await store.db.selectFrom('revisions').select(REVISION_COLUMNS).where('segment_id', '=', segmentId).orderBy('number', 'desc').execute();
  return rows.map(toRevision);
}

/** Thrown inside appendRevision's transaction to roll back its first write when the base is stale. */
class StaleBase extends Error {}

/**
 * Appends a revision and its corrections unless someone saved the segment since `baseNumber`;
 * returns the new number, or the revision that was saved in between (and then writes nothing).
 * Exactly one of several saves on one base revision wins: SQLite's BEGIN IMMEDIATE serialises
 * writers; on PostgreSQL the first statement updates the article's row (its status and counters),
 * which locks it until commit, so saves of one article take turns before the base is compared;
 * and UNIQUE (segment_id, number) would refuse a second revision of one number anyway. The hot
 * statements are raw templates: a save is four statements, and the query builder costs three times
 * as much per statement (bench/RESULTS.md, "Store (issue 9)").
 */
export async function appendRevision(store: Store, rev: NewRevision): Promise<AppendResult> {
  try {
    return await store.transaction(async (tx): Promise<AppendResult> => {
      // A first save starts the review; an article already marked done stays done.
      await sql`UPDATE articles SET version = version + 1, text_version = text_version + 1, is_dirty = 1,
        status = CASE WHEN status = 'not-started' THEN 'in-review' ELSE status END
        WHERE id = ${rev.articleId}`.execute(tx.db);
      // The base is compared and the revision written in one statement: it inserts only when the
      // segment's newest revision is still the one the editor started from.
      const number = rev.baseNumber + 1;
      const { rows } = await sql<{ id: number }>`
        INSERT INTO revisions (segment_id, number, text, author, created_at, base_number, reverted_to, diff_mt, diff_prev, is_coarse, words_changed)
        SELECT ${rev.segmentId}, ${number}, ${rev.text}, ${rev.author}, ${rev.now}, ${rev.baseNumber}, ${rev.revertedTo ?? null},
               ${JSON.stringify(rev.diffMt)}, ${JSON.stringify(rev.diffPrev)}, ${rev.isCoarse ? 1 : 0}, ${rev.wordsChanged}
        WHERE COALESCE((SELECT MAX(number) FROM revisions WHERE segment_id = ${rev.segmentId}), 0) = ${rev.baseNumber}
        RETURNING id`.execute(tx.db);
      if (rows.length === 0) throw new StaleBase();
      const revisionId = (rows[0] as { id: number }).id;
      // The article's title is its headline (parse-article.ts: the first headline, else the first
      // segment that is not page chrome): a correction of that segment corrects the title too, in
      // the corpus list, the history, the reports and the export file names. A blank edit leaves it.
      const title = rev.text.trim();
      if (title !== '') {
        await sql`UPDATE articles SET title = ${title}
          WHERE id = ${rev.articleId}
            AND (SELECT position FROM segments WHERE id = ${rev.segmentId}) = COALESCE(
              (SELECT MIN(position) FROM segments WHERE article_id = ${rev.articleId} AND kind = 'headline'),
              (SELECT MIN(position) FROM segments WHERE article_id = ${rev.articleId} AND kind <> 'boilerplate'))`.execute(tx.db);
      }
      if (rev.corrections.length > 0) {
        const values = rev.corrections.map((c) => sql`(${revisionId}, ${rev.segmentId}, ${rev.articleId}, ${c.mtText}, ${c.editText}, ${c.mtStart}, ${c.mtEnd}, ${c.editStart}, ${c.editEnd})`);
        await sql`INSERT INTO corrections (revision_id, segment_id, article_id, mt_text, edit_text, mt_start, mt_end, edit_start, edit_end)
          VALUES ${sql.join(values)}`.execute(tx.db);
      }
      await bumpCounter(tx, 'revisions');
      return { ok: true, number };
    });
  } catch (err) {
    if (!(err instanceof StaleBase)) throw err;
    const current = await currentRevisionNumber(store, rev.segmentId);
    return { ok: false, current: (await getRevision(store, rev.segmentId, current)) as RevisionRow };
  }
}

/** What one editor did: revisions saved, segments and articles touched. */
export interface EditorActivity {
  readonly author: string;
  readonly revisions: number;
  readonly segments: number;
  readonly articles: number;
  readonly corrections: number;
}

/** Returns every editor's activity across the corpus, most revisions first (then by name, in code-unit order on both backends). */
export async function listEditorActivity(store: Store): Promise<EditorActivity[]> {
  const rows = await store.db.selectFrom('revisions as r')
    .innerJoin('segments as s', 's.id', 'r.segment_id')
    .select((eb) => [
      'r.author',
      eb.fn.countAll<number>().as('revisions'),
      eb.fn.count<number>('r.segment_id').distinct().as('segments'),
      eb.fn.count<number>('s.article_id').distinct().as('articles'),
      eb.selectFrom('corrections as c').innerJoin('revisions as r2', 'r2.id', 'c.revision_id')
        .whereRef('r2.author', '=', 'r.author').select((e) => e.fn.countAll<number>().as('n')).as('corrections'),
    ])
    .groupBy('r.author')
    .execute();
  return (rows as EditorActivity[]).sort((a, b) => b.revisions - a.revisions || (a.author < b.author ? -1 : a.author > b.author ? 1 : 0));
}

/** Returns what each editor did in an article: revisions saved, segments edited, corrections made. */
export async function listArticleEditors(store: Store, articleId: number): Promise<{ author: string; revisions: number; segments: number; corrections: number }[]> {
  const { rows } = await sql<{ author: string; revisions: number; segments: number; corrections: number }>`
    SELECT r.author, COUNT(*) AS revisions, COUNT(DISTINCT r.segment_id) AS segments,
           COALESCE(SUM((SELECT COUNT(*) FROM corrections c WHERE c.revision_id = r.id)), 0) AS corrections
    FROM revisions r JOIN segments s ON s.id = r.segment_id
    WHERE s.article_id = ${articleId}
    GROUP BY r.author`.execute(store.db);
  return rows.map((r) => ({ author: r.author, revisions: Number(r.revisions), segments: Number(r.segments), corrections: Number(r.corrections) }))
    .sort((a, b) => (a.author < b.author ? -1 : a.author > b.author ? 1 : 0));
}
