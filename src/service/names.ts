import type { ServiceContext } from './context.js';
import type { Store } from '../store/store.js';
import { listDistinctPeople, recordDistinctPeople, removeDistinctPeople } from '../store/decisions.js';
import { readCorpusVersions } from '../store/counters.js';
import { claimDirtyBuckets, countPeople, hasDirtyBuckets, listBucketUnits, listPeoplePage, listPeopleSpellings, releaseBucketLeases, writeBucket, type CorpusPersonRow, type PersonSpelling } from '../store/names.js';
import { clusterPeople } from '../core/names/build-corpus-name-index.js';
import type { DecisionsData } from './refresh.js';
import { refreshPending } from './context.js';
import { readEngineTotals } from '../store/reports.js';
import { countArticles } from '../store/corpus.js';
import { ServiceError } from './errors.js';
import { recordRecheck } from './jobs.js';

/** Longest spelling accepted in a "different people" decision. */
export const MAX_SPELLING_CHARS = 200;

/** How long a worker holds the name buckets it claimed (ms). */
const BUCKET_LEASE_MS = 120_000;

/**
 * Clusters the people of the name buckets marked since their last clustering, one surname at a
 * time: the article persons of the surname are read from the stored article_names and grouped by
 * the same matcher the checks use (core/names), then written as the corpus's people. Stops after
 * `budgetMs` between buckets; returns how many buckets were clustered.
 */
export async function clusterNameBuckets(store: Store, opts: { now: () => Date; decisionsOf: (version: number) => Promise<DecisionsData>; budgetMs?: number; maxUnits?: number }): Promise<number> {
  const started = Date.now();
  let done = 0;
  for (;;) {
    const now = opts.now();
    const claimed = await claimDirtyBuckets(store, { now: now.toISOString(), leaseUntil: new Date(now.getTime() + BUCKET_LEASE_MS).toISOString(), limit: 4, maxUnits: opts.maxUnits });
    if (claimed.length === 0) return done;
    const { decisions } = await readCorpusVersions(store);
    const { glossary, distinctPeople } = await opts.decisionsOf(decisions);
    for (const [i, { surnameKey, lease }] of claimed.entries()) {
      const units = await listBucketUnits(store, surnameKey);
      const { people } = clusterPeople(units, { glossary, distinctPeople });
      await writeBucket(store, surnameKey, lease, people.map((p) => {
        const members = (p.members as typeof units).map((u) => ({ articleId: u.articleId, person: u.person }));
        return {
          slug: p.id,
          preferred: p.preferred,
          preferredBecause: p.preferredBecause,
          spellings: p.spellings.filter((s) => s.count > 0).length,
          mentions: p.articles.reduce((sum, a) => sum + a.count, 0),
          articles: new Set(p.articles.map((a) => a.key)).size,
          firstArticle: Math.min(...p.articles.map((a) => Number(a.key))),
          members,
        };
      }));
      done += 1;
      if (opts.budgetMs !== undefined && Date.now() - started > opts.budgetMs) {
        // Hand the rest of the claim back: held until their lease ran out, they would wait minutes.
        await releaseBucketLeases(store, claimed.slice(i + 1).map((b) => b.surnameKey), lease);
        return done;
      }
    }
  }
}

/** Most article persons of a surname bucket that a names page view clusters itself (larger buckets are left to the background refresher). */
export const PAGE_BUCKET_MAX_UNITS = 200;

/** Names page rows per page. */
export const PEOPLE_PAGE_SIZE = 50;

/** Articles listed per spelling on the names page. */
const ARTICLES_PER_SPELLING = 5;

/** One person on the names page, with their spellings. */
export interface NamesPerson extends CorpusPersonRow {
  readonly spellingList: readonly PersonSpelling[];
}

/** Returns one page of the corpus's people (most spellings first), their spellings and where, and the decisions recorded; refreshes what the last writes left stale first, within a page's budget. */
export async function corpusNames(ctx: ServiceContext, opts: { page: number }): Promise<{
  people: NamesPerson[]; total: number; inconsistent: number; distinctPeople: [string, string][]; isUpdating: boolean;
  /** Articles whose people the page holds (refreshed at least once), of the corpus's. */
  articles: { covered: number; total: number };
}> {
  await refreshPending(ctx);
  // Small buckets only: a surname named in thousands of articles takes seconds to cluster, work for
  // the background refresher's threads, not for a request on the event loop (the page says it is updating).
  if (await hasDirtyBuckets(ctx.store)) {
    await clusterNameBuckets(ctx.store, { now: () => new Date(ctx.now()), decisionsOf: ctx.decisionsOf, budgetMs: 25, maxUnits: PAGE_BUCKET_MAX_UNITS });
  }
  const offset = (opts.page - 1) * PEOPLE_PAGE_SIZE;
  const [rows, counts, distinctPeople, isUpdating, engines, articles] = await Promise.all([
    listPeoplePage(ctx.store, { offset, limit: PEOPLE_PAGE_SIZE }),
    countPeople(ctx.store),
    listDistinctPeople(ctx.store),
    hasDirtyBuckets(ctx.store),
    readEngineTotals(ctx.store),
    countArticles(ctx.store),
  ]);
  const spellings = await listPeopleSpellings(ctx.store, rows.map((r) => r.id), ARTICLES_PER_SPELLING);
  return {
    people: rows.map((r) => ({ ...r, spellingList: spellings.get(r.id) ?? [] })),
    total: counts.people,
    inconsistent: counts.inconsistent,
    distinctPeople,
    isUpdating,
    articles: { covered: engines.reduce((sum, e) => sum + e.articles, 0), total: articles.total },
  };
}

/** Records that two spellings name different people, in every article; throws invalid for one spelling twice or an empty one. */
/**
 * Takes back a "different people" decision: the two spellings may be grouped as one person again,
 * in every article, which the checks then re-check (a recorded job, like the decision). Returns
 * false when the pair was not recorded (taken back already, or never).
 */
export async function undoDistinctPeople(ctx: ServiceContext, a: string, b: string, author: string): Promise<boolean> {
  const [first, second] = [a.trim(), b.trim()];
  if (!first || !second || first.length > MAX_SPELLING_CHARS || second.length > MAX_SPELLING_CHARS) throw new ServiceError('invalid', 'Give the two spellings to group again.');
  const removed = await removeDistinctPeople(ctx.store, first, second);
  if (removed) await recordRecheck(ctx, `“${first}” and “${second}” are no longer recorded as different people`, author);
  return removed;
}

export async function decideDistinctPeople(ctx: ServiceContext, a: string, b: string, author: string): Promise<boolean> {
  const [first, second] = [a.trim(), b.trim()];
  if (!first || !second || first.length > MAX_SPELLING_CHARS || second.length > MAX_SPELLING_CHARS) throw new ServiceError('invalid', 'Give the two spellings that name different people.');
  if (first === second) throw new ServiceError('invalid', `“${first}” is one spelling; choose two different spellings.`);
  const isNew = await recordDistinctPeople(ctx.store, first, second, { author, now: ctx.now() });
  if (isNew) await recordRecheck(ctx, `“${first}” and “${second}” were recorded as different people`, author);
  return isNew;
}
