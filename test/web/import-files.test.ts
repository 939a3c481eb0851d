import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { makeApp, editorAgent, CORPUS_FILE, importText } from '../helpers.js';
import { listArticles } from '../../src/store/articles.js';
import { importUploads, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from '../../src/service/import-articles.js';
import { ServiceError } from '../../src/service/errors.js';

const ARTICLE = readFileSync(CORPUS_FILE, 'utf8');
const RAIN = 'Rain Expected in Seoul\n\nHeavy rain is expected on Saturday, the weather agency said.';
const MARKETS = 'Markets Rally in Seoul\n\nStocks rose on Monday after the central bank held rates.';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

type Upload = ReturnType<ReturnType<typeof request.agent>['post']>;

/** Attaches each `[name, content]` as one more file of the form's `file` field. */
function attachAll(req: Upload, files: readonly (readonly [string, Buffer | string])[]): Upload {
  let r = req;
  for (const [name, content] of files) r = r.attach('file', Buffer.from(content), name);
  return r;
}

/** One results row as the editor reads it: the outcome class, the three cells' text, and the article link. */
interface Row {
  readonly outcome: string;
  readonly cells: string[];
  readonly href: string | null;
}

/** Returns the rows of the import results table. */
function resultRows(html: string): Row[] {
  return [...html.matchAll(/<tr class="import-(\w+)">([\s\S]*?)<\/tr>/g)].map(([, outcome, row]) => ({
    outcome: outcome ?? '',
    cells: [...(row ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map(([, cell]) => (cell ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()),
    href: /<a href="([^"]+)"/.exec(row ?? '')?.[1] ?? null,
  }));
}

describe('GET /import', () => {
  it('offers a file field that takes many files, and says the limits', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/import').expect(200);
    expect(res.text).toContain('<input type="file" name="file" accept=".txt,text/plain,.zip,application/zip" multiple>');
    expect(res.text).toContain(`up to ${MAX_UPLOAD_FILES} files and 16 MB in one import`);
  });
});

describe('POST /import with several files', () => {
  it('reports each file: added, already there, refused (binary, empty), and stores exactly the new ones', async () => {
    const { ctx, app } = await makeApp();
    const existingId = await importText(ctx, ARTICLE, 'cho.txt');
    const { agent, csrf } = await editorAgent(app);
    const res = await attachAll(agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf).field('engine', 'Engine B'), [
      ['rain.txt', RAIN],
      ['cho-copy.txt', ARTICLE.replace(/\n/g, '\r\n')],
      ['photo.png', PNG],
      ['empty.txt', ''],
      ['markets.txt', MARKETS],
    ]).expect(200);

    const stored = await listArticles(ctx.store);
    expect(stored.map((a) => [a.sourceName, a.importedBy, a.mtEngine]).sort()).toEqual([
      ['cho.txt', 'test', ''],
      ['markets.txt', 'Min-ji', 'Engine B'],
      ['rain.txt', 'Min-ji', 'Engine B'],
    ]);
    const idOf = (name: string) => stored.find((a) => a.sourceName === name)?.id;

    expect(res.text).toContain('5 files: 2 added, 1 already in the corpus, 2 refused.');
    expect(resultRows(res.text)).toEqual([
      { outcome: 'added', cells: ['rain.txt', 'Added', 'Rain Expected in Seoul (2 segments)'], href: `/articles/${idOf('rain.txt')}` },
      {
        outcome: 'existing',
        cells: ['cho-copy.txt', 'Already in the corpus', expect.stringMatching(/^Cho Tae-yeol Criticizes.* was already in the corpus; nothing changed$/)],
        href: `/articles/${existingId}`,
      },
      { outcome: 'refused', cells: ['photo.png', 'Refused', expect.stringContaining('looks like binary data, not text (a NUL byte at offset 8)')], href: null },
      { outcome: 'refused', cells: ['empty.txt', 'Refused', 'The file is empty. Choose the file that holds the article text.'], href: null },
      { outcome: 'added', cells: ['markets.txt', 'Added', 'Markets Rally in Seoul (2 segments)'], href: `/articles/${idOf('markets.txt')}` },
    ]);
    expect(res.text).toContain('worked out in the background');

    // The new articles open, and the corpus page lists them (its own refresh derives their figures).
    await agent.get(`/articles/${idOf('rain.txt')}`).expect(200);
    const corpus = await agent.get('/').expect(200);
    expect(corpus.text).toContain('Rain Expected in Seoul');
    expect(corpus.text).toContain('Markets Rally in Seoul');
  });

  it('says when a file repeats another file of the same upload, and stores it once', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const res = await attachAll(agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf), [['a.txt', RAIN], ['b.txt', `${RAIN}\n`]]).expect(200);
    expect(resultRows(res.text).map((r) => [r.outcome, r.cells[2]])).toEqual([
      ['added', 'Rain Expected in Seoul (2 segments)'],
      ['existing', 'Rain Expected in Seoul is the same article as “a.txt” above'],
    ]);
    expect((await listArticles(ctx.store)).map((a) => a.sourceName)).toEqual(['a.txt']);
  });

  it('refuses one file over 2 MB by itself, with its size, and imports the others', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    const res = await attachAll(agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf), [['big.txt', big], ['rain.txt', RAIN]]).expect(200);
    expect(resultRows(res.text).map((r) => [r.cells[0], r.outcome, r.cells[2]])).toEqual([
      ['big.txt', 'refused', 'The file is 3 MB; articles over 2 MB are refused. Split it or remove embedded data.'],
      ['rain.txt', 'added', 'Rain Expected in Seoul (2 segments)'],
    ]);
    expect((await listArticles(ctx.store)).map((a) => a.sourceName)).toEqual(['rain.txt']);
  });

  it('takes pasted text beside the files as one more article, and keeps it in the form when refused', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const both = await agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf).field('sourceName', 'markets.txt').field('text', MARKETS).attach('file', Buffer.from(RAIN), 'rain.txt').expect(200);
    expect(resultRows(both.text).map((r) => [r.cells[0], r.outcome])).toEqual([['rain.txt', 'added'], ['markets.txt', 'added']]);
    expect(both.text).toContain('></textarea>');

    const refused = await agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf).field('sourceName', 'chrome').field('text', 'Text Size\n\nTop').attach('file', Buffer.from(ARTICLE), 'cho.txt').expect(200);
    expect(resultRows(refused.text).map((r) => [r.cells[0], r.outcome])).toEqual([['cho.txt', 'added'], ['chrome', 'refused']]);
    expect(refused.text).toContain('>Text Size\n\nTop</textarea>');
    expect((await listArticles(ctx.store)).map((a) => a.sourceName).sort()).toEqual(['cho.txt', 'markets.txt', 'rain.txt']);
  });

  it('answers 422 when every file was refused, storing nothing', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const res = await attachAll(agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf), [['a.png', PNG], ['b.txt', '']]).expect(422);
    expect(res.text).toContain('2 files: 0 added, 0 already in the corpus, 2 refused.');
    expect(await listArticles(ctx.store)).toEqual([]);
  });

  it('prints file names and titles escaped', async () => {
    const { app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const hostileName = '<img src=x onerror=alert(1)>.txt';
    const res = await attachAll(agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf), [
      [hostileName, '<script>alert(2)</script> Rain Expected\n\nHeavy rain is expected.'],
      ['<b onclick=alert(3)>bold.png', PNG],
    ]).expect(200);
    expect(res.text).toContain('<td>&lt;img src=x onerror=alert(1)&gt;.txt</td>');
    expect(res.text).toContain('&lt;script&gt;alert(2)&lt;/script&gt; Rain Expected</a>');
    expect(res.text).toContain('<td>&lt;b onclick=alert(3)&gt;bold.png</td>');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).not.toContain('<b onclick');
  });

  it('refuses an upload without the CSRF token (403) and imports nothing', async () => {
    const { ctx, app } = await makeApp();
    const { agent } = await editorAgent(app);
    await attachAll(agent.post('/import'), [['a.txt', RAIN], ['b.txt', MARKETS]]).expect(403);
    expect(await listArticles(ctx.store)).toEqual([]);
  });
});

describe('POST /import past its limits', () => {
  it(`refuses more than ${MAX_UPLOAD_FILES} files with 413 and a sentence, storing nothing and losing nothing`, async () => {
    const { ctx, app } = await makeApp();
    await importText(ctx, ARTICLE, 'cho.txt');
    const { agent, csrf } = await editorAgent(app);
    const files = Array.from({ length: MAX_UPLOAD_FILES + 1 }, (_, i) => [`f${i}.txt`, `Headline ${i}\n\nBody of article ${i}.`] as const);
    const res = await attachAll(agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf), files).expect(413);
    expect(res.text).toContain(`That is more than ${MAX_UPLOAD_FILES} files, the most one import takes. Nothing was imported: send them in smaller groups`);
    expect(res.text).toContain('<form method="post" action="/import?_csrf=');
    expect((await listArticles(ctx.store)).map((a) => a.sourceName)).toEqual(['cho.txt']);
  });

  it('takes exactly the most files allowed', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const files = Array.from({ length: MAX_UPLOAD_FILES }, (_, i) => [`f${i}.txt`, `Headline ${i}\n\nBody of article ${i}.`] as const);
    const res = await attachAll(agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf), files).expect(200);
    expect(res.text).toContain(`${MAX_UPLOAD_FILES} files: ${MAX_UPLOAD_FILES} added, 0 already in the corpus, 0 refused.`);
    expect(await listArticles(ctx.store)).toHaveLength(MAX_UPLOAD_FILES);
  });

  it('refuses pasted text over the article limit in a multipart form with 413, storing nothing', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const res = await agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf).field('text', 'a'.repeat(3 * 1024 * 1024)).attach('file', Buffer.from(RAIN), 'rain.txt').expect(413);
    expect(res.text).toContain('The pasted text is over 2 MB, the article limit. Nothing was imported');
    expect(await listArticles(ctx.store)).toEqual([]);
  });

  it.each([
    ['files that come to more than 16 MB together', Array.from({ length: 9 }, (_, i) => [`f${i}.txt`, Buffer.alloc(1900 * 1024, 'a')] as const)],
    ['one file over 16 MB', [['rain.txt', Buffer.from(RAIN)], ['huge.txt', Buffer.alloc(17 * 1024 * 1024, 'a')]] as const],
  ])('refuses %s with 413 and a sentence, storing nothing', async (_label, files) => {
    const { ctx, app } = await makeApp();
    await importText(ctx, ARTICLE, 'cho.txt');
    const { agent, csrf } = await editorAgent(app);
    const res = await attachAll(agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf), files).expect(413);
    expect(res.text).toContain('The files come to more than 16 MB, the most one import takes. Nothing was imported');
    expect((await listArticles(ctx.store)).map((a) => a.sourceName)).toEqual(['cho.txt']);
  });
});

describe('importUploads', () => {
  it.each([
    ['too many files', Array.from({ length: MAX_UPLOAD_FILES + 1 }, (_, i) => ({ text: `Headline ${i}\n\nBody ${i}.`, sourceName: `f${i}.txt` })), 'more than 100 files'],
    ['too many bytes', [{ bytes: new Uint8Array(MAX_UPLOAD_BYTES), sourceName: 'a.txt' }, { bytes: new Uint8Array(1), sourceName: 'b.txt' }], 'more than 16 MB'],
  ])('refuses %s itself (for callers other than the route) with a too-large error, storing nothing', async (_label, inputs, message) => {
    const { ctx } = await makeApp();
    const refusal = await importUploads(ctx, inputs, { importedBy: 'test' }).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(ServiceError);
    expect(refusal).toMatchObject({ kind: 'too-large', message: expect.stringContaining(message) });
    expect(await listArticles(ctx.store)).toEqual([]);
  });
});

describe('POST /glossary/import with two files', () => {
  it('is refused with 413 and a sentence that names each form’s limit', async () => {
    const { app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const res = await attachAll(agent.post(`/glossary/import?_csrf=${csrf}`).field('_csrf', csrf), [['a.csv', 'a,b\n'], ['b.csv', 'a,b\n']]).expect(413);
    expect(res.text).toContain(`The form sent more files than it takes: an article import takes up to ${MAX_UPLOAD_FILES}, a glossary import one.`);
  });
});
