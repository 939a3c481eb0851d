import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../../src/store/open-store.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { appendRevision, listRevisions } from '../../src/store/revisions.js';
import { getSegment, listSegments } from '../../src/store/segments.js';
import { listCurrentCorrections } from '../../src/store/corrections.js';
import { getArticle, insertArticles, listArticles } from '../../src/store/articles.js';
import { readArticleVersions, readCorpusVersions } from '../../src/store/counters.js';
import { saveEdit } from '../../src/service/save-segment.js';
import { importCorpusArticle, TEST_NOW } from '../helpers.js';
import { BACKEND, createTestDatabase, openTestContext, openTestStore } from '../support/backend.js';

const NOW = TEST_NOW.toISOString();

async function appliedMigrations(store: Awaited<ReturnType<typeof openTestStore>>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(store.db);
  return rows.map((r) => r.name);
}

describe(`openStore (${BACKEND})`, () => {
  it('applies every migration once, and opening again applies none', async () => {
    const config = await createTestDatabase();
    const first = await openTestStore(config);
    expect(await appliedMigrations(first)).toEqual(MIGRATIONS.map((m) => m.name));
    await first.close();
    const again = await openTestStore(config);
    expect(await appliedMigrations(again)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await readCorpusVersions(again)).toEqual({ revisions: 0, decisions: 0, settings: 0, corrections: 0 });
  });

  it.runIf(BACKEND === 'sqlite')('uses WAL and foreign keys on an SQLite file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'copydesk-')), 'data', 'test.db');
    (await openStore({ sqlite: file })).close();
    const raw = new Database(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it.runIf(BACKEND === 'sqlite')('takes over a database written before issue 9 (user_version 6), keeping its data and running only the new migrations', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'copydesk-legacy-')), 'old.db');
    const raw = new Database(file);
    raw.exec(readFileSync(new URL('../fixtures/legacy/schema-v6.sql', import.meta.url), 'utf8'));
    raw.pragma('user_version = 6');
    raw.prepare("INSERT INTO articles (title, source_name, content_hash, imported_at, imported_by) VALUES ('Old', 'old.txt', 'h1', ?, 'cli')").run(NOW);
    raw.prepare("INSERT INTO segments (article_id, position, kind, mt, mt_words) VALUES (1, 0, 'headline', 'Old', 1)").run();
    raw.prepare(`INSERT INTO revisions (segment_id, number, text, author, created_at, base_number, diff_mt, diff_prev, words_changed)
      VALUES (1, 1, 'New', 'a', ?, 0, '[]', '[]', 1)`).run(NOW);
    raw.close();
    const store = await openTestStore({ sqlite: file });
    expect(await appliedMigrations(store)).toEqual(MIGRATIONS.map((m) => m.name));
    expect((await getArticle(store, 1))?.title).toBe('Old');
    expect((await getSegment(store, 1, 0))?.edit).toBe('New');
    expect(await readArticleVersions(store, 1)).toMatchObject({ version: 1, textVersion: 1, revisions: 1 });
  });
});

describe(`revisions (${BACKEND})`, () => {
  it('are append-only: a save based on a stale revision is refused and nothing is written', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const id = await importCorpusArticle(ctx);
    const segment = (await getSegment(ctx.store, id, 5))!;
    expect(await saveEdit(ctx, segment, { text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister', baseNumber: 0, author: 'a' })).toEqual({ status: 'saved', number: 1 });
    const stale = await saveEdit(ctx, segment, { text: 'Wang Raises Issues', baseNumber: 0, author: 'b' });
    expect(stale.status).toBe('conflict');
    expect((await listRevisions(ctx.store, segment.id)).map((r) => r.number)).toEqual([1]);
  });

  it("store the corrections of each save; only the latest revision's stand for the article", async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const id = await importCorpusArticle(ctx);
    const headline = (await getSegment(ctx.store, id, 4))!;
    await saveEdit(ctx, headline, { text: headline.mt.replace('Cho Tae-yeol', 'Cho Tae-yul'), baseNumber: 0, author: 'a' });
    expect((await listCurrentCorrections(ctx.store, id)).map((c) => [c.position, c.mtText, c.editText])).toEqual([[4, 'Tae-yeol', 'Tae-yul']]);
    const again = (await getSegment(ctx.store, id, 4))!;
    await saveEdit(ctx, again, { text: headline.mt, baseNumber: 1, author: 'a', revertedTo: 0 });
    expect(await listCurrentCorrections(ctx.store, id)).toEqual([]);
    expect((await listArticles(ctx.store))[0]!.editedSegmentCount).toBe(0);
  });

  it('roll back the revision when a correction cannot be written (nothing half-written)', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const id = await importCorpusArticle(ctx);
    const segment = (await getSegment(ctx.store, id, 5))!;
    const before = await readArticleVersions(ctx.store, id);
    // A correction row for an article that does not exist violates its foreign key.
    await expect(
      appendRevision(ctx.store, {
        segmentId: segment.id, articleId: 999_999, baseNumber: 0, text: 'x', author: 'a', now: NOW,
        diffMt: [], diffPrev: [], isCoarse: false, wordsChanged: 0,
        corrections: [{ mtText: 'King', editText: 'x', mtStart: 0, mtEnd: 4, editStart: 0, editEnd: 1 }],
      }),
    ).rejects.toThrow(/foreign key/i);
    expect(await listRevisions(ctx.store, segment.id)).toEqual([]);
    expect(await readArticleVersions(ctx.store, id)).toEqual(before);
  });

  it('keep the diff from the MT cached on the revision, so the page reads it without diffing', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const id = await importCorpusArticle(ctx);
    const segment = (await getSegment(ctx.store, id, 5))!;
    await saveEdit(ctx, segment, { text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister', baseNumber: 0, author: 'a' });
    const stored = (await listSegments(ctx.store, id))[5]!;
    expect(stored.diff).toEqual([
      { op: 'del', text: 'King' },
      { op: 'ins', text: 'Cho' },
      { op: 'eq', text: ' Raises Issues at Meeting with Chinese Foreign Minister' },
    ]);
    expect(stored.wordsChanged).toBe(1);
  });

  it('move the article and corpus counters that page caches are keyed by', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const id = await importCorpusArticle(ctx);
    expect(await readArticleVersions(ctx.store, id)).toEqual({ version: 0, textVersion: 0, revisions: 0, decisions: 0, settings: 0, corrections: 0 });
    await saveEdit(ctx, (await getSegment(ctx.store, id, 5))!, { text: 'Cho Raises Issues', baseNumber: 0, author: 'a' });
    // The save counts its correction (King -> Cho) in the corpus's pairs when it refreshes the article.
    expect(await readArticleVersions(ctx.store, id)).toEqual({ version: 1, textVersion: 1, revisions: 1, decisions: 0, settings: 0, corrections: 1 });
  });
});

describe(`insertArticles (${BACKEND})`, () => {
  const article = (hash: string, segments: number) => ({
    title: `Headline ${hash}`, sourceName: `${hash}.txt`, contentHash: hash, importedBy: 'cli', now: '2026-12-07T10:00:00Z',
    segments: Array.from({ length: segments }, (_, i) => ({ kind: (i === 0 ? 'headline' : 'body') as 'headline' | 'body', text: `${hash} segment ${i}`, words: 3 })),
  });

  it('stores a batch in order, each article once: one already stored and one twice in the list are not new', async () => {
    const store = await openTestStore();
    const [before] = await insertArticles(store, [article('h0', 2)]);
    const results = await insertArticles(store, [article('h1', 3), article('h0', 2), article('h2', 1200), article('h1', 3)]);
    expect(results.map((r) => r.isNew)).toEqual([true, false, true, false]);
    expect(results[1]?.id).toBe(before?.id);
    expect(results[3]?.id).toBe(results[0]?.id);
    expect(results[2]!.id).toBeGreaterThan(results[0]!.id);
    // 1,200 segments span two statements; each article keeps its own, in position order.
    const rows = await store.db.selectFrom('segments').select(['article_id', 'position', 'mt']).orderBy('article_id').orderBy('position').execute();
    expect(rows.filter((r) => r.article_id === results[0]?.id).map((r) => r.mt)).toEqual(['h1 segment 0', 'h1 segment 1', 'h1 segment 2']);
    const long = rows.filter((r) => r.article_id === results[2]?.id);
    expect(long.map((r) => r.position)).toEqual(Array.from({ length: 1200 }, (_, i) => i));
    expect(long[1199]?.mt).toBe('h2 segment 1199');
    expect(rows).toHaveLength(2 + 3 + 1200);
  });
});
