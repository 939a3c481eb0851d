/**
 * The QA list (issue 13): GET /issues shows every open flag of the corpus in one table, filtered
 * and grouped, paged by keyset, each row linked to its segment; ticked rows are dismissed (with a
 * reason) or fixed everywhere (after a preview) across articles; the list exports as CSV and JSON.
 */
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { parse as parseCsv } from 'csv-parse/sync';
import { csrfOf, importCorpusArticle, makeApp } from '../helpers.js';
import { importArticle } from '../../src/service/import-articles.js';
import { changeStatus } from '../../src/service/articles.js';
import type { ServiceContext } from '../../src/service/context.js';
import { listDismissals } from '../../src/store/decisions.js';
import { getSegment } from '../../src/store/segments.js';
import { spansOf } from '../../src/core/checks/flag-spans.js';
import type { Flag } from '../../src/core/checks/types.js';
import { ISSUES_PAGE_SIZE } from '../../src/service/issues.js';

/** A second article naming the corpus article's minister, spelled two ways, from another engine. */
const SECOND = [
  'Cho Tae-yul Visits Tokyo for Talks',
  'Foreign Minister Cho Tae-yeol met his Japanese counterpart in Tokyo on Monday.',
  'Cho Tae-yul said the talks had gone well.',
].join('\n\n');

/** An article whose title and text a spreadsheet or a browser would run if they were not escaped. */
const HOSTILE_TITLE = '=HYPERLINK("http://evil.example","Cho <script>alert(1)</script>")';
const HOSTILE = [
  HOSTILE_TITLE,
  'Minister Kim Min-jun met reporters in Seoul on Tuesday <img src=x onerror=alert(1)>.',
  'Kim Min-joon said the talks had gone well.',
  'Kim Min-jun added that more talks would follow.',
].join('\n\n');

interface World {
  readonly ctx: ServiceContext;
  readonly app: Express;
  readonly csrf: string;
  readonly corpus: number;
  readonly second: number;
}

async function importText(ctx: ServiceContext, text: string, sourceName: string, mtEngine?: string): Promise<number> {
  const outcome = await importArticle(ctx, { text, sourceName }, { importedBy: 'test', mtEngine });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.id;
}

async function setUp(opts: { hostile?: boolean } = {}): Promise<World & { hostile: number | undefined }> {
  const { ctx, app } = await makeApp();
  const corpus = await importCorpusArticle(ctx);
  const second = await importText(ctx, SECOND, 'second.txt', 'DeepL');
  const hostile = opts.hostile ? await importText(ctx, HOSTILE, 'hostile.txt') : undefined;
  const csrf = csrfOf((await request(app).get('/issues').expect(200)).text);
  return { ctx, app, csrf, corpus, second, hostile };
}

/** The open flags of an article, as the review page lists them. */
async function openFlags(ctx: ServiceContext, id: number): Promise<readonly Flag[]> {
  return (await ctx.flags.flagsFor(id)).open;
}

/** The rows of the table: each tick's value ("articleId:fingerprint") and its segment link. */
function rowsOf(html: string): { pick: string; href: string; severity: string }[] {
  const table = html.slice(html.indexOf('<table class="issues">'), html.indexOf('</table>'));
  return [...table.matchAll(/<tr class="sev-(\w+)">([\s\S]*?)<\/tr>/g)].map((m) => ({
    severity: m[1] as string,
    pick: /name="flag" value="([^"]+)"/.exec(m[2] as string)?.[1] ?? '',
    href: /<td data-label="Where"><a href="([^"]+)"/.exec(m[2] as string)?.[1] ?? '',
  }));
}

/** Decodes the HTML attribute escapes EJS writes. */
const unescape = (text: string) => text.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const pickOf = (id: number, flag: Flag) => `${id}:${flag.fingerprint}`;

describe('GET /issues', () => {
  it('lists every open flag of the corpus in one table, each row linked to its segment on the review page', async () => {
    const { ctx, app, corpus, second } = await setUp();
    const expected = [
      ...(await openFlags(ctx, corpus)).map((f) => ({ pick: pickOf(corpus, f), href: `/articles/${corpus}#s${f.segment}`, severity: f.severity })),
      ...(await openFlags(ctx, second)).map((f) => ({ pick: pickOf(second, f), href: `/articles/${second}#s${f.segment}`, severity: f.severity })),
    ];
    expect(expected.length).toBeGreaterThan(3);
    const page = await request(app).get('/issues').expect(200);
    expect(page.text).toContain('<a href="/issues">QA list</a>');
    expect(page.text).toContain(`${expected.length} open flags match.`);
    expect(page.text).toMatch(/<table class="issues">\s*<caption>Open flags<\/caption>/);
    expect(page.text).toContain('<th scope="col">Severity</th>');
    expect(rowsOf(page.text).map((r) => ({ ...r, pick: unescape(r.pick) }))).toEqual(expected);
    // The headline's name flag links to the headline, which the review page ids s4.
    const name = (await openFlags(ctx, corpus)).find((f) => f.check === 'name-variant' && f.text === 'Cho Tae-yeol')!;
    expect(name.segment).toBe(4);
    expect(page.text).toContain(`<a href="/articles/${corpus}#s4">Headline 5</a> <small>(3 places)</small>`);
    const review = await request(app).get(`/articles/${corpus}`).expect(200);
    expect(review.text).toContain('id="s4"');
    // Each tick has an accessible name that says which flag it ticks.
    expect(page.text).toMatch(/<input type="checkbox" name="flag" value="[^"]+" form="issues-form" aria-label="Tick warning “Cho Tae-yeol” \(Name spelled two ways\) in [^"]+, Headline 5">/);
    expect(page.text).toMatch(/<label>Check\s*<select name="check">/);
  });

  it('filters by check, severity, person, article, status and engine', async () => {
    const { ctx, app, corpus, second } = await setUp();
    const all = [...(await openFlags(ctx, corpus)).map((f) => ({ id: corpus, f })), ...(await openFlags(ctx, second)).map((f) => ({ id: second, f }))];
    const picks = async (url: string) => rowsOf((await request(app).get(url).expect(200)).text).map((r) => unescape(r.pick));
    const expectPicks = (list: typeof all) => list.map(({ id, f }) => pickOf(id, f));

    expect(await picks('/issues?check=name-variant')).toEqual(expectPicks(all.filter(({ f }) => f.check === 'name-variant')));
    expect(await picks('/issues?severity=error')).toEqual(expectPicks(all.filter(({ f }) => f.severity === 'error')));
    const named = all.filter(({ f }) => f.group === 'cho-tae-yul');
    expect(named.length).toBe(2);
    expect(await picks('/issues?person=cho-tae-yul')).toEqual(expectPicks(named));
    // A name typed as written finds the person's key.
    expect(await picks('/issues?person=Cho+Tae-yul')).toEqual(expectPicks(named));
    expect(await picks(`/issues?article=${second}`)).toEqual(expectPicks(all.filter(({ id }) => id === second)));
    expect(await picks('/issues?engine=DeepL')).toEqual(expectPicks(all.filter(({ id }) => id === second)));
    expect(await picks('/issues?engine=(unknown)')).toEqual(expectPicks(all.filter(({ id }) => id === corpus)));
    expect(await picks('/issues?status=done')).toEqual([]);
    await changeStatus(ctx, second, 'done');
    expect(await picks('/issues?status=done')).toEqual(expectPicks(all.filter(({ id }) => id === second)));
    expect(await picks('/issues?status=done&check=name-variant')).toEqual(expectPicks(all.filter(({ id, f }) => id === second && f.check === 'name-variant')));
    const none = await request(app).get('/issues?status=done&severity=info').expect(200);
    expect(none.text).toContain('No open flag matches these filters.');
    // The form shows what is chosen; a malformed value is ignored, not an error.
    const chosen = await request(app).get('/issues?check=name-variant&severity=warning&group=check').expect(200);
    expect(chosen.text).toContain('<option value="name-variant" selected>Name spelled two ways</option>');
    expect(chosen.text).toContain('<option value="warning" selected>warning</option>');
    expect(chosen.text).toContain('<option value="check" selected>By check</option>');
    expect(await picks('/issues?severity=fatal&article=abc&after=nonsense')).toEqual(expectPicks(all));
  });

  it('groups by check or by person under headings that count each group in the whole corpus', async () => {
    const { ctx, app, corpus, second } = await setUp();
    const all = [...(await openFlags(ctx, corpus)).map((f) => ({ id: corpus, f })), ...(await openFlags(ctx, second)).map((f) => ({ id: second, f }))];
    const byCheck = await request(app).get('/issues?group=check').expect(200);
    const headings = [...byCheck.text.matchAll(/<th scope="rowgroup" colspan="7"><a href="([^"]+)">([^<]+)<\/a> <span class="group-count">\(([^)]+)\)<\/span><\/th>/g)]
      .map((m) => `${m[2]}: ${m[3]}`);
    const checks = [...new Set(all.map(({ f }) => f.check))].sort();
    expect(headings).toHaveLength(checks.length);
    const nameCount = all.filter(({ f }) => f.check === 'name-variant').length;
    expect(headings).toContain(`Name spelled two ways: ${nameCount} flag${nameCount === 1 ? '' : 's'}`);
    // Rows come in check order, each group's rows under its heading.
    expect(rowsOf(byCheck.text).map((r) => unescape(r.pick))).toEqual(
      [...all].sort((a, b) => (a.f.check < b.f.check ? -1 : a.f.check > b.f.check ? 1 : 0)).map(({ id, f }) => pickOf(id, f)),
    );

    const byPerson = await request(app).get('/issues?group=person').expect(200);
    expect(byPerson.text).toContain('<a href="/issues?person=cho-tae-yul&amp;group=person">Cho Tae-yul</a> <span class="group-count">(2 flags)</span>');
    expect(byPerson.text).toContain('2 open flags match (about a person or glossary entry).');
    expect(rowsOf(byPerson.text).map((r) => unescape(r.pick))).toEqual(all.filter(({ f }) => f.group !== undefined).map(({ id, f }) => pickOf(id, f)));
  });

  it('pages by keyset, 50 rows a page, forward and back, with the count of every match', async () => {
    const { ctx, app } = await makeApp();
    // Each short article has one name flag: 55 flags, two pages.
    const ids: number[] = [];
    for (let i = 0; i < 55; i += 1) {
      ids.push(await importText(ctx, `Kim Min-jun Visits Busan Port ${i}\n\nKim Min-joon toured the port on day ${i}.\n\nKim Min-jun met workers there.`, `kim-${i}.txt`));
    }
    const all = (await Promise.all(ids.map(async (id) => (await openFlags(ctx, id)).map((f) => pickOf(id, f))))).flat();
    expect(all.length).toBeGreaterThan(ISSUES_PAGE_SIZE);
    const first = await request(app).get('/issues').expect(200);
    expect(first.text).toContain(`${all.length} open flags match.`);
    const page1 = rowsOf(first.text).map((r) => unescape(r.pick));
    expect(page1).toEqual(all.slice(0, ISSUES_PAGE_SIZE));
    expect(first.text).not.toContain('rel="prev"');
    const next = unescape(/<a href="([^"]+)" rel="next">Next →<\/a>/.exec(first.text)![1]!);
    expect(next).toMatch(/^\/issues\?after=\d+\.\d+$/);
    const second = await request(app).get(next).expect(200);
    expect(rowsOf(second.text).map((r) => unescape(r.pick))).toEqual(all.slice(ISSUES_PAGE_SIZE));
    expect(second.text).not.toContain('rel="next"');
    const previous = unescape(/<a href="([^"]+)" rel="prev">← Previous<\/a>/.exec(second.text)![1]!);
    expect(rowsOf((await request(app).get(previous).expect(200)).text).map((r) => unescape(r.pick))).toEqual(page1);
    // Grouped pages go on the same way, and the group that runs on says so.
    const grouped = await request(app).get('/issues?group=check').expect(200);
    const groupedNext = unescape(/<a href="([^"]+)" rel="next">/.exec(grouped.text)![1]!);
    expect(groupedNext).toMatch(/^\/issues\?group=check&after=name-variant\.\d+\.\d+$/);
    const grouped2 = await request(app).get(groupedNext).expect(200);
    expect(grouped2.text).toContain('continued from the previous page');
    expect([...rowsOf(grouped.text), ...rowsOf(grouped2.text)].map((r) => unescape(r.pick)).sort()).toEqual([...all].sort());
  });

  it('shows a viewer the list without ticks or actions', async () => {
    const { ctx, app } = await makeApp({ signedInAs: 'viewer' });
    await importCorpusArticle(ctx);
    const page = await request(app).get('/issues').expect(200);
    expect(rowsOf(page.text).length).toBeGreaterThan(0);
    expect(page.text).not.toContain('name="flag"');
    expect(page.text).not.toContain('action="/issues/dismiss"');
  });

  it('escapes hostile article text on the page', async () => {
    const { app } = await setUp({ hostile: true });
    const page = await request(app).get('/issues').expect(200);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('Cho &lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('POST /issues/dismiss', () => {
  it('dismisses ticked flags of two articles with one reason, and they leave the list', async () => {
    const { ctx, app, csrf, corpus, second } = await setUp();
    const a = (await openFlags(ctx, corpus)).find((f) => f.check === 'name-variant')!;
    const b = (await openFlags(ctx, second)).find((f) => f.check === 'name-variant')!;
    const before = (await openFlags(ctx, corpus)).length + (await openFlags(ctx, second)).length;
    const res = await request(app).post('/issues/dismiss').type('form')
      .send({ _csrf: csrf, flag: [pickOf(corpus, a), pickOf(second, b)], reason: 'Different people', back: '/issues?group=check' })
      .expect(303);
    expect(res.headers.location).toBe('/issues?group=check&dismissed=2');
    expect((await listDismissals(ctx.store, corpus)).map((d) => [d.fingerprint, d.reason, d.author])).toEqual([[a.fingerprint, 'Different people', 'Tester']]);
    expect((await listDismissals(ctx.store, second)).map((d) => [d.fingerprint, d.reason])).toEqual([[b.fingerprint, 'Different people']]);
    const page = await request(app).get(String(res.headers.location)).expect(200);
    expect(page.text).toContain('2 flags dismissed.');
    const picks = rowsOf(page.text).map((r) => unescape(r.pick));
    expect(picks).toHaveLength(before - 2);
    expect(picks).not.toContain(pickOf(corpus, a));
    expect(picks).not.toContain(pickOf(second, b));
  });

  it('asks again for a missing reason with 422, keeping every tick, and dismisses nothing', async () => {
    const { ctx, app, csrf, corpus, second } = await setUp();
    const a = (await openFlags(ctx, corpus))[0]!;
    const b = (await openFlags(ctx, second))[0]!;
    const res = await request(app).post('/issues/dismiss').type('form')
      .send({ _csrf: csrf, flag: [pickOf(corpus, a), pickOf(second, b)], reason: '  ', back: '/issues?severity=warning' })
      .expect(422);
    expect(res.text).toContain('Why dismiss these flags?');
    const ticked = [...res.text.matchAll(/<input type="checkbox" name="flag" value="([^"]+)" checked>/g)].map((m) => unescape(m[1]!));
    expect(ticked).toEqual([pickOf(corpus, a), pickOf(second, b)]);
    expect(res.text).toMatch(/<input name="reason"[^>]* required autofocus/);
    expect(res.text).toContain('<input type="hidden" name="back" value="/issues?severity=warning">');
    expect(await listDismissals(ctx.store, corpus)).toEqual([]);
    expect(await listDismissals(ctx.store, second)).toEqual([]);
    // Sent again from that page, with a reason, it goes through.
    await request(app).post('/issues/dismiss').type('form')
      .send({ _csrf: csrfOf(res.text), flag: ticked, reason: 'Correct as written', back: '/issues?severity=warning' })
      .expect(303).expect('location', '/issues?severity=warning&dismissed=2');
  });

  it('refuses a form with no tick, or a tick the list never writes', async () => {
    const { app, csrf } = await setUp();
    const none = await request(app).post('/issues/dismiss').type('form').send({ _csrf: csrf, reason: 'Correct as written' }).expect(422);
    expect(none.text).toContain('Tick at least one flag to dismiss.');
    await request(app).post('/issues/dismiss').type('form').send({ _csrf: csrf, flag: 'not-a-flag', reason: 'x' }).expect(422);
  });

  it('is refused to a viewer, who may read the list', async () => {
    const { ctx, app } = await makeApp({ signedInAs: 'viewer' });
    const id = await importCorpusArticle(ctx);
    const flag = (await openFlags(ctx, id))[0]!;
    const csrf = csrfOf((await request(app).get('/account/password').expect(200)).text);
    await request(app).post('/issues/dismiss').type('form').send({ _csrf: csrf, flag: pickOf(id, flag), reason: 'Correct as written' }).expect(403);
    await request(app).post('/issues/fixes/preview').type('form').send({ _csrf: csrf, flag: pickOf(id, flag) }).expect(403);
    await request(app).post('/issues/fixes').type('form').send({ _csrf: csrf, flag: pickOf(id, flag), change: `${id}:4`, [`base_${id}_4`]: '0' }).expect(403);
    expect(await listDismissals(ctx.store, id)).toEqual([]);
    expect((await getSegment(ctx.store, id, 4))!.revision).toBe(0);
  });
});

describe('fix ticked flags everywhere, across articles', () => {
  it('previews every change of both articles, then applies the ticked ones in one go', async () => {
    const { ctx, app, csrf, corpus, second } = await setUp();
    const a = (await openFlags(ctx, corpus)).find((f) => f.check === 'name-variant')!;
    const b = (await openFlags(ctx, second)).find((f) => f.check === 'name-variant')!;
    expect([a.suggestions[0], b.suggestions[0]]).toEqual(['Cho Tae-yul', 'Cho Tae-yul']);
    const preview = await request(app).post('/issues/fixes/preview').type('form')
      .send({ _csrf: csrf, flag: [pickOf(corpus, a), pickOf(second, b)], back: '/issues?check=name-variant' })
      .expect(200);
    const segments = [...new Set([...spansOf(a).map((s) => `${corpus}:${s.segment}`), ...spansOf(b).map((s) => `${second}:${s.segment}`)])];
    const changes = [...preview.text.matchAll(/<input type="checkbox" name="change" value="([^"]+)" checked>/g)].map((m) => m[1]!);
    expect(changes).toEqual(segments);
    expect(preview.text).toContain('4 places in 3 segments of 2 articles.');
    expect(preview.text).toContain('<p class="text diff">Foreign Minister Cho Tae-<del>yeol</del><ins>yul</ins> met his Japanese counterpart in Tokyo on Monday.</p>');
    const bases = Object.fromEntries([...preview.text.matchAll(/<input type="hidden" name="(base_\d+_\d+)" value="(\d+)">/g)].map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(bases)).toHaveLength(changes.length);
    const form = { _csrf: csrfOf(preview.text), flag: [pickOf(corpus, a), pickOf(second, b)], change: changes, back: '/issues?check=name-variant', ...bases };
    const applied = await request(app).post('/issues/fixes').type('form').send(form).expect(303);
    expect(applied.headers.location).toBe('/issues?check=name-variant&applied=4');
    expect((await getSegment(ctx.store, corpus, 4))!.edit).toMatch(/^Cho Tae-yul Criticizes/);
    expect((await getSegment(ctx.store, second, 1))!.edit).toBe('Foreign Minister Cho Tae-yul met his Japanese counterpart in Tokyo on Monday.');
    expect((await getSegment(ctx.store, second, 1))!.revision).toBe(1);
    const after = await request(app).get(String(applied.headers.location)).expect(200);
    expect(after.text).toContain('4 changes applied across the articles.');
    expect(rowsOf(after.text)).toEqual([]);
    // The same preview again is a conflict: every segment moved on since.
    await request(app).post('/issues/fixes').type('form').send(form).expect(422);
  });

  it('applies only the ticked changes, and refuses a preview that went stale with 409', async () => {
    const { ctx, app, csrf, corpus, second } = await setUp();
    const a = (await openFlags(ctx, corpus)).find((f) => f.check === 'name-variant')!;
    const b = (await openFlags(ctx, second)).find((f) => f.check === 'name-variant')!;
    const flag = [pickOf(corpus, a), pickOf(second, b)];
    // Only the second article's change is kept.
    await request(app).post('/issues/fixes').type('form')
      .send({ _csrf: csrf, flag, change: [`${second}:1`], [`base_${second}_1`]: '0', back: '/issues' })
      .expect(303).expect('location', '/issues?applied=1');
    expect((await getSegment(ctx.store, corpus, 4))!.revision).toBe(0);
    const stale = await request(app).post('/issues/fixes').type('form')
      .send({ _csrf: csrf, flag, change: [`${corpus}:4`], [`base_${corpus}_4`]: '7', back: '/issues' })
      .expect(409);
    expect(stale.text).toContain('changed since you saw the preview');
    expect((await getSegment(ctx.store, corpus, 4))!.revision).toBe(0);
  });

  it('says which ticked flags it leaves out: no suggestion, or no longer open', async () => {
    const { ctx, app, csrf, corpus } = await setUp();
    const open = await openFlags(ctx, corpus);
    const withSuggestion = open.find((f) => f.check === 'name-variant')!;
    const preview = await request(app).post('/issues/fixes/preview').type('form')
      .send({ _csrf: csrf, flag: [pickOf(corpus, withSuggestion), `${corpus}:gone-fingerprint`] })
      .expect(200);
    expect(preview.text).toContain('1 ticked flag is no longer open (fixed or dismissed since), so it is left out.');
    const none = await request(app).post('/issues/fixes/preview').type('form').send({ _csrf: csrf }).expect(422);
    expect(none.text).toContain('Tick at least one flag to fix.');
  });
});

describe('GET /issues/export', () => {
  it('exports the current filter as CSV, every row, hostile text neutralised', async () => {
    const { ctx, app, corpus, second, hostile } = await setUp({ hostile: true });
    const res = await request(app).get('/issues/export?format=csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['content-disposition']).toBe('attachment; filename=copydesk-qa-list.csv');
    const rows = parseCsv(res.text, { columns: true }) as Record<string, string>[];
    const hostileRows = rows.filter((r) => r.articleId === String(hostile));
    expect(hostileRows.length).toBeGreaterThan(0);
    // The title starts with "=": a spreadsheet would run it, so it is quoted with a leading '.
    expect(hostileRows[0]!.articleTitle).toBe(`'${HOSTILE_TITLE}`);
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example"",""Cho <script>alert(1)</script>"")"`);
    const name = rows.find((r) => r.articleId === String(corpus) && r.check === 'name-variant')!;
    expect(name).toMatchObject({ severity: 'warning', segment: '5', where: 'Headline 5', places: '3', text: 'Cho Tae-yeol', suggestions: 'Cho Tae-yul', person: 'cho-tae-yul', url: `/articles/${corpus}#s4` });
    const total = (await openFlags(ctx, corpus)).length + (await openFlags(ctx, hostile!)).length + (await openFlags(ctx, second)).length;
    expect(rows).toHaveLength(total);
    const filtered = parseCsv((await request(app).get('/issues/export?format=csv&check=name-variant').expect(200)).text, { columns: true }) as Record<string, string>[];
    expect(filtered.map((r) => r.check)).toEqual(filtered.map(() => 'name-variant'));
    expect(filtered.length).toBe(rows.filter((r) => r.check === 'name-variant').length);
  });

  it('exports the current filter as JSON, text as written', async () => {
    const { ctx, app, hostile } = await setUp({ hostile: true });
    const res = await request(app).get(`/issues/export?format=json&article=${hostile}&group=check`).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const doc = JSON.parse(res.text) as { format: string; filters: object; total: number; issues: Record<string, unknown>[] };
    expect(doc.format).toBe('copydesk-issues');
    expect(doc.filters).toEqual({ article: hostile, group: 'check' });
    const open = await openFlags(ctx, hostile!);
    expect(doc.total).toBe(open.length);
    expect(doc.issues.map((i) => i.fingerprint)).toEqual([...open].sort((x, y) => (x.check < y.check ? -1 : x.check > y.check ? 1 : 0)).map((f) => f.fingerprint));
    expect(doc.issues.every((i) => i.articleTitle === HOSTILE_TITLE)).toBe(true);
    expect(Array.isArray(doc.issues[0]!.suggestions)).toBe(true);
  });

  it('refuses a format it does not write', async () => {
    const { app } = await setUp();
    const res = await request(app).get('/issues/export?format=xlsx').expect(422);
    expect(res.text).toContain('Choose an export format: csv or json.');
  });
});
