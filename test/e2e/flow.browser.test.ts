import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, startBrowserApp, warnIfNoBrowser } from '../support/browser.js';
import { createApp } from '../../src/web/app.js';
import { ensureTestUser, TEST_PASSWORD } from '../support/accounts.js';
import { createServiceContext, type ServiceContext } from '../../src/service/context.js';
import { openStore } from '../../src/store/open-store.js';
import { findSegment } from '../../src/service/save-segment.js';
import { importCorpusArticle } from '../helpers.js';

warnIfNoBrowser('the browser flow test');

const EDITOR = 'Min-ji';
const VIEWER = 'Dae-ho';
/** The standfirst whose MT reads "King Raises Issues at Meeting with Chinese Foreign Minister". */
const STANDFIRST = 5;
const FIXED = 'Cho Raises Issues at Meeting with Chinese Foreign Minister';

describe.skipIf(!hasBrowser)('the whole flow in a real browser: an editor corrects, a viewer only reads', () => {
  let ctx: ServiceContext;
  let server: Server;
  let browser: Browser;
  let base: string;
  let articleId: number;

  beforeAll(async () => {
    ctx = createServiceContext(await openStore({ sqlite: join(mkdtempSync(join(tmpdir(), 'copydesk-e2e-')), 'e2e.db') }));
    articleId = await importCorpusArticle(ctx);
    await ensureTestUser(ctx, EDITOR, 'editor');
    await ensureTestUser(ctx, VIEWER, 'viewer');
    const app = await createApp({ service: ctx, log: () => {} });
    ({ server, base, browser } = await startBrowserApp(app));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await ctx?.store.close();
  });

  /** Returns a page in a fresh browser context, and the console errors and uncaught exceptions of every page it shows. */
  async function openBrowser(): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()} (${m.location().url})`); });
    return { page, errors };
  }

  /** Signs in through the form the app redirected to, and waits to be back where it was going. */
  async function signIn(page: Page, username: string): Promise<void> {
    await page.waitForURL(/\/login\?next=/);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', TEST_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/`), page.click('form.sign-in button[type=submit]')]);
    expect(await page.locator('header.site .user-name').innerText()).toBe(username);
  }

  /** Opens the corpus article from the corpus page. */
  async function openArticle(page: Page): Promise<void> {
    await Promise.all([page.waitForURL(`${base}/articles/${articleId}`), page.click(`main a[href="/articles/${articleId}"]`)]);
    await page.waitForSelector(`#s${STANDFIRST}`);
  }

  /** Downloads the glossary as TBX through the glossary page's export form; returns the file's name and text. */
  async function exportGlossary(page: Page): Promise<{ name: string; text: string }> {
    await Promise.all([page.waitForURL(`${base}/glossary`), page.click('header.site nav a[href="/glossary"]')]);
    await page.selectOption('form.export-form select[name=format]', 'tbx');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('form.export-form button[type=submit]')]);
    expect(download.url()).toBe(`${base}/glossary/export?format=tbx`);
    expect(await download.failure()).toBeNull();
    return { name: download.suggestedFilename(), text: readFileSync((await download.path()) as string, 'utf8') };
  }

  // Before the editor's fixes, while the article still has flags with suggestions.
  it('shows a viewer the flags but no way to act on them: no fix-everywhere link, no import link', async () => {
    const { page, errors } = await openBrowser();
    await page.goto(`${base}/`);
    await signIn(page, VIEWER);
    expect(await page.locator('main a[href="/import"]').count()).toBe(0);
    await openArticle(page);
    expect(await page.locator('#check-name-variant .flag-message').first().innerText()).toContain('Cho Tae-yeol (headline, caption ×2) is spelled Cho Tae-yul');
    expect(await page.locator('#check-headline-subject .flag-message').innerText()).toContain('“King” is the standfirst\'s subject, but the lede is about Cho Tae-yul');
    // Each would answer 403: a viewer may read a flag, not preview or apply its fix.
    expect(await page.locator('a.fix-all, form.apply-form, form.dismiss-form').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('signs in as the editor, fixes King and the name everywhere, exports the glossary, signs out; the viewer can read and export but change nothing', async () => {
    // The editor.
    const editor = await openBrowser();
    let page = editor.page;
    await page.goto(`${base}/`);
    await signIn(page, EDITOR);
    await openArticle(page);
    expect(await page.locator('#check-headline-subject .flag-message').innerText()).toContain('“King” is the standfirst\'s subject, but the lede is about Cho Tae-yul');

    // "King" in the standfirst, edited in place.
    await page.click(`#s${STANDFIRST} [data-edit-target]`);
    const textarea = page.locator(`#s${STANDFIRST} textarea`);
    await expect.poll(() => textarea.isVisible()).toBe(true);
    await textarea.fill(FIXED);
    await textarea.press('Control+Enter');
    await page.waitForSelector(`#s${STANDFIRST}.is-edited`);
    await page.waitForSelector('html[data-refreshed]');
    expect(await page.locator('#check-headline-subject').count()).toBe(0);
    expect(await page.locator(`#s${STANDFIRST} .edit .text`).innerHTML()).toBe(`<ins>Cho</ins> ${FIXED.slice('Cho '.length)}`);
    expect(await page.locator(`#s${STANDFIRST} .segment-meta`).innerText()).toContain(`Edited · rev. 1 by ${EDITOR}`);

    // "Cho Tae-yul" everywhere, through the name-variant flag's preview.
    expect(await page.locator('#check-name-variant .flag-message').first().innerText()).toContain('Cho Tae-yeol (headline, caption ×2) is spelled Cho Tae-yul');
    await Promise.all([page.waitForURL(/\/fixes\?/), page.click('#check-name-variant a.fix-all')]);
    await page.waitForSelector('text=Replace “Cho Tae-yeol” with “Cho Tae-yul”');
    const places = await page.locator('ol.changes > li').count();
    expect(places).toBeGreaterThan(0);
    await Promise.all([page.waitForURL(new RegExp(`/articles/${articleId}\\?applied=`)), page.click('button:has-text("Apply the ticked changes")')]);
    await page.waitForSelector('.notice:has-text("Applied")');
    expect(await page.locator('#check-name-variant').count()).toBe(0);
    expect(await page.locator('#flags').innerText()).not.toContain('Tae-yeol');
    expect(await page.locator('#s4 .edit .text').innerText()).toContain('Cho Tae-yul Criticizes');

    const editorExport = await exportGlossary(page);
    expect(editorExport.name).toMatch(/\.tbx$/u);
    expect(editorExport.text).toContain('<tbx xmlns="urn:iso:std:iso:30042:ed-2"');

    await Promise.all([page.waitForURL(`${base}/login`), page.click('header.site form.author button[type=submit]')]);
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login\?next=/);
    expect(editor.errors).toEqual([]);

    // The viewer, in another browser.
    const viewer = await openBrowser();
    page = viewer.page;
    await page.goto(`${base}/`);
    await signIn(page, VIEWER);
    await openArticle(page);
    // The editor's work is there to read.
    expect(await page.locator(`#s${STANDFIRST} .edit .text`).innerText()).toBe(FIXED);
    // Nothing that changes the article: no edit form or click-to-edit, no apply, dismiss, status or
    // engine form, no link to a fix's preview. The one form that posts is signing out.
    expect(await page.locator('[data-edit-target], details.edit-form, form.save-form').count()).toBe(0);
    expect(await page.locator('form.apply-form, form.dismiss-form, form.status-form, form.distinct-form, form.glossary-form, a.fix-all').count()).toBe(0);
    const posting = await page.locator('form').evaluateAll((forms) =>
      forms.filter((f) => (f as HTMLFormElement).method === 'post').map((f) => new URL((f as HTMLFormElement).action).pathname));
    expect(posting).toEqual(['/logout']);

    // A save forged from the page, with the page's own CSRF token: refused by role.
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const forgedUrl = `/articles/${articleId}/segments/${STANDFIRST}`;
    const forged = await page.evaluate(async ({ url, token }) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-requested-with': 'fetch' },
        body: new URLSearchParams({ _csrf: token, base: '1', text: 'King Raises Issues at Meeting with Chinese Foreign Minister' }),
        credentials: 'same-origin',
      });
      return { status: res.status, body: await res.json() as { error?: string } };
    }, { url: forgedUrl, token: csrf });
    expect(forged).toEqual({ status: 403, body: { error: 'Your role (viewer) cannot do this; it needs an editor. Ask an admin if you should.' } });
    expect((await findSegment(ctx, articleId, STANDFIRST))?.edit).toBe(FIXED);
    // Chromium logs the refused request itself as a console error: that one is expected, no other.
    const unexpected = viewer.errors.filter((e) => !(e.includes('status of 403') && e.endsWith(`(${base}${forgedUrl})`)));
    expect(viewer.errors.length - unexpected.length).toBe(1);

    const viewerExport = await exportGlossary(page);
    const undated = (text: string) => text.replace(/Exported from Copydesk on [^:]+:\d\d:[\d.]+Z/u, 'Exported from Copydesk on (time)');
    expect({ ...viewerExport, text: undated(viewerExport.text) }).toEqual({ ...editorExport, text: undated(editorExport.text) });
    expect(unexpected).toEqual([]);
  }, 120_000);
});
