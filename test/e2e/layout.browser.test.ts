import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasBrowser, startBrowserApp, warnIfNoBrowser } from '../support/browser.js';
import axe from 'axe-core';
import { createApp } from '../../src/web/app.js';
import { sessionCookie } from '../support/accounts.js';
import { createServiceContext, type ServiceContext } from '../../src/service/context.js';
import { openStore } from '../../src/store/open-store.js';
import { findSegment, saveEdit } from '../../src/service/save-segment.js';
import { importArticle } from '../../src/service/import-articles.js';
import { addConcept } from '../../src/service/glossary.js';
import { importCorpusArticle, importText } from '../helpers.js';

warnIfNoBrowser('the layout and accessibility browser test');

/** The two widths issue 13 (bug 10) names: a newsroom laptop and a phone. */
const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };

/** An article whose title and body hold long unbroken tokens, the kind that push a table wider than the window. */
const LONG_TOKENS = [
  'Ministry-of-Foreign-Affairs-spokesperson-briefing-transcript-2026-11-29-full-text-without-spaces',
  '',
  'The statement was posted at https://www.mofa.go.kr/www/brd/m_4080/view.do?seq=374567&srchFr=&srchTo=&srchWord=&srchTp=&multi_itm_seq=0&itm_seq_1=0&itm_seq_2=0&company_cd=&company_nm=&page=1 on the 29th.',
  '',
  'Officials used the hashtag #ForeignMinisterChoTaeyulMeetsChineseForeignMinisterWangYiInBeijingForTalks throughout the day.',
].join('\n');

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

describe.skipIf(!hasBrowser)('layout at 1,366 and 390 px, and axe-core on every page', () => {
  let ctx: ServiceContext;
  let server: Server;
  let browser: Browser;
  let base: string;
  let cookie: { name: string; value: string };
  const ids = { corpus: 0, korean: 0, long: 0, concept: '' };

  beforeAll(async () => {
    ctx = createServiceContext(await openStore({ sqlite: join(mkdtempSync(join(tmpdir(), 'copydesk-e2e-')), 'e2e.db') }));
    ids.corpus = await importCorpusArticle(ctx);
    // A few more articles, each with an edit, so the corpus, /reports and /names have several rows.
    const edited: number[] = [];
    for (const file of ['d01-prime-minister.txt', 'd02-party-leader.txt', 'd03-lawmaker.txt', 'd04-first-lady.txt']) {
      edited.push(await importText(ctx, fixture(`dev-set/${file}`), file));
    }
    const korean = await importArticle(ctx, {
      text: fixture('korean-source/han-one.txt'), sourceName: 'han-one.txt',
      source: { text: fixture('korean-source/han-one.ko.txt'), sourceName: 'han-one.ko.txt' },
    }, { importedBy: 'test', mtEngine: 'engine-with-a-rather-long-name-v2.3.1-2026-11-beta' });
    if (!korean.ok) throw new Error(korean.message);
    ids.korean = korean.id;
    ids.long = await importText(ctx, LONG_TOKENS, 'a-very-long-file-name-exported-from-the-wire-service-feed-2026-11-29-0930.txt');
    for (const id of [ids.corpus, ...edited, ids.korean, ids.long]) {
      const segment = (await findSegment(ctx, id, 0)) ?? (await findSegment(ctx, id, 1));
      if (!segment) throw new Error(`article ${id} has no first segment`);
      await saveEdit(ctx, segment, { text: `${segment.edit} (edited)`, baseNumber: segment.revision, author: 'Min-ji' });
    }
    const standfirst = await findSegment(ctx, ids.corpus, 5);
    if (standfirst) await saveEdit(ctx, standfirst, { text: standfirst.edit.replace('King', 'Cho'), baseNumber: standfirst.revision, author: 'Min-ji' });
    ids.concept = await addConcept(ctx, { type: 'person', note: 'Foreign minister.', terms: [
      { text: 'Cho Tae-yul', lang: 'en', status: 'preferred' },
      { text: 'Cho Tae-yeol', lang: 'en', status: 'deprecated' },
      { text: '조태열', lang: 'ko', status: 'preferred' },
    ] }, 'Min-ji');
    const [name, value] = (await sessionCookie(ctx, 'Min-ji', 'admin')).split('=') as [string, string];
    cookie = { name, value };
    const app = await createApp({ service: ctx, log: () => {} });
    ({ server, base, browser } = await startBrowserApp(app));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await ctx?.store.close();
  });

  /** Returns a signed-in (admin) browser context of the given window size; JavaScript on unless told. */
  async function signedIn(viewport: { width: number; height: number }, opts: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport, javaScriptEnabled: opts.javaScriptEnabled ?? true });
    await context.addCookies([{ ...cookie, url: base }]);
    return context;
  }

  /** A page to check: a path to open, or the steps that reach it (a form's answer), signed in unless told. */
  interface PageToCheck { label: string; path: string; isSignedOut?: boolean; reach?: { heading: string; steps: (page: Page) => Promise<void> } }

  /** Every page an editor or admin reaches, by a label for the failure message. */
  function pages(): PageToCheck[] {
    return [
      { label: 'corpus', path: '/' },
      { label: 'corpus, filtered', path: '/?q=minister&status=in-review' },
      { label: 'review', path: `/articles/${ids.corpus}` },
      { label: 'review with Korean original', path: `/articles/${ids.korean}` },
      { label: 'review with long tokens', path: `/articles/${ids.long}` },
      { label: 'segment edit (no JS)', path: `/articles/${ids.corpus}/segments/5` },
      { label: 'segment history', path: `/articles/${ids.corpus}/segments/5/history` },
      { label: 'corrections', path: `/articles/${ids.corpus}/corrections` },
      { label: 'printable QA report', path: `/articles/${ids.corpus}/report` },
      {
        label: 'fix everywhere preview', path: `/articles/${ids.corpus}`,
        reach: { heading: 'Replace', steps: async (page) => { await page.goto(`${base}${await page.locator('#flags a.fix-all').first().getAttribute('href')}`); } },
      },
      {
        label: 'dismiss without a reason (422)', path: `/articles/${ids.corpus}`,
        reach: { heading: 'Why dismiss these flags?', steps: async (page) => {
          // A browser without form validation: the reason box's `required` does not stop the post.
          await Promise.all([page.waitForURL(/\/dismissals$/), page.evaluate(() => {
            const form = document.getElementById('dismiss-form') as HTMLFormElement;
            form.querySelector('input[name=reason]')?.removeAttribute('required');
            (document.querySelector('#flags input[name=fingerprint]') as HTMLInputElement).checked = true;
            form.requestSubmit();
          })]);
        } },
      },
      {
        label: 'save conflict (409)', path: `/articles/${ids.corpus}/segments/6`,
        reach: { heading: 'Someone saved this segment first', steps: async (page) => {
          // Someone else saves the paragraph after this edit page was opened.
          const paragraph = (await findSegment(ctx, ids.corpus, 6))!;
          await saveEdit(ctx, paragraph, { text: `${paragraph.edit} Theirs.`, baseNumber: paragraph.revision, author: 'Joon' });
          await page.fill('textarea[name=text]', 'Mine, with an unbroken https://example.org/a/very/long/address/that/goes/on/and/on/without/a/single/space/in/it');
          await Promise.all([page.waitForURL(/\/segments\/6$/), page.click('form.save-form button[type=submit]')]);
        } },
      },
      { label: 'names', path: '/names' },
      {
        label: 'different people: confirmation', path: '/names',
        reach: { heading: 'different people?', steps: async (page) => { await Promise.all([page.waitForURL(/\/people\/distinct$/), page.locator('form.distinct-form button').first().click()]); } },
      },
      { label: 'glossary', path: '/glossary' },
      { label: 'glossary concept', path: `/glossary/${ids.concept}` },
      { label: 'glossary new', path: '/glossary/new' },
      { label: 'glossary apply', path: `/glossary/${ids.concept}/apply` },
      { label: 'glossary suggestions', path: '/glossary/suggestions' },
      { label: 'glossary import', path: '/glossary/import' },
      {
        label: 'glossary import: the CSV column mapping', path: '/glossary/import',
        reach: { heading: 'Map the columns of', steps: async (page) => {
          await page.setInputFiles('input[name=file]', { name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from('Korean,English,Rejected,Note\n한덕수,Han Duck-soo,Han Deok-soo,Prime minister\n') });
          await Promise.all([page.waitForURL(/\/glossary\/import\/\d+$/), page.click('form.import-form button[type=submit]')]);
        } },
      },
      { label: 'reports', path: '/reports' },
      { label: 'jobs', path: '/jobs' },
      { label: 'import', path: '/import' },
      { label: 'users', path: '/admin/users' },
      { label: 'password', path: '/account/password' },
      { label: 'sign in', path: '/login', isSignedOut: true },
      { label: 'QA list', path: '/issues' },
      { label: 'QA list, grouped by person', path: '/issues?group=person' },
    ];
  }

  /** Opens `target` in the signed-in or the signed-out page, checks it came, and returns that page. */
  async function open(target: PageToCheck, signedIn: Page, signedOut: Page): Promise<Page> {
    const page = target.isSignedOut ? signedOut : signedIn;
    const response = await page.goto(`${base}${target.path}`);
    expect(response?.status(), `${target.label} (${target.path})`).toBe(200);
    if (target.reach) {
      await target.reach.steps(page);
      expect(await page.locator('h1').first().innerText(), target.label).toContain(target.reach.heading);
    }
    return page;
  }

  /** Returns the elements that reach past the window's right edge (the outermost of each), for the failure message. */
  async function overflowOf(page: Page): Promise<string | null> {
    return page.evaluate(() => {
      const root = document.documentElement;
      if (root.scrollWidth <= root.clientWidth) return null;
      const wide: string[] = [];
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const right = el.getBoundingClientRect().right;
        if (right <= root.clientWidth + 0.5) continue;
        if (el.parentElement && el.parentElement.getBoundingClientRect().right > root.clientWidth + 0.5) continue;
        const cls = el.getAttribute('class');
        wide.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(right)})`);
        if (wide.length >= 5) break;
      }
      return `scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}: ${wide.join(', ')}`;
    });
  }

  for (const [name, viewport] of [['1,366 × 800', DESKTOP], ['390 × 844', PHONE]] as const) {
    it(`no page scrolls sideways at ${name}`, async () => {
      const context = await signedIn(viewport);
      const outside = await browser.newContext({ viewport });
      const [inside, out] = [await context.newPage(), await outside.newPage()];
      const problems: string[] = [];
      for (const target of pages()) {
        const page = await open(target, inside, out);
        const overflow = await overflowOf(page);
        if (overflow) problems.push(`${target.label} (${page.url().slice(base.length)}): ${overflow}`);
      }
      await context.close();
      await outside.close();
      expect(problems, problems.join('\n')).toEqual([]);
    }, 120_000);
  }

  /** Each segment's id, the text of its flag badge (null without one) and how many panel flags point at it. */
  async function segmentCounts(page: Page): Promise<{ id: string; badge: string | null; flags: number }[]> {
    return page.evaluate(() => Array.from(document.querySelectorAll('section.segment[id]')).map((segment) => ({
      id: segment.id,
      badge: segment.querySelector('.segment-meta .flag-count')?.textContent?.trim() ?? null,
      flags: Array.from(document.querySelectorAll('#flags .flag-item')).filter((f) => f.querySelector(`a[href="#${segment.id}"]`)).length,
    })));
  }

  /** The badge text a segment with `n` flags shows: words, not a colour. */
  function badgeFor(n: number): string | null {
    return n === 0 ? null : `${n} flag${n === 1 ? '' : 's'}`;
  }

  it('on a phone the flags open from a button, and each segment says how many flags it has', async () => {
    const context = await signedIn(PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${base}/articles/${ids.corpus}`);

    const button = page.locator('button.flags-toggle');
    const panel = page.locator('#flags');
    await expect.poll(() => button.isVisible()).toBe(true);
    expect(await button.evaluate((b) => b.tagName)).toBe('BUTTON');
    expect(await button.getAttribute('aria-controls')).toBe('flags');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.isVisible()).toBe(false);
    const open = await page.locator('#flags .flag-item').count();
    expect(open).toBeGreaterThan(0);
    expect(await button.innerText()).toContain(`Flags (${open} open)`);

    // Every segment with flags says how many, in words; the others say nothing.
    const counts = await segmentCounts(page);
    expect(counts.filter((c) => c.flags > 0).length).toBeGreaterThan(0);
    for (const c of counts) expect(c.badge, c.id).toBe(badgeFor(c.flags));

    // The button opens the sheet and moves the focus into it; Esc closes it and gives the focus back.
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await panel.isVisible()).toBe(true);
    expect(await page.evaluate(() => !!document.activeElement?.closest('#flags'))).toBe(true);
    const box = await panel.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await overflowOf(page)).toBeNull();
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('flags-toggle'))).toBe(true);

    // A segment's badge opens the sheet at that segment's first flag ...
    const flagged = counts.find((c) => c.flags > 0)!;
    await page.locator(`#${flagged.id} .flag-count`).click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate((id) => !!document.activeElement?.closest('.flag-item')?.querySelector(`a[href="#${id}"]`), flagged.id)).toBe(true);
    // ... and the flag's link to the segment folds the sheet away to show it.
    await page.locator(`#flags .flag-item a[href="#${flagged.id}"]`).first().click();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(async () => {
      const at = await page.locator(`#${flagged.id}`).boundingBox();
      return at !== null && at.y >= 0 && at.y < PHONE.height;
    }).toBe(true);

    // The review keys reach the flags on a phone too: `j` opens the sheet at the first flag.
    await page.locator('h1').first().click();
    await page.keyboard.press('j');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('flag-item'))).toBe(true);

    // A page opened at the flags (where a dismissal comes back to) opens with the sheet open.
    await page.goto(`${base}/articles/${ids.corpus}?dismissed=0#flags`);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await panel.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('on a wide screen the panel stays beside the text, and without JavaScript the flags stay visible on a phone', async () => {
    const wide = await signedIn(DESKTOP);
    const page = await wide.newPage();
    await page.goto(`${base}/articles/${ids.corpus}`);
    await page.waitForLoadState('load');
    expect(await page.locator('button.flags-toggle').isVisible()).toBe(false);
    expect(await page.locator('#flags').isVisible()).toBe(true);
    await wide.close();

    const plain = await signedIn(PHONE, { javaScriptEnabled: false });
    const phone = await plain.newPage();
    await phone.goto(`${base}/articles/${ids.corpus}`);
    expect(await phone.locator('button.flags-toggle').isVisible()).toBe(false);
    expect(await phone.locator('#flags .flag-item').first().isVisible()).toBe(true);
    const counts = await segmentCounts(phone);
    expect(counts.filter((c) => c.badge !== null).length).toBeGreaterThan(0);
    for (const c of counts) expect(c.badge, c.id).toBe(badgeFor(c.flags));
    await plain.close();
  }, 60_000);

  it('after an inline save on a phone, the segment badges and the button count follow', async () => {
    const context = await signedIn(PHONE);
    const page = await context.newPage();
    await page.goto(`${base}/articles/${ids.corpus}`);
    await expect.poll(() => page.locator('button.flags-toggle').isVisible()).toBe(true);
    const before = await page.locator('#flags .flag-item').count();
    const standfirst = (await segmentCounts(page)).find((c) => c.id === 's5')!;

    // The standfirst goes back to the MT's "King": the headline-subject flag comes back.
    await page.click('#s5 [data-edit-target]');
    const textarea = page.locator('#s5 textarea');
    await expect.poll(() => textarea.isVisible()).toBe(true);
    await textarea.fill('King Raises Issues at Meeting with Chinese Foreign Minister');
    await textarea.press('Control+Enter');
    await page.waitForSelector('html[data-refreshed]');

    expect(await page.locator('#flags .flag-item').count()).toBe(before + 1);
    await expect.poll(() => page.locator('button.flags-toggle').innerText()).toContain(`Flags (${before + 1} open)`);
    const after = await segmentCounts(page);
    expect(after.find((c) => c.id === 's5')!.flags).toBe(standfirst.flags + 1);
    for (const c of after) expect(c.badge, c.id).toBe(badgeFor(c.flags));
    // The fresh panel is still folded away behind the button.
    expect(await page.locator('button.flags-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#flags').isVisible()).toBe(false);
    await context.close();
  }, 60_000);

  /** Runs axe-core in the page and returns its serious and critical violations, one line per element. */
  async function seriousViolations(page: Page): Promise<string[]> {
    await page.evaluate(axe.source);
    const results = await page.evaluate(() => (globalThis as unknown as { axe: typeof axe }).axe.run(document));
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} (${v.help})`));
  }

  for (const [name, viewport] of [['1,366 × 800', DESKTOP], ['390 × 844', PHONE]] as const) {
    it(`axe-core finds no serious or critical violation on any page at ${name}`, async () => {
      const context = await signedIn(viewport);
      const outside = await browser.newContext({ viewport });
      const [inside, out] = [await context.newPage(), await outside.newPage()];
      const problems: string[] = [];
      for (const target of pages()) {
        const page = await open(target, inside, out);
        for (const v of await seriousViolations(page)) problems.push(`${target.label} (${page.url().slice(base.length)}): ${v}`);
      }
      await context.close();
      await outside.close();
      expect(problems, problems.join('\n')).toEqual([]);
    }, 180_000);
  }
});
