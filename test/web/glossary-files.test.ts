import { describe, it, expect } from 'vitest';
import { makeApp, editorAgent } from '../helpers.js';
import { listConcepts } from '../../src/store/glossary.js';
import { validateTbx } from '../formats/schema-validators.js';

const CHO_FORM = { type: 'person', preferred: 'Cho Tae-yul', admitted: '', deprecated: 'Cho Tae-yeol', korean: '조태열', note: 'Foreign minister & <b>diplomat</b>' };

async function withGlossary() {
  const { ctx, app } = await makeApp();
  const { agent, csrf } = await editorAgent(app, 'Min-ji');
  await agent.post('/glossary').type('form').send({ _csrf: csrf, ...CHO_FORM }).expect(303);
  return { ctx, agent, csrf };
}

function text(res: { body: unknown }): string {
  return res.body as string;
}

/** Reads a download's body as text, whatever its media type (supertest parses only some). */
const asText = (res: unknown, cb: (err: Error | null, body: unknown) => void) => {
  const stream = res as NodeJS.ReadableStream;
  let body = '';
  stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
  stream.on('end', () => cb(null, body));
};

describe('GET /glossary/export', () => {
  it('downloads TBX-Basic that the RNG and the Schematron accept', async () => {
    const { agent } = await withGlossary();
    const res = await agent.get('/glossary/export?format=tbx').buffer(true).parse(asText).expect(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?copydesk-glossary\.tbx"?/);
    expect(validateTbx(text(res))).toEqual([]);
    expect(text(res)).toContain('<term>Cho Tae-yeol</term>');
    expect(text(res)).toContain('deprecatedTerm-admn-sts');
    expect(text(res)).toContain('Foreign minister &amp; &lt;b&gt;diplomat&lt;/b&gt;');
  });

  it.each([
    ['csv', 'Cho Tae-yeol'],
    ['deepl', '조태열,Cho Tae-yul'],
    ['google', 'ko,en,pos,description'],
    ['json', '"format": "copydesk-glossary"'],
  ])('downloads %s', async (format, expected) => {
    const { agent } = await withGlossary();
    const res = await agent.get(`/glossary/export?format=${format}`).buffer(true).parse(asText).expect(200);
    expect(text(res)).toContain(expected);
  });

  it('refuses an unknown format with 422', async () => {
    const { agent } = await withGlossary();
    await agent.get('/glossary/export?format=xlsx').expect(422);
  });
});

describe('POST /glossary/import', () => {
  it('imports its own TBX export whole, keeping terms and provenance', async () => {
    const { ctx, agent, csrf } = await withGlossary();
    const tbx = text(await agent.get('/glossary/export?format=tbx').buffer(true).parse(asText));
    const res = await agent.post(`/glossary/import?_csrf=${csrf}`).field('_csrf', csrf).attach('file', Buffer.from(tbx), 'glossary.tbx').expect(200);
    expect(res.text).toContain('Imported 1 concept.');
    const concepts = (await listConcepts(ctx.store));
    expect(concepts).toHaveLength(2);
    expect(concepts[1]!.terms).toEqual(concepts[0]!.terms);
    expect(concepts[1]!.provenance).toMatchObject({ origin: 'manual', createdBy: 'Min-ji' });
  });

  it('maps the columns of a CSV with a preview, then imports it', async () => {
    const { ctx, agent, csrf } = await withGlossary();
    const csv = 'Korean,English,Rejected\n한덕수,Han Duck-soo,Han Deok-soo\n조국,Cho Kuk,Jo Guk|Cho Kook\n';
    const upload = await agent.post(`/glossary/import?_csrf=${csrf}`).field('_csrf', csrf).attach('file', Buffer.from(csv), 'names.csv').expect(303);
    const mappingUrl = upload.headers.location as string;
    expect(mappingUrl).toMatch(/^\/glossary\/import\/\d+$/);
    const page = await agent.get(mappingUrl).expect(200);
    expect(page.text).toContain('<td>Han Deok-soo</td>');
    expect(page.text).toContain('2 rows');
    const res = await agent.post(mappingUrl).type('form')
      .send({ _csrf: csrf, delimiter: ',', hasHeader: 'yes', role_0: 'korean', role_1: 'preferred', role_2: 'deprecated' }).expect(200);
    expect(res.text).toContain('Imported 2 concepts.');
    const kuk = (await listConcepts(ctx.store)).find((c) => c.terms.some((t) => t.text === 'Cho Kuk'))!;
    expect(kuk.terms.map((t) => `${t.text}:${t.lang}:${t.status}`).sort()).toEqual(['Cho Kook:en:deprecated', 'Cho Kuk:en:preferred', 'Jo Guk:en:deprecated', '조국:ko:preferred']);
    await agent.get(mappingUrl).expect(404);
  });

  it('refuses a mapping that cannot be read (422) and imports nothing', async () => {
    const { ctx, agent, csrf } = await withGlossary();
    const upload = await agent.post(`/glossary/import?_csrf=${csrf}`).field('_csrf', csrf).attach('file', Buffer.from('a,b\nHan Duck-soo,Han Deok-soo\n'), 'x.csv').expect(303);
    const res = await agent.post(upload.headers.location as string).type('form').send({ _csrf: csrf, delimiter: ',', role_0: 'ignore', role_1: 'ignore' }).expect(422);
    expect(res.text).toContain('class="error"');
    expect((await listConcepts(ctx.store))).toHaveLength(1);
  });

  it.each([
    ['an XML bomb', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><tbx>&lol2;</tbx>', 422, 'DOCTYPE'],
    ['an external entity', '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><tbx>&xxe;</tbx>', 422, 'DOCTYPE'],
    ['broken XML', '<?xml version="1.0"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca">\n<text><body>\n<conceptEntry id="c1">\n</tbx>', 422, 'line'],
    ['a binary file', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1, 2, 3]), 422, ''],
  ])('refuses %s with a message, importing nothing', async (_label, body, status, message) => {
    const { ctx, agent, csrf } = await withGlossary();
    const res = await agent.post(`/glossary/import?_csrf=${csrf}`).field('_csrf', csrf).attach('file', Buffer.from(body as string), 'g.tbx').expect(status);
    expect(res.text).toMatch(new RegExp(message, 'i'));
    expect((await listConcepts(ctx.store))).toHaveLength(1);
  });

  it('refuses a 50 MB file with 413', async () => {
    const { ctx, agent, csrf } = await withGlossary();
    await agent.post(`/glossary/import?_csrf=${csrf}`).field('_csrf', csrf).attach('file', Buffer.alloc(50 * 1024 * 1024, 0x20), 'big.csv').expect(413);
    expect((await listConcepts(ctx.store))).toHaveLength(1);
  });
});
