import { sql } from 'kysely';
import type { CopydeskMigration } from './define.js';

/** Who a dismissal this migration folds into another is recorded as revoked by. */
const FOLDED_BY = 'copydesk (migration 011: one flag per person)';

/**
 * Returns the fingerprint issue 12's one flag has for an old flag's fingerprint, or undefined when
 * it did not change: `name-variant:<person>:<spelling>` -> `name-variant:<person>`,
 * `glossary-term:<concept>:<spelling>` -> `glossary-term:<concept>` (glossary terms,
 * `glossary-term|…`, stay one flag per place), `surname-homograph:<hash of the words around>:<word>`
 * -> `surname-homograph:<word>`, `headline-subject|<word>|<person>|<hash>` -> `headline-subject|<word>|<person>`.
 */
function personFingerprint(checkId: string, fingerprint: string): string | undefined {
  if (checkId === 'headline-subject') {
    const fields = fingerprint.split('|');
    return fields[0] === checkId && fields.length === 4 ? fields.slice(0, 3).join('|') : undefined;
  }
  const parts = fingerprint.split(':');
  if (parts[0] !== checkId || parts.length < 3) return undefined;
  if (checkId === 'name-variant' || checkId === 'glossary-term') return `${checkId}:${parts[1] ?? ''}`;
  if (checkId === 'surname-homograph') return `${checkId}:${parts.slice(2).join(':')}`;
  return undefined;
}

/**
 * One flag per person and per kind (issue 12): a name spelled two ways was a warning at every
 * misspelled place plus an info at every place of the preferred spelling, a glossary person a flag
 * at every place, a surname read as a word a flag at every place, a headline and a standfirst with
 * the same word for the lede person two flags; now each is one flag carrying all its places.
 * - article_flags.spans: every place the flag covers, as JSON `[{segment, start, end, text}, …]`
 *   in reading order, the first being the row's segment/start_offset/end_offset/text; NULL when
 *   that is the only place (every row written before this migration, and every one-place flag).
 * - Old rows are not rewritten here: every article is marked dirty, and the refresher (`copydesk
 *   refresh`, or the background threads) derives its flags again with the new checks, one row per
 *   flag; until then the listings show the old counts and say the corpus is being refreshed. The
 *   articles' versions are left alone: the pages and flags cached from them live in the memory of
 *   an app that is restarted to run this migration.
 * - Dismissals: one in force of an old per-place or per-spelling flag is rewritten to the one
 *   flag's fingerprint (personFingerprint) when no warning or error of that person or word was
 *   left open in the article's old rows, so it hides exactly what the editor had dismissed; when
 *   one was open, the dismissal is left as it was (listed as no longer found) and the one flag
 *   shows, for the editor to judge the places together. When one article had several, the first
 *   is rewritten and the others are marked revoked by this migration (kept, never deleted).
 */
export const migration: CopydeskMigration = {
  name: '011-flag-spans',
  async up(db) {
    await db.schema.alterTable('article_flags').addColumn('spans', 'text').execute();

    const checks = ['name-variant', 'glossary-term', 'surname-homograph', 'headline-subject'];
    const oldOpen = await db.selectFrom('article_flags')
      .select(['article_id', 'check_id', 'fingerprint'])
      .where('check_id', 'in', checks).where('is_dismissed', '=', 0).where('severity', '<>', 'info')
      .execute() as { article_id: number; check_id: string; fingerprint: string }[];
    const stillOpen = new Set(oldOpen.flatMap((r) => {
      const fingerprint = personFingerprint(r.check_id, r.fingerprint);
      return fingerprint === undefined ? [] : [`${r.article_id}\u0000${fingerprint}`];
    }));
    const dismissals = await db.selectFrom('dismissals')
      .select(['id', 'article_id', 'check_id', 'fingerprint'])
      .where('revoked_at', 'is', null).where('check_id', 'in', checks)
      .orderBy('id')
      .execute() as { id: number; article_id: number; check_id: string; fingerprint: string }[];
    const kept = new Set(dismissals.map((d) => `${d.article_id}\u0000${d.fingerprint}`));
    const now = new Date().toISOString();
    for (const d of dismissals) {
      const fingerprint = personFingerprint(d.check_id, d.fingerprint);
      if (fingerprint === undefined) continue;
      const key = `${d.article_id}\u0000${fingerprint}`;
      if (stillOpen.has(key)) continue;
      if (kept.has(key)) {
        await db.updateTable('dismissals').set({ fingerprint, revoked_by: FOLDED_BY, revoked_at: now }).where('id', '=', d.id).execute();
      } else {
        kept.add(key);
        await db.updateTable('dismissals').set({ fingerprint }).where('id', '=', d.id).execute();
      }
    }

    await sql`UPDATE articles SET is_dirty = 1, refresh_lease = NULL`.execute(db);
  },
};
