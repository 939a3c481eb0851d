/**
 * Issue 12, the Korean original: an article imported with its source keeps it (text and aligned
 * segments), the checks read it through the flag reader and the refresher, and a source refused
 * refuses the import. Runs on both backends.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle, importFiles, importUploads, listArticleFiles } from '../../src/service/import-articles.js';
import { getArticleSource } from '../../src/store/sources.js';
import { listArticles } from '../../src/store/articles.js';
import { readArticleVersions } from '../../src/store/counters.js';
import { runArticleChecks } from '../../src/service/flag-reader.js';
import { openTestContext } from '../support/backend.js';
import { TEST_NOW } from '../helpers.js';

const PAIRS = new URL('../fixtures/korean-source/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, PAIRS), 'utf8');

/** A folder holding the named fixture files. */
function folderWith(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-source-'));
  for (const name of names) copyFileSync(new URL(name, PAIRS), join(dir, name));
  return dir;
}

describe('importing an article with its Korean original', () => {
  it('stores the source and its alignment with a new article, and the checks read it', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const outcome = await importArticle(ctx, { text: read('cho-beijing.txt'), sourceName: 'cho.txt', source: { text: read('cho-beijing.ko.txt'), sourceName: 'cho.ko.txt' } }, { importedBy: 'test' });
    expect(outcome).toMatchObject({ ok: true, isNew: true, source: 'stored' });
    if (!outcome.ok) return;
    const stored = await getArticleSource(ctx.store, outcome.id);
    expect(stored?.sourceName).toBe('cho.ko.txt');
    expect(stored?.text).toBe(read('cho-beijing.ko.txt'));
    expect(stored?.source.segments.map((s) => s.aligned)).toEqual([[0], [1], [], [2], [3]]);
    const flags = await runArticleChecks(ctx.store, outcome.id);
    expect(flags.filter((f) => f.check.startsWith('source-')).map((f) => `${f.check} ${f.segment} ${f.text}`)).toEqual([
      'source-name 0 King', 'source-omitted 1 ', 'source-number 2 12 trillion',
    ]);
    const open = await ctx.flags.flagsFor(outcome.id);
    expect(open.open.some((f) => f.check === 'source-number')).toBe(true);
  });

  it('adds the source to the same article imported before without one, moving its versions; a second source is kept out', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const first = await importArticle(ctx, { text: read('samsung-texas.txt'), sourceName: 's.txt' }, { importedBy: 'test' });
    if (!first.ok) throw new Error(first.message);
    expect(first.source).toBe('none');
    const before = await readArticleVersions(ctx.store, first.id);
    expect((await ctx.flags.flagsFor(first.id)).open.some((f) => f.check.startsWith('source-'))).toBe(false);
    const again = await importArticle(ctx, { text: read('samsung-texas.txt'), sourceName: 's.txt', source: { text: read('samsung-texas.ko.txt'), sourceName: 's.ko.txt' } }, { importedBy: 'test' });
    expect(again).toMatchObject({ ok: true, isNew: false, id: first.id, source: 'added' });
    const after = await readArticleVersions(ctx.store, first.id);
    expect(after?.version).toBeGreaterThan(before?.version ?? 0);
    expect(after?.textVersion).toBeGreaterThan(before?.textVersion ?? 0);
    // The cached flags follow: the text version is in the flag reader's key.
    expect((await ctx.flags.flagsFor(first.id)).open.filter((f) => f.check.startsWith('source-')).map((f) => f.text)).toEqual(['35 million', 'Choi Jae-hyun']);
    const third = await importArticle(ctx, { text: read('samsung-texas.txt'), sourceName: 's.txt', source: { text: 'other', sourceName: 'x.ko.txt' } }, { importedBy: 'test' });
    expect(third).toMatchObject({ ok: true, source: 'kept' });
    expect((await getArticleSource(ctx.store, first.id))?.sourceName).toBe('s.ko.txt');
  });

  it.each([
    ['empty', '', 'The Korean source: the text is empty. Paste the article text and try again.'],
    ['binary', 'abc\u0000def', 'The Korean source: the text looks like binary data, not text (a NUL byte at position 3). Paste the article as plain text and try again.'],
    ['over 2 MB', '가'.repeat(1_000_000), 'The Korean source: the text is 2.9 MB; articles over 2 MB are refused. Split it or remove embedded data.'],
  ])('refuses the import, storing nothing, when the source is %s', async (_label, text, message) => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const outcome = await importArticle(ctx, { text: read('han-one.txt'), sourceName: 'h.txt', source: { text, sourceName: 'h.ko.txt' } }, { importedBy: 'test' });
    expect(outcome).toMatchObject({ ok: false, message });
    expect(await listArticles(ctx.store)).toEqual([]);
  });

  it('a folder import reads NAME.ko.txt beside NAME.txt and never imports it as an article', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const dir = folderWith('han-one.txt', 'han-one.ko.txt', 'budget-clean.txt');
    const files = listArticleFiles(dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['budget-clean.txt', 'han-one.txt']);
    const result = await importFiles(ctx, files, { importedBy: 'test' });
    expect(result).toMatchObject({ added: 2, existing: 0, refused: [] });
    const byName = new Map((await listArticles(ctx.store)).map((a) => [a.sourceName, a.id]));
    expect((await getArticleSource(ctx.store, byName.get('han-one.txt') ?? 0))?.sourceName).toBe('han-one.ko.txt');
    expect(await getArticleSource(ctx.store, byName.get('budget-clean.txt') ?? 0)).toBeUndefined();
  });

  it('refuses a file whose NAME.ko.txt is not text, naming the source', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const dir = folderWith('han-one.txt');
    writeFileSync(join(dir, 'han-one.ko.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const result = await importFiles(ctx, listArticleFiles(dir), { importedBy: 'test' });
    expect(result.refused).toEqual([{ file: join(dir, 'han-one.txt'), message: 'The Korean source: the file looks like binary data, not text (a NUL byte at offset 4). Save the article as plain UTF-8 text and try again.' }]);
    expect(await listArticles(ctx.store)).toEqual([]);
  });

  it('importFiles takes an explicit source for one file (copydesk import --source)', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const dir = folderWith('han-one.txt', 'han-one.ko.txt');
    const result = await importFiles(ctx, [join(dir, 'han-one.txt')], { importedBy: 'test' }, undefined, { source: join(dir, 'han-one.ko.txt') });
    expect(result).toMatchObject({ added: 1 });
    await expect(importFiles(ctx, [join(dir, 'han-one.txt'), join(dir, 'han-one.txt')], { importedBy: 'test' }, undefined, { source: 'x' })).rejects.toThrow(/exactly one article file/);
  });

  it('pairs NAME.ko.txt with NAME.txt among uploaded files, and refuses one sent alone', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const file = (name: string) => ({ bytes: new TextEncoder().encode(read(name)), sourceName: name });
    const outcomes = await importUploads(ctx, [file('han-one.ko.txt'), file('han-one.txt'), file('cho-beijing.ko.txt')], { importedBy: 'test' });
    expect(outcomes.map((o) => [o.sourceName, o.ok ? o.source : o.reason])).toEqual([['han-one.txt', 'stored'], ['cho-beijing.ko.txt', 'unpaired-source']]);
  });
});

describe('the flag reader and a Korean original added later', () => {
  it('gives the MT-alone flags of the source checks once the original is added', async () => {
    const ctx = await openTestContext({ now: () => TEST_NOW });
    const first = await importArticle(ctx, { text: read('cho-beijing.txt'), sourceName: 'c.txt' }, { importedBy: 'test' });
    if (!first.ok) throw new Error(first.message);
    const before = await ctx.flags.mtFlagsFor(first.id);
    expect(before.some((f) => f.check === 'source-number')).toBe(false);
    expect(await ctx.flags.mtFlagsFor(first.id)).toBe(before);
    await importArticle(ctx, { text: read('cho-beijing.txt'), sourceName: 'c.txt', source: { text: read('cho-beijing.ko.txt'), sourceName: 'c.ko.txt' } }, { importedBy: 'test' });
    const after = await ctx.flags.mtFlagsFor(first.id);
    expect(after.some((f) => f.check === 'source-number')).toBe(true);
    expect(await ctx.flags.mtFlagsFor(first.id)).toBe(after);
  });
});
