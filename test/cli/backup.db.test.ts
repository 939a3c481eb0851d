import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreConfig } from '../../src/store/open-store.js';
import { listArticles } from '../../src/store/articles.js';
import { importCorpusArticle } from '../helpers.js';
import { BACKEND, cliEnv, createTestDatabase, openTestContext, openTestStore } from '../support/backend.js';
import { requireBuild } from '../support/instances.js';

const MAIN = join(fileURLToPath(new URL('../..', import.meta.url)), 'dist', 'cli', 'main.js');

/** Runs the built CLI on `db`, as an operator would, with nothing of the test's own database settings. */
function runBuilt(argv: string[], db: StoreConfig) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.COPYDESK_DB;
  const run = spawnSync(process.execPath, [MAIN, ...argv], { env: { ...env, ...cliEnv(db) }, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** With a password in the URL: trust authentication ignores it, and it must never be printed. */
function withPassword(db: StoreConfig): StoreConfig {
  if (!('postgres' in db)) return db;
  const u = new URL(db.postgres);
  u.password = 'not-to-be-printed';
  return { postgres: u.toString() };
}

describe(`copydesk backup (the built CLI, ${BACKEND})`, () => {
  it('writes the backup and says what it holds; refuses an existing FILE without --force; replaces it with --force', async () => {
    requireBuild();
    const db = withPassword(await createTestDatabase());
    await importCorpusArticle(await openTestContext({ config: db }));
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-backup-cli-'));
    const file = join(folder, 'copydesk.backup');

    const first = runBuilt(['backup', file], db);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^backed up 1 article from (SQLite|PostgreSQL) .+ to ${file.replace(/[.]/g, '\\.')} \\(\\d+(\\.\\d)? (kB|MB)\\)\\n$`));
    expect(first.stdout).not.toContain('not-to-be-printed');
    const written = readFileSync(file);
    expect(written.subarray(0, BACKEND === 'sqlite' ? 15 : 5).toString()).toBe(BACKEND === 'sqlite' ? 'SQLite format 3' : 'PGDMP');

    const again = runBuilt(['backup', file], db);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`copydesk: ${file} exists: name another file, or pass --force to replace it.\n`);
    expect(again.stdout).toBe('');

    const forced = runBuilt(['backup', '--force', file], db);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^backed up 1 article from /);
    expect(readdirSync(folder)).toEqual(['copydesk.backup']);
    if (BACKEND === 'sqlite') expect((await listArticles(await openTestStore({ sqlite: file }))).map((a) => a.id)).toEqual([1]);
  });

  it('says in a sentence, with no stack trace, that the folder of FILE does not exist, and writes nothing', async () => {
    requireBuild();
    const db = await createTestDatabase();
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-backup-cli-'));
    const run = runBuilt(['backup', join(folder, 'no-such-folder', 'copydesk.backup')], db);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`copydesk: Cannot write ${join(folder, 'no-such-folder', 'copydesk.backup')}: the folder ${join(folder, 'no-such-folder')} does not exist. Create it first, or name a file in a folder that exists.\n`);
    expect(run.stdout).toBe('');
    expect(readdirSync(folder)).toEqual([]);
  });
});
