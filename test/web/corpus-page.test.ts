/**
 * Issue 10: the corpus page (`/`) is paginated on the server with filters, full-text search and
 * sort; the names and reports pages page their long lists and say how many articles they cover;
 * the jobs page shows a re-check's progress.
 */
import { beforeAll, describe, it, expect } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { sql } from 'kysely';
import type { ServiceContext } from '../../src/service/context.js';
import { changeStatus } from '../../src/service/articles.js';
import { saveEdit } from '../../src/service/save-segment.js';
import { getSegment } from '../../src/store/segments.js';
import { editorAgent, makeApp, signedInApp } from '../helpers.js';
import { createApp } from '../../src/web/app.js';
import { BACKEND } from '../support/backend.js';
import { importUnrefreshed, settle } from '../support/derived-state.js';

/** The corpus every test here reads (built once: its import and refresh are most of the file's time). */
interface Newsroom {
  readonly ctx: ServiceContext;
  readonly app: Express;
  /** 100 market reports imported on 1 November, engines A (odd) and B (even). */
  readonly markets: readonly number[];
  /** 10 articles imported on 5 November in which MT wrote the surname Wang as "King" (an open error each). */
  readonly talks: readonly number[];
  readonly korean: number;
  readonly hostile: number;
  readonly edited: { readonly min: readonly number[]; readonly jae: number };
  readonly done: readonly number[];
}

const HOSTILE_TITLE = '<script>alert("x")</script> & Co <b>Report</b>';

async function newsroom(): Promise<Newsroom> {
  const { ctx, app } = await makeApp();
  const markets = await importUnrefreshed(ctx.store, Array.from({ length: 100 }, (_, i) =>
    `Market Report ${String(i + 1).padStart(3, '0')}\n\nShares rose by ${i + 1} points in Seoul on Monday, traders said.`), {
    from: new Date('2026-11-01T08:00:00.000Z'), engine: (i) => (i % 2 === 0 ? 'Engine A' : 'Engine B'), sourceName: (i) => `market-${i + 1}.txt`,
  });
  const talks = await importUnrefreshed(ctx.store, Array.from({ length: 10 }, (_, i) =>
    `Talks Number ${i + 1} in Beijing\n\nKing met Wang Yi on day ${i + 1} of the visit.`), { from: new Date('2026-11-05T08:00:00.000Z'), sourceName: (i) => `talks-${i + 1}.txt` });
  const [korean] = await importUnrefreshed(ctx.store, ['Foreign Minister Visits Beijing\n\nThe minister met 외교부 officials in Beijing on Tuesday.'], { from: new Date('2026-11-06T08:00:00.000Z'), sourceName: () => 'korean.txt' });
  const [hostile] = await importUnrefreshed(ctx.store, [`${HOSTILE_TITLE}\n\nA body with <i>markup</i> & an "ampersand" quxbaz.`], { from: new Date('2026-11-07T08:00:00.000Z'), sourceName: () => '<evil>.txt' });
  await settle(ctx);
  // Edits: two editors, a few articles; the saves move them to in review.
  const edit = async (id: number, position: number, change: (t: string) => string, author: string) => {
    const segment = (await getSegment(ctx.store, id, position))!;
    await saveEdit(ctx, segment, { text: change(segment.edit), baseNumber: segment.revision, author });
  };
  await edit(talks[0]!, 1, (t) => t.replace('King', 'Zorblat'), 'Min-ji');
  await edit(talks[0]!, 1, (t) => t.replace('Zorblat', 'Wang'), 'Min-ji');
  await edit(markets[10]!, 1, (t) => t.replace('Shares rose', 'Stocks climbed'), 'Min-ji');
  await edit(markets[20]!, 0, (t) => `${t} (corrected)`, 'Jae-won');
  const done = [markets[0]!, markets[1]!, markets[2]!];
  for (const id of done) await changeStatus(ctx, id, 'done');
  await settle(ctx);
  return { ctx, app, markets, talks, korean: korean!, hostile: hostile!, edited: { min: [talks[0]!, markets[10]!], jae: markets[20]! }, done };
}

/** One row of the corpus table as the page shows it. */
interface ShownRow {
  readonly id: number;
  readonly title: string;
  readonly status: string;
  readonly flags: string;
  readonly changed: string;
  readonly lastEdited: string;
}

function rowsOf(html: string): ShownRow[] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr[^>]*>\s*<td><a href="\/articles\/(\d+)">([^<]*)<\/a><br><small>[^<]*<\/small><\/td>\s*<td><span class="status status-([a-z-]+)">[^<]*<\/span><\/td>\s*<td>(.*?)<\/td>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>/gs)]
    .map((m) => ({ id: Number(m[1]), title: m[2]!, status: m[3]!, flags: m[4]!.replace(/<[^>]+>/g, ''), changed: m[5]!, lastEdited: m[6]! }));
}

function idsOf(html: string): number[] {
  return rowsOf(html).map((r) => r.id);
}

function showingOf(html: string): string | undefined {
  return /<p class="showing">Showing ([^<]*)<\/p>/.exec(html)?.[1];
}

function linkOf(html: string, rel: 'next' | 'prev'): string | undefined {
  return new RegExp(`<a href="([^"]*)" rel="${rel}">`).exec(html)?.[1]?.replace(/&amp;/g, '&');
}

let room: Newsroom;
beforeAll(async () => {
  room = await newsroom();
}, 120_000);

/** GETs a page of the newsroom's app and expects a 200. */
async function page(url: string): Promise<string> {
  const res = await request(room.app).get(url);
  expect(res.status, `${url}: ${res.text.slice(0, 300)}`).toBe(200);
  return res.text;
}

/** Every article's sort keys, read from the database, for the expected orders. */
async function sortKeys(): Promise<{ id: number; title: string; status: string; importedAt: string; errors: number; changed: number; edited: string | null }[]> {
  const { rows } = await sql<{ id: number; title: string; status: string; importedAt: string; errors: number; changed: number; edited: string | null }>`
    SELECT a.id, a.title, a.status, a.imported_at AS "importedAt", s.open_errors AS errors, s.changed_share AS changed, s.last_edited_at AS edited
    FROM articles a JOIN article_stats s ON s.article_id = a.id`.execute(room.ctx.store.db);
  return rows.map((r) => ({ ...r, errors: Number(r.errors), changed: Number(r.changed) }));
}

describe(`GET / paging (${BACKEND})`, () => {
  it('shows 50 articles a page, newest import first, with how many there are and links to the pages around', async () => {
    const total = room.markets.length + room.talks.length + 2;
    const first = await page('/');
    expect(showingOf(first)).toBe(`1–50 of ${total} articles`);
    expect(first).toContain(`${total} articles, 3 done`);
    expect(idsOf(first)).toEqual([room.hostile, room.korean, ...[...room.talks].reverse(), ...[...room.markets].reverse()].slice(0, 50));
    expect(linkOf(first, 'prev')).toBeUndefined();
    expect(linkOf(first, 'next')).toBe('/?page=2');
    expect(first).toContain('Page 1 of 3');

    const second = await page('/?page=2');
    expect(showingOf(second)).toBe(`51–100 of ${total} articles`);
    expect(idsOf(second)).toEqual([...room.markets].reverse().slice(38, 88));
    expect(linkOf(second, 'prev')).toBe('/');
    expect(linkOf(second, 'next')).toBe('/?page=3');

    const last = await page('/?page=3');
    expect(showingOf(last)).toBe(`101–${total} of ${total} articles`);
    expect(idsOf(last)).toEqual(room.markets.slice(0, total - 100).reverse());
    expect(linkOf(last, 'next')).toBeUndefined();
    // Together the pages list every article once.
    expect(new Set([...idsOf(first), ...idsOf(second), ...idsOf(last)]).size).toBe(total);
  });

  it('keeps the filters and the sort in the paging links', async () => {
    const html = await page('/?engine=Engine+A&sort=title&dir=desc');
    expect(showingOf(html)).toBe('1–50 of 50 matching articles (of 112)');
    const byB = await page('/?engine=Engine+B&sort=title&dir=asc&status=not-started');
    expect(showingOf(byB)).toBe('1–49 of 49 matching articles (of 112)');
    const talks = await page('/?q=talks&sort=title&dir=desc');
    expect(linkOf(talks, 'next')).toBeUndefined();
    const all = await page('/?sort=title&dir=desc');
    expect(linkOf(all, 'next')).toBe('/?sort=title&dir=desc&page=2');
    expect(linkOf(await page('/?sort=title&dir=desc&page=2'), 'prev')).toBe('/?sort=title&dir=desc');
  });

  it('answers a page past the end with where the last page is, not with an empty corpus', async () => {
    const html = await page('/?page=9');
    expect(rowsOf(html)).toEqual([]);
    expect(html).not.toContain('No articles yet');
    expect(html).toContain('There is no page 9: there are 3.');
    expect(html).toContain('<a href="/?page=3">Go to page 3</a>');
    const filtered = await page('/?q=talks&page=4');
    expect(filtered).toContain('There is no page 4: there is 1.');
    expect(filtered).toContain('<a href="/?q=talks">Go to page 1</a>');
  });
});

describe(`GET / filters (${BACKEND})`, () => {
  it('filters by status, engine, open errors, editor and import date, each alone and together', async () => {
    const ids = async (url: string) => {
      const all: number[] = [];
      for (let n = 1; n <= 5; n += 1) {
        const html = await page(`${url}${url.includes('?') ? '&' : '?'}page=${n}`);
        all.push(...idsOf(html));
        if (!linkOf(html, 'next')) break;
      }
      return all.sort((a, b) => a - b);
    };
    const sorted = (list: readonly number[]) => [...list].sort((a, b) => a - b);
    expect(await ids('/?status=done')).toEqual(sorted(room.done));
    expect(await ids('/?status=in-review')).toEqual(sorted([...room.edited.min, room.edited.jae]));
    expect(await ids('/?engine=Engine+A')).toEqual(room.markets.filter((_, i) => i % 2 === 0));
    expect(await ids('/?engine=(unknown)')).toEqual(sorted([...room.talks, room.korean, room.hostile]));
    // King in the talks is a surname read as a word (an error); the first talks article was corrected back to Wang.
    expect(await ids('/?errors=1')).toEqual(room.talks.slice(1));
    expect(await ids('/?editor=Min-ji')).toEqual(sorted(room.edited.min));
    expect(await ids('/?editor=Jae-won')).toEqual([room.edited.jae]);
    expect(await ids('/?editor=Nobody')).toEqual([]);
    expect(await ids('/?from=2026-11-05&to=2026-11-05')).toEqual(room.talks);
    expect(await ids('/?from=2026-11-06')).toEqual([room.korean, room.hostile]);
    expect(await ids('/?to=2026-11-01')).toEqual(room.markets);
    expect(await ids('/?status=done&engine=Engine+B')).toEqual([room.done[1]]);
    expect(await ids('/?errors=1&from=2026-11-06')).toEqual([]);
    expect(await ids('/?errors=1&status=not-started&to=2026-11-05')).toEqual(room.talks.slice(1));
    // The filter form shows what was chosen.
    const html = await page('/?status=done&engine=Engine+B&editor=Min-ji&errors=1&from=2026-11-02&to=2026-11-30');
    expect(html).toContain('<option value="done" selected>');
    expect(html).toContain('<option value="Engine B" selected>');
    expect(html).toContain('<option value="Min-ji" selected>');
    expect(html).toContain('name="errors" value="1" checked');
    expect(html).toContain('name="from" value="2026-11-02"');
    expect(html).toContain('No article matches.');
  });

  it('ignores a malformed parameter (a stale bookmark) and shows the corpus as if it were not there', async () => {
    const plain = idsOf(await page('/'));
    for (const query of [
      'page=abc', 'page=0', 'page=-2', 'page=1.5', 'page=1e9', 'sort=bogus', 'dir=sideways', 'status=archived', 'errors=yes',
      'from=2026-13-45', 'to=yesterday', 'from=2026-02-30', 'q=', 'q[]=a&q[]=b', 'page=1&page=2', `q=${'x'.repeat(500)}`, 'engine=',
    ]) {
      const html = await page(`/?${query}`);
      expect(idsOf(html), query).toEqual(plain);
      expect(showingOf(html), query).toBe('1–50 of 112 articles');
    }
  });
});

describe(`GET / search (${BACKEND})`, () => {
  /** The articles a search finds, every page of them. */
  const found = async (q: string) => {
    const all: number[] = [];
    for (let url: string | undefined = `/?q=${encodeURIComponent(q)}`; url; ) {
      const html = await page(url);
      all.push(...idsOf(html));
      url = linkOf(html, 'next');
    }
    return all.sort((a, b) => a - b);
  };

  it('finds words of the title and the MT, every word given, in any case', async () => {
    expect(await found('Talks')).toEqual(room.talks);
    expect(await found('traders SEOUL')).toEqual([...room.markets]);
    expect(await found('Report 042')).toEqual([room.markets[41]]);
    expect(await found('talks market')).toEqual([]);
    expect(await found('외교부')).toEqual([room.korean]);
  });

  it('finds the words an edit brought in as soon as it is saved, and keeps finding the MT it replaced', async () => {
    const [id] = room.edited.min.slice(1);
    expect(await found('Stocks climbed')).toEqual([id]);
    // The MT is kept beside every edit (search is over MT and edits): its words still find the article.
    expect(await found('Shares rose 11')).toEqual([id]);
    // A word that stood only in an edit since replaced is found nowhere.
    expect(await found('Zorblat')).toEqual([]);
    expect(await found('Wang day 1 Beijing')).toContain(room.talks[0]);
    // A new save is searchable on the next request.
    const segment = (await getSegment(room.ctx.store, room.korean, 1))!;
    await saveEdit(room.ctx, segment, { text: segment.edit.replace('외교부 officials', 'Foreign Ministry officials'), baseNumber: segment.revision, author: 'Jae-won' });
    expect(await found('ministry')).toEqual([room.korean]);
    expect(await found('외교부')).toEqual([room.korean]);
  });

  it('reads quotes, NEAR, minus signs, stars and brackets in a search as plain words, never as the index’s syntax', async () => {
    const talks = await found('talks');
    expect(talks).toEqual(room.talks);
    // Each finds what its words typed plainly find: a minus does not exclude, a star does not widen, NEAR is a word.
    for (const [q, words] of [
      ['"talks', 'talks'], ['talks"', 'talks'], ['"talks beijing"', 'talks beijing'], ['talks*', 'talks'], ['-talks', 'talks'], ['+talks', 'talks'],
      ['talks -beijing', 'talks beijing'], ['NEAR(talks beijing)', 'near talks beijing'], ['talks NOT beijing', 'talks not beijing'], ['(talks)', 'talks'],
      ['talks:', 'talks'], ['title:talks', 'title talks'], ["talks'", 'talks'], ['talks AND', 'talks and'], ['^talks', 'talks'], ['talks\\', 'talks'],
      ['talks & | !', 'talks'], ['{talks}', 'talks'], ['talks OR market', 'talks or market'],
    ] as const) {
      expect(await found(q), q).toEqual(await found(words));
    }
    expect(await found('talks -beijing')).toEqual(room.talks);
    expect(await found('NEAR(talks beijing)')).toEqual([]);
    // A search of signs only has no word: it finds every article, as no search does.
    for (const q of ['"', '*', '-', '()', "'", '\\', '":*^']) {
      const html = await page(`/?q=${encodeURIComponent(q)}`);
      expect(showingOf(html), q).toMatch(/of 112 (matching )?articles/);
    }
  });
});

describe(`GET / sort (${BACKEND})`, () => {
  it('sorts by every column in both directions, ties by id, articles without a value last', async () => {
    const keys = await sortKeys();
    const cmp = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
    const expected = (column: 'title' | 'status' | 'importedAt' | 'errors' | 'changed' | 'edited', isDescending: boolean) =>
      [...keys].sort((a, b) => {
        const [x, y] = [a[column], b[column]];
        // Nothing to sort by (never edited): last whichever the direction.
        if (x === null || y === null) return cmp(x, y) || (isDescending ? b.id - a.id : a.id - b.id);
        return (isDescending ? cmp(y, x) : cmp(x, y)) || (isDescending ? b.id - a.id : a.id - b.id);
      }).map((k) => k.id).slice(0, 50);
    const columns = { title: 'title', status: 'status', imported: 'importedAt', errors: 'errors', changed: 'changed', edited: 'edited' } as const;
    for (const [sort, column] of Object.entries(columns)) {
      for (const dir of ['asc', 'desc'] as const) {
        const html = await page(`/?sort=${sort}&dir=${dir}`);
        expect(idsOf(html), `${sort} ${dir}`).toEqual(expected(column, dir === 'desc'));
        // The column's head says how it is sorted, and links to the other direction.
        expect(html, `${sort} ${dir}`).toContain(`aria-sort="${dir === 'asc' ? 'ascending' : 'descending'}"`);
      }
    }
    // The default sort of a column (a click on its head) is the one a reader wants first.
    expect([room.korean, room.edited.jae, ...room.edited.min]).toContain(idsOf(await page('/?sort=edited'))[0]);
    expect(room.talks).toContain(idsOf(await page('/?sort=errors'))[0]);
  });

  it('links each column head to its sort, and the current one to the other direction', async () => {
    const html = await page('/?sort=title&dir=asc&status=done');
    expect(html).toContain('<a href="/?status=done&amp;sort=title&amp;dir=desc">Article ▲</a>');
    expect(html).toContain('<a href="/?status=done&amp;sort=edited">Last edited</a>');
    expect(html).toContain('<a href="/?status=done&amp;sort=status">Status</a>');
  });
});

describe(`GET / escaping (${BACKEND})`, () => {
  it('prints titles, file names and the search as text, never as markup', async () => {
    const html = await page('/?q=quxbaz');
    expect(rowsOf(html).map((r) => r.id)).toEqual([room.hostile]);
    expect(html).toContain('&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co &lt;b&gt;Report&lt;/b&gt;');
    expect(html).toContain('&lt;evil&gt;.txt');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>Report');
    const search = await page(`/?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(search).toContain('value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(search).not.toContain('<script>alert(1)');
  });
});

describe(`GET /names and GET /reports paging (${BACKEND})`, () => {
  it('pages the people 50 at a time and says how many articles the page covers', async () => {
    const { ctx, app } = await makeApp();
    const surnames = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang'];
    const given = ['Min-su', 'Ji-hoon', 'Seo-yeon', 'Hye-jin', 'Dong-hyun', 'Sung-min', 'Eun-ji', 'Jae-won', 'Yoo-na', 'Tae-hee'];
    const people = surnames.flatMap((s) => given.map((g) => `${s} ${g}`));
    await importUnrefreshed(ctx.store, people.map((p, i) => `Lawmaker Speaks Number ${i + 1}\n\nLawmaker ${p} spoke in Seoul on the ${(i % 28) + 1}th. ${p} said the budget would pass.`));
    await settle(ctx);
    const first = await request(app).get('/names').expect(200);
    expect(first.text).toContain(`${people.length} people named across the corpus’s ${people.length} articles;`);
    const shown = (html: string) => [...html.matchAll(/<tr id="[^"]+"[^>]*>\s*<td><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    expect(shown(first.text)).toHaveLength(50);
    expect(linkOf(first.text, 'next')).toBe('/names?page=2');
    const second = await request(app).get('/names?page=2').expect(200);
    expect(shown(second.text)).toHaveLength(people.length - 50);
    expect(linkOf(second.text, 'prev')).toBe('/names?page=1');
    expect(new Set([...shown(first.text), ...shown(second.text)])).toEqual(new Set(people));
    // Articles imported but not yet refreshed (more than a page refreshes itself) are not covered yet, and the page says so.
    await importUnrefreshed(ctx.store, Array.from({ length: 20 }, (_, i) => `Budget Passes Number ${i + 1}\n\nLawmaker Kim Min-su spoke on day ${i + 1}.`));
    // (Another instance: this one may serve its copy of a moment ago while the refresher is busy, listing-cache.ts.)
    const stale = await request(await signedInApp(ctx, await createApp({ service: ctx, log: () => {} }))).get('/names').expect(200);
    expect(stale.text).toContain(`${people.length} people named across ${people.length} of the corpus’s ${people.length + 20} articles;`);
  });

  it('pages the reports’ articles 50 at a time and says how many articles the figures cover', async () => {
    const html = await page('/reports?sort=title&dir=asc');
    expect(html).toContain('Figures cover 112 of 112 articles');
    const titles = (text: string) => [...text.slice(text.indexOf('id="articles"')).matchAll(/<td><a href="\/articles\/(\d+)">/g)].map((m) => Number(m[1]));
    expect(titles(html)).toHaveLength(50);
    expect(html).toContain('Page 1 of 3');
    const next = /<a href="([^"]+)" rel="next">/.exec(html.slice(html.indexOf('id="articles"')))?.[1]?.replace(/&amp;/g, '&');
    expect(next).toBe('/reports?sort=title&dir=asc&page=2#articles');
    const second = await page('/reports?sort=title&dir=asc&page=2');
    const third = await page('/reports?sort=title&dir=asc&page=3');
    expect(new Set([...titles(html), ...titles(second), ...titles(third)]).size).toBe(112);
  });
});

describe(`GET /jobs (${BACKEND})`, () => {
  it('lists the re-check a glossary decision starts, with its progress, until it is done', async () => {
    const { ctx, app } = await makeApp();
    await importUnrefreshed(ctx.store, Array.from({ length: 30 }, (_, i) => `Talks Number ${i + 1} in Beijing\n\nKing met Wang Yi on day ${i + 1}.`));
    await settle(ctx);
    const { agent, csrf } = await editorAgent(app, 'Min-ji', 'terminologist');
    await agent.post('/glossary').type('form').send({ _csrf: csrf, type: 'person', preferred: 'Wang Yi', admitted: '', deprecated: 'Wang Yee', korean: '', note: '' }).expect(303);
    const running = (await agent.get('/jobs').expect(200)).text;
    expect(running).toContain('Checking every article again: the glossary gained “Wang Yi”');
    expect(running).toMatch(/<progress max="30" value="0">0%<\/progress> 0 of 30 \(0%\)/);
    expect(running).toContain('<td>Min-ji</td>');
    await sql`UPDATE articles SET is_dirty = 1 WHERE id <= 10`.execute(ctx.store.db);
    const { refreshStale } = await import('../../src/service/refresh.js');
    await refreshStale(ctx.store, { now: () => new Date(ctx.now()), decisionsOf: ctx.decisionsOf, limit: 12 });
    expect((await agent.get('/jobs').expect(200)).text).toMatch(/<progress max="30" value="12">40%<\/progress> 12 of 30 \(40%\)/);
    await settle(ctx);
    const done = (await agent.get('/jobs').expect(200)).text;
    expect(done).toMatch(/<tr class="job-done">/);
    expect(done).toMatch(/30 of 30 \(done\)/);
  });
});
