/**
 * Issue 10: the refresh of stale articles. Refreshers claim articles under a lease, so two at once
 * (two instances, two threads) never refresh one article twice, and a crashed one's claim is taken
 * over once its lease runs out; a write refreshes its own articles within a budget; a correction
 * marks the other articles holding its phrase; a page refreshes a few stale articles itself.
 */
import { describe, it, expect } from 'vitest';
import { sql } from 'kysely';
import { refreshAfterWrite, refreshStale, expandDirtyPhrases, REFRESH_LEASE_MS } from '../../src/service/refresh.js';
import { createServiceContext, refreshPending, PAGE_REFRESH_MAX_STALE, type ServiceContext } from '../../src/service/context.js';
import { corpusPage } from '../../src/service/articles.js';
import { saveEdit } from '../../src/service/save-segment.js';
import { claimStaleArticles } from '../../src/store/derived.js';
import { readCorpusVersions } from '../../src/store/counters.js';
import { getSegment } from '../../src/store/segments.js';
import type { CorpusQuery } from '../../src/store/corpus.js';
import { BACKEND, createTestDatabase, openTestContext } from '../support/backend.js';
import { importUnrefreshed, readRunningTotals, settle, sumArticleRows } from '../support/derived-state.js';
import { importText, TEST_NOW } from '../helpers.js';

/** refresh.ts's DEPENDENTS_INLINE: most articles a save marks itself; past it, the phrase is left to the background. */
const DEPENDENTS_INLINE = 500;

/** Short distinct articles, each naming "Wang Yi" and the surname MT writes as "King". */
function articles(count: number, prefix = 'Talks'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix} Number ${i + 1} in Seoul\n\nKing met Wang Yi on day ${i + 1} of the visit.`);
}

/** The corpus page's first page, newest import first. */
const FIRST_PAGE: CorpusQuery = { sort: 'imported', isDescending: true, offset: 0, limit: 50 };

async function staleIds(ctx: ServiceContext): Promise<number[]> {
  const { decisions } = await readCorpusVersions(ctx.store);
  const rows = await ctx.store.db.selectFrom('articles').select('id')
    .where((eb) => eb.or([eb('is_dirty', '=', 1), eb('refreshed_decisions', '<', decisions)])).orderBy('id').execute();
  return rows.map((r) => r.id);
}

async function expectTotalsAreSums(ctx: ServiceContext): Promise<void> {
  expect(await readRunningTotals(ctx.store)).toEqual(await sumArticleRows(ctx.store));
}

describe(`refreshStale (${BACKEND})`, () => {
  it('run twice at once on one database refreshes each article exactly once', async () => {
    const config = await createTestDatabase();
    const first = await openTestContext({ config, now: () => TEST_NOW });
    // PostgreSQL: a second pool, as a second app instance has. SQLite: a second refresher on the same
    // connection (two connections in one thread would block each other's event loop on the write
    // lock; the refresher's threads, each with its own connection, are test/service/background.test.ts's).
    const second = BACKEND === 'postgres' ? await openTestContext({ config, now: () => TEST_NOW }) : createServiceContext(first.store, { now: () => TEST_NOW });
    const ids = await importUnrefreshed(first.store, articles(40));
    const runs = await Promise.all([first, second].map((ctx) => refreshStale(ctx.store, { now: () => TEST_NOW, decisionsOf: ctx.decisionsOf, batch: 3 })));
    // Every article was claimed by one of the two: the counts add up to the corpus, not more.
    expect(runs[0]!.refreshed + runs[1]!.refreshed).toBe(ids.length);
    // (A runner stops when the rest is claimed by the other; the other finishes it.)
    expect(await staleIds(first)).toEqual([]);
    const stats = await first.store.db.selectFrom('article_stats').select('article_id').orderBy('article_id').execute();
    expect(stats.map((s) => s.article_id)).toEqual(ids);
    await expectTotalsAreSums(first);
    expect((await readRunningTotals(first.store)).totals).toMatchObject([{ engine: '', articles: 40 }]);
  });

  it('takes over the articles of a refresher that stopped (crashed) once its lease has run out, and not before', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const ids = await importUnrefreshed(ctx.store, articles(5));
    const { decisions } = await readCorpusVersions(ctx.store);
    const claimedAt = TEST_NOW.getTime();
    // A refresher claims every article and is never heard of again.
    const claimed = await claimStaleArticles(ctx.store, { now: new Date(claimedAt).toISOString(), leaseUntil: new Date(claimedAt + REFRESH_LEASE_MS).toISOString(), decisions, limit: 10 });
    expect(claimed).toEqual(ids);
    const at = (ms: number) => ({ now: () => new Date(claimedAt + ms), decisionsOf: ctx.decisionsOf });
    expect(await refreshStale(ctx.store, at(60_000))).toEqual({ refreshed: 0, remaining: 5 });
    expect(await refreshStale(ctx.store, at(REFRESH_LEASE_MS + 1000))).toEqual({ refreshed: 5, remaining: 0 });
    expect(await staleIds(ctx)).toEqual([]);
  });

  it('hands back what it claimed but did not reach in its budget, so the next pass takes it at once', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    await importUnrefreshed(ctx.store, articles(30));
    // It claims all 30 at once, and its budget runs out long before it has derived them.
    const first = await refreshStale(ctx.store, { now: () => TEST_NOW, decisionsOf: ctx.decisionsOf, budgetMs: 0, batch: 30 });
    expect(first.refreshed).toBeLessThan(30);
    expect(first.remaining).toBe(30 - first.refreshed);
    // Same clock: a lease still held would keep the rest out of this pass for two minutes.
    expect(await refreshStale(ctx.store, { now: () => TEST_NOW, decisionsOf: ctx.decisionsOf })).toEqual({ refreshed: 30 - first.refreshed, remaining: 0 });
  });
});

describe(`refreshAfterWrite (${BACKEND})`, () => {
  it('refreshes what it can within its budget and leaves the rest marked for a refresher', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const ids = await importUnrefreshed(ctx.store, articles(30));
    // No budget to speak of: it stops between articles long before the 30th, and the rest wait.
    await refreshAfterWrite(ctx.store, ids, ctx.decisionsOf, 0);
    const left = await staleIds(ctx);
    expect(left.length).toBeGreaterThan(0);
    expect(left).toEqual(ids.slice(ids.length - left.length));
    await expectTotalsAreSums(ctx);
    expect(await refreshStale(ctx.store, { now: () => TEST_NOW, decisionsOf: ctx.decisionsOf })).toEqual({ refreshed: left.length, remaining: 0 });
    await expectTotalsAreSums(ctx);
    // With all the time it wants, it refreshes every article it was given, in one write.
    await sql`UPDATE articles SET is_dirty = 1`.execute(ctx.store.db);
    await refreshAfterWrite(ctx.store, ids, ctx.decisionsOf, 600_000);
    expect(await staleIds(ctx)).toEqual([]);
    await expectTotalsAreSums(ctx);
  });
});

describe(`a correction and the other articles holding its phrase (${BACKEND})`, () => {
  it('marks the articles holding the corrected phrase at once, and no other', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const [a, b, c] = [await importText(ctx, articles(1, 'Alpha')[0]!, 'a.txt'), await importText(ctx, articles(1, 'Beta')[0]!, 'b.txt'), await importText(ctx, articles(1, 'Gamma')[0]!, 'c.txt')];
    const rain = await importText(ctx, 'Rain Expected Over the Weekend\n\nHeavy rain is expected across the country on Saturday.');
    expect(await staleIds(ctx)).toEqual([]);
    await saveEdit(ctx, (await getSegment(ctx.store, a, 1))!, { text: 'Cho met Wang Yi on day 1 of the visit.', baseNumber: 0, author: 'Min-ji' });
    expect(await staleIds(ctx)).toEqual([b, c]);
    await settle(ctx);
    for (const id of [b, c]) {
      const flags = await ctx.store.db.selectFrom('article_flags').select(['check_id', 'text', 'suggestions']).where('article_id', '=', id).where('check_id', '=', 'correction-not-carried').execute();
      expect(flags).toEqual([{ check_id: 'correction-not-carried', text: 'King', suggestions: '["Cho"]' }]);
    }
    expect(await ctx.store.db.selectFrom('article_flags').select('id').where('article_id', '=', rain).where('check_id', '=', 'correction-not-carried').execute()).toEqual([]);
  });

  it(`leaves a phrase held by more than ${DEPENDENTS_INLINE} other articles to the background, which marks them all`, async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const ids = await importUnrefreshed(ctx.store, articles(DEPENDENTS_INLINE + 2));
    await refreshStale(ctx.store, { now: () => TEST_NOW, decisionsOf: ctx.decisionsOf, batch: 64 });
    expect(await staleIds(ctx)).toEqual([]);
    const [first, ...others] = ids as [number, ...number[]];
    await saveEdit(ctx, (await getSegment(ctx.store, first, 1))!, { text: 'Cho met Wang Yi on day 1 of the visit.', baseNumber: 0, author: 'Min-ji' });
    // The save marked none of them itself: it recorded the phrase.
    expect(await staleIds(ctx)).toEqual([]);
    expect((await ctx.store.db.selectFrom('dirty_phrases').select(['phrase', 'article_id']).execute()).map((r) => [r.phrase, r.article_id])).toEqual([['King', first]]);
    expect(await expandDirtyPhrases(ctx.store)).toBe(1);
    expect(await staleIds(ctx)).toEqual(others);
    expect(await ctx.store.db.selectFrom('dirty_phrases').select('id').execute()).toEqual([]);
    expect(await expandDirtyPhrases(ctx.store)).toBe(0);
  }, 120_000);
});

describe(`refreshPending, a page's own refresh (${BACKEND})`, () => {
  // A page's budget (PAGE_REFRESH_BUDGET_MS) bounds how many it refreshes in time; these tests give it all the time it
  // wants, so what they see is the count rule alone.
  const NO_BUDGET = { budgetMs: 600_000 };

  it(`refreshes up to ${PAGE_REFRESH_MAX_STALE} stale articles before the page reads them`, async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    await importUnrefreshed(ctx.store, articles(PAGE_REFRESH_MAX_STALE));
    expect(await refreshPending(ctx, NO_BUDGET)).toEqual({ refreshed: PAGE_REFRESH_MAX_STALE, remaining: 0 });
    const page = await corpusPage(ctx, FIRST_PAGE);
    expect(page.stale).toBe(0);
    expect(page.rows.map((r) => [r.isStale, r.segmentCount])).toEqual(Array(PAGE_REFRESH_MAX_STALE).fill([false, 2]));
    expect(await refreshPending(ctx, NO_BUDGET)).toEqual({ refreshed: 0, remaining: 0 });
  });

  it(`leaves more than ${PAGE_REFRESH_MAX_STALE} stale articles to the background, and the page says how many wait`, async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const ids = await importUnrefreshed(ctx.store, articles(PAGE_REFRESH_MAX_STALE + 1));
    expect(await refreshPending(ctx, NO_BUDGET)).toEqual({ refreshed: 0, remaining: PAGE_REFRESH_MAX_STALE + 1 });
    const page = await corpusPage(ctx, FIRST_PAGE);
    expect(page.stale).toBe(ids.length);
    expect(page.total).toBe(ids.length);
    expect(page.rows.every((r) => r.isStale && r.segmentCount === null)).toBe(true);
    // Once the background has done all but a few, the page finishes them itself.
    await refreshStale(ctx.store, { now: () => TEST_NOW, decisionsOf: ctx.decisionsOf, limit: 2 });
    expect(await refreshPending(ctx, NO_BUDGET)).toEqual({ refreshed: PAGE_REFRESH_MAX_STALE - 1, remaining: 0 });
    expect((await corpusPage(ctx, FIRST_PAGE)).stale).toBe(0);
  });

  it('counts articles stale because of a decision, not only those marked by a write', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    await importUnrefreshed(ctx.store, articles(PAGE_REFRESH_MAX_STALE + 5));
    await settle(ctx);
    await sql`UPDATE counters SET value = value + 1 WHERE name = 'decisions'`.execute(ctx.store.db);
    // Half are marked dirty too: each is counted once.
    await sql`UPDATE articles SET is_dirty = 1 WHERE id % 2 = 0`.execute(ctx.store.db);
    const pass = await refreshPending(ctx);
    expect(pass.refreshed).toBe(0);
    expect(pass.remaining).toBeGreaterThan(PAGE_REFRESH_MAX_STALE);
    expect((await corpusPage(ctx, FIRST_PAGE)).stale).toBe(PAGE_REFRESH_MAX_STALE + 5);
  });
});
