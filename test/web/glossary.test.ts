import { describe, it, expect } from 'vitest';
import { makeApp, importCorpusArticle, importText, editorAgent } from '../helpers.js';
import { listConcepts } from '../../src/store/glossary.js';
import { runArticleChecks } from '../../src/service/flag-reader.js';
import { spansOf } from '../../src/core/checks/flag-spans.js';
import { listSegments } from '../../src/store/segments.js';
import type { ServiceContext } from '../../src/service/context.js';

const SECOND = 'Cho Tae-yeol Meets Japanese Counterpart\n\nForeign Minister Cho Tae-yeol met his Japanese counterpart in Tokyo on the 20th.\n\nKing also discussed the summit.';

function importSecond(ctx: ServiceContext): Promise<number> {
  return importText(ctx, SECOND, 'second.txt');
}

async function setUp() {
  const { ctx, app } = await makeApp();
  const id = await importCorpusArticle(ctx);
  const { agent, csrf } = await editorAgent(app, 'Min-ji');
  return { ctx, app, id, agent, csrf };
}

const CHO_FORM = { type: 'person', preferred: 'Cho Tae-yul', admitted: '', deprecated: 'Cho Tae-yeol', korean: '조태열', note: 'Foreign minister since 2024.' };

describe('POST /glossary (by hand)', () => {
  it('adds a concept with its terms and provenance, and the checks enforce it at once', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const res = await agent.post('/glossary').type('form').send({ _csrf: csrf, ...CHO_FORM }).expect(303);
    expect(res.headers.location).toMatch(/^\/glossary\/c\d+\?created=1$/);
    const page = await agent.get(res.headers.location as string).expect(200);
    expect(page.text).toContain('<h1>Cho Tae-yul <small>(Person)</small></h1>');
    expect(page.text).toContain('<del>Cho Tae-yeol</del>');
    expect(page.text).toContain('조태열');
    expect(page.text).toMatch(/<strong>created<\/strong> · Min-ji · 2026-11-29 10:00 UTC/);
    expect((await listConcepts(ctx.store)).map((c) => c.terms.map((t) => `${t.text}/${t.lang}/${t.status}`))).toEqual([
      ['Cho Tae-yul/en/preferred', 'Cho Tae-yeol/en/deprecated', '조태열/ko/preferred'],
    ]);
    const flags = await runArticleChecks(ctx.store, id);
    // One flag for the person (issue 12), with its three places.
    expect(flags.filter((f) => f.check === 'glossary-term').map((f) => [spansOf(f).map((s) => `${s.segment} ${s.text}`), f.suggestions[0]])).toEqual([
      [['4 Cho Tae-yeol', '8 Cho Tae-yeol', '8 Cho Tae-yeol'], 'Cho Tae-yul'],
    ]);
    const review = await agent.get(`/articles/${id}`);
    expect(review.text).toContain('<section class="flag-group" id="check-glossary-term">');
  });

  it('refuses a form without a preferred form, or with a term both accepted and rejected (422), keeping what was typed', async () => {
    const { ctx, agent, csrf } = await setUp();
    const empty = await agent.post('/glossary').type('form').send({ _csrf: csrf, ...CHO_FORM, preferred: ' ' }).expect(422);
    expect(empty.text).toContain('Enter the preferred form');
    expect(empty.text).toContain('>Cho Tae-yeol</textarea>');
    const clash = await agent.post('/glossary').type('form').send({ _csrf: csrf, ...CHO_FORM, deprecated: 'Cho Tae-yul' }).expect(422);
    expect(clash.text).toContain('cannot be both accepted and rejected');
    expect((await listConcepts(ctx.store))).toEqual([]);
  });
});

describe('POST /glossary/from-names (one action from a flag or the names page)', () => {
  it('makes one spelling preferred and the others deprecated', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const page = await agent.get(`/articles/${id}`);
    expect(page.text).toContain('Glossary: make “Cho Tae-yul” preferred, “Cho Tae-yeol” deprecated');
    await agent.post('/glossary/from-names').type('form').send({ _csrf: csrf, preferred: 'Cho Tae-yul', deprecated: ['Cho Tae-yeol'], source: 'the corpus article' }).expect(303);
    const [concept] = (await listConcepts(ctx.store));
    expect(concept!.terms.map((t) => `${t.text}:${t.status}`)).toEqual(['Cho Tae-yul:preferred', 'Cho Tae-yeol:deprecated']);
    expect(concept!.provenance).toMatchObject({ origin: 'flag', source: 'the corpus article', createdBy: 'Min-ji' });
  });
});

describe('POST /glossary/:id and /delete', () => {
  it('keeps every version in the history; a deleted concept leaves the list and stops being enforced', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const created = await agent.post('/glossary').type('form').send({ _csrf: csrf, ...CHO_FORM }).expect(303);
    const url = (created.headers.location as string).replace(/\?.*$/, '');
    await agent.post(url).type('form').send({ _csrf: csrf, ...CHO_FORM, admitted: 'Cho Tae-youl' }).expect(303).expect('location', `${url}?saved=1`);
    const edited = await agent.get(url);
    expect(edited.text).toMatch(/<strong>edited<\/strong>[\s\S]*<strong>created<\/strong>/);
    expect(edited.text).toContain('Cho Tae-youl (en, admitted)');
    await agent.post(`${url}/delete`).type('form').send({ _csrf: csrf }).expect(303);
    expect((await listConcepts(ctx.store))).toEqual([]);
    expect((await agent.get('/glossary')).text).toContain('The glossary is empty');
    expect((await agent.get(url)).text).toContain('This concept was deleted');
    expect((await runArticleChecks(ctx.store, id)).filter((f) => f.check === 'glossary-term')).toEqual([]);
    await agent.post(url).type('form').send({ _csrf: csrf, ...CHO_FORM }).expect(409);
  });

  it('answers an unknown concept with 404', async () => {
    const { agent } = await setUp();
    await agent.get('/glossary/c999').expect(404);
    await agent.get('/glossary/nonsense').expect(404);
  });
});

describe('GET /glossary (list)', () => {
  it('searches terms and notes and filters by type and status', async () => {
    const { agent, csrf } = await setUp();
    await agent.post('/glossary').type('form').send({ _csrf: csrf, ...CHO_FORM }).expect(303);
    await agent.post('/glossary').type('form').send({ _csrf: csrf, type: 'organisation', preferred: 'Rebuilding Korea Party', note: 'Cho Kuk’s party' }).expect(303);
    const all = await agent.get('/glossary').expect(200);
    expect(all.text).toContain('2 concepts');
    const byTerm = await agent.get('/glossary?q=tae-yeol');
    expect(byTerm.text).toContain('>Cho Tae-yul</a>');
    expect(byTerm.text).not.toContain('>Rebuilding Korea Party</a>');
    const byNote = await agent.get('/glossary?q=kuk');
    expect(byNote.text).toContain('>Rebuilding Korea Party</a>');
    const orgs = await agent.get('/glossary?type=organisation');
    expect(orgs.text).not.toContain('>Cho Tae-yul</a>');
    const deprecated = await agent.get('/glossary?status=deprecated');
    expect(deprecated.text).toContain('>Cho Tae-yul</a>');
    expect(deprecated.text).not.toContain('>Rebuilding Korea Party</a>');
  });
});

describe('the correction memory', () => {
  it('offers a correction made twice, with its count and articles; accepting it adds a concept, rejecting it stops the offer', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const second = await importSecond(ctx);
    await agent.post(`/articles/${id}/segments/5`).type('form').send({ _csrf: csrf, base: '0', text: 'Cho Raises Issues at Meeting with Chinese Foreign Minister' }).expect(303);
    await agent.post(`/articles/${second}/segments/2`).type('form').send({ _csrf: csrf, base: '0', text: 'Cho also discussed the summit.' }).expect(303);
    const page = await agent.get('/glossary/suggestions').expect(200);
    expect(page.text).toMatch(/<td><del>King<\/del><\/td>\s*<td><ins>Cho<\/ins><\/td>\s*<td>2<\/td>/);
    expect((await agent.get('/glossary')).text).toContain('Suggestions from corrections (1)');
    await agent.post('/glossary/suggestions/accept').type('form').send({ _csrf: csrf, mtText: 'King', editText: 'Cho' }).expect(303);
    expect((await listConcepts(ctx.store)).map((c) => [c.type, c.provenance.origin, c.terms.map((t) => `${t.text}:${t.status}`).join(',')])).toEqual([
      ['term', 'correction-memory', 'Cho:preferred,King:deprecated'],
    ]);
    expect((await agent.get('/glossary/suggestions')).text).toContain('No correction has been made twice yet');
  });
});

describe('GET and POST /glossary/:id/apply (across the corpus)', () => {
  it('previews every change in every article, then applies them as revisions', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const second = await importSecond(ctx);
    const created = await agent.post('/glossary').type('form').send({ _csrf: csrf, ...CHO_FORM }).expect(303);
    const url = (created.headers.location as string).replace(/\?.*$/, '');
    const preview = await agent.get(`${url}/apply`).expect(200);
    expect(preview.text).toContain('5 places in 2 articles');
    expect(preview.text).toContain(`value="${second}:0" checked`);
    expect(preview.text).toContain('Cho Tae-<del>yeol</del><ins>yul</ins>');
    const fields: Record<string, string | string[]> = { _csrf: csrf, change: [] };
    for (const m of preview.text.matchAll(/name="change" value="([^"]+)"/g)) (fields.change as string[]).push(m[1]!);
    for (const m of preview.text.matchAll(/name="(base_\d+_\d+)" value="(\d+)"/g)) fields[m[1]!] = m[2]!;
    await agent.post(`${url}/apply`).type('form').send(fields).expect(303).expect('location', `${url}?applied=5`);
    for (const articleId of [id, second]) {
      expect((await listSegments(ctx.store, articleId)).some((s) => s.edit.includes('Tae-yeol'))).toBe(false);
      expect((await runArticleChecks(ctx.store, articleId)).filter((f) => f.check === 'glossary-term')).toEqual([]);
    }
  });

  it('applies nothing (409) when a segment changed after the preview', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const created = await agent.post('/glossary').type('form').send({ _csrf: csrf, ...CHO_FORM }).expect(303);
    const url = (created.headers.location as string).replace(/\?.*$/, '');
    await agent.post(`${url}/apply`).type('form').send({ _csrf: csrf, change: [`${id}:4`, `${id}:8`], [`base_${id}_4`]: '0', [`base_${id}_8`]: '3' }).expect(409);
    expect((await listSegments(ctx.store, id)).every((s) => s.revision === 0)).toBe(true);
  });
});
