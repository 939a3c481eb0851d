import { describe, it, expect } from 'vitest';
import { makeApp, importCorpusArticle, editorAgent } from '../helpers.js';
import { listSegments } from '../../src/store/segments.js';
import { validateTmx, validateXliff12, validateXliff2 } from '../formats/schema-validators.js';

async function editedArticle() {
  const { ctx, app } = await makeApp();
  const id = await importCorpusArticle(ctx);
  const { agent, csrf } = await editorAgent(app, 'Min-ji');
  await agent.post(`/articles/${id}/segments/5`).type('form').send({ _csrf: csrf, base: '0', text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister' }).expect(303);
  return { id, agent };
}

describe('GET /articles/:id/export', () => {
  it('downloads the corrected text without page chrome', async () => {
    const { id, agent } = await editedArticle();
    const res = await agent.get(`/articles/${id}/export?format=txt`).expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?cho-tae-yeol-criticizes-forced-repatriation[a-z-]*\.txt"?$/);
    expect(res.text.startsWith('Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"\n\nCho Raises Issues at Meeting')).toBe(true);
    expect(res.text).not.toContain('본문 바로가기');
    expect(res.text).not.toContain('All rights reserved');
  });

  it.each([
    ['xliff', validateXliff2, '<target>Cho Raises Issues at Meeting with Chinese Foreign Minister</target>'],
    ['xliff12', validateXliff12, 'Cho Raises Issues at Meeting with Chinese Foreign Minister</target>'],
    ['tmx', validateTmx, '<seg>Cho Raises Issues at Meeting with Chinese Foreign Minister</seg>'],
  ] as const)('downloads %s that its official schema accepts, with the edit as the target', async (format, validate, expected) => {
    const { id, agent } = await editedArticle();
    const res = await agent.get(`/articles/${id}/export?format=${format}`).buffer(true).parse((r, cb) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString('utf8')));
      r.on('end', () => cb(null, text));
    }).expect(200);
    const xml = res.body as string;
    expect(await validate(xml)).toEqual([]);
    expect(xml).toContain(expected);
  });

  it('exports a segment saved with its error flag still open as not reviewed (issue 13, bug 9)', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const { agent, csrf } = await editorAgent(app, 'Min-ji');
    // The headline edited, but "King" left in: saved, and its error flag still open.
    await agent.post(`/articles/${id}/segments/5`).type('form').send({ _csrf: csrf, base: '0', text: 'King Raises Issues at Meeting with the Chinese Foreign Minister' }).expect(303);
    const text = (format: string) => agent.get(`/articles/${id}/export?format=${format}`).buffer(true).parse((r, cb) => {
      let body = '';
      r.on('data', (c: Buffer) => (body += c.toString('utf8')));
      r.on('end', () => cb(null, body));
    }).expect(200).then((res) => res.body as string);
    const xliff = await text('xliff');
    expect(xliff).toMatch(/<segment id="s5" state="translated" subState="copydesk:open-errors">/);
    expect(xliff).not.toMatch(/<segment id="s5" state="reviewed"/);
    expect(await validateXliff2(xliff)).toEqual([]);
    const xliff12 = await text('xliff12');
    expect(xliff12).toMatch(/<trans-unit id="s5"[^>]*>/);
    expect(/<trans-unit id="s5"[^>]*>/.exec(xliff12)?.[0]).not.toContain('approved');
    expect(xliff12).toContain('state="needs-review-translation"');
    expect(await validateXliff12(xliff12)).toEqual([]);
    expect(await text('tmx')).not.toContain('<seg>King Raises Issues');
    // Fixed, it is reviewed again.
    await agent.post(`/articles/${id}/segments/5`).type('form').send({ _csrf: csrf, base: '1', text: 'Cho Raises Issues at Meeting with the Chinese Foreign Minister' }).expect(303);
    expect(await text('xliff')).toMatch(/<segment id="s5" state="reviewed" subState="copydesk:edited">/);
  });

  it('exports every segment an open error flag with several places touches as not reviewed (issue 12: one flag per person)', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const { agent, csrf } = await editorAgent(app, 'Min-ji');
    await agent.post('/glossary').type('form')
      .send({ _csrf: csrf, type: 'person', preferred: 'Cho Tae-yul', admitted: '', deprecated: 'Cho Tae-yeol', korean: '', note: '' }).expect(303);
    const [flag] = (await ctx.flags.flagsFor(id)).open.filter((f) => f.check === 'glossary-term');
    expect([flag?.severity, [...new Set((flag?.spans ?? []).map((s) => s.segment))]]).toEqual(['error', [4, 8]]);
    // Both segments saved with the rejected spelling left in.
    for (const position of [4, 8]) {
      const current = (await listSegments(ctx.store, id))[position]!.edit;
      await agent.post(`/articles/${id}/segments/${position}`).type('form').send({ _csrf: csrf, base: '0', text: `${current} (updated)` }).expect(303);
    }
    const xliff = await agent.get(`/articles/${id}/export?format=xliff`).buffer(true).parse((r, cb) => {
      let body = '';
      r.on('data', (c: Buffer) => (body += c.toString('utf8')));
      r.on('end', () => cb(null, body));
    }).expect(200).then((res) => res.body as string);
    expect(xliff).toMatch(/<segment id="s4" state="translated" subState="copydesk:open-errors">/);
    expect(xliff).toMatch(/<segment id="s8" state="translated" subState="copydesk:open-errors">/);
  });

  it('downloads JSON Lines, one record per content segment', async () => {
    const { id, agent } = await editedArticle();
    const res = await agent.get(`/articles/${id}/export?format=jsonl`).buffer(true).parse((r, cb) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString('utf8')));
      r.on('end', () => cb(null, text));
    }).expect(200);
    const records = (res.body as string).trimEnd().split('\n').map((l) => JSON.parse(l) as { segment: number; mt: string; post_edit: string; edited: boolean });
    expect(records).toHaveLength(11);
    expect(records.find((r) => r.segment === 5)).toMatchObject({ mt: 'King Raises Issues at Meeting with Chinese Foreign Minister', post_edit: 'Cho Raises Issues at Meeting with Chinese Foreign Minister', edited: true });
  });

  it('refuses an unknown format with 422', async () => {
    const { id, agent } = await editedArticle();
    expect((await agent.get(`/articles/${id}/export?format=docx`).expect(422)).text).toContain('Choose an export format');
  });
});
