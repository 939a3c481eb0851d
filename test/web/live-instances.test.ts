/**
 * Issue 13, live updates across real app instances (`node dist/server.js`, as `npm start` runs it)
 * on one database: a save through one reaches a review page open on the other, presence is shared,
 * and a clean stop (SIGTERM) is not held up by open pages. Run `npm run build` first.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { StoreConfig } from '../../src/store/open-store.js';
import { openServiceContext } from '../../src/service/context.js';
import { BACKEND, createTestDatabase, openTestStore } from '../support/backend.js';
import { requireBuild, startInstance, type Instance } from '../support/instances.js';
import { HttpEditor } from '../support/http-editor.js';
import { sessionCookie } from '../support/accounts.js';
import { openEventStream, type EventStream } from '../support/event-stream.js';

const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));
/** The corpus article is the only one: id 1; segment 5 is "King Raises Issues…". */
const ARTICLE = 1;

describe(`live updates across app instances on one ${BACKEND} database (issue 13)`, () => {
  let config: StoreConfig;
  let a: Instance;
  let b: Instance;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    requireBuild();
    config = await createTestDatabase();
    [a, b] = await Promise.all([startInstance(config, CORPUS_DIR), startInstance(config, CORPUS_DIR)]);
    await HttpEditor.createUsers(config, ['Min-ji', 'Joon']);
  }, 90_000);

  afterAll(async () => {
    for (const s of streams) s.close();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  /** Opens the article's event stream on `instance` as `username` (a session made in the shared database). */
  async function follow(instance: Instance, username: string): Promise<EventStream> {
    const ctx = await openServiceContext(config);
    const cookie = await sessionCookie(ctx, username, 'editor').finally(() => ctx.store.close());
    const stream = await openEventStream(`${instance.base}/articles/${ARTICLE}/events`, { cookie });
    streams.push(stream);
    expect(stream.status).toBe(200);
    return stream;
  }

  it('sends a save made through one instance to a page open on the other, shares who is where, and stops cleanly with pages open', async () => {
    const joon = await follow(a, 'Joon');
    await joon.next('state');
    const minjiStream = await follow(b, 'Min-ji');
    // Each instance polls about once a second (service/live.ts).
    await joon.next('presence', (d: { others: string[] }) => d.others.join() === 'Min-ji', 10_000);
    await minjiStream.next('presence', (d: { others: string[] }) => d.others.join() === 'Joon', 10_000);

    const minji = await HttpEditor.signIn(b.base, 'Min-ji');
    const saved = await minji.post(b.base, `/articles/${ARTICLE}/segments/5`, { base: '0', text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister' });
    expect(saved.status).toBe(303);
    expect((await joon.next('segment', undefined, 10_000)).data).toEqual({ position: 5, revision: 1, author: 'Min-ji' });

    // SIGTERM with Joon's stream open on A: the stream ends and the process exits, without waiting for him to leave.
    const started = Date.now();
    await a.stop('SIGTERM');
    await joon.ended;
    expect(a.process.exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    // A took its views with it: B tells Min-ji at its next poll, and no row of A's is left.
    await minjiStream.next('presence', (d: { others: string[] }) => d.others.length === 0, 10_000);
    const store = await openTestStore(config);
    const { rows } = await sql<{ username: string }>`SELECT u.username FROM presence p JOIN users u ON u.id = p.user_id`.execute(store.db);
    expect(rows.map((r) => r.username)).toEqual(['Min-ji']);
  }, 90_000);
});
