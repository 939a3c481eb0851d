import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.js';
import { CORPUS_FILE } from '../helpers.js';
import { validateXliff2 } from '../formats/schema-validators.js';

function capture() {
  let text = '';
  return { stream: new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } }), text: () => text };
}

async function run(argv: string[], db: string) {
  const out = capture();
  const err = capture();
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream, env: { COPYDESK_DB: db }, now: () => new Date('2026-11-29T10:00:00Z') });
  return { code, stdout: out.text(), stderr: err.text() };
}

async function databaseWithCorpus() {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-export-'));
  const db = join(dir, 'copydesk.db');
  expect((await run(['import', CORPUS_FILE.pathname], db)).code).toBe(0);
  return { dir, db };
}

describe('copydesk export', () => {
  it('prints an article as XLIFF 2.1 that the schema accepts', async () => {
    const { db } = await databaseWithCorpus();
    const { code, stdout } = await run(['export', '1', '--format', 'xliff'], db);
    expect(code).toBe(0);
    expect(validateXliff2(stdout)).toEqual([]);
    expect(stdout).toContain('King Raises Issues at Meeting with Chinese Foreign Minister');
  });

  it('writes the corrected text to a file with --output', async () => {
    const { dir, db } = await databaseWithCorpus();
    const out = join(dir, 'article.txt');
    const { code, stderr } = await run(['export', '1', '--output', out], db);
    expect(code).toBe(0);
    expect(stderr).toContain(`wrote ${out}`);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"');
  });

  it('exits 2 on an unknown article or format', async () => {
    const { db } = await databaseWithCorpus();
    const missing = await run(['export', '42'], db);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('there is no article 42');
    expect((await run(['export', '1', '--format', 'docx'], db)).code).toBe(2);
  });
});
