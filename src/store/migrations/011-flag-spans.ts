import { sql } from 'kysely';
import type { CopydeskMigration } from './define.js';

/** Who a dismissal this migration folds into another is recorded as revoked by. */
const FOLDED_BY = 'copydesk (migration 011: one flag per person)';

/**
 * One flag per person and per kind (issue 12): a name spelled two ways was a warning at every
 * misspelled place plus an info at every place of the preferred spelling, and a glossary person a
 * flag at every place; now each is one flag carrying all its places.
 * - article_flags.spans: every place the flag covers, as JSON `[{segment, start, end, text}, …]`
 *   in reading order, the first being the row's segment/start_offset/end_offset/text; NULL when
 *   that is the only place (every row written before this migration, and every one-place flag).
 * - Old rows are not rewritten here: every article is marked dirty, and the refresher (`copydesk
 *   refresh`, or the background threads) derives its flags again with the new checks, one row per
 *   flag; until then the listings show the old counts and say the corpus is being refreshed. The
 *   articles' versions are left alone: the pages and flags cached from them live in the memory of
 *   an app that is restarted to run this migration.
 * - Dismissals: name-variant flags were fingerprinted `name-variant:<person>:<spelling>` and
 *   glossary persons `glossary-term:<concept>:<spelling>`; the one flag is `name-variant:<person>`
 *   (`glossary-term:<concept>`). A dismissal in force of any of a person's old flags is rewritten
 *   to the new fingerprint, so it still hides that person's flag; when one article had several,
 *   the first stays in force and the others are marked revoked by this migration (kept, never
 *   deleted). Glossary terms (`glossary-term|…`, one flag per place) are left as they were.
 */
export const migration: CopydeskMigration = {
  name: '011-flag-spans',
  async up(db) {
    await db.schema.alterTable('article_flags').addColumn('spans', 'text').execute();

    const old = await db.selectFrom('dismissals')
      .select(['id', 'article_id', 'check_id', 'fingerprint'])
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('check_id', '=', 'name-variant'), eb('check_id', '=', 'glossary-term')]))
      .orderBy('id')
      .execute() as { id: number; article_id: number; check_id: string; fingerprint: string }[];
    const kept = new Set<string>();
    const now = new Date().toISOString();
    for (const row of old) {
      const parts = row.fingerprint.split(':');
      // Only the per-spelling person forms (check:entity:spelling) change.
      if (parts[0] !== row.check_id || parts.length < 3) {
        kept.add(`${row.article_id}\u0000${row.fingerprint}`);
        continue;
      }
      const fingerprint = `${parts[0]}:${parts[1] ?? ''}`;
      const key = `${row.article_id}\u0000${fingerprint}`;
      if (kept.has(key)) {
        await db.updateTable('dismissals').set({ fingerprint, revoked_by: FOLDED_BY, revoked_at: now }).where('id', '=', row.id).execute();
      } else {
        kept.add(key);
        await db.updateTable('dismissals').set({ fingerprint }).where('id', '=', row.id).execute();
      }
    }

    await sql`UPDATE articles SET is_dirty = 1, refresh_lease = NULL`.execute(db);
  },
};
