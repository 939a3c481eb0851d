import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { StoreConfig } from '../../src/store/open-store.js';
import { cliEnv, createTestDatabase } from '../support/backend.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCopydesk } from './cli-harness.js';
import { CORPUS_FILE } from '../helpers.js';
import { validateXliff2 } from '../formats/schema-validators.js';

/** Runs the CLI on the database `db`. */
function run(argv: string[], db: StoreConfig) {
  return runCopydesk(argv, cliEnv(db));
}

async function databaseWithCorpus() {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-export-'));
  const db = await createTestDatabase();
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
