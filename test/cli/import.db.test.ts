import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli.js';
import { listArticles } from '../../src/store/articles.js';
import type { StoreConfig } from '../../src/store/open-store.js';
import { CORPUS_FILE } from '../helpers.js';
import { cliEnv, createTestDatabase, openTestStore } from '../support/backend.js';
import { requireBuild } from '../support/instances.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

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

describe('copydesk import of a large folder (worker threads, the built CLI)', () => {
  it('prepares the files on threads and stores them in file order, each once, with refused files reported', async () => {
    requireBuild();
    const db = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-bulk-'));
    const count = 1100; // above the threaded import's floor of 1,000 files
    for (let i = 0; i < count; i += 1) {
      // Every 100th file repeats the one before it (identical article), and one file is binary.
      const n = i % 100 === 99 ? i - 1 : i;
      writeFileSync(join(dir, `a${String(i).padStart(5, '0')}.txt`), `Headline number ${n}\n\nBody paragraph of article ${n}.`);
    }
    writeFileSync(join(dir, 'a00500.txt'), Buffer.from([0, 1, 2, 3]));
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'import', '--threads', '2', dir], { env: { ...process.env, ...cliEnv(db) }, encoding: 'utf8' });
    expect(run.stdout).toContain(`imported ${count - 11 - 1} new, 11 already there, 1 refused`);
    expect(run.stderr).toMatch(/a00500\.txt: refused: .*binary/i);
    expect(run.status).toBe(1);
    const handle = await openTestStore(db);
    const rows = await handle.db.selectFrom('articles').select(['id', 'title', 'source_name']).orderBy('id').execute();
    // Ids follow the files' order, as a one-thread import gives them.
    expect(rows.map((r) => r.source_name)).toEqual([...rows.map((r) => r.source_name)].sort());
    expect(rows[0]).toMatchObject({ title: 'Headline number 0', source_name: 'a00000.txt' });
    expect(rows.at(-1)).toMatchObject({ title: 'Headline number 1098', source_name: 'a01098.txt' });
    const segments = await handle.db.selectFrom('segments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(segments.n)).toBe(rows.length * 2);
  });

  it('refuses --threads outside 1-64 before reading anything', async () => {
    const db = await createTestDatabase();
    const result = await run(['import', '--threads', '0', CORPUS_FILE.pathname], db);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--threads');
  });
});
