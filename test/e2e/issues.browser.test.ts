/**
 * The QA list (issue 13) in a real browser: nothing of the page's own reaches past the window at
 * 1,366 or 390 px (the table stacks on a phone), no serious or critical axe-core violation, and the ticked rows' actions as
 * an editor uses them: the reason asked for in place before a dismissal, the fix preview reached
 * without one.
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
import { sessionCookie } from '../support/accounts.js';
import { createServiceContext, type ServiceContext } from '../../src/service/context.js';
import { openStore } from '../../src/store/open-store.js';
import { importArticle } from '../../src/service/import-articles.js';
import { listDismissals } from '../../src/store/decisions.js';
import { importCorpusArticle } from '../helpers.js';


/** A second article from another engine, with a long unbroken token a phone must wrap. */
const SECOND = [
  'Cho Tae-yul Visits Tokyo for Talks',
  'Foreign Minister Cho Tae-yeol met his Japanese counterpart in Tokyo on Monday, https://example.org/a-very-long-link-that-never-breaks-by-itself-2026-11-29.',
  'Cho Tae-yul said the talks had gone well.',
].join('\n\n');

describe.skipIf(!hasBrowser)('the QA list in a real browser', () => {
  let ctx: ServiceContext;
  let server: Server;
  let browser: Browser;
  let base: string;
  let cookie: { name: string; value: string };
  const ids = { corpus: 0, second: 0 };

  beforeAll(async () => {
    ctx = createServiceContext(await openStore({ sqlite: join(mkdtempSync(join(tmpdir(), 'copydesk-e2e-')), 'e2e.db') }));
    ids.corpus = await importCorpusArticle(ctx);
    const second = await importArticle(ctx, { text: SECOND, sourceName: 'second.txt' }, { importedBy: 'test', mtEngine: 'engine-with-a-rather-long-name-v2.3.1-2026-11-beta' });
    if (!second.ok) throw new Error(second.message);
    ids.second = second.id;
    const [name, value] = (await sessionCookie(ctx, 'Min-ji', 'editor')).split('=') as [string, string];
    cookie = { name, value };
    const app = await createApp({ service: ctx, log: () => {} });
    ({ server, base, browser } = await startBrowserApp(app));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await ctx?.store.close();
  });

  async function signedIn(viewport: { width: number; height: number }): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport });
    await context.addCookies([{ ...cookie, url: base }]);
    return context;
  }

  /**
   * Returns what of the page's own content (its <main>: the filters, the actions, the table) reaches
   * past the window's right edge, outermost elements first, or null when nothing does. The site
   * header is every page's, and test/e2e/layout.browser.test.ts checks it on every page.
   */
  const overflow = (page: Page) => page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const main = document.querySelector('main') as HTMLElement;
    const isOut = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
    const wide = [main, ...Array.from(main.querySelectorAll('*'))].filter((el) => isOut(el) && !(el !== main && el.parentElement && isOut(el.parentElement)));
    if (main.scrollWidth > main.clientWidth) wide.unshift(main);
    return wide.length === 0 ? null : `${width} px wide: ${wide.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className} (right edge ${Math.round(el.getBoundingClientRect().right)})`).join(', ')}`;
  });

  /** Returns axe-core's serious and critical violations on the page, one line per element. */
  async function seriousViolations(page: Page): Promise<string[]> {
    await page.evaluate(axe.source);
    const results = await page.evaluate(() => (globalThis as unknown as { axe: typeof axe }).axe.run(document));
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} (${v.help})`));
  }

  for (const [label, viewport] of [['1,366 × 800', { width: 1366, height: 800 }], ['390 × 844', { width: 390, height: 844 }]] as const) {
    it(`fits ${label} without sideways scroll and passes axe-core, ungrouped and grouped`, async () => {
      const context = await signedIn(viewport);
      const page = await context.newPage();
      for (const path of ['/issues', '/issues?group=check', '/issues?group=person']) {
        await page.goto(`${base}${path}`);
        expect(await page.locator('table.issues tbody tr').count(), path).toBeGreaterThan(1);
        expect(await overflow(page), path).toBeNull();
        expect(await seriousViolations(page), path).toEqual([]);
      }
      await context.close();
    }, 60_000);
  }

  it('asks for the reason in place before dismissing ticked rows of two articles, and reaches the fix preview without one', async () => {
    const context = await signedIn({ width: 1366, height: 800 });
    const page = await context.newPage();
    await page.goto(`${base}/issues?check=name-variant`);
    const ticks = page.locator('table.issues input[name=flag]');
    expect(await ticks.count()).toBe(2);
    await ticks.nth(0).check();
    await ticks.nth(1).check();
    // The fix preview needs no reason (formnovalidate).
    await Promise.all([page.waitForURL(/\/issues\/fixes\/preview$/), page.click('button[formaction="/issues/fixes/preview"]')]);
    expect(await page.locator('h1').innerText()).toBe('Fix the ticked flags everywhere');
    expect(await page.locator('input[name=change]').count()).toBe(3);
    expect(await overflow(page)).toBeNull();
    await page.goBack();
    await page.waitForSelector('table.issues');
    await ticks.nth(0).check();
    await ticks.nth(1).check();
    // Without a reason the browser keeps the form and says what is missing.
    await page.click('#issues-form button:not([formaction])');
    expect(await page.evaluate(() => (document.querySelector('#issues-form input[name=reason]') as HTMLInputElement).validity.valueMissing)).toBe(true);
    expect(page.url()).toBe(`${base}/issues?check=name-variant`);
    await page.fill('#issues-form input[name=reason]', 'Different people');
    await Promise.all([page.waitForURL(/dismissed=2$/), page.click('#issues-form button:not([formaction])')]);
    expect(await page.locator('p.notice').first().innerText()).toBe('2 flags dismissed.');
    expect(await page.locator('table.issues').count()).toBe(0);
    expect((await listDismissals(ctx.store, ids.corpus)).map((d) => d.reason)).toEqual(['Different people']);
    expect((await listDismissals(ctx.store, ids.second)).map((d) => d.reason)).toEqual(['Different people']);
    await context.close();
  }, 60_000);
});
