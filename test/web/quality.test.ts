import { describe, it, expect } from 'vitest';
import { makeApp, importCorpusArticle, editorAgent } from '../helpers.js';
import { getSegment } from '../../src/store/segments.js';

async function editedArticle() {
  const { ctx, app } = await makeApp();
  const id = await importCorpusArticle(ctx);
  const { agent, csrf } = await editorAgent(app, 'Min-ji');
  await agent.post(`/articles/${id}/segments/5`).type('form').send({ _csrf: csrf, base: '0', text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister' }).expect(303);
  return { ctx, id, agent, csrf };
}

describe('the article page quality figures', () => {
  it('shows the HTER, the untouched segments and the MQM score with proposed categories not yet counted', async () => {
    const { id, agent } = await editedArticle();
    const page = await agent.get(`/articles/${id}`).expect(200);
    // One substitution in 9 reference words; 610 other words untouched: 1 / 611 = 0.2%.
    expect(page.text).toContain('<dt>HTER</dt><dd>0.2% <small>(1 edit / 611 words)</small></dd>');
    expect(page.text).toContain('<dt>Segments untouched</dt><dd>10 of 11</dd>');
    // "King" -> "Cho": 4 characters of the article's ~3,900.
    expect(page.text.match(/<dt>Characters changed<\/dt><dd>0\.1%<\/dd>/g)).toHaveLength(1);
    expect(page.text).toContain('<dt>MQM score</dt><dd>100.0 <small>(0.0 per 1,000 words)</small></dd>');
    expect(page.text).toContain('0 confirmed, 1 proposed');
  });

  it('counts a confirmed category in the score; a critical error fails the article', async () => {
    const { ctx, id, agent, csrf } = await editedArticle();
    const segmentId = (await getSegment(ctx.store, id, 5))!.id;
    await agent.post(`/articles/${id}/categories`).type('form')
      .send({ _csrf: csrf, segmentId, mtText: 'King', editText: 'Cho', category: 'accuracy/mistranslation', severity: 'major' })
      .expect(303).expect('location', `/articles/${id}/corrections`);
    let page = await agent.get(`/articles/${id}`);
    // 611 words, one major error (5): 100 x (1 - 5/611) = 99.2; 5 per 611 words = 8.2 per 1,000.
    expect(page.text).toContain('<dt>MQM score</dt><dd>99.2 <small>(8.2 per 1,000 words)</small></dd>');
    expect(page.text).toContain('<dd class="verdict-pass">Pass</dd>');
    expect((await agent.get(`/articles/${id}/corrections`)).text).toMatch(/<strong>Accuracy \/ Mistranslation<\/strong>, major/);
    expect(page.text).toContain('<del>King</del> → <ins>Cho</ins> · major · Min-ji');
    await agent.post(`/articles/${id}/categories`).type('form')
      .send({ _csrf: csrf, segmentId, mtText: 'King', editText: 'Cho', category: 'accuracy/mistranslation', severity: 'critical' }).expect(303);
    page = await agent.get(`/articles/${id}`);
    expect(page.text).toContain('<dd class="verdict-fail">Fail (critical error)</dd>');
  });

  it('refuses an unknown category (422) and a correction that no longer stands (409)', async () => {
    const { ctx, id, agent, csrf } = await editedArticle();
    const segmentId = (await getSegment(ctx.store, id, 5))!.id;
    await agent.post(`/articles/${id}/categories`).type('form').send({ _csrf: csrf, segmentId, mtText: 'King', editText: 'Cho', category: 'vibes', severity: 'major' }).expect(422);
    await agent.post(`/articles/${id}/categories`).type('form').send({ _csrf: csrf, segmentId, mtText: 'King', editText: 'Wang', category: 'accuracy', severity: 'major' }).expect(409);
  });

  it('confirms a proposal in one click, and offers every MQM category on the change page', async () => {
    const { ctx, id, agent, csrf } = await editedArticle();
    const page = await agent.get(`/articles/${id}/corrections`);
    expect(page.text).toContain('<input type="hidden" name="category" value="accuracy/mistranslation">');
    const change = /<a href="(\/articles\/\d+\/categories\?[^"]+)">Change…<\/a>/.exec(page.text)![1]!.replace(/&amp;/g, '&');
    const form = await agent.get(change).expect(200);
    expect(form.text).toContain('<option value="accuracy/mistranslation" selected>Accuracy / Mistranslation</option>');
    expect(form.text).toContain('<option value="terminology/inconsistent-use">Terminology / Inconsistent use of terminology</option>');
    expect(form.text).toMatch(/<input type="radio" name="severity" value="major" checked>/);
    expect(form.text).toContain('Proposed: Fixes the flag');
    await agent.post(`/articles/${id}/categories`).type('form')
      .send({ _csrf: csrf, segmentId: (await getSegment(ctx.store, id, 5))!.id, mtText: 'King', editText: 'Cho', category: 'accuracy/mistranslation', severity: 'major' }).expect(303);
    expect((await agent.get(`/articles/${id}`)).text).toContain('1 confirmed, 0 proposed');
    await agent.get(`/articles/${id}/categories?segmentId=1&mtText=Nope&editText=X`).expect(404);
  });
});

