/**
 * Issue 13, keyboard-first review: the keys of public/keys.js on the real corpus article in
 * Chromium, the "?" dialog, the skip link and the focus ring, and "next article with open errors".
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasBrowser, startBrowserApp } from '../support/browser.js';
import axe from 'axe-core';
import { createApp } from '../../src/web/app.js';
import { ensureTestUser, TEST_PASSWORD } from '../support/accounts.js';
import { createServiceContext, type ServiceContext } from '../../src/service/context.js';
import { openStore } from '../../src/store/open-store.js';
import { importCorpusArticle, importText } from '../helpers.js';


/** A second article with an open error flag: its headline makes "King" of the surname 왕. */
const WITH_ERROR = 'King Meets Japanese Counterpart\n\nForeign Minister Cho Tae-yul met his Japanese counterpart in Tokyo on the 20th.\n\nKing also discussed the summit.';

/** What has the focus: its tag, id and class, and the start of its text. */
async function focused(page: Page): Promise<{ tag: string; id: string; className: string; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', id: el?.id ?? '', className: typeof el?.className === 'string' ? el.className : '', text: (el?.innerText ?? '').slice(0, 400) };
  });
}

/** Whether the element is at least partly inside the window. */
async function isInView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
  });
}

/** Runs axe-core in the page and returns its serious and critical violations, one line per element. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (globalThis as unknown as { axe: typeof axe }).axe.run(document));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe.skipIf(!hasBrowser)('keyboard-first review in a real browser', () => {
  let ctx: ServiceContext;
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let articleId: number;
  let otherId: number;
  const errors: string[] = [];

  /** Opens a page of the one signed-in browser, recording script errors. */
  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${base}${path}`);
    return page;
  }

  beforeAll(async () => {
    ctx = createServiceContext(await openStore({ sqlite: join(mkdtempSync(join(tmpdir(), 'copydesk-keys-')), 'e2e.db') }));
    articleId = await importCorpusArticle(ctx);
    otherId = await importText(ctx, WITH_ERROR, 'king.txt');
    await ensureTestUser(ctx, 'Min-ji', 'editor');
    const app = await createApp({ service: ctx, log: () => {} });
    ({ server, base, browser } = await startBrowserApp(app));
    context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.fill('input[name=username]', 'Min-ji');
    await page.fill('input[name=password]', TEST_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/`), page.click('form.sign-in button[type=submit]')]);
    await page.close();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await ctx?.store.close();
  });

  it('the skip link is the first Tab stop and moves the focus to the flags; the focus ring is thick and offset', async () => {
    const page = await open(`/articles/${articleId}`);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'A', className: 'skip-link', text: 'Skip to flags' });
    // Shown while it has the focus (it sits off screen otherwise), with the ring.
    expect(await isInView(page, 'a.skip-link')).toBe(true);
    const ring = await page.locator('a.skip-link').evaluate((el) => {
      const s = getComputedStyle(el);
      return `${s.outlineStyle} ${s.outlineWidth} offset ${s.outlineOffset} ${s.outlineColor}`;
    });
    expect(ring).toBe('solid 3px offset 2px rgb(31, 95, 168)');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'ASIDE', id: 'flags' });
    expect(await isInView(page, '#flags-heading')).toBe(true);
    // The next Tab stop is inside the panel (the dismissal's reason box), not the first segment.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#flags')))).toBe(true);
    // A flag focused by j: the page with the ring, the marks and the status line passes axe.
    await page.keyboard.press('j');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('? opens the shortcuts dialog (modal, labelled, every key listed); Esc closes it and the focus returns', async () => {
    const page = await open(`/articles/${articleId}`);
    await page.keyboard.press('j');
    expect((await focused(page)).id).toBe('flag-0');
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#keys-help')))).toBe(true);
    const rows = await dialog.locator('tbody tr').allInnerTexts();
    expect(rows.length).toBe(13);
    expect(rows.join('\n')).toMatch(/g then c\s+Go to the corpus/);
    expect(rows.join('\n')).toMatch(/Shift\+N\s+Next article with open errors/);
    // Keys do nothing behind the dialog.
    await page.keyboard.press('j');
    expect(await dialog.isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await focused(page)).id).toBe('flag-0');

    // The same list from the button beside "Next article with open errors", and back to the button.
    await page.click('button.keys-button');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await focused(page)).className).toContain('keys-button');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('n and p move the focus between segments; e and Enter open the editor, Esc gives the focus back; keys type into text boxes', async () => {
    const page = await open(`/articles/${articleId}`);
    // The page chrome is folded away: the first segment is the headline (#s4).
    await page.keyboard.press('n');
    expect((await focused(page)).id).toBe('s4');
    await page.keyboard.press('n');
    expect((await focused(page)).id).toBe('s5');
    await page.keyboard.press('n');
    await page.keyboard.press('p');
    expect((await focused(page)).id).toBe('s5');
    expect(await isInView(page, '#s5')).toBe(true);
    const ring = await page.locator('#s5').evaluate((el) => `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`);
    expect(ring).toBe('solid 3px');

    // e edits the focused segment; Esc cancels and the focus is on the segment again.
    await page.keyboard.press('e');
    expect(await focused(page)).toMatchObject({ tag: 'TEXTAREA', id: 'text-s5' });
    // A letter typed in the box is text, not a command.
    await page.keyboard.type(' jkn');
    expect(await page.locator('#text-s5').inputValue()).toMatch(/Minister jkn$/);
    expect((await focused(page)).id).toBe('text-s5');
    await page.keyboard.press('Escape');
    expect((await focused(page)).id).toBe('s5');
    expect(await page.locator('#s5 details.edit-form').getAttribute('open')).toBeNull();
    expect(await page.locator('#text-s5').inputValue()).toBe('King Raises Issues at Meeting with Chinese Foreign Minister');

    // Enter on the focused segment edits it too; so does e on a flag (its segment).
    await page.keyboard.press('n');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('text-s6');
    await page.keyboard.press('Escape');
    expect((await focused(page)).id).toBe('s6');
    await page.keyboard.press('j');
    expect((await focused(page)).id).toBe('flag-0');
    await page.keyboard.press('e');
    expect((await focused(page)).id).toBe('text-s4');
    await page.keyboard.press('Escape');
    expect((await focused(page)).id).toBe('s4');

    // With Ctrl held, or in a text box elsewhere on the page, the keys do nothing.
    await page.keyboard.press('Control+j');
    expect((await focused(page)).id).toBe('s4');
    await page.focus('input[name=engine]');
    await page.keyboard.type('jn');
    expect(await page.locator('input[name=engine]').inputValue()).toBe('jn');
    expect((await focused(page)).tag).toBe('INPUT');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('d ticks the focused flag and asks for the reason in place; Esc takes it back, Enter dismisses', async () => {
    const page = await open(`/articles/${articleId}`);
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('j');
    const flag = await focused(page);
    expect(flag).toMatchObject({ id: 'flag-2' });
    expect(flag.text).toContain('This repeats the headline');
    await page.keyboard.press('d');
    expect(await page.locator('#flag-2 input[name=fingerprint]').isChecked()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('reason');
    await page.keyboard.press('Escape');
    expect((await focused(page)).id).toBe('flag-2');
    expect(await page.locator('#flag-2 input[name=fingerprint]').isChecked()).toBe(false);

    await page.keyboard.press('d');
    await page.keyboard.type('Correct as written');
    await Promise.all([page.waitForURL(/dismissed=1/), page.keyboard.press('Enter')]);
    expect(await page.locator('p.notice[role=status]').innerText()).toContain('Dismissed 1 flag');
    expect(await page.locator('#check-duplicate-segment').count()).toBe(0);
    expect(await page.locator('#flags .flag-item').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('without JavaScript: the skip link still moves the focus, the keys button stays hidden, the link still goes', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 800 } });
    const page = await plain.newPage();
    await page.goto(`${base}/login`);
    await page.fill('input[name=username]', 'Min-ji');
    await page.fill('input[name=password]', TEST_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/`), page.click('form.sign-in button[type=submit]')]);
    await page.goto(`${base}/articles/${articleId}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('flags');
    expect(await page.locator('button.keys-button').isVisible()).toBe(false);
    expect(await page.locator('#keys-help').isVisible()).toBe(false);
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('flags');
    await Promise.all([page.waitForURL(`${base}/articles/${otherId}`), page.click('a.next-with-errors')]);
    await plain.close();
  }, 60_000);

  it('walks the issue’s flow: j to the “King” flag, a, j, Shift+A, apply on the preview, and the title follows', async () => {
    const page = await open(`/articles/${articleId}`);
    const title = await page.locator('h1').innerText();
    expect(title).toBe('Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"');
    // j until the headline-subject flag about "King" has the focus.
    let found = false;
    for (let i = 0; i < 5 && !found; i += 1) {
      await page.keyboard.press('j');
      found = (await page.evaluate(() => document.activeElement?.closest('#check-headline-subject') !== null && document.activeElement?.classList.contains('flag-item') === true));
    }
    expect(found).toBe(true);
    expect((await focused(page)).text).toContain('“King” is the standfirst');
    // Its segment is scrolled into view and marked, and the flag shows the focus ring.
    expect(await isInView(page, '#s5')).toBe(true);
    expect(await page.locator('#s5').getAttribute('class')).toContain('is-kb-current');
    expect(await page.locator('.flag-item:focus').evaluate((el) => getComputedStyle(el).outlineWidth)).toBe('3px');

    // a: the first suggestion ("Cho") applied here.
    await Promise.all([page.waitForURL(/\?applied=1/), page.keyboard.press('a')]);
    expect(await page.locator('#s5 .edit .text').innerText()).toBe('Cho Raises Issues at Meeting with Chinese Foreign Minister');
    expect(await page.locator('#check-headline-subject').count()).toBe(0);

    // j: the next flag is the name spelled two ways; Shift+A opens the preview of every place.
    await page.keyboard.press('j');
    expect((await focused(page)).text).toContain('Cho Tae-yeol (headline, caption ×2) is spelled Cho Tae-yul');
    await Promise.all([page.waitForURL(/\/fixes\?/), page.keyboard.press('Shift+A')]);
    expect(await page.locator('h1').innerText()).toContain('Replace “Cho Tae-yeol” with “Cho Tae-yul”');
    await page.focus('button:has-text("Apply the ticked changes")');
    await Promise.all([page.waitForURL(/\?applied=3/), page.keyboard.press('Enter')]);

    // The headline was corrected, and the title with it.
    const after = await page.locator('h1').innerText();
    expect(after).toBe('Cho Tae-yul Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"');
    expect(after).not.toBe(title);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('Shift+N goes to the next article with open errors, and says so when no other article has one', async () => {
    const page = await open(`/articles/${articleId}`);
    // The corpus article has no open error left (the flow above fixed "King"); the other one has.
    await Promise.all([page.waitForURL(`${base}/articles/${otherId}`), page.keyboard.press('Shift+N')]);
    expect(await page.locator('h1').innerText()).toBe('King Meets Japanese Counterpart');
    await Promise.all([page.waitForURL(/\?errors=none/), page.keyboard.press('Shift+N')]);
    expect(page.url()).toBe(`${base}/articles/${otherId}?errors=none`);
    expect(await page.getByRole('status').filter({ hasText: 'No other article has an open error flag.' }).count()).toBe(1);
    // The link does the same in one click.
    await page.goto(`${base}/articles/${otherId}`);
    await Promise.all([page.waitForURL(/\?errors=none/), page.click('a.next-with-errors')]);
    // g then c: the corpus.
    await Promise.all([page.waitForURL(`${base}/`), (async () => { await page.keyboard.press('g'); await page.keyboard.press('c'); })()]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
