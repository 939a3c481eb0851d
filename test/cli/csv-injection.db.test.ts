import { describe, it, expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { StoreConfig } from '../../src/store/open-store.js';
import { cleanText } from '../../src/formats/glossary/text.js';
import { cliEnv, createTestDatabase } from '../support/backend.js';
import { FORMULA_PAYLOADS } from '../fixtures/formula-payloads.js';
import { runCopydesk, tempFiles } from './cli-harness.js';

/** Runs the CLI on the database `db`. */
function run(argv: string[], db: StoreConfig) {
  return runCopydesk(argv, cliEnv(db));
}

/** A CSV cell as RFC 4180 writes it: quoted, quotes doubled. */
const quoted = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

describe('copydesk CSV and TSV output neutralises formulas (issue 11)', () => {
  it('glossary export --format csv puts a quote before a note a spreadsheet would run, and import takes it off again', async () => {
    const rows = FORMULA_PAYLOADS.map((p, i) => `c${i + 1},person,en,Name ${i + 1},preferred,${quoted(p)}`);
    const { 'names.csv': names } = tempFiles('csv-injection', { 'names.csv': `concept_id,type,lang,term,status,concept_note\n${rows.join('\n')}\n` });
    const db = await createTestDatabase();
    expect((await run(['glossary', 'import', names!], db)).code).toBe(0);

    const exported = await run(['glossary', 'export', '--format', 'csv'], db);
    expect(exported.code).toBe(0);
    const [header, ...cells] = parse(exported.stdout) as string[][];
    expect(cells.map((r) => r[header!.indexOf('concept_note')])).toEqual(FORMULA_PAYLOADS.map((p) => `'${cleanText(p)}`));

    const { 'again.csv': again } = tempFiles('csv-injection', { 'again.csv': exported.stdout });
    const other = await createTestDatabase();
    expect((await run(['glossary', 'import', again!], other)).code).toBe(0);
    expect((await run(['glossary', 'export', '--format', 'csv'], other)).stdout).toBe(exported.stdout);
  });

  it('list puts a quote before a title a spreadsheet would run', async () => {
    const { 'a.txt': article } = tempFiles('csv-injection', { 'a.txt': '=HYPERLINK("http://evil.example","click")\n\nHeavy rain is expected on Saturday.\n' });
    const db = await createTestDatabase();
    expect((await run(['import', article!], db)).code).toBe(0);
    const listed = await run(['list'], db);
    expect(listed.stdout.trimEnd().split('\t').at(-1)).toBe(`'=HYPERLINK("http://evil.example","click")`);
  });
});
