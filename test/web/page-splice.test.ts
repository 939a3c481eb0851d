import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { makeApp, importCorpusArticle, editorAgent, csrfOf, TEST_USER } from '../helpers.js';
import { toSharedPage, pageFor, sharedLocals } from '../../src/web/page-splice.js';
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

    // A first visit from another browser of someone signed in (no CSRF cookie yet): the same copy, no render.
    const first = await request(app).get(`/articles/${id}`).expect(200);
    const again = await request(app).get(`/articles/${id}`).expect(200);
    expect(renders).toBe(1);
    const token = csrfOf(first.text);
    expect(token).not.toBe(csrfOf(again.text));
    expect(first.text).toContain(`<strong class="user-name">${TEST_USER}</strong>`);
    const cookie = first.headers['set-cookie'] as unknown as string[];
    await request(app).post(`/articles/${id}/status`).set('Cookie', cookie).type('form').send({ _csrf: token, status: 'done' }).expect(303);
  });

  it('cuts a page at the markers and joins it around any viewer, leaving the rest byte for byte', () => {
    const marks = sharedLocals('editor');
    const html = `<form><input value="${marks.csrfToken}"></form><p>${marks.author}</p><p>\uE000 not a marker</p>`;
    const page = toSharedPage(html);
    expect(page.slots).toEqual(['csrf', 'author']);
    expect(pageFor(page, { csrfToken: 't"1', author: 'A & B' }).toString()).toBe('<form><input value="t&#34;1"></form><p>A &amp; B</p><p>\uE000 not a marker</p>');
  });
});
