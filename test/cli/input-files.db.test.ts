/**
 * Security issue 11: what the CLI is given to read. `check`, `import`, `glossary import` and
 * `metrics` on /dev/zero never finished (`check` reached 4.2 GB in 8 s), a FIFO blocked them, a
 * file over 2 GB was "no such file", and file imports skipped the limits the forms enforce.
 * Endless input runs the built CLI in a child process with a kill timer: a regression fails the
 * test instead of hanging it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_SOURCE_NAME_CHARS } from '../../src/service/prepare-import.js';
import { listArticles } from '../../src/store/articles.js';
import type { StoreConfig } from '../../src/store/open-store.js';
import { CORPUS_FILE } from '../helpers.js';
import { cliEnv, createTestDatabase, openTestStore } from '../support/backend.js';
import { requireBuild } from '../support/instances.js';
import { runCopydesk } from './cli-harness.js';

const MAIN = join(fileURLToPath(new URL('../..', import.meta.url)), 'dist', 'cli', 'main.js');
const CORPUS = fileURLToPath(CORPUS_FILE);
const DIR = mkdtempSync(join(tmpdir(), 'copydesk-input-files-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** How long one run may take before it is killed and counted as hanging (a refusal takes well under a second). */
const KILL_AFTER_MS = 15_000;
/** A test's own limit: several runs of the CLI, each under KILL_AFTER_MS. */
const TEST_TIMEOUT_MS = 120_000;

/** Runs the built CLI on `db`, killed after KILL_AFTER_MS; `signal` is set when it had to be killed. */
function runBuilt(argv: string[], db: StoreConfig) {
  const run = spawnSync(process.execPath, [MAIN, ...argv], {
    env: { ...process.env, ...cliEnv(db) },
    encoding: 'utf8',
    timeout: KILL_AFTER_MS,
    killSignal: 'SIGKILL',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** Each command given `path` where it expects a file to read. */
function commands(path: string): { name: string; argv: string[] }[] {
  return [
    { name: 'check', argv: ['check', path] },
    { name: 'import', argv: ['import', path] },
    { name: 'glossary import', argv: ['glossary', 'import', path] },
    { name: 'metrics', argv: ['metrics', '--mt', path, '--edited', CORPUS] },
  ];
}

function fifo(name: string): string {
  const path = join(DIR, name);
  execFileSync('mkfifo', [path]);
  return path;
}

/** A sparse file (as `truncate -s`): the size is real, no block is written, so it costs no disk. */
function sparse(name: string, bytes: number): string {
  const path = join(DIR, name);
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

describe('the CLI refuses what is not a regular file, at once, with exit 2', () => {
  it.each(commands('/dev/zero'))('$name /dev/zero: finishes quickly with exit 2 and says it is a character device', async ({ argv }) => {
    requireBuild();
    const db = await createTestDatabase();
    const started = Date.now();
    const run = runBuilt(argv, db);
    expect(run.signal, `killed after ${KILL_AFTER_MS} ms: the command read /dev/zero without end`).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\/dev\/zero:? is a character device \(such as \/dev\/zero or a terminal\), not a regular file; Copydesk reads only regular files\./);
    expect(run.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(KILL_AFTER_MS);
  }, TEST_TIMEOUT_MS);

  it.each(commands('FIFO'))('$name on a FIFO with no writer: refused without blocking, exit 2', async ({ name, argv }) => {
    requireBuild();
    const db = await createTestDatabase();
    const path = fifo(`${name.replace(' ', '-')}.fifo`);
    const run = runBuilt(argv.map((a) => (a === 'FIFO' ? path : a)), db);
    expect(run.signal, `killed after ${KILL_AFTER_MS} ms: the command waited on the FIFO`).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a named pipe (FIFO), not a regular file');
  }, TEST_TIMEOUT_MS);

  it('import of a folder holding a FIFO named .txt: that file is refused, the others imported, nothing blocks', async () => {
    requireBuild();
    const db = await createTestDatabase();
    const folder = join(DIR, 'with-fifo');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), 'A Headline\n\nA paragraph.');
    execFileSync('mkfifo', [join(folder, 'b.txt')]);
    const run = runBuilt(['import', folder], db);
    expect(run.signal).toBeNull();
    expect(run.stdout).toContain('imported 1 new, 0 already there, 1 refused');
    expect(run.stderr).toMatch(/b\.txt: refused: is a named pipe \(FIFO\)/);
    expect(run.code).toBe(1);
  }, TEST_TIMEOUT_MS);

  it('glossary import of a folder: refused with exit 2, saying it is a folder', async () => {
    const db = await createTestDatabase();
    const folder = join(DIR, 'glossary-folder');
    mkdirSync(folder);
    const run = await runCopydesk(['glossary', 'import', folder], cliEnv(db));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`copydesk: cannot read ${folder}: is a folder, not a file; name the file itself.\n`);
  });
});

describe('the CLI says a 3 GB file is too large, with its size and the limit, never "no such file"', () => {
  const rows: { name: string; argv: (path: string) => string[]; code: number; stderr: (path: string) => string }[] = [
    { name: 'check', argv: (p) => ['check', p], code: 2, stderr: (p) => `copydesk: ${p}: The file is too large: 3 GB; articles over 2 MB are refused. Split it or remove embedded data.\n` },
    { name: 'metrics', argv: (p) => ['metrics', '--mt', CORPUS, '--edited', p], code: 2, stderr: (p) => `copydesk: ${p}: The file is too large: 3 GB; articles over 2 MB are refused. Split it or remove embedded data.\n` },
    { name: 'import', argv: (p) => ['import', p], code: 1, stderr: (p) => `${p}: refused: The file is too large: 3 GB; articles over 2 MB are refused. Split it or remove embedded data.\n` },
    {
      name: 'glossary import',
      argv: (p) => ['glossary', 'import', p],
      code: 1,
      stderr: (p) => `${p}: refused: The file is too large: 3 GB; glossary files over 32 MB are refused. Split it into smaller files, or export only the concepts you need.\n`,
    },
  ];
  it.each(rows)('$name', async ({ name, argv, code, stderr }) => {
    requireBuild();
    const db = await createTestDatabase();
    const path = sparse(`huge-${name.replace(' ', '-')}.txt`, 3 * 1024 ** 3);
    const run = runBuilt(argv(path), db);
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe(stderr(path));
    expect(run.stderr).not.toContain('no such file');
    expect(run.code).toBe(code);
  }, TEST_TIMEOUT_MS);
});

describe('file imports keep the limits the forms enforce', () => {
  it('glossary import refuses a 1,000,000-character term with its line and the limit, importing nothing', async () => {
    const db = await createTestDatabase();
    const csv = join(DIR, 'long-term.csv');
    writeFileSync(csv, `concept_id,type,lang,term,status\nc1,person,en,Cho Tae-yul,preferred\nc1,person,en,${'x'.repeat(1_000_000)},deprecated\n`);
    const run = await runCopydesk(['glossary', 'import', csv], cliEnv(db));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${csv}:3: refused: Line 3: the term “${'x'.repeat(40)}…” is 1,000,000 characters long; terms are limited to 200 characters. Shorten it or delete it.\n`);
    expect((await runCopydesk(['glossary', 'export', '--format', 'json'], cliEnv(db))).stdout).toContain('"concepts": []');
  });

  it('import cuts a file name longer than MAX_SOURCE_NAME_CHARS to it, keeping ".txt"', async () => {
    const db = await createTestDatabase();
    // 250 characters: past the limit, within the 255 bytes a Linux file name may hold.
    const name = `${'n'.repeat(246)}.txt`;
    const path = join(DIR, name);
    writeFileSync(path, 'A Headline\n\nA paragraph.');
    expect((await runCopydesk(['import', path], cliEnv(db))).code).toBe(0);
    const store = await openTestStore(db);
    expect((await listArticles(store)).map((a) => a.sourceName)).toEqual([`${'n'.repeat(MAX_SOURCE_NAME_CHARS - 4)}.txt`]);
  });
});
