import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { makeApp, editorAgent, CORPUS_FILE, importText } from '../helpers.js';
import { makeZip, type ZipEntry } from '../support/zip.js';
import { listArticles } from '../../src/store/articles.js';
import { getArticleSource } from '../../src/store/sources.js';
import { MAX_UPLOAD_FILES } from '../../src/service/import-articles.js';
import { MAX_ZIP_ENTRIES } from '../../src/service/read-zip-upload.js';

const PAIRS = new URL('../fixtures/korean-source/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, PAIRS), 'utf8');
const ARTICLE = readFileSync(CORPUS_FILE, 'utf8');
const RAIN = 'Rain Expected in Seoul\n\nHeavy rain is expected on Saturday, the weather agency said.';
const MARKETS = 'Markets Rally in Seoul\n\nStocks rose on Monday after the central bank held rates.';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

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

/** Returns the text of the page's alert (the refusal sentence). */
function alertOf(html: string): string {
  return /<p class="error" role="alert">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
}

/** Posts the import form with `zips` (name, archive) and any other files, signed in as an editor. */
async function postZips(app: Parameters<typeof editorAgent>[0], zips: readonly (readonly [string, Buffer])[], fields: Record<string, string> = {}) {
  const { agent, csrf } = await editorAgent(app);
  let req = agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf);
  for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
  for (const [name, bytes] of zips) req = req.attach('file', bytes, name);
  return { res: await req, agent };
}

describe('GET /import', () => {
  it('takes .zip files and a pasted list, and says how each works', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/import').expect(200);
    expect(res.text).toContain('<input type="file" name="file" accept=".txt,text/plain,.zip,application/zip" multiple>');
    expect(res.text).toContain('or a <code>.zip</code> of them: each <code>.txt</code> inside becomes an article');
    expect(res.text).toContain('<textarea name="list" rows="16" aria-describedby="list-hint"></textarea>');
    expect(res.text).toContain('Put a line with only <code>---</code> (three hyphens) between one article and the next.');
  });
});

describe('POST /import with a .zip', () => {
  it('imports each .txt inside, with NAME.ko.txt as the Korean original of NAME.txt, and lists each', async () => {
    const { ctx, app } = await makeApp();
    const zip = makeZip([
      { name: 'batch/' },
      { name: 'batch/han-one.ko.txt', data: read('han-one.ko.txt') },
      { name: 'batch/han-one.txt', data: read('han-one.txt') },
      { name: 'batch/budget.txt', data: read('budget-clean.txt'), method: 0 },
    ]);
    const { res, agent } = await postZips(app, [['news.zip', zip]], { engine: 'Engine Z' });
    expect(res.status).toBe(200);
    const stored = await listArticles(ctx.store);
    expect(stored.map((a) => [a.sourceName, a.importedBy, a.mtEngine]).sort()).toEqual([
      ['batch/budget.txt', 'Min-ji', 'Engine Z'],
      ['batch/han-one.txt', 'Min-ji', 'Engine Z'],
    ]);
    const idOf = (name: string) => stored.find((a) => a.sourceName === name)?.id ?? 0;
    expect(res.text).toContain('2 files: 2 added, 0 already in the corpus, 0 refused.');
    expect(resultRows(res.text)).toEqual([
      { outcome: 'added', cells: ['batch/han-one.txt in news.zip', 'Added', expect.stringMatching(/^Government Launches Special Committee on Medical Reform \(3 segments\), with its Korean original$/)], href: `/articles/${idOf('batch/han-one.txt')}` },
      { outcome: 'added', cells: ['batch/budget.txt in news.zip', 'Added', expect.stringMatching(/^Government Draws Up 677\.4 Trillion Won Budget for Next Year \(\d+ segments\)$/)], href: `/articles/${idOf('batch/budget.txt')}` },
    ]);
    const source = await getArticleSource(ctx.store, idOf('batch/han-one.txt'));
    expect(source?.sourceName).toBe('batch/han-one.ko.txt');
    expect(source?.text).toBe(read('han-one.ko.txt'));
    expect(await getArticleSource(ctx.store, idOf('batch/budget.txt'))).toBeUndefined();
    await agent.get(`/articles/${idOf('batch/han-one.txt')}`).expect(200);

    // The same archive again stores nothing twice, and says so for each file.
    const again = await postZips(app, [['news.zip', zip]]);
    expect(resultRows(again.res.text).map((r) => r.outcome)).toEqual(['existing', 'existing']);
    expect(await listArticles(ctx.store)).toHaveLength(2);
  });

  it('opens the review page when the archive holds one article', async () => {
    const { ctx, app } = await makeApp();
    const { res } = await postZips(app, [['one.zip', makeZip([{ name: 'rain.txt', data: RAIN }])]]);
    const [article] = await listArticles(ctx.store);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/articles/${article?.id}?imported=new`);
  });

  it('lists a lone refused or skipped entry by name, with 422, rather than a nameless refusal', async () => {
    const { ctx, app } = await makeApp();
    const { res } = await postZips(app, [['scan.zip', makeZip([{ name: 'scan.txt', data: PNG }])]]);
    expect(res.status).toBe(422);
    expect(res.text).toContain('1 file: 0 added, 0 already in the corpus, 1 refused.');
    expect(resultRows(res.text).map((r) => [r.cells[0], r.outcome])).toEqual([['scan.txt in scan.zip', 'refused']]);
    const photos = await postZips(app, [['photos.zip', makeZip([{ name: 'cho.png', data: PNG }])]]);
    expect(photos.res.status).toBe(422);
    expect(resultRows(photos.res.text).map((r) => [r.cells[0], r.outcome])).toEqual([['cho.png in photos.zip', 'skipped']]);
    expect(await listArticles(ctx.store)).toEqual([]);
  });

  it('skips ../ and absolute names, folders, non-.txt and macOS entries, refuses a binary .txt, and imports the rest', async () => {
    const { ctx, app } = await makeApp();
    const slip = `copydesk-zip-slip-${process.pid}.txt`;
    const zip = makeZip([
      { name: `../${slip}`, data: RAIN },
      { name: `/tmp/${slip}`, data: RAIN },
      { name: `..\\${slip}`, data: RAIN },
      { name: 'nul\u0000.txt', data: RAIN },
      { name: 'photos/' },
      { name: 'photos/cho.png', data: PNG },
      { name: '__MACOSX/._markets.txt', data: PNG },
      { name: 'scan.txt', data: PNG },
      { name: 'latin1.txt', data: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x2e]) },
      { name: 'markets.txt', data: MARKETS },
      { name: 'orphan.ko.txt', data: read('han-one.ko.txt') },
      { name: 'rain.txt', data: RAIN },
    ]);
    const { res } = await postZips(app, [['mixed.zip', zip]]);
    expect(res.status).toBe(200);
    expect((await listArticles(ctx.store)).map((a) => a.sourceName).sort()).toEqual(['markets.txt', 'rain.txt']);
    expect(res.text).toContain('11 files: 2 added, 0 already in the corpus, 3 refused, 6 skipped.');
    const outside = 'Its name points outside the archive (an absolute path, or ../); it was not read.';
    expect(resultRows(res.text).map((r) => [r.cells[0], r.outcome, r.cells[2]])).toEqual([
      ['scan.txt in mixed.zip', 'refused', 'The file looks like binary data, not text (a NUL byte at offset 8). Save the article as plain UTF-8 text and try again.'],
      ['latin1.txt in mixed.zip', 'refused', expect.stringContaining('not UTF-8')],
      ['markets.txt in mixed.zip', 'added', 'Markets Rally in Seoul (2 segments)'],
      ['rain.txt in mixed.zip', 'added', 'Rain Expected in Seoul (2 segments)'],
      ['orphan.ko.txt in mixed.zip', 'refused', 'This is a Korean original (its name ends in .ko.txt), but no orphan.txt is beside it in mixed.zip. Send the two together, or import the original as an article under another name.'],
      [`../${slip} in mixed.zip`, 'skipped', outside],
      [`/tmp/${slip} in mixed.zip`, 'skipped', outside],
      [`../${slip} in mixed.zip`, 'skipped', outside],
      ['nul\uFFFD.txt in mixed.zip', 'skipped', 'Its name is empty or holds a NUL character, which no file name has; it was not read.'],
      ['photos/cho.png in mixed.zip', 'skipped', 'Not a .txt file: only plain-text articles (NAME.txt, and NAME.ko.txt for a Korean original) are imported from an archive.'],
      ['__MACOSX/._markets.txt in mixed.zip', 'skipped', 'A hidden file or macOS metadata (__MACOSX), not an article.'],
    ]);
    // Nothing is unpacked to disk, least of all outside the archive.
    expect(existsSync(resolve(process.cwd(), '..', slip))).toBe(false);
    expect(existsSync(`/tmp/${slip}`)).toBe(false);
  });

  it('refuses an entry that inflates past its declared size, a bad checksum, encryption or an unknown method, and imports the rest', async () => {
    const { ctx, app } = await makeApp();
    const zip = makeZip([
      { name: 'liar.txt', data: `Liar\n\n${'a'.repeat(1024 * 1024)}`, declaredSize: 100 },
      { name: 'crc.txt', data: MARKETS, method: 0, crc: 0x12345678 },
      { name: 'secret.txt', data: MARKETS, method: 0, isEncrypted: true },
      { name: 'lzma.txt', data: MARKETS, method: 14 },
      { name: 'rain.txt', data: RAIN },
    ]);
    const { res } = await postZips(app, [['odd.zip', zip]]);
    expect(res.status).toBe(200);
    expect((await listArticles(ctx.store)).map((a) => a.sourceName)).toEqual(['rain.txt']);
    expect(resultRows(res.text).map((r) => [r.cells[0], r.outcome, r.cells[2]])).toEqual([
      ['rain.txt in odd.zip', 'added', 'Rain Expected in Seoul (2 segments)'],
      ['liar.txt in odd.zip', 'refused', expect.stringMatching(/^The file is damaged in the archive \(.*too many bytes.*\)\. Make the archive again\.$/)],
      ['crc.txt in odd.zip', 'refused', 'The file is damaged in the archive (its content does not match its checksum). Make the archive again.'],
      ['secret.txt in odd.zip', 'refused', 'The file is encrypted in the archive. Unpack it yourself and send the .txt file.'],
      ['lzma.txt in odd.zip', 'refused', 'The file is compressed with a method Copydesk cannot unpack (method 14). Make the archive again with ordinary (deflate) compression.'],
    ]);
  });

  it('takes a .zip beside plain files and pasted text, each listed', async () => {
    const { ctx, app } = await makeApp();
    const { res } = await postZips(app, [['rain.txt', Buffer.from(RAIN)], ['one.zip', makeZip([{ name: 'markets.txt', data: MARKETS }])]], { text: ARTICLE, sourceName: 'cho.txt' });
    expect(res.status).toBe(200);
    expect(resultRows(res.text).map((r) => [r.cells[0], r.outcome])).toEqual([['rain.txt', 'added'], ['markets.txt in one.zip', 'added'], ['cho.txt', 'added']]);
    expect(await listArticles(ctx.store)).toHaveLength(3);
  });

  it('prints entry and archive names escaped', async () => {
    const { app } = await makeApp();
    const zip = makeZip([{ name: '<img src=x onerror=alert(1)>.txt', data: RAIN }, { name: '<b onclick=alert(2)>.png', data: PNG }]);
    const { res } = await postZips(app, [['<i onclick=alert(3)>.zip', zip]]);
    expect(res.text).toContain('<td>&lt;img src=x onerror=alert(1)&gt;.txt <span class="hint">in &lt;i onclick=alert(3)&gt;.zip</span></td>');
    expect(res.text).toContain('<td>&lt;b onclick=alert(2)&gt;.png');
    expect(res.text).not.toMatch(/<img src=x|<b onclick|<i onclick/);
  });
});

describe('POST /import with a .zip that cannot be read', () => {
  it.each([
    ['text named .zip', Buffer.from('This is not an archive, only text someone named .zip.\n')],
    ['an archive cut short', makeZip([{ name: 'rain.txt', data: RAIN }, { name: 'markets.txt', data: MARKETS }]).subarray(0, 90)],
    ['an archive whose directory points past its end', (() => {
      const zip = makeZip([{ name: 'rain.txt', data: RAIN }]);
      zip.writeUInt32LE(zip.length + 1000, zip.length - 6);
      return zip;
    })()],
    ['an empty file', Buffer.alloc(0)],
  ])('answers 422 for %s, saying so, and imports nothing of the form', async (_label, bytes) => {
    const { ctx, app } = await makeApp();
    const existing = await importText(ctx, ARTICLE, 'cho.txt');
    const { res } = await postZips(app, [['rain.txt', Buffer.from(RAIN)], ['broken.zip', bytes]], { list: `${MARKETS}\n---\n${RAIN}` });
    expect(res.status).toBe(422);
    expect(alertOf(res.text)).toMatch(/^broken\.zip cannot be read as a zip archive \(.+\)\. Nothing was imported: check that it is a \.zip file and that it was not cut short, or send the \.txt files themselves\.$/);
    // What was pasted stays in the form; the corpus is as it was.
    expect(res.text).toContain(`<textarea name="list" rows="16" aria-describedby="list-hint">${MARKETS}\n---\n${RAIN}</textarea>`);
    expect((await listArticles(ctx.store)).map((a) => a.id)).toEqual([existing]);
  });

  it('answers 422 for an archive with nothing in it', async () => {
    const { ctx, app } = await makeApp();
    const { res } = await postZips(app, [['empty.zip', makeZip([])]]);
    expect(res.status).toBe(422);
    expect(alertOf(res.text)).toBe('Nothing to import: the archive holds no files.');
    expect(await listArticles(ctx.store)).toEqual([]);
  });
});

describe('POST /import with a .zip past the limits', () => {
  it('refuses an archive that unpacks past 16 MB with 413 before inflating it, importing nothing', async () => {
    const { ctx, app } = await makeApp();
    await importText(ctx, ARTICLE, 'cho.txt');
    // 17 MiB of one letter deflates to about 17 kB: a small upload, a large import.
    const zip = makeZip([{ name: 'rain.txt', data: RAIN }, { name: 'bomb.txt', data: Buffer.alloc(17 * 1024 * 1024, 'a') }]);
    expect(zip.length).toBeLessThan(100 * 1024);
    const { res } = await postZips(app, [['bomb.zip', zip]]);
    expect(res.status).toBe(413);
    expect(alertOf(res.text)).toBe('bomb.zip unpacks to 17.0 MB of .txt files; with the rest of this import that is more than 16 MB, the most one import takes. Nothing was imported: split it into smaller archives, or unpack it and import the folder with `copydesk import`.');
    expect((await listArticles(ctx.store)).map((a) => a.sourceName)).toEqual(['cho.txt']);

    // The sizes the directory declares decide, before anything is inflated: this entry claims 17 MB and holds 3 bytes.
    const declared = makeZip([{ name: 'rain.txt', data: RAIN }, { name: 'claims.txt', data: 'xyz', declaredSize: 17 * 1024 * 1024 }]);
    const claims = await postZips(app, [['claims.zip', declared]]);
    expect(claims.res.status).toBe(413);
    expect(alertOf(claims.res.text)).toContain('claims.zip unpacks to 17.0 MB of .txt files');
  });

  it('counts the files sent beside the archive against the bytes limit', async () => {
    const { ctx, app } = await makeApp();
    const zip = makeZip([{ name: 'big.txt', data: Buffer.alloc(9 * 1024 * 1024, 'a') }]);
    const { res } = await postZips(app, [['beside.txt', Buffer.alloc(8 * 1024 * 1024, 'b')], ['big.zip', zip]]);
    expect(res.status).toBe(413);
    expect(alertOf(res.text)).toContain('big.zip unpacks to 9.0 MB of .txt files; with the rest of this import that is more than 16 MB');
    expect(await listArticles(ctx.store)).toEqual([]);
  });

  it(`refuses more than ${MAX_UPLOAD_FILES} .txt files with 413, counting pasted articles, importing nothing`, async () => {
    const { ctx, app } = await makeApp();
    const entries: ZipEntry[] = Array.from({ length: MAX_UPLOAD_FILES }, (_, i) => ({ name: `f${i}.txt`, data: `Headline ${i}\n\nBody of article ${i}.` }));
    const { res } = await postZips(app, [['many.zip', makeZip(entries)]], { text: RAIN });
    expect(res.status).toBe(413);
    expect(alertOf(res.text)).toBe(`many.zip holds ${MAX_UPLOAD_FILES} .txt files; with the rest of this import that is more than ${MAX_UPLOAD_FILES}, the most one import takes. Nothing was imported: split it into smaller archives, or unpack it and import the folder with \`copydesk import\`.`);
    expect(await listArticles(ctx.store)).toEqual([]);

    // Without the pasted article the same archive is exactly the most one import takes.
    const alone = await postZips(app, [['many.zip', makeZip(entries)]]);
    expect(alone.res.status).toBe(200);
    expect(await listArticles(ctx.store)).toHaveLength(MAX_UPLOAD_FILES);
  });

  it(`refuses an archive listing more than ${MAX_ZIP_ENTRIES} entries with 413, before reading them`, async () => {
    const { ctx, app } = await makeApp();
    const entries: ZipEntry[] = [{ name: 'rain.txt', data: RAIN }, ...Array.from({ length: MAX_ZIP_ENTRIES }, (_, i) => ({ name: `img/${i}.png`, data: 'x', method: 0 }))];
    const { res } = await postZips(app, [['photos.zip', makeZip(entries)]]);
    expect(res.status).toBe(413);
    expect(alertOf(res.text)).toBe(`photos.zip lists 1,001 files and folders; an archive may list at most 1,000. Nothing was imported: split it into smaller archives, or unpack it and import the folder with \`copydesk import\`.`);
    expect(await listArticles(ctx.store)).toEqual([]);
  });
});

describe('POST /import with a pasted list', () => {
  it('imports each article between --- lines as "Pasted N", and lists an empty one as skipped', async () => {
    const { ctx, app } = await makeApp();
    const list = `${RAIN}\r\n---\r\n\r\n---\r\n${MARKETS}\r\n`;
    const { res } = await postZips(app, [], { list });
    expect(res.status).toBe(200);
    const stored = await listArticles(ctx.store);
    expect(stored.map((a) => [a.sourceName, a.title]).sort()).toEqual([['Pasted 1', 'Rain Expected in Seoul'], ['Pasted 3', 'Markets Rally in Seoul']]);
    const idOf = (name: string) => stored.find((a) => a.sourceName === name)?.id;
    expect(res.text).toContain('3 items: 2 added, 0 already in the corpus, 0 refused, 1 skipped.');
    expect(resultRows(res.text)).toEqual([
      { outcome: 'added', cells: ['Pasted 1', 'Added', 'Rain Expected in Seoul (2 segments)'], href: `/articles/${idOf('Pasted 1')}` },
      { outcome: 'added', cells: ['Pasted 3', 'Added', 'Markets Rally in Seoul (2 segments)'], href: `/articles/${idOf('Pasted 3')}` },
      { outcome: 'skipped', cells: ['Pasted 2', 'Skipped', 'Empty: nothing between two separator lines (---).'], href: null },
    ]);
    // Every item was taken: the box is empty again.
    expect(res.text).toContain('<textarea name="list" rows="16" aria-describedby="list-hint"></textarea>');
  });

  it('says which pasted article is already in the corpus or refused, and keeps the list to correct', async () => {
    const { ctx, app } = await makeApp();
    const existing = await importText(ctx, RAIN, 'rain.txt');
    const list = `${RAIN}\n---\nText Size\n\nTop\n---\n${MARKETS}`;
    const { res } = await postZips(app, [], { list });
    expect(res.status).toBe(200);
    expect(resultRows(res.text).map((r) => [r.cells[0], r.outcome, r.href])).toEqual([
      ['Pasted 1', 'existing', `/articles/${existing}`],
      ['Pasted 2', 'refused', null],
      ['Pasted 3', 'added', expect.stringMatching(/^\/articles\/\d+$/)],
    ]);
    expect(res.text).toContain(`>${list}</textarea>`);
    expect(await listArticles(ctx.store)).toHaveLength(2);
  });

  it('opens the review page when the list holds one article', async () => {
    const { ctx, app } = await makeApp();
    const { res } = await postZips(app, [], { list: `---\n${RAIN}\n---\n` });
    expect(res.status).toBe(303);
    expect((await listArticles(ctx.store)).map((a) => a.sourceName)).toEqual(['Pasted 1']);
  });

  it('answers 422 for a list of separators only, as for an empty form', async () => {
    const { ctx, app } = await makeApp();
    const { res } = await postZips(app, [], { list: '---\n\n---\n' });
    expect(res.status).toBe(422);
    expect(alertOf(res.text)).toBe('Choose a file or paste the article text: the form was empty.');
    expect(await listArticles(ctx.store)).toEqual([]);
  });

  it('refuses a list over 2 MB with 413, storing nothing', async () => {
    const { ctx, app } = await makeApp();
    const { res } = await postZips(app, [], { list: `${RAIN}\n---\n${'a'.repeat(2 * 1024 * 1024 + 2048)}` });
    expect(res.status).toBe(413);
    expect(alertOf(res.text)).toBe('The pasted list is over 2 MB, the most one box takes. Nothing was imported: paste fewer articles at a time, or send them as files or a .zip.');
    expect(await listArticles(ctx.store)).toEqual([]);
  });
});
