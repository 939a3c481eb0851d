import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { hasBrowser, startBrowserApp } from '../support/browser.js';
import { createApp } from '../../src/web/app.js';
import { ensureTestUser, TEST_PASSWORD } from '../support/accounts.js';
import { createServiceContext, type ServiceContext } from '../../src/service/context.js';
import { openStore } from '../../src/store/open-store.js';
import { CORPUS_FILE, importCorpusArticle } from '../helpers.js';


describe.skipIf(!hasBrowser)('the import form in a real browser', () => {
  let ctx: ServiceContext;
  let server: Server;
  let browser: Browser;
  let base: string;
  let existingId: number;

  beforeAll(async () => {
    ctx = createServiceContext(await openStore({ sqlite: join(mkdtempSync(join(tmpdir(), 'copydesk-e2e-')), 'e2e.db') }));
    existingId = await importCorpusArticle(ctx);
    await ensureTestUser(ctx, 'Min-ji', 'admin');
    const app = await createApp({ service: ctx, log: () => {} });
    ({ server, base, browser } = await startBrowserApp(app));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await ctx?.store.close();
  });

  it('sends several chosen files in one form post and lists what became of each, with links', async () => {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

    await page.goto(`${base}/import`);
    await page.fill('input[name=username]', 'Min-ji');
    await page.fill('input[name=password]', TEST_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/import`), page.click('form.sign-in button[type=submit]')]);
    await page.setInputFiles('input[type=file][name=file]', [
      { name: 'rain.txt', mimeType: 'text/plain', buffer: Buffer.from('Rain Expected in Seoul\n\nHeavy rain is expected on Saturday.') },
      { name: 'cho.txt', mimeType: 'text/plain', buffer: readFileSync(CORPUS_FILE) },
      { name: '<i>photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) },
    ]);
    await Promise.all([page.waitForURL(`${base}/import`), page.click('form.import-form button[type=submit]')]);

    expect(await page.locator('.import-results [role=status]').innerText()).toBe('3 files: 1 added, 1 already in the corpus, 1 refused.');
    const rows = await page.locator('.import-results tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(rows.map((r) => r.slice(0, 2))).toEqual([['rain.txt', 'Added'], ['cho.txt', 'Already in the corpus'], ['<i>photo.png', 'Refused']]);
    expect(await page.locator('.import-results tr.import-existing a').getAttribute('href')).toBe(`/articles/${existingId}`);

    await page.click('.import-results tr.import-added a');
    await page.waitForSelector('h1');
    expect(await page.locator('h1').innerText()).toContain('Rain Expected in Seoul');
    expect(errors).toEqual([]);
  });
});
