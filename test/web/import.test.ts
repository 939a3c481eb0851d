import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeApp, editorAgent, CORPUS_FILE, csrfOf } from '../helpers.js';
import { listArticles } from '../../src/store/articles.js';
import request from 'supertest';

const ARTICLE = readFileSync(CORPUS_FILE, 'utf8');

describe('POST /import', () => {
  it('imports pasted text and opens its review page', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const res = await agent.post('/import').type('form').send({ _csrf: csrf, text: ARTICLE, sourceName: 'pasted-cho.txt' }).expect(303);
    expect(res.headers.location).toMatch(/^\/articles\/\d+\?imported=new$/);
    const page = await agent.get(res.headers.location as string).expect(200);
    expect(page.text).toContain('Imported “Cho Tae-yeol Criticizes');
    expect(page.text).toContain('19 segments');
    expect((await listArticles(ctx.store)).map((a) => [a.sourceName, a.importedBy])).toEqual([['pasted-cho.txt', 'Min-ji']]);
  });

  it('imports an uploaded file (multipart) with its CSRF field', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    await agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf).attach('file', Buffer.from(ARTICLE), 'cho.txt').expect(303);
    expect((await listArticles(ctx.store)).map((a) => a.sourceName)).toEqual(['cho.txt']);
  });

  it('does not duplicate identical content, even with other line ends', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    await agent.post('/import').type('form').send({ _csrf: csrf, text: ARTICLE }).expect(303);
    const again = await agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf).attach('file', Buffer.from(ARTICLE.replace(/\n/g, '\r\n')), 'copy.txt').expect(303);
    expect(again.headers.location).toMatch(/\?imported=existing$/);
    expect((await agent.get(again.headers.location as string)).text).toContain('already in the corpus');
    expect((await listArticles(ctx.store))).toHaveLength(1);
  });

  it.each([
    ['an empty form', (csrf: string) => ({ fields: { _csrf: csrf } }), 422, 'the form was empty'],
    ['whitespace only', (csrf: string) => ({ fields: { _csrf: csrf, text: '  \n\n ' } }), 422, 'the form was empty'],
    ['an empty file', (csrf: string) => ({ fields: { _csrf: csrf }, file: Buffer.alloc(0) }), 422, 'empty'],
    ['a binary file', (csrf: string) => ({ fields: { _csrf: csrf }, file: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]) }), 422, 'not'],
    ['a Latin-1 file', (csrf: string) => ({ fields: { _csrf: csrf }, file: Buffer.from('Caf\xe9 r\xe9sum\xe9 headline\n\nBody text.', 'latin1') }), 422, 'UTF-8'],
    ['a file over 2 MB', (csrf: string) => ({ fields: { _csrf: csrf }, file: Buffer.alloc(2 * 1024 * 1024 + 1, 'a') }), 413, '2 MB'],
    ['only page chrome', (csrf: string) => ({ fields: { _csrf: csrf, text: '본문 바로가기\n\nText Size\n\nTop' } }), 422, 'only page chrome'],
  ])('refuses %s with a message, writing nothing', async (_label, build, status, message) => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const { fields, file } = build(csrf) as { fields: Record<string, string>; file?: Buffer };
    let req = agent.post(`/import?_csrf=${csrf}`);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    if (file) req = req.attach('file', file, 'article.txt');
    const res = await req.expect(status);
    expect(res.text).toContain(message);
    expect((await listArticles(ctx.store))).toEqual([]);
  });

  it('keeps what was pasted when the import is refused', async () => {
    const { app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const res = await agent.post('/import').type('form').send({ _csrf: csrf, text: 'Text Size\n\n© <b>Daily</b>. All rights reserved.', sourceName: 'mine' }).expect(422);
    expect(res.text).toContain('>Text Size\n\n© &lt;b&gt;Daily&lt;/b&gt;. All rights reserved.</textarea>');
    expect(res.text).toContain('value="mine"');
  });

  it('refuses an upload without the CSRF token (403) and imports nothing', async () => {
    const { ctx, app } = await makeApp();
    const agent = request.agent(app);
    csrfOf((await agent.get('/import')).text);
    await agent.post('/import').attach('file', Buffer.from(ARTICLE), 'cho.txt').expect(403);
    expect((await listArticles(ctx.store))).toEqual([]);
  });

  it('refuses an oversized urlencoded body with 413', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const res = await agent.post('/import').type('form').send({ _csrf: csrf, text: 'a'.repeat(3 * 1024 * 1024) }).expect(413);
    expect(res.text).toContain('too large');
    expect((await listArticles(ctx.store))).toEqual([]);
  });
});
