import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { execFileSync } from 'node:child_process';
import { runCli } from '../../src/cli/run-cli.js';
import { listArticles } from '../../src/store/articles.js';
import type { StoreConfig } from '../../src/store/open-store.js';
import { CORPUS_FILE } from '../helpers.js';
import { cliEnv, createTestDatabase, openTestStore } from '../support/backend.js';

function capture() {
  let text = '';
  const stream = new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } });
  return { stream, text: () => text };
}

async function run(argv: string[], db: StoreConfig) {
  const out = capture();
  const err = capture();
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream, env: cliEnv(db) });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('copydesk import', () => {
  it('imports a folder, skips identical content on a second run, and reports refused files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-'));
    const db = await createTestDatabase();
    const articles = join(dir, 'articles');
    execFileSync('mkdir', [articles]);
    copyFileSync(CORPUS_FILE, join(articles, 'a.txt'));
    writeFileSync(join(articles, 'b.txt'), 'Second Headline\n\nA paragraph of the second article.');
    writeFileSync(join(articles, 'c.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
    const first = await run(['import', articles], db);
    expect(first.stdout).toContain('imported 2 new, 0 already there, 1 refused');
    expect(first.stderr).toMatch(/c\.txt: refused: .*binary/i);
    expect(first.code).toBe(1);
    const second = await run(['import', join(articles, 'a.txt')], db);
    expect(second.stdout).toContain('imported 0 new, 1 already there, 0 refused');
    expect(second.code).toBe(0);
    const handle = await openTestStore(db);
    expect((await listArticles(handle)).map((a) => a.title).sort()).toEqual([
      'Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"',
      'Second Headline',
    ]);
  });

  it('exits 2 on a path that does not exist and on an unknown command', async () => {
    const db = await createTestDatabase();
    const missing = await run(['import', '/no/such/file.txt'], db);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read /no/such/file.txt');
    expect((await run(['frobnicate'], db)).code).toBe(2);
  });

  it('records the MT engine given with --engine', async () => {
    const db = await createTestDatabase();
    expect((await run(['import', '--engine', 'Engine A', CORPUS_FILE.pathname], db)).code).toBe(0);
    const handle = await openTestStore(db);
    expect((await listArticles(handle)).map((a) => a.mtEngine)).toEqual(['Engine A']);
  });
});
