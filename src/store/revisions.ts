import type { Store } from './store.js';
import type { CorrectionPair, DiffPart } from '../core/diff/types.js';
import { bumpArticleVersion, bumpCounter } from './counters.js';

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
  const row = await store.db.selectFrom('revisions').select((eb) => eb.fn.max('number').as('n')).where('segment_id', '=', segmentId).executeTakeFirst();
  return row?.n ?? 0;
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

/**
 * Appends a revision and its corrections unless someone saved the segment since `baseNumber`;
 * returns the new number, or the revision that was saved in between (and then writes nothing).
 * Exactly one of several saves on one base revision wins: SQLite's BEGIN IMMEDIATE serialises
 * writers; on PostgreSQL the article's row is locked (FOR UPDATE) before the base is compared,
 * and UNIQUE (segment_id, number) would refuse a second revision of the same number anyway.
 */
export async function appendRevision(store: Store, rev: NewRevision): Promise<AppendResult> {
  return store.transaction(async (tx): Promise<AppendResult> => {
    if (tx.backend === 'postgres') {
      await tx.db.selectFrom('articles').select('id').where('id', '=', rev.articleId).forUpdate().execute();
    }
    const current = await currentRevisionNumber(tx, rev.segmentId);
    if (current !== rev.baseNumber) {
      return { ok: false, current: (await getRevision(tx, rev.segmentId, current)) as RevisionRow };
    }
    const number = current + 1;
    const inserted = await tx.db.insertInto('revisions')
      .values({
        segment_id: rev.segmentId, number, text: rev.text, author: rev.author, created_at: rev.now, base_number: rev.baseNumber,
        reverted_to: rev.revertedTo ?? null, diff_mt: JSON.stringify(rev.diffMt), diff_prev: JSON.stringify(rev.diffPrev),
        is_coarse: rev.isCoarse ? 1 : 0, words_changed: rev.wordsChanged,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (rev.corrections.length > 0) {
      await tx.db.insertInto('corrections').values(rev.corrections.map((c) => ({
        revision_id: inserted.id, segment_id: rev.segmentId, article_id: rev.articleId, mt_text: c.mtText, edit_text: c.editText,
        mt_start: c.mtStart, mt_end: c.mtEnd, edit_start: c.editStart, edit_end: c.editEnd,
      }))).execute();
    }
    // A first save starts the review; an article already marked done stays done.
    await tx.db.updateTable('articles').set({ status: 'in-review' }).where('id', '=', rev.articleId).where('status', '=', 'not-started').execute();
    await bumpArticleVersion(tx, rev.articleId, { isText: true });
    await bumpCounter(tx, 'revisions');
    return { ok: true, number };
  });
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
