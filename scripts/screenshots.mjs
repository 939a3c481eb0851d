// Takes the README's screenshots (issue 13) the way an editor sees the app: starts `node
// dist/server.js` on a fresh SQLite file with the corpus article and the held-out test articles
// loaded, signs in as the first admin with the one-time password from the log, and photographs
// the review page (docs/review-page.png at 1366 px, the first flag chosen with `j`; docs/review-phone.png
// and docs/review-phone-flags.png at 390 px, the flags opened from their button) and the QA list
// grouped by person (docs/qa-list.png) with Debian's Chromium (never a downloaded browser). Run with `npm run screenshots`.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(REPO, 'docs');
const PORT = Number(process.env.PORT ?? 4555);
const BASE = `http://127.0.0.1:${PORT}`;
const CHOSEN = 'screenshots passphrase';

const work = mkdtempSync(join(tmpdir(), 'copydesk-shots-'));
const corpus = join(work, 'corpus');
mkdirSync(corpus);
cpSync(join(REPO, 'corpus'), corpus, { recursive: true });
// More articles, so the QA list shows several checks and people.
const heldOut = join(REPO, 'test', 'fixtures', 'held-out');
for (const name of readdirSync(heldOut).filter((n) => n.endsWith('.txt')).slice(0, 8)) cpSync(join(heldOut, name), join(corpus, name));

const server = spawn(process.execPath, ['dist/server.js'], {
  cwd: REPO,
  env: { ...process.env, PORT: String(PORT), COPYDESK_DB: join(work, 'shots.db'), COPYDESK_CORPUS: corpus },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
server.stdout.on('data', (d) => (log += d));
server.stderr.on('data', (d) => (log += d));
const oneTimePassword = await new Promise((resolve, reject) => {
  const deadline = setTimeout(() => reject(new Error(`no one-time password within 30 s:\n${log}`)), 30_000);
  const timer = setInterval(() => {
    const match = /one-time password (\S+)/.exec(log);
    if (match) {
      clearInterval(timer);
      clearTimeout(deadline);
      resolve(match[1]);
    }
  }, 100);
});

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  mkdirSync(OUT, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', oneTimePassword);
  await Promise.all([page.waitForURL(/\/account\/password/), page.click('form[action="/login"] button[type=submit]')]);
  await page.fill('input[name=current]', oneTimePassword);
  await page.fill('input[name=password]', CHOSEN);
  await page.fill('input[name=confirm]', CHOSEN);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/account/password"] button[type=submit]')]);

  // The corpus article: its link on the corpus page.
  await page.goto(`${BASE}/?sort=title`);
  const href = await page.locator('a[href^="/articles/"]', { hasText: /Repatriation/ }).first().getAttribute('href');
  const review = `${BASE}${href}`;
  await page.goto(review);
  await page.keyboard.press('j');
  await page.screenshot({ path: join(OUT, 'review-page.png') });

  await page.goto(`${BASE}/issues?group=person`);
  await page.screenshot({ path: join(OUT, 'qa-list.png') });

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, storageState: await context.storageState() });
  const phonePage = await phone.newPage();
  await phonePage.goto(review);
  await phonePage.screenshot({ path: join(OUT, 'review-phone.png') });
  const flagsButton = phonePage.locator('button[aria-controls]').filter({ hasText: /flag/i }).first();
  if (await flagsButton.count()) {
    await flagsButton.click();
    await phonePage.screenshot({ path: join(OUT, 'review-phone-flags.png') });
  }
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
