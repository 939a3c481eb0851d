import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { makeApp, importCorpusArticle, editorAgent } from '../helpers.js';
import { importArticle } from '../../src/service/import-articles.js';

describe('GET /', () => {
  it('lists each article with its status, segments edited and share of MT words changed', async () => {
    const { ctx, app } = await makeApp();
    await importCorpusArticle(ctx);
    const res = await request(app).get('/').expect(200);
    expect(res.text).toContain('Cho Tae-yeol Criticizes Forced Repatriation of Defectors');
    expect(res.text).toContain('Not started');
    expect(res.text).toContain('0 of 19');
    expect(res.text).toMatch(/<td>0\.0%<\/td>/);
  });

  it('says how to import when the corpus is empty', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/').expect(200);
    expect(res.text).toContain('No articles yet');
  });
});

describe('GET /articles/:id', () => {
  it('shows each segment with its kind label, the headline first among content, page chrome collapsed', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const res = await request(app).get(`/articles/${id}`).expect(200);
    const kinds = [...res.text.matchAll(/<span class="kind">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(kinds.filter((k) => k !== 'Page chrome')[0]).toBe('Headline');
    expect(kinds.filter((k) => k === 'Paragraph')).toHaveLength(8);
    expect(kinds).toContain('Standfirst');
    expect(kinds).toContain('Caption');
    expect(res.text).toContain('<summary>4 lines of page chrome</summary>');
    expect(res.text.match(/class="state unchanged">Unchanged</g)).toHaveLength(19);
  });

  it('escapes article text everywhere it is printed', async () => {
    const { ctx, app } = await makeApp();
    const outcome = await importArticle(ctx, { text: 'Headline <script>alert(1)</script>\n\nA body with <b>tags</b> & "quotes".', sourceName: '<img src=x onerror=alert(1)>' }, { importedBy: 't' });
    if (!outcome.ok) throw new Error(outcome.message);
    const page = await request(app).get(`/articles/${outcome.id}`).expect(200);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).not.toContain('<b>tags</b>');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const corpus = await request(app).get('/').expect(200);
    expect(corpus.text).not.toContain('<img src=x');
  });

  it('answers an unknown or malformed id with a 404 page, not a stack trace', async () => {
    const { app } = await makeApp();
    for (const path of ['/articles/999', '/articles/abc', '/articles/1e3', '/articles/-1', '/no/such/page']) {
      const res = await request(app).get(path).expect(404);
      expect(res.text).toContain('Not found');
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });

  it('sends a Content-Security-Policy that allows only its own scripts and styles', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/').expect(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('GET /articles/:id caching', () => {
  it('answers a reload with 304 while nothing changed, and renders afresh after a save, a status change or a dismissal', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const { agent, csrf } = await editorAgent(app);
    const first = await agent.get(`/articles/${id}`).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    await agent.get(`/articles/${id}`).set('If-None-Match', etag).expect(304);

    await agent.post(`/articles/${id}/segments/5`).type('form').send({ _csrf: csrf, base: '0', text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister' }).expect(303);
    const afterSave = await agent.get(`/articles/${id}`).set('If-None-Match', etag).expect(200);
    expect(afterSave.text).toContain('<ins>Cho</ins> Raises');

    await agent.post(`/articles/${id}/status`).type('form').send({ _csrf: csrf, status: 'done' }).expect(303);
    expect((await agent.get(`/articles/${id}`)).text).toContain('<dd>Done</dd>');

    const before = (await agent.get(`/articles/${id}`)).text;
    const fingerprint = /name="fingerprint" value="([^"]+)"/.exec(before)![1]!;
    await agent.post(`/articles/${id}/dismissals`).type('form').send({ _csrf: csrf, fingerprint: fingerprint.replace(/&#34;/g, '"').replace(/&amp;/g, '&'), reason: 'Correct as written' }).expect(303);
    expect((await agent.get(`/articles/${id}`)).text).toContain('1 dismissed');
  });
});

describe('POST /articles/:id/status', () => {
  it('marks an article done, which the corpus page then shows', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const { agent, csrf } = await editorAgent(app);
    await agent.post(`/articles/${id}/status`).type('form').send({ _csrf: csrf, status: 'done' }).expect(303);
    const res = await agent.get('/').expect(200);
    expect(res.text).toContain('status-done">Done<');
  });

  it('refuses an unknown status with 422', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const { agent, csrf } = await editorAgent(app);
    const res = await agent.post(`/articles/${id}/status`).type('form').send({ _csrf: csrf, status: 'published' }).expect(422);
    expect(res.text).toContain('Choose a status');
  });

  it('refuses a form without the CSRF token with 403 and changes nothing', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const { agent } = await editorAgent(app);
    const res = await agent.post(`/articles/${id}/status`).type('form').send({ status: 'done' }).expect(403);
    expect(res.text).toContain('Reload the page');
    expect((await agent.get('/')).text).toContain('Not started');
  });
});
