/**
 * Issue 13, bug 3: the article's title follows its corrected headline, everywhere it is shown.
 */
import { describe, it, expect } from 'vitest';
import { makeApp, importCorpusArticle, editorAgent } from '../helpers.js';
import { BACKEND } from '../support/backend.js';

describe(`the title follows the corrected headline (${BACKEND})`, () => {
  it('shows the corrected headline as the title on the review page, the corpus list, the QA report and the export file name; a blank edit or another segment leaves it', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const { agent, csrf } = await editorAgent(app, 'Min-ji');
    const before = (await agent.get(`/articles/${id}`)).text;
    expect(before).toMatch(/<h1[^>]*>Cho Tae-yeol Criticizes/);
    // Segment 4 is the headline; 5 the standfirst.
    const corrected = 'Cho Tae-yul Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"';
    await agent.post(`/articles/${id}/segments/4`).type('form').send({ _csrf: csrf, base: '0', text: corrected }).expect(303);
    expect((await agent.get(`/articles/${id}`)).text).toMatch(/<h1[^>]*>Cho Tae-yul Criticizes/);
    const corpus = (await agent.get('/')).text;
    expect(corpus).toContain('Cho Tae-yul Criticizes');
    expect(corpus).not.toContain('Cho Tae-yeol Criticizes');
    expect((await agent.get(`/articles/${id}/report`)).text).toContain('<h1>QA report: Cho Tae-yul Criticizes');
    const xliff = await agent.get(`/articles/${id}/export?format=xliff`).expect(200);
    expect(xliff.headers['content-disposition']).toMatch(/filename="?cho-tae-yul-criticizes/);
    // Another segment does not move the title; neither does a blank headline.
    await agent.post(`/articles/${id}/segments/5`).type('form').send({ _csrf: csrf, base: '0', text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister' }).expect(303);
    await agent.post(`/articles/${id}/segments/4`).type('form').send({ _csrf: csrf, base: '1', text: '   ' }).expect(303);
    expect((await agent.get(`/articles/${id}`)).text).toMatch(/<h1[^>]*>Cho Tae-yul Criticizes/);
  });

  it('numbers segments from 1 on screen, as editors count (issue 13, bug 11); URLs and anchors keep their positions', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const { agent } = await editorAgent(app, 'Min-ji');
    const page = (await agent.get(`/articles/${id}`)).text;
    const numbers = [...page.matchAll(/<span class="position">#(\d+)<\/span>/g)].map((m) => Number(m[1]));
    expect(numbers[0]).toBe(1);
    expect(numbers).not.toContain(0);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(page).toMatch(/<section class="segment kind-headline[^"]*" id="s4" data-position="4">[\s\S]*?<span class="position">#5<\/span>/);
    expect((await agent.get(`/articles/${id}/segments/4/history`)).text).toContain('History of headline 5');
    expect((await agent.get(`/articles/${id}/report`)).text).toMatch(/<h3>Headline 5/);
  });
});
