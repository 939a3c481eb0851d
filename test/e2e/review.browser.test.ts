import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, BrowserContext } from 'playwright-core';
import { hasBrowser, startBrowserApp } from '../support/browser.js';
import { createApp } from '../../src/web/app.js';
import { ensureTestUser, TEST_PASSWORD } from '../support/accounts.js';
import { createServiceContext, type ServiceContext } from '../../src/service/context.js';
import { openStore } from '../../src/store/open-store.js';
import { findSegment, saveEdit } from '../../src/service/save-segment.js';
import { importCorpusArticle } from '../helpers.js';


describe.skipIf(!hasBrowser)('the review page in a real browser', () => {
  let ctx: ServiceContext;
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let articleId: number;

  beforeAll(async () => {
    ctx = createServiceContext(await openStore({ sqlite: join(mkdtempSync(join(tmpdir(), 'copydesk-e2e-')), 'e2e.db') }));
    articleId = await importCorpusArticle(ctx);
    await ensureTestUser(ctx, 'Min-ji', 'editor');
    const app = await createApp({ service: ctx, log: () => {} });
    ({ server, base, browser } = await startBrowserApp(app));
    // One context, like one editor's browser: the session signed into in the first test carries over.
    context = await browser.newContext();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await ctx?.store.close();
  });

  it('edits a segment in place: click, type, Ctrl+Enter saves without a reload and shows the diff', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

    await page.goto(`${base}/`);
    // Not signed in: the corpus sends the browser to the sign-in form, and back after it.
    await page.waitForURL(/\/login\?next=/);
    await page.fill('input[name=username]', 'Min-ji');
    await page.fill('input[name=password]', TEST_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/`), page.click('form.sign-in button[type=submit]')]);
    await page.click(`a[href="/articles/${articleId}"]`);
    await page.waitForSelector('#s5');
    expect(await page.locator('#check-headline-subject .flag-message').innerText()).toContain('“King” is the standfirst\'s subject, but the lede is about Cho Tae-yul');
    await page.evaluate(() => { (globalThis as unknown as { marker: number }).marker = 42; });

    await page.click('#s5 [data-edit-target]');
    const textarea = page.locator('#s5 textarea');
    await expect.poll(() => textarea.isVisible()).toBe(true);
    await textarea.fill('Cho Raises Issues at Meeting with Chinese Foreign Minister');
    await textarea.press('Control+Enter');

    await page.waitForSelector('#s5.is-edited');
    // The rest of the page follows: the "King" flag is gone from the panel without a reload.
    await page.waitForSelector('html[data-refreshed]');
    expect(await page.locator('#check-headline-subject').count()).toBe(0);
    expect(await page.locator('#s5 .mt .text').innerHTML()).toBe('<del>King</del> Raises Issues at Meeting with Chinese Foreign Minister');
    expect(await page.locator('#s5 .edit .text').innerHTML()).toBe('<ins>Cho</ins> Raises Issues at Meeting with Chinese Foreign Minister');
    expect(await page.locator('#s5 .segment-meta').innerText()).toContain('Edited · rev. 1 by Min-ji');
    // Issue 13, bugs 1 and 2: every figure follows the save without a reload (both figure lists and
    // the status form), and the focus stays on the saved segment.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('s5');
    expect(await page.locator('select[name=status]').inputValue()).toBe('in-review');
    expect(await page.locator('.stats.quality').innerText()).not.toMatch(/HTER\s*0\.0%/);
    expect(await page.locator('.stats.quality').innerText()).toMatch(/1 proposed/);
    expect(await page.locator('.article-head .stats').first().innerText()).toMatch(/In review/);
    expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'copydesk-review.png'), fullPage: false });

    // A reload shows the same saved state (it was stored, not only drawn).
    await page.reload();
    expect(await page.locator('#s5 .edit .text').innerHTML()).toBe('<ins>Cho</ins> Raises Issues at Meeting with Chinese Foreign Minister');
    await page.close();
  }, 60_000);

  it('falls back to the conflict page when someone saved the segment in between', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/articles/${articleId}`);
    await page.click('#s6 [data-edit-target]');
    // Someone else saves segment 6 after this page was loaded.
    await saveEdit(ctx, (await findSegment(ctx, articleId, 6))!, { text: 'Their version of the paragraph.', baseNumber: 0, author: 'Joon' });
    const textarea = page.locator('#s6 textarea');
    await textarea.fill('My version of the paragraph.');
    await textarea.press('Control+Enter');
    await page.waitForSelector('text=Someone saved this segment first');
    expect(await page.locator('textarea#text').inputValue()).toBe('My version of the paragraph.');
    expect(await page.content()).toContain('Their version of the paragraph.');
    await page.close();
  }, 60_000);

  it('fixes a name everywhere: preview every change as a diff, apply, and the flags are gone', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/articles/${articleId}`);
    await page.screenshot({ path: join(tmpdir(), 'copydesk-flags.png'), fullPage: false });
    await page.click('#check-name-variant a.fix-all');
    await page.waitForSelector('text=Replace “Cho Tae-yeol” with “Cho Tae-yul”');
    expect(await page.locator('ol.changes > li').count()).toBe(2);
    expect(await page.locator('ol.changes del').first().innerText()).toBe('yeol');
    await page.click('button:has-text("Apply the ticked changes")');
    await page.waitForSelector('.notice:has-text("Applied 3 changes")');
    expect(await page.locator('#check-name-variant').count()).toBe(0);
    expect(await page.locator('#s4 .edit .text').innerText()).toContain('Cho Tae-yul Criticizes');
    await page.close();
  }, 60_000);
});
