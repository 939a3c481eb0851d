/**
 * Issue 10: the running totals (report_totals, report_scores, report_errors, correction_counts,
 * editor_stats) and the corpus's people are moved by each article's change, never recomputed. Two
 * invariants say they are right:
 * - at every commit, each running total equals the sum of the per-article rows it is kept from;
 * - once nothing is stale, every derived row equals what a from-scratch recomputation gives (the
 *   database copied into an empty one, as `copydesk db copy` does, and every article derived there).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { ServiceContext } from '../../src/service/context.js';
import { importArticle } from '../../src/service/import-articles.js';
import { revertSegment, saveEdit, saveEdits, prepareRevision } from '../../src/service/save-segment.js';
import { changeEngine, changeStatus, confirmCorrectionCategory } from '../../src/service/articles.js';
import { dismissOpenFlags, restoreDismissal } from '../../src/service/flags.js';
import { addConcept } from '../../src/service/glossary.js';
import { decideDistinctPeople, clusterNameBuckets } from '../../src/service/names.js';
import { expandDirtyPhrases, refreshArticle, refreshStale } from '../../src/service/refresh.js';
import { createFlagReader } from '../../src/service/flag-reader.js';
import { getSegment, listSegments } from '../../src/store/segments.js';
import { appendRevision } from '../../src/store/revisions.js';
import { listCurrentCorrections } from '../../src/store/corrections.js';
import { dismissFlags, listDismissals } from '../../src/store/decisions.js';
import { getArticleStats } from '../../src/store/derived.js';
import { ARTICLE_STATUSES } from '../../src/store/articles.js';
import type { MqmCategoryId } from '../../src/core/mqm/typology.js';
import type { MqmSeverity } from '../../src/core/mqm/severities.js';
import { BACKEND, openTestContext } from '../support/backend.js';
import { readDerivedSnapshot, readRunningTotals, recomputedSnapshot, settle, sumArticleRows } from '../support/derived-state.js';
import { TEST_NOW } from '../helpers.js';
import { readFileSync } from 'node:fs';

/** Articles with people spelled two ways, a surname MT turned into a word, and phrases other articles correct. */
const TEXTS: readonly string[] = [
  'King Raises Issues in Beijing\n\nKing met Wang Yi on the 13th. Cho Tae-yeol said the talks went well.\n\nMinister Cho Tae-yul thanked his hosts.',
  'King Visits Tokyo\n\nKing arrived in Tokyo on the 20th with Cho Tae-yul.\n\nThe visit lasts two days.',
  'Rain Expected Over the Weekend\n\nHeavy rain is expected across the country on Saturday.',
  ...['d01-prime-minister', 'd02-party-leader', 'd03-lawmaker', 'd04-first-lady'].map((name) =>
    readFileSync(new URL(`../fixtures/dev-set/${name}.txt`, import.meta.url), 'utf8')),
];

const ENGINES = ['', 'Engine A', 'Engine B'] as const;
const AUTHORS = ['Min-ji', 'Jae-won', 'Soo-ah'] as const;
const SEVERITIES: readonly MqmSeverity[] = ['neutral', 'minor', 'major', 'critical'];
const CATEGORIES: readonly MqmCategoryId[] = ['accuracy/mistranslation', 'terminology/inconsistent-with-resource', 'style/unidiomatic'];

/** Edits an editor makes to a segment's current text: the corrections the checks and the corpus counts follow. */
const EDITS: readonly ((text: string) => string)[] = [
  (t) => t.replace('King', 'Cho'),
  (t) => t.replace('Tae-yeol', 'Tae-yul'),
  (t) => t.replace('Deok-soo', 'Duck-soo'),
  (t) => t.replace('Tae-yul', 'Tae-yeol'),
  (t) => `${t} today`,
  (t) => t.split(' ').slice(0, -1).join(' '),
  (t) => t.charAt(0).toLowerCase() + t.slice(1),
  (t) => t.split(' ').reverse().join(' '),
];

/** Asserts the first invariant: every running total is the sum of its per-article rows. */
async function expectTotalsAreSums(ctx: ServiceContext, step = ''): Promise<void> {
  expect(await readRunningTotals(ctx.store), `running totals after ${step}`).toEqual(await sumArticleRows(ctx.store));
}

/** Asserts the second invariant: once settled, every derived row is what a recomputation from scratch gives. */
async function expectSettledEqualsRecomputed(ctx: ServiceContext): Promise<void> {
  await settle(ctx);
  const kept = await readDerivedSnapshot(ctx.store);
  expect(kept.articles.every((a) => !a.isStale)).toBe(true);
  const recomputed = await recomputedSnapshot(ctx);
  expect(kept).toEqual(recomputed);
  await expectTotalsAreSums(ctx, 'settling');
}

async function articleIds(ctx: ServiceContext): Promise<number[]> {
  return (await ctx.store.db.selectFrom('articles').select('id').orderBy('id').execute()).map((r) => r.id);
}

async function editSegment(ctx: ServiceContext, articleId: number, position: number, edit: (text: string) => string, author: string): Promise<void> {
  const segment = await getSegment(ctx.store, articleId, position);
  if (!segment) return;
  await saveEdit(ctx, segment, { text: edit(segment.edit) || segment.mt, baseNumber: segment.revision, author });
}

describe(`the derived rows kept at write time (${BACKEND})`, () => {
  it('equal a recomputation from scratch after imports, saves, reverts, dismissals, categories, status, engine and glossary decisions', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const [a, b, , d] = [
      await importText(ctx, 0, 'Engine A'), await importText(ctx, 1, 'Engine A'), await importText(ctx, 2, ''), await importText(ctx, 3, 'Engine B'),
    ];
    await expectTotalsAreSums(ctx, 'imports');
    await editSegment(ctx, a, 0, EDITS[0]!, 'Min-ji');
    await editSegment(ctx, a, 1, (t) => t.replace('King', 'Cho').replace('Tae-yeol', 'Tae-yul'), 'Jae-won');
    await editSegment(ctx, b, 0, EDITS[0]!, 'Min-ji');
    await editSegment(ctx, d, 2, EDITS[4]!, 'Soo-ah');
    await expectTotalsAreSums(ctx, 'saves');
    // A correction's category confirmed (the score and the error cells move), then the segment reverted (they move back).
    const [king] = await listCurrentCorrections(ctx.store, b);
    await confirmCorrectionCategory(ctx, b, { segmentId: king!.segmentId, mtText: king!.mtText, editText: king!.editText, category: 'accuracy/mistranslation', severity: 'major' }, 'Min-ji');
    await expectTotalsAreSums(ctx, 'a category');
    await revertSegment(ctx, (await getSegment(ctx.store, a, 0))!, { to: 0, baseNumber: 1, author: 'Min-ji' });
    // A flag dismissed and another shown again.
    const open = (await ctx.flags.flagsFor(d)).open;
    expect(open.length).toBeGreaterThan(1);
    await dismissOpenFlags(ctx, d, new Set([open[0]!.fingerprint, open[1]!.fingerprint]), 'correct as written', 'Jae-won');
    await restoreDismissal(ctx, d, (await listDismissals(ctx.store, d))[0]!.id, 'Jae-won');
    await changeStatus(ctx, a, 'done');
    await changeEngine(ctx, b, 'Engine B');
    await changeEngine(ctx, d, '');
    await expectTotalsAreSums(ctx, 'status and engine changes');
    // Decisions leave every article stale until the refresher reaches it.
    await addConcept(ctx, { type: 'person', terms: [{ text: 'Cho Tae-yul', lang: 'en', status: 'preferred' }, { text: 'Cho Tae-yeol', lang: 'en', status: 'deprecated' }] }, 'Min-ji');
    await decideDistinctPeople(ctx, 'Han Duck-soo', 'Han Deok-soo', 'Jae-won');
    await expectTotalsAreSums(ctx, 'decisions');
    await expectSettledEqualsRecomputed(ctx);
  });

  it('equal a recomputation from scratch after a seeded random sequence of writes and partial refreshes', async () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('import' as const), text: fc.nat(TEXTS.length - 1), engine: fc.nat(ENGINES.length - 1) }),
      { arbitrary: fc.record({ op: fc.constant('edit' as const), article: fc.nat(), segment: fc.nat(), edit: fc.nat(EDITS.length - 1), author: fc.nat(AUTHORS.length - 1) }), weight: 5 },
      fc.record({ op: fc.constant('edit-two' as const), article: fc.nat(), segment: fc.nat(), edit: fc.nat(EDITS.length - 1) }),
      fc.record({ op: fc.constant('revert' as const), article: fc.nat(), segment: fc.nat(), to: fc.nat(2) }),
      fc.record({ op: fc.constant('dismiss' as const), article: fc.nat(), flag: fc.nat() }),
      fc.record({ op: fc.constant('restore' as const), article: fc.nat() }),
      fc.record({ op: fc.constant('category' as const), article: fc.nat(), correction: fc.nat(), category: fc.nat(CATEGORIES.length - 1), severity: fc.nat(SEVERITIES.length - 1) }),
      fc.record({ op: fc.constant('status' as const), article: fc.nat(), status: fc.nat(ARTICLE_STATUSES.length - 1) }),
      fc.record({ op: fc.constant('engine' as const), article: fc.nat(), engine: fc.nat(ENGINES.length - 1) }),
      fc.record({ op: fc.constant('decision' as const), which: fc.nat(2) }),
      { arbitrary: fc.record({ op: fc.constant('refresh' as const), limit: fc.integer({ min: 1, max: 5 }), batch: fc.integer({ min: 1, max: 4 }) }), weight: 2 },
    );
    type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

    const apply = async (ctx: ServiceContext, s: Step): Promise<void> => {
      const ids = await articleIds(ctx);
      const pick = (n: number) => ids[n % ids.length] as number;
      if (s.op === 'import') {
        await importText(ctx, s.text, ENGINES[s.engine]!);
        return;
      }
      if (ids.length === 0) return;
      switch (s.op) {
        case 'edit': {
          const id = pick(s.article);
          const count = (await listSegments(ctx.store, id)).length;
          await editSegment(ctx, id, s.segment % count, EDITS[s.edit]!, AUTHORS[s.author]!);
          return;
        }
        case 'edit-two': {
          // Two articles in one all-or-nothing save (fix everywhere, glossary apply): refreshed as one batch.
          const targets = [...new Set([pick(s.article), pick(s.article + 1)])];
          const edits = [];
          for (const id of targets) {
            const segments = await listSegments(ctx.store, id);
            const segment = segments[s.segment % segments.length]!;
            const text = EDITS[s.edit]!(segment.edit);
            if (text && text !== segment.edit) edits.push({ segment, text });
          }
          if (edits.length > 0) await saveEdits(ctx, edits, 'Soo-ah', 'conflict');
          return;
        }
        case 'revert': {
          const id = pick(s.article);
          const segments = await listSegments(ctx.store, id);
          const segment = segments[s.segment % segments.length]!;
          if (segment.revision === 0) return;
          await revertSegment(ctx, segment, { to: s.to % (segment.revision + 1), baseNumber: segment.revision, author: 'Min-ji' });
          return;
        }
        case 'dismiss': {
          const id = pick(s.article);
          const open = (await ctx.flags.flagsFor(id)).open;
          if (open.length === 0) return;
          await dismissOpenFlags(ctx, id, new Set([open[s.flag % open.length]!.fingerprint]), 'correct as written', 'Jae-won');
          return;
        }
        case 'restore': {
          const id = pick(s.article);
          const [dismissal] = await listDismissals(ctx.store, id);
          if (dismissal) await restoreDismissal(ctx, id, dismissal.id, 'Jae-won');
          return;
        }
        case 'category': {
          const id = pick(s.article);
          const corrections = await listCurrentCorrections(ctx.store, id);
          const c = corrections[s.correction % Math.max(1, corrections.length)];
          if (!c) return;
          await confirmCorrectionCategory(ctx, id, { segmentId: c.segmentId, mtText: c.mtText, editText: c.editText, category: CATEGORIES[s.category]!, severity: SEVERITIES[s.severity]! }, 'Min-ji');
          return;
        }
        case 'status':
          await changeStatus(ctx, pick(s.article), ARTICLE_STATUSES[s.status]!);
          return;
        case 'engine':
          await changeEngine(ctx, pick(s.article), ENGINES[s.engine]!);
          return;
        case 'decision':
          if (s.which === 0) await addConcept(ctx, { type: 'person', terms: [{ text: 'Cho Tae-yul', lang: 'en', status: 'preferred' }, { text: 'Cho Tae-yeol', lang: 'en', status: 'deprecated' }] }, 'Min-ji');
          else if (s.which === 1) await decideDistinctPeople(ctx, 'Han Duck-soo', 'Han Deok-soo', 'Jae-won');
          else await addConcept(ctx, { type: 'term', terms: [{ text: 'Foreign Minister', lang: 'en', status: 'preferred' }, { text: 'Minister of Foreign Affairs', lang: 'en', status: 'deprecated' }] }, 'Soo-ah');
          return;
        case 'refresh':
          await expandDirtyPhrases(ctx.store, 1);
          await refreshStale(ctx.store, { now: () => new Date(ctx.now()), decisionsOf: ctx.decisionsOf, limit: s.limit, batch: s.batch });
          await clusterNameBuckets(ctx.store, { now: () => new Date(ctx.now()), decisionsOf: ctx.decisionsOf, budgetMs: 0 });
          return;
      }
    };

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 25, maxLength: 30 }), async (steps) => {
        const ctx = await openTestContext({ now: () => TEST_NOW });
        // Two articles to start with, so that most steps have something to change.
        await importText(ctx, 0, 'Engine A');
        await importText(ctx, 3, '');
        for (const [i, s] of steps.entries()) {
          await apply(ctx, s);
          await expectTotalsAreSums(ctx, `step ${i}: ${JSON.stringify(s)}`);
        }
        await expectSettledEqualsRecomputed(ctx);
      }),
      { seed: 20261129, numRuns: 8, endOnFailure: true },
    );
  }, 240_000);

  it('count a correction pair once when, in one batch, one article drops it and another makes it (the deltas cancel)', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const a = await importText(ctx, 0, '');
    const b = await importText(ctx, 1, '');
    const c = await importRaw(ctx, 'King Speaks in Seoul\n\nKing spoke in Seoul on the 21st.');
    await editSegment(ctx, a, 0, EDITS[0]!, 'Min-ji');
    await settle(ctx);
    // A reader that keeps C's flags, as an app instance does between requests.
    const reader = createFlagReader(ctx.store);
    const corpusFlag = async () => (await reader.flagsFor(c)).open.find((f) => f.check === 'correction-not-carried' && f.severity === 'info')?.message;
    // The article is named by its title, which follows its corrected headline.
    expect(await corpusFlag()).toBe('Editors corrected “King” to “Cho” in 1 other article (“Cho Raises Issues in Beijing”)');

    // A's headline goes back to the MT and B's is corrected the same way, both written before any refresh...
    const segA = (await getSegment(ctx.store, a, 0))!;
    const segB = (await getSegment(ctx.store, b, 0))!;
    for (const [segment, text] of [[segA, segA.mt], [segB, segB.mt.replace('King', 'Cho')]] as const) {
      const revision = prepareRevision(segment, { text, baseNumber: segment.revision, author: 'Jae-won' }, segment.edit, ctx.now())!;
      expect((await appendRevision(ctx.store, revision)).ok).toBe(true);
    }
    // ...then refreshed in one batch: A's -1 and B's +1 on the pair sum to nothing.
    const pass = await refreshStale(ctx.store, { now: () => new Date(ctx.now()), decisionsOf: ctx.decisionsOf, limit: 2, batch: 2 });
    expect(pass.refreshed).toBe(2);
    const pair = await ctx.store.db.selectFrom('correction_counts').select(['count', 'articles']).where('mt_text', '=', 'King').where('edit_text', '=', 'Cho').execute();
    expect(pair.map((p) => [Number(p.count), Number(p.articles)])).toEqual([[1, 1]]);
    const holders = await ctx.store.db.selectFrom('article_corrections').select('article_id').where('mt_text', '=', 'King').where('edit_text', '=', 'Cho').execute();
    expect(holders.map((h) => h.article_id)).toEqual([b]);
    await expectTotalsAreSums(ctx, 'the batch');
    // C names the article that now holds the correction: its stored flags and the reader's.
    await settle(ctx);
    expect((await ctx.store.db.selectFrom('article_flags').select('message').where('article_id', '=', c).where('check_id', '=', 'correction-not-carried').execute()).map((f) => f.message))
      .toEqual(['Editors corrected “King” to “Cho” in 1 other article (“Cho Visits Tokyo”)', 'Editors corrected “King” to “Cho” in 1 other article (“Cho Visits Tokyo”)']);
    expect(await corpusFlag()).toBe('Editors corrected “King” to “Cho” in 1 other article (“Cho Visits Tokyo”)');
    await expectSettledEqualsRecomputed(ctx);
  });

  it('are the same whether a refresher writes stale articles in one batch or one by one', async () => {
    // The same writes on two databases, left stale (no refresh), with derived rows from before them.
    const build = async () => {
      const ctx = await openTestContext({ now: () => TEST_NOW });
      const ids = [await importText(ctx, 0, 'Engine A'), await importText(ctx, 1, 'Engine A'), await importText(ctx, 3, 'Engine B'), await importText(ctx, 4, 'Engine B')];
      await editSegment(ctx, ids[0]!, 1, EDITS[0]!, 'Min-ji');
      await settle(ctx);
      const edits: [number, number, (t: string) => string][] = [[ids[0]!, 0, EDITS[0]!], [ids[1]!, 0, EDITS[0]!], [ids[1]!, 1, EDITS[4]!], [ids[2]!, 4, EDITS[4]!], [ids[3]!, 4, EDITS[7]!]];
      for (const [id, position, edit] of edits) {
        const segment = (await getSegment(ctx.store, id, position))!;
        const revision = prepareRevision(segment, { text: edit(segment.edit), baseNumber: segment.revision, author: 'Jae-won' }, segment.edit, ctx.now());
        if (revision) await appendRevision(ctx.store, revision);
      }
      await sql`UPDATE articles SET mt_engine = 'Engine B', version = version + 1, is_dirty = 1 WHERE id = ${ids[0]!}`.execute(ctx.store.db);
      return ctx;
    };
    const batched = await build();
    const oneByOne = await build();
    const stale = (await readDerivedSnapshot(batched.store)).articles.filter((a) => a.isStale).length;
    expect(stale).toBe(4);
    await refreshStale(batched.store, { now: () => TEST_NOW, decisionsOf: batched.decisionsOf, limit: stale, batch: stale });
    await refreshStale(oneByOne.store, { now: () => TEST_NOW, decisionsOf: oneByOne.decisionsOf, limit: stale, batch: 1 });
    await expectTotalsAreSums(batched, 'one batch');
    await expectTotalsAreSums(oneByOne, 'one by one');
    await settle(batched);
    await settle(oneByOne);
    expect(await readDerivedSnapshot(batched.store)).toEqual(await readDerivedSnapshot(oneByOne.store));
    await expectSettledEqualsRecomputed(batched);
  });

  it('leave an article that changed between its derivation and its write marked, and the next pass refreshes it', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const id = await importText(ctx, 0, '');
    const before = (await getArticleStats(ctx.store, id))!;
    expect(before.editedSegments).toBe(0);
    await sql`UPDATE articles SET is_dirty = 1 WHERE id = ${id}`.execute(ctx.store.db);
    // A save lands while the refresher derives the article (after it read the text, before it writes).
    const segment = (await getSegment(ctx.store, id, 2))!;
    const savingMeanwhile = async (version: number) => {
      const revision = prepareRevision(segment, { text: 'Minister Cho Tae-yul thanked his hosts warmly.', baseNumber: 0, author: 'Min-ji' }, segment.edit, ctx.now())!;
      await appendRevision(ctx.store, revision);
      return ctx.decisionsOf(version);
    };
    const first = await refreshStale(ctx.store, { now: () => TEST_NOW, decisionsOf: savingMeanwhile, limit: 1 });
    expect(first).toEqual({ refreshed: 1, remaining: 1 });
    // Its rows were written from the text it read, and it stays marked for the next pass.
    expect((await getArticleStats(ctx.store, id))!.editedSegments).toBe(0);
    await expectTotalsAreSums(ctx, 'the write of a changed article');
    expect(await refreshStale(ctx.store, { now: () => TEST_NOW, decisionsOf: ctx.decisionsOf })).toEqual({ refreshed: 1, remaining: 0 });
    expect((await getArticleStats(ctx.store, id))!.editedSegments).toBe(1);
    // A dismissal meanwhile (a change of the article's version, not of its text) does the same.
    const flag = (await ctx.flags.flagsFor(id)).open[0]!;
    await sql`UPDATE articles SET is_dirty = 1 WHERE id = ${id}`.execute(ctx.store.db);
    await refreshArticle(ctx.store, id, async (version) => {
      await dismissFlags(ctx.store, id, [{ checkId: flag.check, fingerprint: flag.fingerprint, text: flag.text }], { reason: 'fine', author: 'Min-ji', now: ctx.now() });
      return ctx.decisionsOf(version);
    });
    expect((await readDerivedSnapshot(ctx.store)).articles).toEqual([{ id, isStale: true }]);
    expect((await ctx.store.db.selectFrom('article_flags').select('is_dismissed').where('article_id', '=', id).where('fingerprint', '=', flag.fingerprint).execute()).map((f) => f.is_dismissed)).toEqual([0]);
    expect(await refreshStale(ctx.store, { now: () => TEST_NOW, decisionsOf: ctx.decisionsOf })).toEqual({ refreshed: 1, remaining: 0 });
    expect((await ctx.store.db.selectFrom('article_flags').select('is_dismissed').where('article_id', '=', id).where('fingerprint', '=', flag.fingerprint).execute()).map((f) => f.is_dismissed)).toEqual([1]);
    await expectSettledEqualsRecomputed(ctx);
  });
});

async function importText(ctx: ServiceContext, index: number, engine: string): Promise<number> {
  const outcome = await importArticle(ctx, { text: TEXTS[index]!, sourceName: `t${index}.txt` }, { importedBy: 'test', mtEngine: engine });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.id;
}

async function importRaw(ctx: ServiceContext, text: string): Promise<number> {
  const outcome = await importArticle(ctx, { text, sourceName: 'raw.txt' }, { importedBy: 'test' });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.id;
}
