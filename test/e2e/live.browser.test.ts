/**
 * Issue 13, live updates, in a real browser: two editors (two browser contexts, two sessions) on
 * the corpus article. Each sees that the other has it open; a segment one saves appears on the
 * other's page without a reload; text the other is typing is never touched, a notice says what
 * happened, and saving it still goes through the conflict page.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasBrowser, startBrowserApp } from '../support/browser.js';
import { createApp } from '../../src/web/app.js';
import { ensureTestUser, TEST_PASSWORD } from '../support/accounts.js';
import { createServiceContext, type ServiceContext } from '../../src/service/context.js';
import { openStore } from '../../src/store/open-store.js';
import { importCorpusArticle } from '../helpers.js';


/** The corpus article's standfirst ("King Raises Issues…"), and two body paragraphs. */
const STANDFIRST = 5;
const CONFLICTED = 6;
const DROPPED = 7;

describe.skipIf(!hasBrowser)('live updates on the review page, in a real browser', () => {
  let ctx: ServiceContext;
  let server: Server;
  let browser: Browser;
  let base: string;
  let articleId: number;
  /** Min-ji's browser and Joon's. */
  let minji: BrowserContext;
  let joon: BrowserContext;
  const errors: string[] = [];

  /** Signs in through /login in `context` as `username` and returns a page on the article. */
  async function openArticle(context: BrowserContext, username: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${username}: ${m.text()}`); });
    await page.goto(`${base}/articles/${articleId}`);
    if (page.url().includes('/login')) {
      await page.fill('input[name=username]', username);
      await page.fill('input[name=password]', TEST_PASSWORD);
      await Promise.all([page.waitForURL(`${base}/articles/${articleId}`), page.click('form.sign-in button[type=submit]')]);
    }
    await page.waitForSelector(`#s${STANDFIRST}`);
    return page;
  }

  /** Saves segment `position` from `page` as an editor does: click, type, Ctrl+Enter. */
  async function saveFrom(page: Page, position: number, text: string): Promise<void> {
    await page.click(`#s${position} [data-edit-target]`);
    const textarea = page.locator(`#s${position} textarea`);
    await expect.poll(() => textarea.isVisible()).toBe(true);
    await textarea.fill(text);
    await textarea.press('Control+Enter');
    await page.waitForSelector(`#s${position}.is-edited .segment-meta[data-revision="1"]`);
  }

  beforeAll(async () => {
    ctx = createServiceContext(await openStore({ sqlite: join(mkdtempSync(join(tmpdir(), 'copydesk-e2e-')), 'e2e.db') }));
    articleId = await importCorpusArticle(ctx);
    await ensureTestUser(ctx, 'Min-ji', 'editor');
    await ensureTestUser(ctx, 'Joon', 'editor');
    const app = await createApp({ service: ctx, log: () => {} });
    ({ server, base, browser } = await startBrowserApp(app));
    minji = await browser.newContext();
    joon = await browser.newContext();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await ctx?.store.close();
  });

  it('says who else has the article open, in a polite live region, and updates it when they leave', async () => {
    const joonPage = await openArticle(joon, 'Joon');
    const note = joonPage.locator('.live-presence .notice');
    expect(await joonPage.locator('.live-presence').getAttribute('aria-live')).toBe('polite');
    // Alone: no note.
    await expect.poll(() => note.isHidden()).toBe(true);
    const minjiPage = await openArticle(minji, 'Min-ji');
    await expect.poll(() => note.textContent(), { timeout: 15_000 }).toBe('Also open by: Min-ji');
    await expect.poll(() => minjiPage.locator('.live-presence .notice').textContent(), { timeout: 15_000 }).toBe('Also open by: Joon');
    await minjiPage.close();
    await expect.poll(() => note.isHidden(), { timeout: 15_000 }).toBe(true);
    await joonPage.close();
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows a segment another editor saved, and the figures it moved, without a reload', async () => {
    const joonPage = await openArticle(joon, 'Joon');
    const minjiPage = await openArticle(minji, 'Min-ji');
    await joonPage.evaluate(() => { (globalThis as unknown as { marker: number }).marker = 42; });
    expect(await joonPage.locator('.article-head .stats').first().innerText()).toMatch(/Not started/);

    await saveFrom(minjiPage, STANDFIRST, 'Cho Raises Issues at Meeting with Chinese Foreign Minister');
    const edit = joonPage.locator(`#s${STANDFIRST} .edit .text`);
    await expect.poll(() => edit.innerHTML(), { timeout: 15_000 }).toBe('<ins>Cho</ins> Raises Issues at Meeting with Chinese Foreign Minister');
    expect(await joonPage.locator(`#s${STANDFIRST} .segment-meta`).innerText()).toContain('Edited · rev. 1 by Min-ji');
    // The figures follow as after a save of one's own (app.js's refresh): the status, the "King" flag gone.
    await expect.poll(() => joonPage.locator('.article-head .stats').first().innerText(), { timeout: 15_000 }).toMatch(/In review/);
    await expect.poll(() => joonPage.locator('#check-headline-subject').count()).toBe(0);
    // The same page: no reload happened.
    expect(await joonPage.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);
    // Joon's next save of the segment starts from Min-ji's revision: no conflict.
    expect(await joonPage.locator(`#s${STANDFIRST} input[name=base]`).inputValue()).toBe('1');
    await minjiPage.close();
    await joonPage.close();
    expect(errors).toEqual([]);
  }, 60_000);

  it('never touches text being typed: a notice says who saved, saving goes to the conflict page, Esc shows theirs', async () => {
    const joonPage = await openArticle(joon, 'Joon');
    const minjiPage = await openArticle(minji, 'Min-ji');

    // Joon is typing in two segments when Min-ji saves both.
    for (const position of [CONFLICTED, DROPPED]) {
      await joonPage.click(`#s${position} [data-edit-target]`);
      await joonPage.locator(`#s${position} textarea`).fill(`Joon's unsaved text of segment ${position + 1}.`);
    }
    await saveFrom(minjiPage, CONFLICTED, 'Min-ji’s version of the paragraph.');
    await saveFrom(minjiPage, DROPPED, 'Min-ji’s version of the other paragraph.');

    for (const position of [CONFLICTED, DROPPED]) {
      const notice = joonPage.locator(`#s${position} .live-notice`);
      await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(1);
      expect(await notice.textContent()).toContain('Min-ji saved this segment (rev. 1) while you were editing it. Your text is kept');
      expect(await notice.getAttribute('role')).toBe('status');
      expect(await joonPage.locator(`#s${position} textarea`).inputValue()).toBe(`Joon's unsaved text of segment ${position + 1}.`);
      expect(await joonPage.locator(`#s${position} input[name=base]`).inputValue()).toBe('0');
    }

    // Esc drops Joon's text in one: Min-ji's version shows.
    await joonPage.locator(`#s${DROPPED} textarea`).press('Escape');
    await expect.poll(() => joonPage.locator(`#s${DROPPED} .edit .text`).innerText(), { timeout: 15_000 }).toBe('Min-ji’s version of the other paragraph.');
    expect(await joonPage.locator(`#s${DROPPED} .live-notice`).count()).toBe(0);
    // The other keeps Joon's text through that refresh, and saving it shows both versions (the conflict path, as before).
    expect(await joonPage.locator(`#s${CONFLICTED} textarea`).inputValue()).toBe(`Joon's unsaved text of segment ${CONFLICTED + 1}.`);
    await joonPage.locator(`#s${CONFLICTED} textarea`).press('Control+Enter');
    await joonPage.waitForSelector('text=Someone saved this segment first');
    expect(await joonPage.locator('textarea#text').inputValue()).toBe(`Joon's unsaved text of segment ${CONFLICTED + 1}.`);
    expect(await joonPage.content()).toContain('Min-ji’s version of the paragraph.');
    await minjiPage.close();
    await joonPage.close();
    // The conflict path answers 409, which the browser logs; nothing else may be in the console.
    expect(errors.filter((e) => !e.includes('status of 409 (Conflict)'))).toEqual([]);
  }, 60_000);
});
