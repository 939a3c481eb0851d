import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { makeApp, importCorpusArticle, editorAgent } from '../helpers.js';
import { runArticleChecks } from '../../src/service/flag-reader.js';
import { listSegments } from '../../src/store/segments.js';
import { importArticle } from '../../src/service/import-articles.js';
import type { Flag } from '../../src/core/checks/types.js';
import { spansOf } from '../../src/core/checks/flag-spans.js';

const HEADLINE = 4;
const CAPTION = 8;

async function setUp() {
  const { ctx, app } = await makeApp();
  const id = await importCorpusArticle(ctx);
  const { agent, csrf } = await editorAgent(app, 'Min-ji');
  return { ctx, app, id, agent, csrf };
}

function nameFlags(flags: readonly Flag[]): Flag[] {
  return flags.filter((f) => f.check === 'name-variant' && f.text === 'Cho Tae-yeol');
}

describe('flags on the review page', () => {
  it('highlights the flagged span in the edit column and lists the flag in the panel, grouped by check', async () => {
    const { id, agent } = await setUp();
    const page = await agent.get(`/articles/${id}`).expect(200);
    const headline = page.text.slice(page.text.indexOf(`id="s${HEADLINE}"`), page.text.indexOf(`id="s${HEADLINE + 1}"`));
    expect(headline).toMatch(/<p class="text" data-edit-target><mark class="flag sev-warning" title="[^"]*Cho Tae-yeol \(headline, caption ×2\) is spelled Cho Tae-yul[^"]*" data-flag="flag-\d+">Cho Tae-yeol<\/mark> Criticizes/);
    const panel = page.text.slice(page.text.indexOf('<aside class="flag-panel"'));
    expect(panel).toContain('<section class="flag-group" id="check-name-variant">');
    expect(panel).toContain('<section class="flag-group" id="check-headline-subject">');
    expect(panel).toContain('Use “Cho Tae-yul” here (3 places)');
    expect(panel).toMatch(/… in all 3 places/);
    expect(panel).toContain('“Cho Tae-yeol” and “Cho Tae-yul” are different people');
  });

  it('issue 12: shows one name-variant flag for the person, marking and linking every span, counted once', async () => {
    const { id, agent } = await setUp();
    const page = await agent.get(`/articles/${id}`).expect(200);
    // Was three warnings and two infos: now the name-variant, the headline-subject and the duplicate caption.
    expect(page.text).toMatch(/<dt>Open flags<\/dt><dd><a href="#flags">3<\/a><\/dd>/);
    const group = page.text.slice(page.text.indexOf('<section class="flag-group" id="check-name-variant">'));
    const item = group.slice(0, group.indexOf('</li>\n', group.indexOf('different people')));
    expect(group).toMatch(/^<section class="flag-group" id="check-name-variant">\s*<h3>Name spelled two ways <small>\(1\)<\/small><\/h3>/);
    const flagId = /<li class="flag-item sev-warning" id="(flag-\d+)"[^>]*>/.exec(item)![1]!;
    expect(item).toContain('<small class="flag-places">3 places</small>');
    expect([...item.matchAll(/<li><a href="#(s\d+)">([^<]+)<\/a>: “([^”]+)”<\/li>/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`)).toEqual([
      's4 Headline 5 Cho Tae-yeol', 's8 Caption 9, 1st of 2 Cho Tae-yeol', 's8 Caption 9, 2nd of 2 Cho Tae-yeol',
    ]);
    // Issue 13, bug 6: the caption's two "Cho Tae-yeol" read apart (1st of 2, 2nd of 2), not as two identical lines.
    // "Use … here" posts every place, each with the revision the page shows.
    const form = item.slice(item.indexOf('<form method="post" action="/articles/'), item.indexOf('</form>'));
    expect([...form.matchAll(/name="(segment|start|end|text|base)" value="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`)).toEqual([
      'segment=4', 'start=0', 'end=12', 'text=Cho Tae-yeol', 'base=0',
      'segment=8', 'start=0', 'end=12', 'text=Cho Tae-yeol', 'base=0',
      'segment=8', 'start=110', 'end=122', 'text=Cho Tae-yeol', 'base=0',
    ]);
    // The caption's two places are both marked, each pointing at the one flag; the segment counts it once.
    const caption = page.text.slice(page.text.indexOf(`id="s${CAPTION}"`), page.text.indexOf(`id="s${CAPTION + 1}"`));
    expect([...caption.matchAll(/<mark class="flag sev-warning"[^>]*data-flag="([^"]+)">Cho Tae-yeol<\/mark>/g)].map((m) => m[1])).toEqual([flagId, flagId]);
    expect(caption).toMatch(/<a class="flag-count" href="#flags">2 flags<\/a>/);
    const corpus = await agent.get('/').expect(200);
    expect(corpus.text).toContain(`<a href="/articles/${id}#flags">1 error, 2 warnings`);
  });

  it('shows the open flags per article on the corpus page', async () => {
    const { id, agent } = await setUp();
    const corpus = await agent.get('/').expect(200);
    expect(corpus.text).toMatch(new RegExp(`<a href="/articles/${id}#flags">\\d+ errors?, \\d+ warnings?`));
  });
});

describe('POST /articles/:id/flags/apply', () => {
  it('applies a suggestion in one place as an ordinary revision', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const flag = nameFlags(await runArticleChecks(ctx.store, id)).find((f) => f.segment === HEADLINE)!;
    await agent.post(`/articles/${id}/flags/apply`).type('form')
      .send({ _csrf: csrf, segment: flag.segment, start: flag.start, end: flag.end, text: flag.text, replacement: 'Cho Tae-yul', base: 0 })
      .expect(303).expect('location', `/articles/${id}?applied=1#s${HEADLINE}`);
    const headline = (await listSegments(ctx.store, id))[HEADLINE]!;
    expect(headline.edit).toBe('Cho Tae-yul Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"');
    expect([headline.revision, headline.author]).toEqual([1, 'Min-ji']);
    // The person's one flag now spans the caption's two places.
    expect(nameFlags(await runArticleChecks(ctx.store, id)).flatMap((f) => spansOf(f).map((s) => s.segment))).toEqual([CAPTION, CAPTION]);
  });

  it('issue 12: applies a suggestion at every place of the flag the form posts, as one revision per segment', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const [flag] = nameFlags(await runArticleChecks(ctx.store, id));
    const spans = spansOf(flag!);
    expect(spans).toHaveLength(3);
    await agent.post(`/articles/${id}/flags/apply`).type('form')
      .send({
        _csrf: csrf, replacement: 'Cho Tae-yul',
        segment: spans.map((s) => String(s.segment)), start: spans.map((s) => String(s.start)), end: spans.map((s) => String(s.end)),
        text: spans.map((s) => s.text), base: spans.map(() => '0'),
      })
      .expect(303).expect('location', `/articles/${id}?applied=3#s${HEADLINE}`);
    const segments = await listSegments(ctx.store, id);
    expect(segments[HEADLINE]!.edit.startsWith('Cho Tae-yul Criticizes')).toBe(true);
    expect(segments[CAPTION]!.edit).not.toContain('Tae-yeol');
    expect([segments[HEADLINE]!.revision, segments[CAPTION]!.revision]).toEqual([1, 1]);
    expect((await runArticleChecks(ctx.store, id)).filter((f) => f.check === 'name-variant')).toEqual([]);
  });

  it('issue 12: applies nothing (409) when one of the places is stale, and refuses lists of different lengths (422)', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const spans = spansOf(nameFlags(await runArticleChecks(ctx.store, id))[0]!);
    const send = (body: Record<string, unknown>) => agent.post(`/articles/${id}/flags/apply`).type('form').send({ _csrf: csrf, replacement: 'Cho Tae-yul', ...body });
    await send({
      segment: spans.map((s) => String(s.segment)), start: spans.map((s, i) => String(i === 2 ? s.start + 1 : s.start)), end: spans.map((s) => String(s.end)),
      text: spans.map((s) => s.text), base: spans.map(() => '0'),
    }).expect(409);
    await send({ segment: spans.map((s) => String(s.segment)), start: ['0'], end: ['12'], text: ['Cho Tae-yeol'], base: ['0'] }).expect(422);
    expect((await listSegments(ctx.store, id)).map((s) => s.revision).every((r) => r === 0)).toBe(true);
  });

  it('refuses with 409 when the span no longer holds the flagged text, and changes nothing', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const flag = nameFlags(await runArticleChecks(ctx.store, id)).find((f) => f.segment === HEADLINE)!;
    await agent.post(`/articles/${id}/flags/apply`).type('form')
      .send({ _csrf: csrf, segment: flag.segment, start: flag.start + 1, end: flag.end, text: flag.text, replacement: 'Cho Tae-yul', base: 0 })
      .expect(409);
    await agent.post(`/articles/${id}/flags/apply`).type('form')
      .send({ _csrf: csrf, segment: flag.segment, start: flag.start, end: flag.end, text: flag.text, replacement: 'Cho Tae-yul', base: 3 })
      .expect(409);
    expect((await listSegments(ctx.store, id))[HEADLINE]!.revision).toBe(0);
  });
});

describe('GET and POST /articles/:id/fixes (fix everywhere)', () => {
  it('previews every change as a diff, then applies them all as revisions', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const flag = nameFlags(await runArticleChecks(ctx.store, id))[0]!;
    const query = new URLSearchParams({ fingerprint: flag.fingerprint, replacement: 'Cho Tae-yul' }).toString();
    const preview = await agent.get(`/articles/${id}/fixes?${query}`).expect(200);
    expect(preview.text).toContain('Replace “Cho Tae-yeol” with “Cho Tae-yul”');
    expect(preview.text).toContain('3 places in 2 segments');
    expect(preview.text).toContain('Cho Tae-<del>yeol</del><ins>yul</ins> Criticizes');
    expect(preview.text).toContain(`name="base_${HEADLINE}" value="0"`);
    await agent.post(`/articles/${id}/fixes`).type('form')
      .send({ _csrf: csrf, fingerprint: flag.fingerprint, replacement: 'Cho Tae-yul', segment: [String(HEADLINE), String(CAPTION)], [`base_${HEADLINE}`]: '0', [`base_${CAPTION}`]: '0' })
      .expect(303).expect('location', `/articles/${id}?applied=3`);
    const segments = (await listSegments(ctx.store, id));
    expect(segments[CAPTION]!.edit).not.toContain('Tae-yeol');
    expect(segments[CAPTION]!.edit.match(/Cho Tae-yul/g)).toHaveLength(2);
    expect((await runArticleChecks(ctx.store, id)).filter((f) => f.check === 'name-variant')).toEqual([]);
  });

  it('applies only the ticked segments', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const flag = nameFlags(await runArticleChecks(ctx.store, id))[0]!;
    await agent.post(`/articles/${id}/fixes`).type('form')
      .send({ _csrf: csrf, fingerprint: flag.fingerprint, replacement: 'Cho Tae-yul', segment: String(CAPTION), [`base_${HEADLINE}`]: '0', [`base_${CAPTION}`]: '0' })
      .expect(303).expect('location', `/articles/${id}?applied=2`);
    const segments = (await listSegments(ctx.store, id));
    expect(segments[HEADLINE]!.revision).toBe(0);
    expect(segments[CAPTION]!.revision).toBe(1);
  });

  it('applies nothing (409) when a segment changed after the preview', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const flag = nameFlags(await runArticleChecks(ctx.store, id))[0]!;
    await agent.post(`/articles/${id}/segments/${CAPTION}`).type('form')
      .send({ _csrf: csrf, base: '0', text: 'Cho Tae-yeol Criticizes Forced Repatriation. Foreign Minister Cho Tae-yeol held talks.' }).expect(303);
    await agent.post(`/articles/${id}/fixes`).type('form')
      .send({ _csrf: csrf, fingerprint: flag.fingerprint, replacement: 'Cho Tae-yul', segment: [String(HEADLINE), String(CAPTION)], [`base_${HEADLINE}`]: '0', [`base_${CAPTION}`]: '0' })
      .expect(409);
    const segments = (await listSegments(ctx.store, id));
    expect([segments[HEADLINE]!.revision, segments[CAPTION]!.revision]).toEqual([0, 1]);
  });

  it('answers a flag that is no longer open with 404 and a suggestion it does not offer with 422', async () => {
    const { ctx, id, agent } = await setUp();
    const flag = nameFlags(await runArticleChecks(ctx.store, id))[0]!;
    await agent.get(`/articles/${id}/fixes?fingerprint=name-variant:nobody:X&replacement=Y`).expect(404);
    await agent.get(`/articles/${id}/fixes?${new URLSearchParams({ fingerprint: flag.fingerprint, replacement: 'Kim' })}`).expect(422);
  });
});

describe('POST /articles/:id/dismissals', () => {
  it('dismisses several flags with a reason; they stay dismissed on re-runs and can be shown again', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const flags = nameFlags(await runArticleChecks(ctx.store, id));
    await agent.post(`/articles/${id}/dismissals`).type('form')
      .send({ _csrf: csrf, fingerprint: [...new Set(flags.map((f) => f.fingerprint))], reason: 'Correct as written' })
      .expect(303).expect('location', `/articles/${id}?dismissed=1#flags`);
    // An unrelated save re-runs the checks; the dismissal holds (same fingerprint).
    await agent.post(`/articles/${id}/segments/9`).type('form').send({ _csrf: csrf, base: '0', text: 'Earlier, China repatriated about 500 defectors.' }).expect(303);
    const page = await agent.get(`/articles/${id}`);
    expect(page.text).not.toMatch(/<mark class="flag sev-warning"[^>]*>Cho Tae-yeol<\/mark>/);
    expect(page.text).toMatch(/<strong>Name spelled two ways<\/strong>: “Cho Tae-yeol” — Correct as written \(Min-ji, 2026-11-29 10:00 UTC\)|<strong>[^<]+<\/strong>: “Cho Tae-yeol” — Correct as written \(Min-ji/);
    const restore = /action="(\/articles\/\d+\/dismissals\/\d+\/restore)"/.exec(page.text)![1]!;
    await agent.post(restore).type('form').send({ _csrf: csrf }).expect(303);
    expect((await agent.get(`/articles/${id}`)).text).toMatch(/<mark class="flag sev-warning"[^>]*>Cho Tae-yeol<\/mark>/);
  });

  it('asks for a reason and for at least one flag (422)', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const flag = nameFlags(await runArticleChecks(ctx.store, id))[0]!;
    // Issue 13, bug 4: no dead end: the answer asks for the reason with every ticked flag still ticked, and posts them again.
    const ask = (await agent.post(`/articles/${id}/dismissals`).type('form').send({ _csrf: csrf, fingerprint: flag.fingerprint, reason: '  ' }).expect(422)).text;
    expect(ask).toContain('Say why');
    expect(ask).toContain(`action="/articles/${id}/dismissals"`);
    expect(ask).toMatch(/<input type="checkbox" name="fingerprint" value="[^"]+" checked>/);
    expect(ask).toMatch(/<input name="reason"[^>]* required/);
    const ticked = /<input type="checkbox" name="fingerprint" value="([^"]+)" checked>/.exec(ask)![1]!.replace(/&#34;/g, '"').replace(/&amp;/g, '&');
    expect(ticked).toBe(flag.fingerprint);
    await agent.post(`/articles/${id}/dismissals`).type('form').send({ _csrf: csrf, fingerprint: ticked, reason: 'Correct as written' }).expect(303);
    // The panel asks in place: the reason box is required, so a browser asks before sending.
    expect((await agent.get(`/articles/${id}`)).text).toMatch(/<input name="reason" list="dismiss-reasons" maxlength="500" required/);
    expect((await agent.post(`/articles/${id}/dismissals`).type('form').send({ _csrf: csrf, reason: 'x' }).expect(422)).text).toContain('Tick at least one flag');
  });
});

describe('POST /people/distinct', () => {
  it('keeps two spellings apart in every article once an editor says they are different people', async () => {
    const { ctx, id, agent, csrf } = await setUp();
    const other = await importArticle(ctx, { text: 'Cho Tae-yul Meets Cho Tae-yeol\n\nCho Tae-yul and Cho Tae-yeol spoke on the 3rd.', sourceName: 'two.txt' }, { importedBy: 't' });
    if (!other.ok) throw new Error(other.message);
    expect((await runArticleChecks(ctx.store, other.id)).some((f) => f.check === 'name-variant')).toBe(true);
    // Issue 13, bug 7: the button asks first, since it applies to every article; nothing is recorded yet.
    const ask = await agent.post('/people/distinct').type('form').send({ _csrf: csrf, a: 'Cho Tae-yeol', b: 'Cho Tae-yul', back: `/articles/${id}?distinct=1#flags` }).expect(200);
    expect(ask.text).toContain('This applies to every article of the corpus');
    expect(ask.text).toContain('<input type="hidden" name="confirm" value="1">');
    expect((await runArticleChecks(ctx.store, other.id)).some((f) => f.check === 'name-variant')).toBe(true);
    await agent.post('/people/distinct').type('form').send({ _csrf: csrf, a: 'Cho Tae-yeol', b: 'Cho Tae-yul', back: `/articles/${id}?distinct=1#flags`, confirm: '1' })
      .expect(303).expect('location', `/articles/${id}?distinct=1#flags`);
    expect((await runArticleChecks(ctx.store, id)).filter((f) => f.check === 'name-variant')).toEqual([]);
    expect((await runArticleChecks(ctx.store, other.id)).filter((f) => f.check === 'name-variant')).toEqual([]);
    const names = (await agent.get('/names')).text;
    expect(names).toContain('“Cho Tae-yeol” and “Cho Tae-yul”');
    expect(names).toContain('action="/people/distinct/undo"');
    // Taken back from the names page: grouped as one person again, in every article, and the re-check is a recorded job.
    await agent.post('/people/distinct/undo').type('form').send({ _csrf: csrf, a: 'Cho Tae-yeol', b: 'Cho Tae-yul', back: '/names' }).expect(303).expect('location', '/names');
    expect((await runArticleChecks(ctx.store, other.id)).some((f) => f.check === 'name-variant')).toBe(true);
    expect((await agent.get('/names')).text).not.toContain('“Cho Tae-yeol” and “Cho Tae-yul”');
    expect((await agent.get('/jobs')).text).toContain('are no longer recorded as different people');
    await agent.post('/people/distinct/undo').type('form').send({ _csrf: csrf, a: 'Cho Tae-yeol', b: 'Cho Tae-yul' }).expect(409);
  });

  it('refuses the same spelling twice (422)', async () => {
    const { agent, csrf } = await setUp();
    await agent.post('/people/distinct').type('form').send({ _csrf: csrf, a: 'Kim', b: 'Kim' }).expect(422);
  });
});

describe('GET /names', () => {
  it('lists every person across the corpus with spellings, counts and articles, inconsistent ones first', async () => {
    const { id, app } = await setUp();
    const res = await request(app).get('/names').expect(200);
    const first = res.text.slice(res.text.indexOf('<tbody>'), res.text.indexOf('</tr>', res.text.indexOf('<tbody>')));
    expect(first).toContain('<strong>Cho Tae-yul</strong>');
    expect(first).toMatch(/<li>Cho Tae-yul ×2 <small>in <a href="\/articles\/\d+">/);
    expect(first).toMatch(/<li>Cho Tae-yeol ×3/);
    expect(first).toContain(`<a href="/articles/${id}">`);
    expect(res.text).toContain('<strong>Wang Yi</strong>');
  });
});
