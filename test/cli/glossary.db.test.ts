import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import type { StoreConfig } from '../../src/store/open-store.js';
import { cliEnv, createTestDatabase } from '../support/backend.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCopydesk } from './cli-harness.js';
import { validateTbx } from '../formats/schema-validators.js';

/** Runs the CLI on the database `db`. */
function run(argv: string[], db: StoreConfig) {
  return runCopydesk(argv, cliEnv(db));
}

describe('copydesk glossary import and export', () => {
  it('imports a CSV, exports valid TBX, and the TBX imports again to the same export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-glossary-'));
    const db = await createTestDatabase();
    const csv = join(dir, 'names.csv');
    writeFileSync(csv, 'concept_id,type,lang,term,status\nc1,person,en,Cho Tae-yul,preferred\nc1,person,en,Cho Tae-yeol,deprecated\nc1,person,ko,조태열,preferred\n');
    const imported = await run(['glossary', 'import', csv], db);
    expect(imported).toMatchObject({ code: 0, stdout: `imported 1 concept from ${csv}\n` });
    const exported = await run(['glossary', 'export', '--format', 'tbx'], db);
    expect(exported.code).toBe(0);
    expect(validateTbx(exported.stdout)).toEqual([]);
    const tbx = join(dir, 'g.tbx');
    writeFileSync(tbx, exported.stdout);
    const other = await createTestDatabase();
    expect((await run(['glossary', 'import', tbx], other)).code).toBe(0);
    const again = await run(['glossary', 'export', '--format', 'tbx', '-o', join(dir, 'again.tbx')], other);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'again.tbx'), 'utf8')).toBe(exported.stdout);
  });

  it('refuses a hostile file (exit 1) and a missing one (exit 2), importing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-glossary-'));
    const db = await createTestDatabase();
    const bomb = join(dir, 'bomb.tbx');
    writeFileSync(bomb, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><tbx>&a;</tbx>');
    const refused = await run(['glossary', 'import', bomb], db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bomb\.tbx(:\d+)?: refused: .*DOCTYPE/);
    expect((await run(['glossary', 'export', '--format', 'json'], db)).stdout).toContain('"concepts": []');
    expect((await run(['glossary', 'import', join(dir, 'missing.csv')], db)).code).toBe(2);
  });
});
