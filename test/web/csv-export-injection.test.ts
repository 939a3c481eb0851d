import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { makeApp, csrfOf } from '../helpers.js';
import { FORMULA_PAYLOADS } from '../fixtures/formula-payloads.js';

/** The payloads a form field keeps as they are (the forms trim, so a leading tab or carriage return goes). */
const FIELD_PAYLOADS = FORMULA_PAYLOADS.filter((p) => p.trim() === p);

/** Returns the cells of a CSV download. */
const cells = (csv: string): string[][] => parse(csv, { relax_column_count: true }) as string[][];

/** The cells a spreadsheet would run: text starting (after white space) with =, +, -, @, a tab or a carriage return. */
const formulas = (csv: string): string[] => cells(csv).flat().filter((c) => /^\s*[=+\-@\t\r]/.test(c));

/** Reads a download's body as text, whatever its media type (supertest parses only some). */
const asText = (res: unknown, cb: (err: Error | null, body: unknown) => void) => {
  const stream = res as NodeJS.ReadableStream;
  let body = '';
  stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
  stream.on('end', () => cb(null, body));
};

async function download(app: Parameters<typeof request>[0], url: string): Promise<string> {
  return (await request(app).get(url).buffer(true).parse(asText).expect(200)).body as string;
}

describe('GET /reports/export?format=csv (issue 11)', () => {
  it('puts a quote before an engine name or a title a spreadsheet would run as a formula', async () => {
    const { app } = await makeApp();
    const agent = request.agent(app);
    const csrf = csrfOf((await agent.get('/import').expect(200)).text);
    for (const [i, engine] of FIELD_PAYLOADS.entries()) {
      await agent.post('/import').type('form').send({ _csrf: csrf, text: `Rain Expected ${i}\n\nHeavy rain is expected on Saturday.`, engine }).expect(303);
    }
    await agent.post('/import').type('form').send({ _csrf: csrf, text: '@SUM(A1) Rally\n\nStocks rose on Monday.', engine: 'Engine A' }).expect(303);

    const csv = await download(app, '/reports/export?format=csv');
    const [header, ...rows] = cells(csv);
    const engineColumn = header!.indexOf('mtEngine');
    const titleColumn = header!.indexOf('title');
    expect(rows.map((r) => r[engineColumn]).sort()).toEqual([...FIELD_PAYLOADS.map((p) => `'${p}`), 'Engine A'].sort());
    expect(rows.map((r) => r[titleColumn])).toContain("'@SUM(A1) Rally");
    expect(formulas(csv)).toEqual([]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });
});

describe('GET /glossary/export?format=csv (issue 11)', () => {
  it.each(FIELD_PAYLOADS)('puts a quote before a concept note of %j, in the CSV, DeepL and Google exports and the API', async (note) => {
    const { app } = await makeApp();
    const agent = request.agent(app);
    const csrf = csrfOf((await agent.get('/glossary/new').expect(200)).text);
    await agent.post('/glossary').type('form')
      .send({ _csrf: csrf, type: 'person', preferred: `${note} Cho`, admitted: '', deprecated: `${note} Jo`, korean: '조태열', note }).expect(303);

    const csv = await download(app, '/glossary/export?format=csv');
    const [header, ...rows] = cells(csv);
    expect(rows.map((r) => r[header!.indexOf('concept_note')])).toEqual([`'${note}`, `'${note}`, `'${note}`]);
    expect(rows.map((r) => r[header!.indexOf('term')])).toEqual([`'${note} Cho`, `'${note} Jo`, '조태열']);
    expect(formulas(csv)).toEqual([]);
    for (const url of ['/glossary/export?format=deepl', '/glossary/export?format=google', '/api/glossary?format=csv']) {
      expect(formulas(await download(app, url))).toEqual([]);
    }
    expect(cells(await download(app, '/glossary/export?format=google'))[1]).toEqual(['조태열', `'${note} Cho`, 'noun', `'${note}`]);
  });
});
