import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { makeApp, importCorpusArticle, editorAgent, csrfOf, TEST_USER } from '../helpers.js';
import { gunzipSync, createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { toSharedPage, pageFor, gzipPageFor, sharedLocals } from '../../src/web/page-splice.js';
import { BACKEND } from '../support/backend.js';

describe(`one cached review page for every viewer (${BACKEND})`, () => {
  it('renders once and splices each viewer\'s own CSRF token and name, escaped; a first visit gets a working token', async () => {
    const { ctx, app, raw } = await makeApp();
    const id = await importCorpusArticle(ctx);
    let renders = 0;
    const render = raw.render.bind(raw);
    raw.render = ((view: string, options: object, callback: (err: Error | null, html?: string) => void) => {
      if (view === 'articles/show') renders += 1;
      return render(view, options, callback);
    }) as typeof raw.render;

    const minji = await editorAgent(app, 'Min-ji');
    const joon = await editorAgent(app, 'Joon');
    const pageA = (await minji.agent.get(`/articles/${id}`).expect(200)).text;
    const pageB = (await joon.agent.get(`/articles/${id}`).expect(200)).text;
    expect(renders).toBe(1);
    expect(csrfOf(pageA)).toBe(minji.csrf);
    expect(csrfOf(pageB)).toBe(joon.csrf);
    expect(minji.csrf).not.toBe(joon.csrf);
    expect(pageA).toContain('<strong class="user-name">Min-ji</strong>');
    expect(pageB).toContain('<strong class="user-name">Joon</strong>');
    expect(pageB).not.toContain('Min-ji');
    // Every form on the page carries the viewer's token, none another's.
    expect([...pageB.matchAll(/name="_csrf" value="([^"]+)"/g)].every((m) => m[1] === joon.csrf)).toBe(true);

    // A new tab of someone signed in (the session cookie alone, no CSRF cookie): the same copy, no
    // render, and the session's own token, so the form works without any other cookie.
    const first = await request(app).get(`/articles/${id}`).expect(200);
    const again = await request(app).get(`/articles/${id}`).expect(200);
    expect(renders).toBe(1);
    const token = csrfOf(first.text);
    expect(token).toHaveLength(64);
    expect(csrfOf(again.text)).toBe(token);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.headers.etag).toBe(again.headers.etag);
    expect(first.text).toContain(`<strong class="user-name">${TEST_USER}</strong>`);
    await request(app).post(`/articles/${id}/status`).type('form').send({ _csrf: token, status: 'done' }).expect(303);
    // Another session's token is refused: each session has its own.
    await request(app).post(`/articles/${id}/status`).type('form').send({ _csrf: joon.csrf, status: 'done' }).expect(403);
  });

  it('cuts a page at the markers and joins it around any viewer, leaving the rest byte for byte', () => {
    const marks = sharedLocals('editor');
    const html = `<form><input value="${marks.csrfToken}"></form><p>${marks.author}</p><p>\uE000 not a marker</p>`;
    const page = toSharedPage(html);
    expect(page.slots).toEqual(['csrf', 'author']);
    expect(pageFor(page, { csrfToken: 't"1', author: 'A & B' }).toString()).toBe('<form><input value="t&#34;1"></form><p>A &amp; B</p><p>\uE000 not a marker</p>');
  });

  it('sends the same page gzip-compressed, spliced without compressing per request, to a browser that accepts it', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const minji = await editorAgent(app, 'Min-ji');
    const plain = await minji.agent.get(`/articles/${id}`).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await minji.agent.get(`/articles/${id}`).set('Accept-Encoding', 'gzip, deflate, br').buffer(true)
      .parse((res, done) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => done(null, Buffer.concat(chunks))); })
      .expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    const body = zipped.body as Buffer;
    // superagent may already have inflated it; either way the page is the one sent uncompressed, a fifth of its size or less on the wire.
    const html = body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body).toString() : body.toString();
    expect(html).toBe(plain.text);
    expect(Number(zipped.headers['content-length'] ?? body.length)).toBeLessThan(plain.text.length / 4);
    expect(csrfOf(html)).toBe(minji.csrf);
    // A listing page too.
    const corpus = await minji.agent.get('/').set('Accept-Encoding', 'gzip').expect(200);
    expect(corpus.headers['content-encoding']).toBe('gzip');
    expect(corpus.text).toContain('<strong class="user-name">Min-ji</strong>');
  });

  it('gives a gzip stream that any inflater reads back as exactly the spliced page, whatever the viewer\'s parts', async () => {
    const marks = sharedLocals('editor');
    const form = (n: number) => `<form method="post" action="/articles/1/segments/${n}"><input type="hidden" name="_csrf" value="${marks.csrfToken}"><button>Save ${n}</button></form>`;
    const forms = Array.from({ length: 60 }, (_, n) => form(n)).join('\n');
    const html = `${marks.csrfToken}<header>${marks.author}</header><p>${'Cho Tae-yul met Wang Yi. '.repeat(400)}</p>${forms}<h1>${marks.author}</h1>${'x'.repeat(70_000)}${forms}<i>${marks.csrfToken}</i>`;
    const page = toSharedPage(html);
    const token = (c: string) => c.repeat(64);
    const viewers = [
      { csrfToken: token('a'), author: 'Min-ji' },
      { csrfToken: token('0'), author: '' },
      { csrfToken: token('f'), author: '김민지 & "Joon" <b>' },
      { csrfToken: token('b'), author: 'z'.repeat(70_000) }, // longer than one stored block
    ];
    for (const viewer of viewers) {
      const expected = pageFor(page, viewer);
      const gz = gzipPageFor(page, viewer);
      if (!gz) throw new Error('expected a gzip stream');
      expect(gunzipSync(gz).equals(expected)).toBe(true);
      // Streaming, a few bytes at a time: the blocks are read as a real decoder reads them.
      const chunks: Buffer[] = [];
      const bits = Array.from({ length: Math.ceil(gz.length / 7) }, (_, i) => gz.subarray(i * 7, i * 7 + 7));
      await new Promise<void>((resolve, reject) => {
        Readable.from(bits).pipe(createGunzip()).on('data', (c: Buffer) => chunks.push(c)).on('end', resolve).on('error', reject);
      });
      expect(Buffer.concat(chunks).equals(expected)).toBe(true);
    }
    // The forms compress against each other across the token slots.
    expect(gzipPageFor(page, viewers[0]!)!.length).toBeLessThan(pageFor(page, viewers[0]!).length / 8);
    // A token of another length than the app issues cannot be spliced: the page then goes uncompressed.
    expect(gzipPageFor(page, { csrfToken: 'short', author: 'Min-ji' })).toBeNull();
  });
});
