import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCopydesk } from './cli-harness.js';
import { createTestDatabase, openTestContext, openTestStore, BACKEND } from '../support/backend.js';
import { importCorpusArticle, importText, TEST_NOW } from '../helpers.js';
import { countRows } from '../../src/store/copy.js';
import { getSegment, listSegments } from '../../src/store/segments.js';
import { listArticles } from '../../src/store/articles.js';
import { readCorpusVersions } from '../../src/store/counters.js';
import { saveEdit } from '../../src/service/save-segment.js';
import { addConcept } from '../../src/service/glossary.js';
import { dismissOpenFlags } from '../../src/service/flags.js';
import { decideDistinctPeople } from '../../src/service/names.js';
import { changePassScore } from '../../src/service/reports.js';

describe(`copydesk db copy --to (SQLite into ${BACKEND})`, () => {
  it('copies every table with its ids into an empty database, which then carries on where the source stopped', async () => {
    const sourceFile = join(mkdtempSync(join(tmpdir(), 'copydesk-copy-')), 'source.db');
    const source = await openTestContext({ config: { sqlite: sourceFile }, now: () => TEST_NOW });
    const id = await importCorpusArticle(source);
    await importText(source, 'Second Article\n\nKing met officials on the 3rd.', 'second.txt');
    await saveEdit(source, (await getSegment(source.store, id, 5))!, { text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister', baseNumber: 0, author: 'Min-ji' });
    await addConcept(source, { type: 'person', terms: [{ text: 'Cho Tae-yul', lang: 'en', status: 'preferred' }, { text: 'Cho Tae-yeol', lang: 'en', status: 'deprecated' }] }, 'Min-ji');
    const open = (await source.flags.flagsFor(id)).open;
    await dismissOpenFlags(source, id, new Set([open[0]!.fingerprint]), 'correct as written', 'Min-ji');
    await decideDistinctPeople(source, 'Wang Yi', 'Wang Yee', 'Min-ji');
    await changePassScore(source, 97, "test");
    const expected = await countRows(source.store);
    await source.store.close();

    const target = await createTestDatabase();
    const copied = await runCopydesk(['db', 'copy', '--to', 'postgres' in target ? target.postgres : target.sqlite], { COPYDESK_DB: sourceFile });
    expect(copied.stderr).toContain('copied revisions: 1 row');
    expect(copied).toMatchObject({ code: 0 });
    expect(copied.stdout).toMatch(/^copied \d+ rows from SQLite .*source\.db to (PostgreSQL|SQLite) /);

    const store = await openTestStore(target);
    expect(await countRows(store)).toEqual(expected);
    expect(await readCorpusVersions(store)).toEqual({ revisions: 1, decisions: 2, settings: 1, corrections: 1 });
    expect((await listSegments(store, id))[5]!.edit).toBe('Cho Raises Issues at Meeting with Chinese Foreign Minister');
    // New rows get ids after the copied ones (PostgreSQL's sequences were moved on).
    const ctx = await openTestContext({ config: target, now: () => TEST_NOW });
    const third = await importText(ctx, 'Third Article\n\nA paragraph.', 'third.txt');
    expect(third).toBe(3);
    expect((await listArticles(ctx.store)).map((a) => a.id).sort()).toEqual([1, 2, 3]);
    expect(await addConcept(ctx, { type: 'term', terms: [{ text: 'Blue House', lang: 'en', status: 'preferred' }] }, 'Min-ji')).toBe('c2');
  });

  it('refuses to copy into a database that holds data (exit 1), and changes nothing there', async () => {
    const sourceFile = join(mkdtempSync(join(tmpdir(), 'copydesk-copy-')), 'source.db');
    const source = await openTestContext({ config: { sqlite: sourceFile } });
    await importCorpusArticle(source);
    await source.store.close();
    const target = await createTestDatabase();
    const ctx = await openTestContext({ config: target });
    await importText(ctx, 'Already Here\n\nA paragraph.', 'here.txt');
    const refused = await runCopydesk(['db', 'copy', '--to', 'postgres' in target ? target.postgres : target.sqlite], { COPYDESK_DB: sourceFile });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The target database is not empty (articles: 1, segments: 2)');
    expect((await listArticles(ctx.store)).map((a) => a.title)).toEqual(['Already Here']);
  });
});
