/**
 * Issue 10: the pages read tables kept at write time with indexed SQL, so no page reads every
 * revision or segment of the corpus. The pages' statements are not listed here by hand. The test
 * requests every GET route of the app with supertest, and records each statement the store runs
 * meanwhile (openStore's `onQuery`). Then it asks the database for the plan of each statement, with
 * the parameters it ran with. A statement added to a page is checked with it; a GET route that this
 * test does not request fails it.
 *
 * In scope: the statements a GET request runs, including the refresh a page does within its budget
 * before it reads (read-your-writes: refreshing one article searches its segments and revisions by
 * article). Out of scope: the writes (POST) and the background refresher's corpus-wide passes.
 *
 * What counts as reading a table of LARGE_TABLES whole:
 * - SQLite (EXPLAIN QUERY PLAN): any `SCAN` of it, through an index or not, covering or not. The
 *   plan does not show whether a LIMIT or an EXISTS stops a scan early, and nothing bounds such a
 *   scan as the corpus grows; a page must `SEARCH` these tables (by article, segment or id). An
 *   `AUTOMATIC` index, a `BLOOM FILTER` and a skip-scan (`ANY(column)`) count too, since SQLite reads
 *   the whole table or index to use them.
 * - PostgreSQL (EXPLAIN (FORMAT JSON)): a test database holds a few rows, so the planner rightly
 *   prefers sequential scans. With `enable_seqscan = off` it takes an index whenever one can serve
 *   the statement, so a `Seq Scan` left in the plan means that no index can. When no index serves
 *   the statement, the planner may instead walk a whole index: an index scan whose `Index Cond` does
 *   not constrain the index's first column counts as well. The plans are those of a tiny database,
 *   not of 100,000 articles; the test checks that an index path exists at all, which does not
 *   depend on the data.
 */
import { afterAll, describe, expect, it } from 'vitest';
import express, { type Express } from 'express';
import request from 'supertest';
import { CompiledQuery, sql } from 'kysely';
import { openStore, type QueryObserver } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createServiceContext, type ServiceContext } from '../../src/service/context.js';
import { createApp } from '../../src/web/app.js';
import { createLiveHub } from '../../src/service/live.js';
import { importArticle } from '../../src/service/import-articles.js';
import { expandDirtyPhrases, refreshStale } from '../../src/service/refresh.js';
import { clusterNameBuckets } from '../../src/service/names.js';
import { runArticleChecks } from '../../src/service/flag-reader.js';
import { getSegment } from '../../src/store/segments.js';
import { markArticlesDirty } from '../../src/store/derived.js';
import { findNextWithOpenErrors } from '../../src/store/corpus.js';
import { BACKEND, createTestDatabase } from '../support/backend.js';
import { fullScans as fullScansOf, type PlanNode } from '../support/plan-scans.js';
import { editorAgent, importCorpusArticle, rememberApp, signedInApp, TEST_NOW } from '../helpers.js';

/**
 * Tables with a row per segment, per revision, or per phrase changed in a revision (corrections):
 * each holds many rows per article, and no page may read any of them whole.
 */
const LARGE_TABLES: readonly string[] = ['revisions', 'segments', 'corrections'];

/** Statements that have a plan: reads and writes (not BEGIN, COMMIT or SET). */
const EXPLAINABLE = /^\s*(select|insert|update|delete|with)\b/i;

/** Pages named per offending statement in a failure message (the rest are counted). */
const PAGES_SHOWN = 5;

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** A statement the page views ran, with one set of its parameters and the pages that ran it. */
interface Recorded {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly pages: Set<string>;
}

/** A test app on a new database that records the statements of each page view and the route that served it. */
interface RecordingApp {
  readonly ctx: ServiceContext;
  /** The app, behind a probe that sees which route served each request. */
  readonly app: Express;
  /** The same, with nobody signed in. */
  readonly anonymous: Express;
  /** Every GET route of the app, by its Route object. */
  readonly routes: Map<unknown, string>;
  /** The routes that served a page view. */
  readonly served: Set<unknown>;
  /** The statements of the page views, by SQL and parameters. */
  readonly recorded: Map<string, Recorded>;
  /** Requests `url` through `agent` as a page view named `label`, and expects `status` (200 unless said). */
  view(agent: ReturnType<typeof request.agent>, url: string, label?: string, status?: number): Promise<void>;
  /** Opens the event stream at `url` through `agent` as a page view: reads until its first presence event, has the live hub poll once, and closes it. */
  stream(agent: ReturnType<typeof request.agent>, url: string): Promise<void>;
}

async function recordingApp(): Promise<RecordingApp> {
  const recorded = new Map<string, Recorded>();
  let page: string | undefined;
  const onQuery: QueryObserver = (text, parameters) => {
    if (page === undefined || !EXPLAINABLE.test(text)) return;
    const key = `${text}\u0000${JSON.stringify(parameters, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`;
    const entry = recorded.get(key) ?? { sql: text, parameters: [...parameters], pages: new Set<string>() };
    entry.pages.add(page);
    recorded.set(key, entry);
  };
  const store = await openStore(await createTestDatabase({ inMemory: true }), { onQuery });
  opened.push(store);
  const ctx = createServiceContext(store, { now: () => TEST_NOW });
  const live = createLiveHub(ctx, { log: () => {} });
  const app = await createApp({ service: ctx, log: () => {}, live });
  // Express leaves on the request the Route that served it.
  const served = new Set<unknown>();
  const probe = express();
  probe.use((req, res, next) => {
    const isView = page !== undefined;
    // 'close', not 'finish': an event stream ends when the client leaves.
    res.on('close', () => {
      if (isView) served.add((req as { route?: unknown }).route);
    });
    next();
  });
  probe.use(app);
  // Pages walked without an agent of their own are viewed signed in as an admin (helpers.ts).
  const signedIn = await signedInApp(ctx, probe);
  rememberApp(signedIn, ctx, probe);
  return {
    ctx, app: signedIn, anonymous: probe, routes: getRoutes(app), served, recorded,
    async view(agent, url, label = `GET ${url}`, status = 200) {
      page = label;
      try {
        const res = await agent.get(url);
        expect(res.status, `${label}: ${String(res.text ?? '').slice(0, 300)}`).toBe(status);
      } finally {
        page = undefined;
      }
    },
    async stream(agent, url) {
      page = `GET ${url}`;
      try {
        await new Promise<void>((resolve, reject) => {
          const req = agent.get(url).set('Accept', 'text/event-stream').buffer(true).parse((res, callback) => {
            let text = '';
            res.on('data', (chunk: Buffer) => {
              text += String(chunk);
              if (!/event: presence/.test(text)) return;
              // The poll reads what the timer's would (the watched articles' counters, who is there).
              live.poll().then(() => { req.abort(); resolve(); }, reject);
            });
            res.on('end', () => callback(null, text));
          });
          req.then((res) => reject(new Error(`${url} ended without a presence event: ${res.status} ${String(res.text ?? res.body)}`)), () => {});
        });
      } finally {
        page = undefined;
      }
    },
  };
}

/** Returns the app's GET routes ("GET /articles/:id") by their Route objects; Express 5's router keeps a mount path as layer.rawPath. */
function getRoutes(app: Express): Map<unknown, string> {
  interface Layer { route?: { path: string; methods: Record<string, boolean> }; handle: { stack?: Layer[] }; rawPath?: unknown }
  const out = new Map<unknown, string>();
  const walk = (stack: readonly Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route?.methods.get) out.set(layer.route, `GET ${prefix}${layer.route.path}`.replace(/(.)\/$/, '$1'));
      else if (layer.handle.stack) walk(layer.handle.stack, typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? prefix + layer.rawPath : prefix);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}

/** Returns the parts of the plan of `statement` that read a table of LARGE_TABLES whole ([] when it searches them by index). */
function fullScans(store: Store, statement: string, parameters: readonly unknown[]): Promise<string[]> {
  return fullScansOf(store, statement, parameters, LARGE_TABLES);
}

/** A placeholder of the backend's SQL: `?` on SQLite, `$n` on PostgreSQL. */
function param(n: number): string {
  return BACKEND === 'sqlite' ? '?' : `$${n}`;
}

const SECOND = 'King Meets Japanese Counterpart\n\nForeign Minister Cho Tae-yeol met his Japanese counterpart in Tokyo on the 20th.\n\nKing also discussed the summit.';
const CHO_FORM = { type: 'person', preferred: 'Cho Tae-yul', admitted: '', deprecated: 'Cho Tae-yeol', korean: '조태열', note: 'Foreign minister since 2024.' };

describe('the statements of every page', () => {
  it('search revisions, segments and corrections by index and never read them whole', async () => {
    const { ctx, app, anonymous, routes, served, recorded, view, stream } = await recordingApp();

    // A small corpus where every derived table has rows: two articles from two engines, saves by
    // two editors, a correction made twice (a glossary suggestion), a confirmed category, a
    // dismissal, a glossary concept, people kept apart (a re-check job), and a CSV glossary waiting
    // for its column mapping.
    const id = await importCorpusArticle(ctx);
    const second = await importArticle(ctx, { text: SECOND, sourceName: 'second.txt' }, { importedBy: 'test', mtEngine: 'DeepL' });
    if (!second.ok) throw new Error(second.message);
    const otherId = second.id;
    const { agent: minji, csrf } = await editorAgent(app, 'Min-ji');
    const { agent: jaewon, csrf: csrf2 } = await editorAgent(app, 'Jae-won');
    await minji.post(`/articles/${id}/segments/5`).type('form').send({ _csrf: csrf, base: '0', text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister' }).expect(303);
    await jaewon.post(`/articles/${otherId}/segments/0`).type('form').send({ _csrf: csrf2, base: '0', text: 'Cho Meets Japanese Counterpart' }).expect(303);
    await jaewon.post(`/articles/${otherId}/segments/2`).type('form').send({ _csrf: csrf2, base: '0', text: 'Cho also discussed the summit.' }).expect(303);
    await minji.post(`/articles/${otherId}/segments/2`).type('form').send({ _csrf: csrf, base: '1', text: 'Cho also discussed the summit in Tokyo.' }).expect(303);
    const segmentId = (await getSegment(ctx.store, id, 5))!.id;
    await minji.post(`/articles/${id}/categories`).type('form')
      .send({ _csrf: csrf, segmentId, mtText: 'King', editText: 'Cho', category: 'accuracy/mistranslation', severity: 'major' }).expect(303);
    const dismissed = (await runArticleChecks(ctx.store, id)).find((f) => f.text !== 'Cho Tae-yeol')!;
    await minji.post(`/articles/${id}/dismissals`).type('form').send({ _csrf: csrf, fingerprint: dismissed.fingerprint, reason: 'Correct as written' }).expect(303);
    const concept = ((await minji.post('/glossary').type('form').send({ _csrf: csrf, ...CHO_FORM }).expect(303)).headers.location as string).replace(/\?.*$/, '');
    await minji.post('/people/distinct').type('form').send({ _csrf: csrf, a: 'Cho Tae-yul', b: 'Cho Tae-yeol', back: '/names', confirm: '1' }).expect(303);
    const csv = 'Korean,English,Rejected\n한덕수,Han Duck-soo,Han Deok-soo\n';
    const mapping = (await minji.post(`/glossary/import?_csrf=${csrf}`).field('_csrf', csrf).attach('file', Buffer.from(csv), 'names.csv').expect(303)).headers.location as string;
    // Everything refreshed first, so these page views only read; the views after them refresh.
    const now = () => TEST_NOW;
    await expandDirtyPhrases(ctx.store);
    await refreshStale(ctx.store, { now, decisionsOf: ctx.decisionsOf });
    await clusterNameBuckets(ctx.store, { now, decisionsOf: ctx.decisionsOf });

    const flag = (await runArticleChecks(ctx.store, id)).find((f) => f.text === 'Cho Tae-yeol')!;
    const fix = new URLSearchParams({ fingerprint: flag.fingerprint, replacement: flag.suggestions[0]! });
    const correction = new URLSearchParams({ segmentId: String(segmentId), mtText: 'King', editText: 'Cho' });
    const corpusViews = [
      '/', '/?page=2', '/?q=Cho', '/?q=Tae-yul%20Beijing', '/?status=in-review', '/?engine=DeepL', '/?engine=(unknown)', '/?errors=1',
      '/?editor=Min-ji', '/?from=2026-01-01&to=2026-12-31', '/?q=Cho&status=in-review&engine=DeepL&errors=1&editor=Jae-won&sort=changed&page=2',
      ...['imported', 'title', 'status', 'errors', 'changed', 'edited'].flatMap((sort) => [`/?sort=${sort}&dir=asc`, `/?sort=${sort}&dir=desc`]),
    ];
    const reportViews = [
      '/reports', '/reports?page=2', '/reports?case=insensitive', '/reports?fsort=mt&esort=author',
      ...['title', 'hter', 'mqm', 'corrections', 'status'].flatMap((sort) => [`/reports?sort=${sort}&dir=asc`, `/reports?sort=${sort}&dir=desc`]),
      '/reports/export?format=csv', '/reports/export?format=json',
    ];
    const articleViews = [id, otherId].flatMap((a) => [
      `/articles/${a}`, `/articles/${a}/report`, `/articles/${a}/corrections`, `/articles/${a}/segments/2`, `/articles/${a}/segments/2/history`,
      `/articles/${a}/export?format=txt`, `/articles/${a}/export?format=xliff`,
    ]);
    const pages = [
      ...corpusViews, '/import', '/names', '/names?page=2', ...reportViews, '/jobs',
      // The QA list (issue 13); test/store/issue-plans.test.ts walks its every filter, grouping and page.
      '/issues', '/issues?group=check&status=in-review', '/issues?group=person&after=cho-tae-yul.1.0', '/issues/export?format=csv', '/issues/export?format=json',
      '/glossary', '/glossary?q=cho&type=person&status=deprecated', '/glossary/suggestions', '/glossary/new', '/glossary/import', mapping,
      concept, `${concept}/apply`, '/glossary/export?format=tbx', '/glossary/export?format=csv',
      ...articleViews, `/articles/${id}?imported=new`, `/articles/${id}/segments/5/history`, `/articles/${id}/categories?${correction}`, `/articles/${id}/fixes?${fix}`,
    ];
    for (const url of pages) await view(minji, url);
    // A redirect, not a page: the next article with open errors (issue 13).
    await view(minji, `/articles/${id}/next-with-errors`, undefined, 303);
    // The review page's live updates (issue 13): the stream's first statements and a poll of the live hub.
    await stream(minji, `/articles/${id}/events`);
    const streamed = [...recorded.values()].filter((r) => r.pages.has(`GET /articles/${id}/events`)).map((r) => r.sql);
    expect(streamed.filter((q) => /FROM presence p JOIN users|FROM articles WHERE id IN|LEFT JOIN revisions r/.test(q)), 'the stream and the poll were recorded').toHaveLength(3);
    for (const url of ['/account/password', '/admin/users', '/api/articles', '/api/articles?page=2', `/api/articles/${id}`, '/api/glossary?format=json']) await view(minji, url);
    await view(request.agent(anonymous), '/login');

    // A decision leaves every article and name bucket stale: a page refreshes what it can within
    // its budget (one article at least) before it reads, and the names page clusters the buckets.
    await minji.post('/people/distinct').type('form').send({ _csrf: csrf, a: 'Cho', b: 'King', back: '/names', confirm: '1' }).expect(303);
    await view(minji, '/names', 'GET /names (refreshing after a decision)');
    await markArticlesDirty(ctx.store, [id, otherId]);
    await view(minji, '/', 'GET / (refreshing after a save)');
    await markArticlesDirty(ctx.store, [id, otherId]);
    await view(minji, '/reports', 'GET /reports (refreshing after a save)');
    const statementsOf = (label: string) => new Set([...recorded.values()].filter((s) => s.pages.has(label)).map((s) => s.sql));
    for (const [refreshing, plain] of [['GET /names (refreshing after a decision)', 'GET /names'], ['GET / (refreshing after a save)', 'GET /'], ['GET /reports (refreshing after a save)', 'GET /reports']] as const) {
      const before = statementsOf(plain);
      expect([...statementsOf(refreshing)].filter((s) => !before.has(s)).length, `${refreshing} ran the refresh's statements`).toBeGreaterThan(5);
    }

    expect(routes.size).toBeGreaterThan(20);
    expect.soft([...routes].filter(([route]) => !served.has(route)).map(([, name]) => `${name} is not requested by this test: add it to the pages above`)).toEqual([]);

    // Every statement is explained with each set of parameters it ran with; offenders are reported per SQL text.
    const offending = new Map<string, { pages: Set<string>; scans: Set<string> }>();
    for (const statement of recorded.values()) {
      const scans = await fullScans(ctx.store, statement.sql, statement.parameters);
      if (scans.length === 0) continue;
      const text = statement.sql.replace(/\s+/g, ' ').trim();
      const entry = offending.get(text) ?? { pages: new Set<string>(), scans: new Set<string>() };
      for (const p of statement.pages) entry.pages.add(p);
      for (const s of scans) entry.scans.add(s);
      offending.set(text, entry);
    }
    const report = [...offending].map(([text, { pages: where, scans }]) => {
      const shown = [...where].slice(0, PAGES_SHOWN).join(', ') + (where.size > PAGES_SHOWN ? ` and ${where.size - PAGES_SHOWN} more` : '');
      return `${shown}:\n  ${text}\n  ${[...scans].join('\n  ')}`;
    });
    // A recorder that saw nothing would pass anything: the pages run over a hundred statements.
    expect(new Set([...recorded.values()].map((s) => s.sql)).size).toBeGreaterThan(60);
    expect(report).toEqual([]);
  }, 120_000);
});

describe('the next article with open errors (issue 13)', () => {
  it('is one probe of the partial index article_stats_with_errors each way round, never a scan or a sort', async () => {
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    let isRecording = false;
    const store = await openStore(await createTestDatabase({ inMemory: true }), {
      onQuery: (text, parameters) => { if (isRecording) statements.push({ sql: text, parameters: [...parameters] }); },
    });
    opened.push(store);
    const ctx = createServiceContext(store, { now: () => TEST_NOW });
    const id = await importCorpusArticle(ctx);
    const second = await importArticle(ctx, { text: SECOND, sourceName: 'second.txt' }, { importedBy: 'test' });
    if (!second.ok) throw new Error(second.message);
    isRecording = true;
    expect(await findNextWithOpenErrors(store, id)).toBe(second.id);
    expect(await findNextWithOpenErrors(store, second.id)).toBe(id);
    isRecording = false;
    expect(statements.length).toBe(2);
    const { sql: statement, parameters } = statements[0]!;
    if (store.backend === 'sqlite') {
      const { rows } = await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${statement}`, [...parameters]));
      const details = rows.map((r) => r.detail);
      // One row of the table each way (its open_errors is read to match the index's WHERE), found through the index.
      expect(details.filter((d) => /article_stats/.test(d))).toEqual([
        expect.stringMatching(/^SEARCH article_stats USING (COVERING )?INDEX article_stats_with_errors \(article_id>\?\)$/),
        expect.stringMatching(/^SEARCH article_stats USING (COVERING )?INDEX article_stats_with_errors \(article_id<\?\)$/),
      ]);
      expect(details.filter((d) => /TEMP B-TREE|^SCAN (?!CONSTANT ROW)/.test(d))).toEqual([]);
    } else {
      const plan = await store.transaction(async (tx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(tx.db);
        const { rows } = await tx.db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${statement}`, [...parameters]));
        return (rows[0] as { 'QUERY PLAN': [{ Plan: PlanNode }] })['QUERY PLAN'][0].Plan;
      });
      const nodes: PlanNode[] = [];
      const walk = (node: PlanNode) => { nodes.push(node); for (const child of node.Plans ?? []) walk(child); };
      walk(plan);
      const reads = nodes.filter((n) => n['Relation Name'] === 'article_stats');
      expect(reads.map((n) => `${n['Node Type']} using ${n['Index Name']}`)).toEqual([
        'Index Only Scan using article_stats_with_errors', 'Index Only Scan using article_stats_with_errors',
      ]);
      expect(reads.map((n) => n['Index Cond'])).toEqual([expect.stringMatching(/article_id > /), expect.stringMatching(/article_id < /)]);
      expect(nodes.filter((n) => n['Node Type'] === 'Sort')).toEqual([]);
    }
  });
});

describe('the full-scan check', () => {
  it('catches statements that read every segment, revision or correction, by name, alias or a non-leading index column', async () => {
    const store = await openStore(await createTestDatabase({ inMemory: true }));
    opened.push(store);
    const scans = (statement: string, parameters: unknown[] = []) => fullScans(store, statement, parameters);
    expect(await scans(`SELECT count(*) FROM segments WHERE mt LIKE '%x%'`)).not.toEqual([]);
    expect(await scans(`SELECT r.id FROM revisions r WHERE r.author = ${param(1)}`, ['Min-ji'])).not.toEqual([]);
    expect(await scans('SELECT a.id FROM articles a, segments s WHERE s.mt = a.title')).not.toEqual([]);
    expect(await scans(`SELECT id FROM revisions WHERE number = ${param(1)}`, [2])).not.toEqual([]);
    expect(await scans(`SELECT c.mt_text FROM corrections AS c WHERE c.edit_text = ${param(1)}`, ['Cho'])).not.toEqual([]);
  });

  it('passes statements that search them by index, and leaves other tables alone', async () => {
    const store = await openStore(await createTestDatabase({ inMemory: true }));
    opened.push(store);
    const scans = (statement: string, parameters: unknown[] = []) => fullScans(store, statement, parameters);
    expect(await scans(`SELECT s.id FROM segments s WHERE s.article_id = ${param(1)}`, [1])).toEqual([]);
    expect(await scans(`SELECT MAX(number) FROM revisions WHERE segment_id = ${param(1)}`, [1])).toEqual([]);
    expect(await scans(`SELECT r.text FROM segments s JOIN revisions r ON r.segment_id = s.id WHERE s.article_id = ${param(1)}`, [1])).toEqual([]);
    expect(await scans('SELECT id, title FROM articles')).toEqual([]);
  });
});
