import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { chromium, type Browser } from 'playwright-core';

/**
 * What every browser test (test/e2e/*.browser.test.ts) sets up the same way: Debian's Chromium
 * (apt package `chromium`, which .ci/run installs; never a downloaded browser) and the app listening
 * on a free port of 127.0.0.1.
 */

/** Debian's Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/** In CI the browser must be there; on a developer machine without it the tests say so and skip. */
export const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run should have installed Debian's chromium.`);

/** Chromium's flags for a test: no sandbox (CI runs as root), nothing that reaches the network by itself. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Says on the console that `what` is skipped when the browser is missing (outside CI). */
export function warnIfNoBrowser(what: string): void {
  if (!hasBrowser) console.warn(`\nSKIPPED: ${what}: ${CHROMIUM} is missing (apt-get install chromium).\n`);
}

/** A test app listening on 127.0.0.1 and a Chromium to drive it. */
export interface BrowserApp {
  readonly server: Server;
  /** http://127.0.0.1:PORT */
  readonly base: string;
  readonly browser: Browser;
}

/** Starts `app` on a free port of 127.0.0.1 and launches Chromium; the test closes both in afterAll. */
export async function startBrowserApp(app: Express): Promise<BrowserApp> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return { server, base, browser };
}
