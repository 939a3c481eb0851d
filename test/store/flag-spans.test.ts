/**
 * Issue 12, one flag per person and per kind: a name spelled two ways is one flag carrying all its
 * places, stored once (article_flags.spans, migration 011), counted once, and a dismissal of it
 * survives re-checks. Migration 011 re-derives old databases and carries old dismissals over.
 */
import { describe, it, expect } from 'vitest';
import { sql } from 'kysely';
import { importCorpusArticle, importText, TEST_NOW } from '../helpers.js';
import { BACKEND, openTestContext } from '../support/backend.js';
import { settle } from '../support/derived-state.js';
import { getArticleStats } from '../../src/store/derived.js';
import { dismissOpenFlags } from '../../src/service/flags.js';
import { saveEdit } from '../../src/service/save-segment.js';
import { getSegment } from '../../src/store/segments.js';
import { dismissFlags, listDismissals } from '../../src/store/decisions.js';
import { migration as m011 } from '../../src/store/migrations/011-flag-spans.js';

/** Three spellings of one person in three segments (headline, body, caption). */
const CLUSTER = 'Cho Tae-yeol Visits Beijing\n\nForeign Minister Cho Tae-yul met Wang Yi. Cho Tae-yul said the talks went well.\n\nMinister Cho Tae-yol thanked his hosts.\n\nCho Tae-yeol at the airport on the 13th.';

async function nameVariantRows(ctx: Awaited<ReturnType<typeof openTestContext>>, id: number) {
  return ctx.store.db.selectFrom('article_flags').select(['segment', 'start_offset', 'text', 'spans', 'fingerprint', 'is_dismissed'])
    .where('article_id', '=', id).where('check_id', '=', 'name-variant').execute();
}

describe(`one flag per person (${BACKEND})`, () => {
  it('stores a cluster of three spellings across segments as one flag row with every span, counted once', async () => {
    const ctx = await openTestContext();
    const id = await importText(ctx, CLUSTER, 'cluster.txt');
    await settle(ctx);
    const rows = await nameVariantRows(ctx, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fingerprint).toBe('name-variant:cho-tae-yul');
    expect([rows[0]!.segment, rows[0]!.start_offset, rows[0]!.text]).toEqual([0, 0, 'Cho Tae-yeol']);
    expect(JSON.parse(rows[0]!.spans ?? 'null')).toEqual([
      { segment: 0, start: 0, end: 12, text: 'Cho Tae-yeol' },
      { segment: 2, start: 9, end: 20, text: 'Cho Tae-yol' },
      { segment: 3, start: 0, end: 12, text: 'Cho Tae-yeol' },
    ]);
    const stats = await getArticleStats(ctx.store, id);
    const open = (await ctx.flags.flagsFor(id)).open;
    expect(open.filter((f) => f.check === 'name-variant')).toHaveLength(1);
    // The figures count each open flag once: as many as the review page lists.
    expect(stats!.openErrors + stats!.openWarnings + stats!.openInfos).toBe(open.length);
    expect(stats!.openInfos).toBe(0);
  });

  it('keeps a dismissal of the one flag through a re-check after an edit elsewhere and after fixing one of its places', async () => {
    const ctx = await openTestContext();
    const id = await importText(ctx, CLUSTER, 'cluster.txt');
    const [flag] = (await ctx.flags.flagsFor(id)).open.filter((f) => f.check === 'name-variant');
    expect(await dismissOpenFlags(ctx, id, new Set([flag!.fingerprint]), 'Different people', 'Min-ji')).toBe(1);
    const body = (await getSegment(ctx.store, id, 1))!;
    await saveEdit(ctx, body, { text: `${body.edit} More talks follow.`, baseNumber: 0, author: 'Min-ji' });
    const headline = (await getSegment(ctx.store, id, 0))!;
    await saveEdit(ctx, headline, { text: 'Cho Tae-yul Visits Beijing', baseNumber: 0, author: 'Min-ji' });
    const flags = await ctx.flags.flagsFor(id);
    expect(flags.open.filter((f) => f.check === 'name-variant')).toEqual([]);
    expect(flags.dismissed.map((d) => [d.flag.fingerprint, d.flag.spans?.map((s) => s.text) ?? [d.flag.text]])).toEqual([
      ['name-variant:cho-tae-yul', ['Cho Tae-yol', 'Cho Tae-yeol']],
    ]);
    await settle(ctx);
    expect((await nameVariantRows(ctx, id)).map((r) => r.is_dismissed)).toEqual([1]);
    expect((await getArticleStats(ctx.store, id))!.openWarnings).toBe((await ctx.flags.flagsFor(id)).open.filter((f) => f.severity === 'warning').length);
  });

  it('migration 011: adds spans, marks every article for a refresh, and carries a dismissal over to the one flag only when none of its old places was left open', async () => {
    const ctx = await openTestContext();
    const id = await importCorpusArticle(ctx);
    await settle(ctx);
    // The article's rows and dismissals as the checks wrote them before issue 12's one flag per person.
    const meta = { reason: 'Correct as written', author: 'Min-ji', now: TEST_NOW.toISOString() };
    await dismissFlags(ctx.store, id, [
      { checkId: 'name-variant', fingerprint: 'name-variant:cho-tae-yul:Cho Tae-yeol', text: 'Cho Tae-yeol' },
      { checkId: 'name-variant', fingerprint: 'name-variant:cho-tae-yul:Cho Tae-yul', text: 'Cho Tae-yul' },
      { checkId: 'glossary-term', fingerprint: 'glossary-term:c9:Kim Jong-un', text: 'Kim Jong-un' },
      { checkId: 'glossary-term', fingerprint: 'glossary-term|c3|Korea Innovation Party|0a1b2c3d', text: 'Korea Innovation Party' },
      { checkId: 'surname-homograph', fingerprint: 'surname-homograph:aaaaaaaa:King', text: 'King' },
      { checkId: 'surname-homograph', fingerprint: 'surname-homograph:cccccccc:One', text: 'One' },
      { checkId: 'headline-subject', fingerprint: 'headline-subject|King|cho-tae-yul|12345678', text: 'King' },
    ], meta);
    const row = (position: number, checkId: string, severity: string, text: string, fingerprint: string, isDismissed: boolean) => ({
      article_id: id, position, check_id: checkId, severity, segment: 4, start_offset: 0, end_offset: text.length, text, message: 'm',
      suggestions: '[]', fingerprint, group_key: null, variants: null, is_dismissed: isDismissed ? 1 : 0,
    });
    await ctx.store.db.deleteFrom('article_flags').where('article_id', '=', id).execute();
    await ctx.store.db.schema.alterTable('article_flags').dropColumn('spans').execute();
    await ctx.store.db.insertInto('article_flags').values([
      row(0, 'name-variant', 'warning', 'Cho Tae-yeol', 'name-variant:cho-tae-yul:Cho Tae-yeol', true),
      row(1, 'name-variant', 'info', 'Cho Tae-yul', 'name-variant:cho-tae-yul:Cho Tae-yul', true),
      row(2, 'name-variant', 'info', 'Cho Tae-yul', 'name-variant:cho-tae-yul:Cho Tae-yul', false),
      row(3, 'surname-homograph', 'error', 'King', 'surname-homograph:aaaaaaaa:King', true),
      row(4, 'surname-homograph', 'error', 'King', 'surname-homograph:bbbbbbbb:King', false),
      row(5, 'surname-homograph', 'error', 'One', 'surname-homograph:cccccccc:One', true),
    ] as never).execute();
    await sql`UPDATE articles SET is_dirty = 0`.execute(ctx.store.db);
    await m011.up(ctx.store.db, ctx.store.backend);

    const dirty = await ctx.store.db.selectFrom('articles').select('is_dirty').execute();
    expect(dirty.map((a) => Number(a.is_dirty))).toEqual([1]);
    const all = await ctx.store.db.selectFrom('dismissals').select(['fingerprint', 'revoked_at', 'revoked_by']).orderBy('id').execute();
    expect(all.map((d) => [d.fingerprint, d.revoked_at === null ? 'in force' : d.revoked_by])).toEqual([
      // Only infos of the person were open: the dismissed warning carries over; the second folds into it.
      ['name-variant:cho-tae-yul', 'in force'],
      ['name-variant:cho-tae-yul', 'copydesk (migration 011: one flag per person)'],
      ['glossary-term:c9', 'in force'],
      ['glossary-term|c3|Korea Innovation Party|0a1b2c3d', 'in force'],
      // Another King was still open: the one flag for King shows again.
      ['surname-homograph:aaaaaaaa:King', 'in force'],
      ['surname-homograph:One', 'in force'],
      ['headline-subject|King|cho-tae-yul', 'in force'],
    ]);
    expect((await listDismissals(ctx.store, id)).filter((d) => d.checkId === 'name-variant')).toHaveLength(1);

    await settle(ctx);
    const rows = await nameVariantRows(ctx, id);
    expect(rows.map((r) => [r.fingerprint, r.is_dismissed, JSON.parse(r.spans ?? '[]').length])).toEqual([['name-variant:cho-tae-yul', 1, 3]]);
    // The seed's standfirst "King", dismissed before, stays dismissed.
    expect((await ctx.flags.flagsFor(id)).dismissed.map((d) => d.flag.fingerprint).sort()).toEqual(['headline-subject|King|cho-tae-yul', 'name-variant:cho-tae-yul']);
  });
});
