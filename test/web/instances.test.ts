import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { StoreConfig } from '../../src/store/open-store.js';
import { getSegment } from '../../src/store/segments.js';
import { listRevisions } from '../../src/store/revisions.js';
import { BACKEND, createTestDatabase, openTestStore } from '../support/backend.js';
import { requireBuild, startInstance, type Instance } from '../support/instances.js';
import { HttpEditor } from '../support/http-editor.js';

const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));
/** The corpus article is the only one: id 1, 19 segments; segment 5 is "King Raises Issues…". */
const ARTICLE = 1;

describe(`several app instances on one ${BACKEND} database (issue 9)`, () => {
  let config: StoreConfig;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    requireBuild();
    config = await createTestDatabase();
    // Both start at once and both import the corpus: one import stores it, the other finds it there.
    [a, b] = await Promise.all([startInstance(config, CORPUS_DIR), startInstance(config, CORPUS_DIR)]);
    await HttpEditor.createUsers(config, ['Min-ji', 'Joon', ...Array.from({ length: 50 }, (_, i) => `Editor-${i}`)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('serves the same data, and a save on one is on the other on the next request (no sticky sessions)', async () => {
    const editor = await HttpEditor.signIn(a.base, 'Min-ji');
    const before = await (await editor.get(b.base, `/articles/${ARTICLE}`)).text();
    expect(before).toContain('King Raises Issues at Meeting with Chinese Foreign Minister');
    const saved = await editor.post(a.base, `/articles/${ARTICLE}/segments/5`, { base: '0', text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister' });
    expect(saved.status).toBe(303);
    const after = await (await editor.get(b.base, `/articles/${ARTICLE}`)).text();
    expect(after).toContain('<ins>Cho</ins> Raises Issues at Meeting with Chinese Foreign Minister');
    expect(after).toContain('Edited · rev. 1 by Min-ji');
    // And back: a status set on B is on A's next page.
    expect((await editor.post(b.base, `/articles/${ARTICLE}/status`, { status: 'done' })).status).toBe(303);
    expect(await (await editor.get(a.base, `/articles/${ARTICLE}`)).text()).toMatch(/<option value="done" selected>/);
  }, 60_000);

  it('gives exactly one success among 50 concurrent saves on one base revision split over both instances', async () => {
    const editors = await Promise.all(Array.from({ length: 50 }, (_, i) => HttpEditor.signIn(i % 2 ? b.base : a.base, `Editor-${i}`)));
    const statuses = await Promise.all(editors.map((e, i) =>
      e.post(i % 2 ? a.base : b.base, `/articles/${ARTICLE}/segments/6`, { base: '0', text: `Paragraph as editor ${i} wrote it.` }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const store = await openTestStore(config);
    const segment = (await getSegment(store, ARTICLE, 6))!;
    expect((await listRevisions(store, segment.id)).map((r) => r.number)).toEqual([1]);
  }, 60_000);

  it('loses no acknowledged save when an instance is killed in the middle of saving', async () => {
    const victim = await startInstance(config, CORPUS_DIR);
    const editor = await HttpEditor.signIn(victim.base, 'Joon');
    const acknowledged = new Map<number, number>();
    // Nine writers, each on its own segment, chaining revisions as fast as the instance answers.
    const writers = [10, 11, 12, 13, 14, 15, 16, 17, 18].map(async (position) => {
      for (let base = 0; ; base += 1) {
        try {
          const res = await editor.post(victim.base, `/articles/${ARTICLE}/segments/${position}`, { base: String(base), text: `Revision ${base + 1} of segment ${position}.` });
          if (res.status !== 303) throw new Error(`save answered ${res.status}`);
          acknowledged.set(position, base + 1);
        } catch {
          return;
        }
      }
    });
    // Kill it once a few saves have been answered, however slow the machine (not after a fixed time).
    const answered = () => [...acknowledged.values()].reduce((x, y) => x + y, 0);
    for (let waited = 0; answered() < 18 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    await victim.stop('SIGKILL');
    await Promise.all(writers);
    expect(answered()).toBeGreaterThanOrEqual(18);
    const store = await openTestStore(config);
    for (const [position, number] of acknowledged) {
      const segment = (await getSegment(store, ARTICLE, position))!;
      // Every acknowledged revision is there (one more may have landed after its answer was lost).
      expect(segment.revision).toBeGreaterThanOrEqual(number);
      expect((await listRevisions(store, segment.id)).find((r) => r.number === number)?.text).toBe(`Revision ${number} of segment ${position}.`);
    }
    // The other instances serve on.
    expect((await fetch(`${a.base}/articles/${ARTICLE}`)).status).toBe(200);
  }, 60_000);
});
