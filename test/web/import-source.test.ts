import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { makeApp, editorAgent } from '../helpers.js';
import { listArticles } from '../../src/store/articles.js';
import { getArticleSource } from '../../src/store/sources.js';

const PAIRS = new URL('../fixtures/korean-source/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, PAIRS), 'utf8');

describe('GET /import', () => {
  it('offers a field for the Korean original and says how to send it with files', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/import').expect(200);
    expect(res.text).toContain('<textarea name="sourceText" rows="8" lang="ko"></textarea>');
    expect(res.text).toContain('<code>NAME.ko.txt</code> beside <code>NAME.txt</code>');
  });
});

describe('POST /import with a Korean original', () => {
  it('stores a pasted original with the pasted article and opens its review page', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const res = await agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf).field('sourceName', 'cho.txt')
      .field('text', read('cho-beijing.txt')).field('sourceText', read('cho-beijing.ko.txt')).expect(303);
    const [article] = await listArticles(ctx.store);
    expect(res.headers.location).toBe(`/articles/${article?.id}?imported=new`);
    expect((await getArticleSource(ctx.store, article?.id ?? 0))?.text).toBe(read('cho-beijing.ko.txt'));
  });

  it('pairs NAME.ko.txt with NAME.txt among the files and lists the article with its original', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const res = await agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf)
      .attach('file', Buffer.from(read('han-one.ko.txt')), 'han-one.ko.txt')
      .attach('file', Buffer.from(read('han-one.txt')), 'han-one.txt')
      .attach('file', Buffer.from(read('budget-clean.txt')), 'budget-clean.txt')
      .expect(200);
    expect(res.text).toContain('(3 segments), with its Korean original');
    const byName = new Map((await listArticles(ctx.store)).map((a) => [a.sourceName, a.id]));
    expect([...byName.keys()].sort()).toEqual(['budget-clean.txt', 'han-one.txt']);
    expect((await getArticleSource(ctx.store, byName.get('han-one.txt') ?? 0))?.sourceName).toBe('han-one.ko.txt');
  });

  it('refuses a binary original with 422 and a sentence, keeps what was typed, and stores nothing', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const res = await agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf)
      .attach('file', Buffer.from(read('han-one.txt')), 'han-one.txt')
      .attach('file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'han-one.ko.txt')
      .expect(422);
    expect(res.text).toContain('The Korean source: the file looks like binary data, not text (a NUL byte at offset 4). Save the article as plain UTF-8 text and try again.');
    expect(await listArticles(ctx.store)).toEqual([]);
    const pasted = await agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf).field('text', read('han-one.txt')).field('sourceText', '   \n ').expect(303);
    expect(pasted.headers.location).toMatch(/imported=new/);
  });

  it('refuses a pasted original over 2 MB with 413 before storing anything', async () => {
    const { ctx, app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const res = await agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf).field('text', read('han-one.txt')).field('sourceText', '가'.repeat(800_000)).expect(413);
    expect(res.text).toContain('The pasted Korean original is over 2 MB, the article limit. Nothing was imported: split it, or remove embedded data.');
    expect(await listArticles(ctx.store)).toEqual([]);
  });

  it('refuses a pasted original that cannot say which of several files it belongs to', async () => {
    const { app } = await makeApp();
    const { agent, csrf } = await editorAgent(app);
    const res = await agent.post(`/import?_csrf=${csrf}`).field('_csrf', csrf).field('sourceText', read('han-one.ko.txt'))
      .attach('file', Buffer.from(read('han-one.txt')), 'han-one.txt')
      .attach('file', Buffer.from(read('budget-clean.txt')), 'budget-clean.txt')
      .expect(422);
    expect(res.text).toContain('The pasted Korean original goes with one article');
    expect(res.text).toContain('정부는 25일 의료개혁');
  });
});
