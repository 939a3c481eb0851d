/**
 * Issue 13, live updates: GET /articles/:id/events streams what other editors save in the article
 * open on the review page, and who else has it open, through real HTTP servers (an event stream
 * needs one: supertest waits for a response's end). Two app instances on one database stand for
 * several instances; test/web/live-instances.test.ts runs `node dist/server.js` itself.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { Express } from 'express';
import { createApp } from '../../src/web/app.js';
import { createLiveHub, type LiveHub } from '../../src/service/live.js';
import type { ServiceContext } from '../../src/service/context.js';
import type { StoreConfig } from '../../src/store/open-store.js';
import { touchPresence } from '../../src/store/presence.js';
import { findUser } from '../../src/store/accounts.js';
import { MAX_STREAMS_PER_SESSION } from '../../src/web/routes/live.js';
import { BACKEND, createTestDatabase, openTestContext } from '../support/backend.js';
import { ensureTestUser, sessionCookie } from '../support/accounts.js';
import { HttpEditor } from '../support/http-editor.js';
import { openEventStream, type EventStream } from '../support/event-stream.js';
import { importCorpusArticle } from '../helpers.js';

/** The corpus article's standfirst ("King Raises Issues…") is segment 5, a body paragraph 6. */
const STANDFIRST = 5;
const CORRECTED = 'Cho Raises Issues at Meeting with Chinese Foreign Minister';

/** One app instance listening on a port, with its own live hub (polling every 50 ms, heartbeats only when a test asks). */
interface Running {
  readonly ctx: ServiceContext;
  readonly app: Express;
  readonly live: LiveHub;
  readonly server: Server;
  readonly base: string;
}

/** The database's clock, moved by the presence tests. */
let nowMs = Date.parse('2026-11-29T10:00:00.000Z');
const clock = () => new Date(nowMs);

const running: Running[] = [];
const streams: EventStream[] = [];

async function start(config: StoreConfig, opts: { pollMs?: number; heartbeatMs?: number } = {}): Promise<Running> {
  const ctx = await openTestContext({ config, now: clock });
  const live = createLiveHub(ctx, { pollMs: opts.pollMs ?? 50, heartbeatMs: opts.heartbeatMs ?? 3_600_000, log: () => {} });
  const app = await createApp({ service: ctx, log: () => {}, live });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const r = { ctx, app, live, server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  running.push(r);
  return r;
}

/** The session cookies of the test's users, made once each. */
const cookies = new Map<string, string>();
async function cookieOf(ctx: ServiceContext, username: string): Promise<string> {
  let cookie = cookies.get(username);
  if (!cookie) {
    cookie = await sessionCookie(ctx, username, username === 'Reader' ? 'viewer' : 'editor');
    cookies.set(username, cookie);
  }
  return cookie;
}

/** Opens the article's event stream on `at` as `username`. */
async function follow(at: Running, articleId: number, username: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const stream = await openEventStream(`${at.base}/articles/${articleId}/events`, { cookie: await cookieOf(at.ctx, username), ...headers });
  streams.push(stream);
  return stream;
}

const othersAre = (names: string[]) => (data: { others: string[] }) => JSON.stringify(data.others) === JSON.stringify(names);

/** Waits until `condition` holds (the server noticed a closed stream, say). */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 20) {
    if (waited > 5000) throw new Error(`waited 5 s for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function presenceRows(ctx: ServiceContext): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM presence`.execute(ctx.store.db);
  return Number(rows[0]?.n ?? 0);
}

describe(`GET /articles/:id/events, the review page's live updates (${BACKEND})`, () => {
  let config: StoreConfig;
  let one: Running;
  let two: Running;
  let articleId: number;

  beforeAll(async () => {
    // A database file (not :memory:), so that a second instance can open it too.
    config = await createTestDatabase();
    one = await start(config);
    two = await start(config);
    articleId = await importCorpusArticle(one.ctx);
    for (const name of ['Min-ji', 'Joon', 'Ghost']) await ensureTestUser(one.ctx, name, 'editor');
    await ensureTestUser(one.ctx, 'Reader', 'viewer');
  }, 60_000);

  afterAll(async () => {
    for (const s of streams) s.close();
    for (const r of running) {
      await r.live.close();
      await new Promise((resolve) => r.server.close(resolve));
    }
  });

  it('sends a segment another editor saves, with its revision and author, at once: uncompressed and uncached', async () => {
    const joon = await follow(one, articleId, 'Joon', { 'accept-encoding': 'gzip, deflate, br' });
    expect(joon.status).toBe(200);
    expect(joon.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    // The app gzips whole pages (page-splice.ts); a stream must not be, or events would wait in a buffer.
    expect(joon.headers.get('content-encoding')).toBeNull();
    expect(joon.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect((await joon.next('state')).data).toEqual({ segments: [] });

    const minji = await HttpEditor.signIn(one.base, 'Min-ji');
    expect((await minji.post(one.base, `/articles/${articleId}/segments/${STANDFIRST}`, { base: '0', text: CORRECTED })).status).toBe(303);
    expect((await joon.next('segment')).data).toEqual({ position: STANDFIRST, revision: 1, author: 'Min-ji' });
    // The segment's fragment the page then fetches has the new text and revision.
    const page = await (await minji.get(one.base, `/articles/${articleId}`)).text();
    expect(page).toContain('<ins>Cho</ins> Raises Issues at Meeting with Chinese Foreign Minister');
    expect(page).toContain(`data-revision="1"`);
    joon.close();
  });

  it('starts every stream with the newest revision of each saved segment, so a page older than its stream catches up', async () => {
    const late = await follow(one, articleId, 'Joon');
    const state = (await late.next('state')).data as { segments: { position: number; revision: number; author: string }[] };
    expect(state.segments).toContainEqual({ position: STANDFIRST, revision: 1, author: 'Min-ji' });
    late.close();
  });

  it('tells of other changes to the article (its status) as an article event, and sends a keep-alive comment each heartbeat', async () => {
    const joon = await follow(one, articleId, 'Joon');
    await joon.next('state');
    const minji = await HttpEditor.signIn(one.base, 'Min-ji');
    expect((await minji.post(one.base, `/articles/${articleId}/status`, { status: 'done' })).status).toBe(303);
    await joon.next('article');
    expect(joon.events.filter((e) => e.type === 'segment')).toEqual([]);
    await one.live.heartbeat();
    await joon.next('comment', (text) => text === 'ping');
    joon.close();
  });

  it('says who else has the article open, never oneself (another tab of one’s own included), and when they leave', async () => {
    const joon = await follow(one, articleId, 'Joon');
    await joon.next('presence', othersAre([]));
    const minji = await follow(one, articleId, 'Min-ji');
    await minji.next('presence', othersAre(['Joon']));
    await joon.next('presence', othersAre(['Min-ji']));
    const joonAgain = await follow(one, articleId, 'Joon');
    await joonAgain.next('presence', othersAre(['Min-ji']));
    const reader = await follow(one, articleId, 'Reader');
    await reader.next('presence', othersAre(['Joon', 'Min-ji']));
    await joon.next('presence', othersAre(['Min-ji', 'Reader']));
    minji.close();
    reader.close();
    await joon.next('presence', othersAre([]));
    joon.close();
    joonAgain.close();
    await until(async () => one.live.streamCount() === 0 && (await presenceRows(one.ctx)) === 0, 'the closed streams to be forgotten');
  });

  it('counts a view while its instance vouches for it, and 45 s after the last time: a crashed instance’s views expire', async () => {
    const ghost = (await findUser(one.ctx.store, 'Ghost'))!;
    // A view left by an instance that stopped without saying so, last vouched for 30 s ago.
    await touchPresence(one.ctx.store, [{ connectionId: 'crashed-1', instanceId: 'crashed', articleId, userId: ghost.id }], new Date(nowMs - 30_000).toISOString());
    const joon = await follow(one, articleId, 'Joon');
    const minji = await follow(one, articleId, 'Min-ji');
    await joon.next('presence', othersAre(['Ghost', 'Min-ji']));
    // 20 s on: the ghost was last seen 50 s ago and no longer counts; Min-ji's view is 20 s old.
    nowMs += 20_000;
    await joon.next('presence', othersAre(['Min-ji']));
    // The heartbeat vouches for this instance's views and deletes expired ones.
    await one.live.heartbeat();
    const { rows } = await sql<{ connection_id: string }>`SELECT connection_id FROM presence WHERE instance_id = 'crashed'`.execute(one.ctx.store.db);
    expect(rows).toEqual([]);
    nowMs += 40_000;
    await one.live.poll();
    // 60 s after Min-ji opened the page she is still there, the heartbeat 40 s ago having vouched for her.
    expect(joon.events.filter((e) => e.type === 'presence').at(-1)?.data).toEqual({ others: ['Min-ji'] });
    // Without another heartbeat, 50 s after the last one, nobody counts any more.
    nowMs += 10_000;
    await joon.next('presence', othersAre([]));
    joon.close();
    minji.close();
  });

  it('sees a save made through another app instance on the same database, and who is on the other instance', async () => {
    const joon = await follow(one, articleId, 'Joon');
    await joon.next('state');
    const minjiStream = await follow(two, articleId, 'Min-ji');
    // Presence is in the database: each instance sees the other's view at its next poll.
    await minjiStream.next('presence', othersAre(['Joon']));
    await joon.next('presence', othersAre(['Min-ji']));
    const minji = await HttpEditor.signIn(two.base, 'Min-ji');
    expect((await minji.post(two.base, `/articles/${articleId}/segments/6`, { base: '0', text: 'A paragraph saved through the second instance.' })).status).toBe(303);
    expect((await joon.next('segment')).data).toEqual({ position: 6, revision: 1, author: 'Min-ji' });
    expect((await minjiStream.next('segment')).data).toEqual({ position: 6, revision: 1, author: 'Min-ji' });
    minjiStream.close();
    await joon.next('presence', othersAre([]));
    joon.close();
  });

  it('refuses without a session (401), without Accept: text/event-stream (406) and for no article (404); a viewer may follow', async () => {
    const anonymous = await openEventStream(`${one.base}/articles/${articleId}/events`);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text)).toEqual({ error: 'Sign in first: every change is kept with who made it.' });
    const page = await openEventStream(`${one.base}/articles/${articleId}/events`, { cookie: await cookieOf(one.ctx, 'Joon'), accept: 'text/html' });
    expect(page.status).toBe(406);
    expect(page.text).toContain('open it with EventSource');
    const missing = await follow(one, 99_999, 'Joon');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('There is no article 99999');
    const reader = await follow(one, articleId, 'Reader');
    expect(reader.status).toBe(200);
    await reader.next('state');
    reader.close();
  });

  it(`holds at most ${MAX_STREAMS_PER_SESSION} streams per session: one more gets 429, and a closed one frees its place`, async () => {
    const cookie = await sessionCookie(one.ctx, 'Joon', 'editor');
    const open = async () => {
      const s = await openEventStream(`${one.base}/articles/${articleId}/events`, { cookie });
      streams.push(s);
      return s;
    };
    const held: EventStream[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_SESSION; i += 1) held.push(await open());
    expect(held.map((s) => s.status)).toEqual(Array(MAX_STREAMS_PER_SESSION).fill(200));
    const refused = await open();
    expect(refused.status).toBe(429);
    expect(refused.text).toContain(`already follows ${MAX_STREAMS_PER_SESSION} articles live`);
    // Another session of the same user is not held back by this one's.
    const other = await follow(one, articleId, 'Joon');
    expect(other.status).toBe(200);
    other.close();
    held[0]!.close();
    await until(() => one.live.streamCount() === MAX_STREAMS_PER_SESSION - 1, 'the closed stream to be forgotten');
    const again = await open();
    expect(again.status).toBe(200);
    for (const s of [...held, again]) s.close();
  });

  it('ends its streams when its server closes, so server.close() is not held open, and forgets the views when the hub closes', async () => {
    const third = await start(config);
    const joon = await follow(third, articleId, 'Joon');
    await joon.next('state');
    const started = Date.now();
    await new Promise((resolve) => third.server.close(resolve));
    await joon.ended;
    // Within a poll or so of close(): nothing waited for the browser to leave.
    expect(Date.now() - started).toBeLessThan(3000);

    const fourth = await start(config);
    const minji = await follow(fourth, articleId, 'Min-ji');
    await minji.next('presence');
    const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM presence WHERE instance_id = ${fourth.live.instanceId}`.execute(fourth.ctx.store.db);
    expect(Number(rows[0]?.n)).toBe(1);
    await fourth.live.close();
    await minji.ended;
    const after = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM presence WHERE instance_id = ${fourth.live.instanceId}`.execute(fourth.ctx.store.db);
    expect(Number(after.rows[0]?.n)).toBe(0);
  });

  it('has the review page load live.js, under a CSP whose default-src lets it connect to its own origin only', async () => {
    const res = await fetch(`${one.base}/articles/${articleId}`, { headers: { cookie: await cookieOf(one.ctx, 'Joon') } });
    const html = await res.text();
    expect(html).toContain('<script src="/public/live.js" defer></script>');
    const csp = res.headers.get('content-security-policy') ?? '';
    // EventSource is governed by connect-src, which falls back to default-src.
    expect(csp).toMatch(/(^|;)default-src 'self'(;|$)/);
    expect(csp).not.toContain('connect-src');
    const script = await fetch(`${one.base}/public/live.js`);
    expect(script.status).toBe(200);
    const source = await script.text();
    expect(source).toContain("new EventSource(streamUrl)");
    expect(source).not.toMatch(/innerHTML/);
  });
});
