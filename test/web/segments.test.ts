import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { makeApp, importCorpusArticle, editorAgent, csrfOf } from '../helpers.js';
import { TEST_USER } from '../helpers.js';
import { listRevisions } from '../../src/store/revisions.js';
import { getSegment } from '../../src/store/segments.js';
import { readFileSync } from 'node:fs';
import { importArticle } from '../../src/service/import-articles.js';

/** A fixture article of the Korean-source set (issue 12). */
const KOREAN = (name: string) => readFileSync(new URL(`../fixtures/korean-source/${name}`, import.meta.url), 'utf8');

/** Position of the standfirst "King Raises Issues at Meeting with Chinese Foreign Minister" in the corpus article. */
const STANDFIRST = 5;
const STANDFIRST_MT = 'King Raises Issues at Meeting with Chinese Foreign Minister';
const FIXED = 'Cho Raises Issues at Meeting with Chinese Foreign Minister';

async function setUp() {
  const { ctx, app } = await makeApp();
  const id = await importCorpusArticle(ctx);
  const { agent, csrf } = await editorAgent(app, 'Min-ji');
  return { ctx, app, id, agent, csrf };
}

describe('POST /articles/:id/segments/:n', () => {
  it('saves a revision and the page then marks the deletion in the MT column and the insertion in the edit column', async () => {
    const { id, agent, csrf, ctx } = await setUp();
    await agent.post(`/articles/${id}/segments/${STANDFIRST}`).type('form').send({ _csrf: csrf, base: '0', text: FIXED })
      .expect(303).expect('location', `/articles/${id}#s${STANDFIRST}`);
    const page = await agent.get(`/articles/${id}`).expect(200);
    const section = page.text.slice(page.text.indexOf(`id="s${STANDFIRST}"`), page.text.indexOf(`id="s${STANDFIRST + 1}"`));
    expect(section).toContain('<p class="text"><del>King</del> Raises Issues at Meeting with Chinese Foreign Minister</p>');
    expect(section).toContain('<p class="text" data-edit-target><ins>Cho</ins> Raises Issues at Meeting with Chinese Foreign Minister</p>');
    expect(section).toContain('Edited · rev. 1 by Min-ji, 2026-11-29 10:00 UTC');
    const revisions = (await listRevisions(ctx.store, (await getSegment(ctx.store, id, STANDFIRST))!.id));
    expect(revisions.map((r) => [r.number, r.text, r.author, r.baseNumber])).toEqual([[1, FIXED, 'Min-ji', 0]]);
  });

  it('lists the derived correction (King -> Cho) on the article page and moves the article into review', async () => {
    const { id, agent, csrf } = await setUp();
    await agent.post(`/articles/${id}/segments/${STANDFIRST}`).type('form').send({ _csrf: csrf, base: '0', text: FIXED }).expect(303);
    const page = await agent.get(`/articles/${id}`);
    const corrections = page.text.slice(page.text.indexOf('id="corrections"'));
    expect(corrections).toContain('<h3>Accuracy / Mistranslation <small>(1)</small></h3>');
    expect(corrections).toContain('<li class="correction-proposed"><a href="#s5">Standfirst 6</a>: <del>King</del> → <ins>Cho</ins> · <em>major, proposed</em> · Min-ji</li>');
    expect(page.text).toContain('<dd>In review</dd>');
    const corpus = await agent.get('/');
    expect(corpus.text).toContain('1 of 19');
  });

  it('refuses a stale revision with 409 and shows both texts so nothing typed is lost', async () => {
    const { id, app, agent, csrf } = await setUp();
    const other = await editorAgent(app, 'Joon');
    await other.agent.post(`/articles/${id}/segments/${STANDFIRST}`).type('form')
      .send({ _csrf: other.csrf, base: '0', text: 'Wang Raises Issues at Meeting with Chinese Foreign Minister' }).expect(303);
    const res = await agent.post(`/articles/${id}/segments/${STANDFIRST}`).type('form').send({ _csrf: csrf, base: '0', text: FIXED }).expect(409);
    expect(res.text).toContain('Joon saved');
    expect(res.text).toContain('<h2>Theirs (revision 1)</h2><p class="text">Wang Raises Issues');
    expect(res.text).toContain(`<h2>Yours</h2><p class="text">${FIXED}</p>`);
    expect(res.text).toContain('<del>Wang</del><ins>Cho</ins> Raises');
    expect(res.text).toContain(`<textarea id="text" name="text" rows="8">${FIXED}</textarea>`);
    expect(res.text).toContain('<input type="hidden" name="base" value="1">');
    // Resubmitting from the conflict page (based on their revision) succeeds.
    await agent.post(`/articles/${id}/segments/${STANDFIRST}`).type('form').send({ _csrf: csrf, base: '1', text: FIXED }).expect(303);
  });

  it('records the signed-in user as the author, never a name typed into the form', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const agent = request.agent(app);
    const csrf = csrfOf((await agent.get(`/articles/${id}`)).text);
    await agent.post(`/articles/${id}/segments/${STANDFIRST}`).type('form').send({ _csrf: csrf, base: '0', text: FIXED, author: 'Alice Editor' }).expect(303);
    const revisions = await listRevisions(ctx.store, (await getSegment(ctx.store, id, STANDFIRST))!.id);
    expect(revisions.map((r) => r.author)).toEqual([TEST_USER]);
    // The old way to claim a name is gone.
    expect((await agent.post('/author').type('form').send({ _csrf: csrf, author: 'Alice Editor' })).status).toBe(404);
  });

  it.each([
    ['no base revision', { text: FIXED }, 'form was incomplete'],
    ['a base that is not a number', { text: FIXED, base: 'latest' }, 'form was incomplete'],
    ['no text', { base: '0' }, 'form was incomplete'],
    ['a text over the limit', { base: '0', text: 'x'.repeat(200_001) }, 'at most 200,000 characters'],
  ])('refuses %s with 422 and saves nothing', async (_label, body, message) => {
    const { ctx, id, agent, csrf } = await setUp();
    const res = await agent.post(`/articles/${id}/segments/${STANDFIRST}`).type('form').send({ _csrf: csrf, ...body }).expect(422);
    expect(res.text).toContain(message);
    expect((await listRevisions(ctx.store, (await getSegment(ctx.store, id, STANDFIRST))!.id))).toEqual([]);
  });

  it('answers a segment that does not exist with 404', async () => {
    const { id, agent, csrf } = await setUp();
    await agent.post(`/articles/${id}/segments/99`).type('form').send({ _csrf: csrf, base: '0', text: 'x' }).expect(404);
    await agent.post('/articles/42/segments/0').type('form').send({ _csrf: csrf, base: '0', text: 'x' }).expect(404);
  });

  it('does not create a revision when the text is unchanged', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    await agent.post(`/articles/${id}/segments/${STANDFIRST}`).type('form').send({ _csrf: csrf, base: '0', text: `  ${STANDFIRST_MT}\r\n` }).expect(303);
    expect((await listRevisions(ctx.store, (await getSegment(ctx.store, id, STANDFIRST))!.id))).toEqual([]);
  });

  it('returns the re-rendered segment to the script (x-requested-with: fetch) instead of redirecting', async () => {
    const { id, agent, csrf } = await setUp();
    const res = await agent.post(`/articles/${id}/segments/${STANDFIRST}`).set('x-requested-with', 'fetch').type('form')
      .send({ _csrf: csrf, base: '0', text: FIXED }).expect(200);
    expect(res.text.trim()).toMatch(/^<section class="segment kind-standfirst is-edited" id="s5"/);
    expect(res.text).toContain('<ins>Cho</ins>');
    expect(res.text).toContain('<input type="hidden" name="base" value="1">');
    const refused = await agent.post(`/articles/${id}/segments/${STANDFIRST}`).set('x-requested-with', 'fetch').type('form')
      .send({ _csrf: csrf, base: '1' }).expect(422);
    expect(refused.body.error).toContain('form was incomplete');
  });

  it('answers the script with the segment as the page draws it: its flag count and marks, and its Korean original (issue 13, bug 10)', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    // "King" stays: the headline-subject flag stays on the standfirst, so the fragment must show it.
    const res = await agent.post(`/articles/${id}/segments/${STANDFIRST}`).set('x-requested-with', 'fetch').type('form')
      .send({ _csrf: csrf, base: '0', text: `${STANDFIRST_MT}.` }).expect(200);
    expect(res.text).toContain('<a class="flag-count" href="#flags">1 flag</a>');
    expect(res.text).toMatch(/<mark class="flag sev-[a-z]+"[^>]*>King<\/mark>/);
    const page = await agent.get(`/articles/${id}`).expect(200);
    const start = page.text.indexOf(`<section class="segment kind-standfirst`);
    expect(res.text.trim()).toBe(page.text.slice(start, page.text.indexOf('</section>', start) + '</section>'.length));

    const korean = await importArticle(ctx, { text: KOREAN('han-one.txt'), sourceName: 'han.txt', source: { text: KOREAN('han-one.ko.txt'), sourceName: 'han.ko.txt' } }, { importedBy: 'test' });
    if (!korean.ok) throw new Error(korean.message);
    const saved = await agent.post(`/articles/${korean.id}/segments/0`).set('x-requested-with', 'fetch').type('form')
      .send({ _csrf: csrf, base: '0', text: 'Prime Minister Han on prices' }).expect(200);
    expect(saved.text).toContain('<div class="columns has-source">');
    expect(saved.text).toContain('<div class="source" lang="ko">');
  });
});

describe('GET /articles/:id/segments/:n/history and POST …/revert', () => {
  it('lists every revision with author, time and the diff to the one before, and a revert is a new revision', async () => {
    const { ctx, id, app, agent, csrf } = await setUp();
    await agent.post(`/articles/${id}/segments/${STANDFIRST}`).type('form').send({ _csrf: csrf, base: '0', text: FIXED }).expect(303);
    const other = await editorAgent(app, 'Joon');
    await other.agent.post(`/articles/${id}/segments/${STANDFIRST}`).type('form')
      .send({ _csrf: other.csrf, base: '1', text: 'Cho Raises Repatriation at Meeting with Chinese Foreign Minister' }).expect(303);

    const history = await agent.get(`/articles/${id}/segments/${STANDFIRST}/history`).expect(200);
    expect(history.text).toMatch(/<strong>Revision 2<\/strong> · Joon · 2026-11-29 10:00 UTC/);
    expect(history.text).toContain('Cho Raises <del>Issues</del><ins>Repatriation</ins> at Meeting');
    expect(history.text).toMatch(/<strong>Revision 1<\/strong> · Min-ji/);
    expect(history.text).toContain('<del>King</del><ins>Cho</ins> Raises Issues');
    expect(history.text).toContain('<strong>Machine translation</strong>');

    await agent.post(`/articles/${id}/segments/${STANDFIRST}/revert`).type('form').send({ _csrf: csrf, to: '0', base: '2' })
      .expect(303).expect('location', `/articles/${id}/segments/${STANDFIRST}/history`);
    const revisions = (await listRevisions(ctx.store, (await getSegment(ctx.store, id, STANDFIRST))!.id));
    expect(revisions.map((r) => [r.number, r.author, r.revertedTo, r.text])).toEqual([
      [3, 'Min-ji', 0, STANDFIRST_MT],
      [2, 'Joon', null, 'Cho Raises Repatriation at Meeting with Chinese Foreign Minister'],
      [1, 'Min-ji', null, FIXED],
    ]);
    const after = await agent.get(`/articles/${id}/segments/${STANDFIRST}/history`);
    expect(after.text).toContain('Reverted to the MT');
  });

  it('refuses a revert based on a stale revision with 409', async () => {
    const { id, agent, csrf } = await setUp();
    await agent.post(`/articles/${id}/segments/${STANDFIRST}`).type('form').send({ _csrf: csrf, base: '0', text: FIXED }).expect(303);
    await agent.post(`/articles/${id}/segments/${STANDFIRST}/revert`).type('form').send({ _csrf: csrf, to: '0', base: '0' }).expect(409);
  });

  it('answers a revert to a revision that does not exist with 404', async () => {
    const { id, agent, csrf } = await setUp();
    await agent.post(`/articles/${id}/segments/${STANDFIRST}/revert`).type('form').send({ _csrf: csrf, to: '7', base: '0' }).expect(404);
  });
});
