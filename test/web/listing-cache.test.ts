import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { sql } from 'kysely';
import { csrfOf, editorAgent, importText, makeApp } from '../helpers.js';
import { importFiles } from '../../src/service/import-articles.js';
import { createListingCache, LISTING_LAG_MS } from '../../src/web/listing-cache.js';
import { createPageSender } from '../../src/web/page-splice.js';
import express from 'express';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGE_REFRESH_MAX_STALE } from '../../src/service/context.js';
import { BACKEND } from '../support/backend.js';
import { tempFiles } from '../cli/cli-harness.js';

/** Renames an article behind the app's back: a change no counter records, so only a render shows it. */
async function renameQuietly(ctx: Awaited<ReturnType<typeof makeApp>>['ctx'], id: number, title: string): Promise<void> {
  await sql`UPDATE articles SET title = ${title} WHERE id = ${id}`.execute(ctx.store.db);
}

describe(`listing pages served from one rendered copy (${BACKEND})`, () => {
  it('serves the corpus page from its copy until something it shows is written, then renders it again', async () => {
    const { ctx, app } = await makeApp();
    const id = await importText(ctx, 'First Headline\n\nA paragraph of the first article.');
    expect((await request(app).get('/')).text).toContain('First Headline');
    await renameQuietly(ctx, id, 'Renamed Quietly');
    // Nothing recorded a change: the copy is served (this is what makes a page cost no render).
    expect((await request(app).get('/')).text).toContain('First Headline');
    // A real write (here the status, through the app) moves the counters: the next view renders.
    const { agent, csrf } = await editorAgent(app);
    await agent.post(`/articles/${id}/status`).type('form').send({ _csrf: csrf, status: 'in-review' }).expect(303);
    const after = await request(app).get('/');
    expect(after.text).toContain('Renamed Quietly');
    expect(after.text).toContain('In review');
  });

  it("gives each viewer their own CSRF token and name in the shared copy, and a named viewer the named page", async () => {
    const { ctx, app } = await makeApp();
    await importText(ctx, 'Shared Headline\n\nA paragraph.');
    const first = await request(app).get('/');
    const second = await request(app).get('/');
    // Two tabs of one session: its one token.
    expect(csrfOf(second.text)).toBe(csrfOf(first.text));
    const { agent, csrf } = await editorAgent(app, 'Ji-woo');
    const named = await agent.get('/');
    expect(named.text).toContain('<strong class="user-name">Ji-woo</strong>');
    expect(csrfOf(named.text)).toBe(csrf);
    expect(csrf).not.toBe(csrfOf(first.text));
    expect(first.text).not.toContain('Ji-woo');
  });

  it('keeps every URL apart (page, filter, sort) and answers a repeat with 304 when the browser has it', async () => {
    const { ctx, app } = await makeApp();
    await importText(ctx, 'Alpha Headline\n\nA paragraph.');
    await importText(ctx, 'Beta Headline\n\nA paragraph.');
    const all = await request(app).get('/');
    const alpha = await request(app).get('/?q=alpha');
    expect(all.text).toContain('Beta Headline');
    expect(alpha.text).not.toContain('Beta Headline');
    const agent = request.agent(app);
    const page = await agent.get('/names');
    expect(page.status).toBe(200);
    const again = await agent.get('/names').set('If-None-Match', String(page.headers.etag));
    expect(again.status).toBe(304);
  });

  it('while many articles wait for the background refresher, serves a copy up to LISTING_LAG_MS old, then renders again', async () => {
    let clock = 1_000_000;
    const { ctx, app } = await makeApp({ clock: () => clock });
    const files = Object.fromEntries(Array.from({ length: PAGE_REFRESH_MAX_STALE + 4 }, (_, i) => [`a${i}.txt`, `Waiting Headline ${i}\n\nParagraph ${i}.`]));
    const paths = Object.values(tempFiles('lag', files));
    // A folder import leaves its articles to the background refresher: more than a page refreshes itself.
    await importFiles(ctx, paths, { importedBy: 'test' });
    const before = await request(app).get('/?sort=title&dir=asc');
    expect(before.text).toContain('Waiting Headline 0');
    await renameQuietly(ctx, 1, 'Aaa Renamed');
    await sql`UPDATE counters SET value = value + 1 WHERE name = 'derived'`.execute(ctx.store.db);
    clock += LISTING_LAG_MS - 1;
    expect((await request(app).get('/?sort=title&dir=asc')).text).not.toContain('Aaa Renamed');
    clock += 2;
    expect((await request(app).get('/?sort=title&dir=asc')).text).toContain('Aaa Renamed');
  });

  it('renders once for requests that arrive together before any copy exists', async () => {
    const { ctx } = await makeApp();
    const cache = createListingCache(ctx, { sendPage: createPageSender() });
    // A bare app with a one-line view: the render is held open until every request has arrived.
    const app = express();
    const views = mkdtempSync(join(tmpdir(), 'copydesk-views-'));
    writeFileSync(join(views, 'one.txt'), 'rendered');
    app.engine('txt', (path: string, _opts: object, done: (err: Error | null, html?: string) => void) => done(null, readFileSync(path, 'utf8')));
    app.set('views', views);
    app.set('view engine', 'txt');
    let renders = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    app.get('/listing', (req, res, next) => cache.send(req, res, next, async () => {
      renders += 1;
      await gate;
      return { template: 'one', locals: {} };
    }));
    const server = app.listen(0);
    try {
      const { port } = server.address() as { port: number };
      const answers = Array.from({ length: 5 }, () => fetch(`http://127.0.0.1:${port}/listing`).then((r) => r.text()));
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      expect(await Promise.all(answers)).toEqual(Array.from({ length: 5 }, () => 'rendered'));
      expect(renders).toBe(1);
      expect(await (await fetch(`http://127.0.0.1:${port}/listing`)).text()).toBe('rendered');
      expect(renders).toBe(1);
    } finally {
      server.close();
    }
  });
});
