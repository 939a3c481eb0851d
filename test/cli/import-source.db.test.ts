import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listArticles } from '../../src/store/articles.js';
import { getArticleSource } from '../../src/store/sources.js';
import { cliEnv, createTestDatabase, openTestStore } from '../support/backend.js';
import { runCopydesk } from './cli-harness.js';

const PAIRS = new URL('../fixtures/korean-source/', import.meta.url);

/** A folder holding the named fixture files. */
function folderWith(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-source-'));
  for (const name of names) copyFileSync(new URL(name, PAIRS), join(dir, name));
  return dir;
}

describe('copydesk import with Korean originals', () => {
  it('reads NAME.ko.txt beside NAME.txt in a folder, and from a list of files (a.txt a.ko.txt)', async () => {
    const db = await createTestDatabase();
    const dir = folderWith('han-one.txt', 'han-one.ko.txt', 'budget-clean.txt', 'cho-beijing.txt', 'cho-beijing.ko.txt');
    const folder = await runCopydesk(['import', dir], cliEnv(db));
    expect(folder.stdout).toContain('imported 3 new, 0 already there, 0 refused');
    const listed = await runCopydesk(['import', join(dir, 'cho-beijing.txt'), join(dir, 'cho-beijing.ko.txt')], cliEnv(db));
    expect(listed.stdout).toContain('imported 0 new, 1 already there, 0 refused');
    const store = await openTestStore(db);
    try {
      const articles = await listArticles(store);
      expect(articles.map((a) => a.sourceName).sort()).toEqual(['budget-clean.txt', 'cho-beijing.txt', 'han-one.txt']);
      const sources = await Promise.all(articles.map(async (a) => [a.sourceName, (await getArticleSource(store, a.id))?.sourceName ?? null]));
      expect(Object.fromEntries(sources)).toEqual({ 'budget-clean.txt': null, 'cho-beijing.txt': 'cho-beijing.ko.txt', 'han-one.txt': 'han-one.ko.txt' });
    } finally {
      await store.close();
    }
  });

  it('--source adds the original to one file, also to an article imported before without it', async () => {
    const db = await createTestDatabase();
    const dir = folderWith('samsung-texas.txt');
    const source = new URL('samsung-texas.ko.txt', PAIRS).pathname;
    expect((await runCopydesk(['import', join(dir, 'samsung-texas.txt')], cliEnv(db))).stdout).toContain('imported 1 new');
    const again = await runCopydesk(['import', '--source', source, join(dir, 'samsung-texas.txt')], cliEnv(db));
    expect(again.stdout).toContain('imported 0 new, 1 already there, 1 Korean original added to articles already there, 0 refused');
    expect(again.code).toBe(0);
  });

  it('refuses --source with several files, and an unreadable source with the file named', async () => {
    const db = await createTestDatabase();
    const dir = folderWith('han-one.txt', 'budget-clean.txt');
    const several = await runCopydesk(['import', '--source', 'ko.txt', dir], cliEnv(db));
    expect([several.code, several.stderr]).toEqual([2, 'copydesk: --source needs exactly one article file (the MT translated from ko.txt); got 2\n']);
    const missing = await runCopydesk(['import', '--source', join(dir, 'nope.ko.txt'), join(dir, 'han-one.txt')], cliEnv(db));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`${join(dir, 'han-one.txt')}: refused: its Korean source nope.ko.txt: no such file\n`);
  });
});
