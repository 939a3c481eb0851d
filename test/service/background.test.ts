/**
 * Issue 10: the background refresher does the corpus-wide work on worker threads (piscina), each
 * with its own connection: stale articles, name buckets, a re-check after a decision. The work lives
 * in the database, so a re-check survives a restart. The threads load the compiled
 * dist/service/refresh-worker.js, so these tests run the built code (npm test builds first).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'kysely';
import { hasRefresherWork, type ServiceContext } from '../../src/service/context.js';
import type { StoreConfig } from '../../src/store/open-store.js';
import { addConcept } from '../../src/service/glossary.js';
import { jobsWithProgress } from '../../src/service/jobs.js';
import { readCorpusVersions } from '../../src/store/counters.js';
import { countStaleArticles } from '../../src/store/derived.js';
import { hasDirtyBuckets } from '../../src/store/names.js';
import { BACKEND, createTestDatabase, openTestContext } from '../support/backend.js';
import { requireBuild } from '../support/instances.js';
import { importUnrefreshed, readRunningTotals, sumArticleRows } from '../support/derived-state.js';
import { TEST_NOW } from '../helpers.js';

type Background = typeof import('../../src/service/background.js');
let background: Background;

beforeAll(async () => {
  requireBuild();
  // The built module: its pool's threads load the compiled worker beside it.
  background = (await import(new URL('../../dist/service/background.js', import.meta.url).href)) as Background;
});

/** Short distinct articles naming two people. */
function articles(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Talks Number ${i + 1} in Seoul\n\nMinister Cho Tae-yul met Wang Yi on day ${i + 1} of the visit.`);
}

/** Waits (polling the database, as the jobs page does) until `isDone`; the test's timeout is the guard. */
async function until(isDone: () => Promise<boolean>): Promise<void> {
  while (!(await isDone())) await new Promise((r) => setTimeout(r, 50));
}

async function staleCount(ctx: ServiceContext): Promise<number> {
  const { decisions } = await readCorpusVersions(ctx.store);
  return (await countStaleArticles(ctx.store, decisions)).stale;
}

/** A database file (the threads open their own connections to it) and a context on it. */
async function database(): Promise<{ config: StoreConfig; ctx: ServiceContext }> {
  const config = await createTestDatabase();
  return { config, ctx: await openTestContext({ config, now: () => TEST_NOW }) };
}

/** Articles a re-check must not finish in one pass of one thread (a pass runs 2 s): several passes' worth. */
const MANY = BACKEND === 'sqlite' ? 3000 : 600;

describe(`startBackgroundRefresher (${BACKEND})`, () => {
  it('refreshes every stale article and clusters the people on its threads, then stops and does nothing more', async () => {
    const { config, ctx } = await database();
    await importUnrefreshed(ctx.store, articles(120));
    const refresher = background.startBackgroundRefresher(config, { threads: 2 });
    try {
      await until(async () => (await staleCount(ctx)) === 0 && !(await hasDirtyBuckets(ctx.store)));
    } finally {
      await refresher.stop();
    }
    expect(await readRunningTotals(ctx.store)).toEqual(await sumArticleRows(ctx.store));
    expect((await readRunningTotals(ctx.store)).totals).toMatchObject([{ engine: '', articles: 120 }]);
    expect((await ctx.store.db.selectFrom('articles').select('id').where('refresh_lease', 'is not', null).execute())).toEqual([]);
    const people = await ctx.store.db.selectFrom('corpus_people').select(['preferred', 'articles']).orderBy('preferred').execute();
    expect(people).toEqual([{ preferred: 'Cho Tae-yul', articles: 120 }, { preferred: 'Wang Yi', articles: 120 }]);
    // Stopped: an article marked now stays marked (an idle refresher looks again every 2 s).
    await sql`UPDATE articles SET is_dirty = 1 WHERE id = 1`.execute(ctx.store.db);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await staleCount(ctx)).toBe(1);
  }, 120_000);

  it('brings a re-check recorded by a glossary decision to done', async () => {
    const { config, ctx } = await database();
    await importUnrefreshed(ctx.store, articles(60));
    const refresher = background.startBackgroundRefresher(config, { threads: 2 });
    try {
      await until(async () => (await staleCount(ctx)) === 0);
      await addConcept(ctx, { type: 'person', terms: [{ text: 'Wang Yi', lang: 'en', status: 'preferred' }, { text: 'Wang Yee', lang: 'en', status: 'deprecated' }] }, 'Min-ji');
      const [job] = await jobsWithProgress(ctx);
      expect(job).toMatchObject({ kind: 'recheck', state: 'running', total: 60, done: 0, createdBy: 'Min-ji' });
      await until(async () => (await jobsWithProgress(ctx))[0]?.state === 'done');
    } finally {
      await refresher.stop();
    }
    expect((await jobsWithProgress(ctx))[0]).toMatchObject({ state: 'done', done: 60, total: 60, share: 1 });
    expect(await staleCount(ctx)).toBe(0);
  }, 120_000);

  it('resumes a re-check after a restart: the next refresher finishes what the stopped one left', async () => {
    const { config, ctx } = await database();
    await importUnrefreshed(ctx.store, articles(MANY));
    // The articles were refreshed once (as after an import), then a decision asks for every one again.
    await sql`UPDATE articles SET is_dirty = 0, refreshed_decisions = 0`.execute(ctx.store.db);
    await addConcept(ctx, { type: 'person', terms: [{ text: 'Cho Tae-yul', lang: 'en', status: 'preferred' }, { text: 'Cho Tae-yeol', lang: 'en', status: 'deprecated' }] }, 'Min-ji');
    const [recorded] = await jobsWithProgress(ctx);
    expect(recorded).toMatchObject({ state: 'running', total: MANY, done: 0 });

    const first = background.startBackgroundRefresher(config, { threads: 1 });
    try {
      await until(async () => ((await jobsWithProgress(ctx))[0]?.done ?? 0) > 0);
    } finally {
      await first.stop();
    }
    const stopped = (await jobsWithProgress(ctx))[0]!;
    expect(stopped.id).toBe(recorded!.id);
    expect(stopped.state).toBe('running');
    console.log("STOPPED AT", stopped.done, MANY);
    expect(stopped.done).toBeGreaterThan(0);
    expect(stopped.done).toBeLessThan(MANY);
    // Nothing is held by the stopped refresher: the next one takes every article at once.
    expect((await ctx.store.db.selectFrom('articles').select('id').where('refresh_lease', 'is not', null).execute())).toEqual([]);

    const second = background.startBackgroundRefresher(config, { threads: 2 });
    try {
      await until(async () => (await jobsWithProgress(ctx))[0]?.state === 'done');
    } finally {
      await second.stop();
    }
    const jobs = await jobsWithProgress(ctx);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ id: recorded!.id, state: 'done', done: MANY, total: MANY });
    expect(await readRunningTotals(ctx.store)).toEqual(await sumArticleRows(ctx.store));
  }, 300_000);
});

describe(`refreshAll (${BACKEND})`, () => {
  it('refreshes every stale article on its threads and returns how many, saying how many are left as it goes', async () => {
    const { config, ctx } = await database();
    await importUnrefreshed(ctx.store, articles(150));
    const left: number[] = [];
    expect(await background.refreshAll(config, { threads: 2, onProgress: (remaining) => left.push(remaining) })).toBe(150);
    expect(left.at(-1)).toBe(0);
    expect(left).toEqual([...left].sort((a, b) => b - a));
    expect(await staleCount(ctx)).toBe(0);
    expect(await hasDirtyBuckets(ctx.store)).toBe(false);
    expect(await readRunningTotals(ctx.store)).toEqual(await sumArticleRows(ctx.store));
    // Nothing left: it returns at once, having refreshed nothing.
    expect(await background.refreshAll(config, { threads: 1 })).toBe(0);
  }, 120_000);

  it('asks the database before waking a thread: an idle poll that finds nothing starts no work; hasRefresherWork sees every kind of work', async () => {
    const { config, ctx } = await database();
    await importUnrefreshed(ctx.store, articles(10));
    expect(await hasRefresherWork(ctx)).toBe(true);
    let polls = 0;
    const idle = background.startBackgroundRefresher(config, { threads: 1, hasWork: async () => { polls += 1; return false; } });
    try {
      await new Promise((r) => setTimeout(r, 2500));
    } finally {
      await idle.stop();
    }
    expect(polls).toBeGreaterThan(0);
    expect(await staleCount(ctx)).toBe(10); // the probe said no: nothing was refreshed

    const working = background.startBackgroundRefresher(config, { threads: 1, hasWork: () => hasRefresherWork(ctx) });
    try {
      await until(async () => !(await hasRefresherWork(ctx)));
    } finally {
      await working.stop();
    }
    expect(await staleCount(ctx)).toBe(0);
    // Each kind of work on its own.
    await sql`UPDATE articles SET is_dirty = 1 WHERE id = 1`.execute(ctx.store.db);
    expect(await hasRefresherWork(ctx)).toBe(true);
    await sql`UPDATE articles SET is_dirty = 0 WHERE id = 1`.execute(ctx.store.db);
    expect(await hasRefresherWork(ctx)).toBe(false);
    await sql`UPDATE counters SET value = value + 1 WHERE name = 'decisions'`.execute(ctx.store.db);
    expect(await hasRefresherWork(ctx)).toBe(true);
    await sql`UPDATE articles SET refreshed_decisions = (SELECT value FROM counters WHERE name = 'decisions')`.execute(ctx.store.db);
    expect(await hasRefresherWork(ctx)).toBe(false);
    await sql`UPDATE name_buckets SET is_dirty = 1`.execute(ctx.store.db);
    expect(await hasRefresherWork(ctx)).toBe(true);
    await sql`UPDATE name_buckets SET is_dirty = 0`.execute(ctx.store.db);
    await sql`INSERT INTO dirty_phrases (phrase, article_id) VALUES ('Cho Tae-yeol', 1)`.execute(ctx.store.db);
    expect(await hasRefresherWork(ctx)).toBe(true);
  }, 120_000);
});
