import { readFileSync } from 'node:fs';
import request from 'supertest';
import express, { type Express } from 'express';
import type { Role } from '../src/service/accounts.js';
import { createApp } from '../src/web/app.js';
import { importArticle } from '../src/service/import-articles.js';
import type { ServiceContext } from '../src/service/context.js';
import type { StoreConfig } from '../src/store/open-store.js';
import { openTestContext } from './support/backend.js';
import { ensureTestUser, sessionCookie, TEST_PASSWORD } from './support/accounts.js';

export { TEST_PASSWORD } from './support/accounts.js';

/** The real corpus article, as the app imports it. */
export const CORPUS_FILE = new URL('../corpus/cho-tae-yul-beijing-forced-repatriation.txt', import.meta.url);

/** The fixed time every test app runs at. */
export const TEST_NOW = new Date('2026-11-29T10:00:00.000Z');

/** The user a test app's requests are signed in as unless they send their own session. */
export const TEST_USER = 'Tester';

/** The service context behind each app makeApp returned (editorAgent signs in through it). */
const CONTEXTS = new WeakMap<Express, { ctx: ServiceContext; raw: Express }>();

/**
 * Returns a fresh database of the test's backend (or the one `config` names) and an app on it with
 * a fixed clock. Every request is signed in as TEST_USER with `signedInAs` (admin by default: the
 * feature tests may do anything) unless it carries a session cookie of its own; with `signedInAs:
 * null` requests go in as they come (the tests of signing in and of roles).
 */
export async function makeApp(opts: { config?: StoreConfig; clock?: () => number; signedInAs?: Role | null } = {}): Promise<{ ctx: ServiceContext; app: Express; raw: Express }> {
  const ctx = await openTestContext({ config: opts.config, now: () => TEST_NOW });
  const raw = await createApp({ service: ctx, log: () => {}, clock: opts.clock });
  const role = opts.signedInAs === undefined ? 'admin' : opts.signedInAs;
  const app = role === null ? raw : await signedInApp(ctx, raw, role);
  CONTEXTS.set(app, { ctx, raw });
  CONTEXTS.set(raw, { ctx, raw });
  return { ctx, app, raw };
}

/** Imports the corpus article through `ctx` and returns its id. */
export async function importCorpusArticle(ctx: ServiceContext): Promise<number> {
  const outcome = await importArticle(ctx, { bytes: readFileSync(CORPUS_FILE), sourceName: 'cho.txt' }, { importedBy: 'test' });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.id;
}

/** Imports an article from text through `ctx` and returns its id. */
export async function importText(ctx: ServiceContext, text: string, sourceName = 'article.txt'): Promise<number> {
  const outcome = await importArticle(ctx, { text, sourceName }, { importedBy: 'test' });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.id;
}

/** Returns the CSRF token printed in a page's first form. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token on the page');
  return match[1];
}

/** Lets editorAgent sign in on `app` (an app not made by makeApp), whose own routes are `raw`. */
export function rememberApp(app: Express, ctx: ServiceContext, raw: Express = app): void {
  CONTEXTS.set(app, { ctx, raw });
}

/** Returns `raw` behind a wrapper that signs every request without a session of its own in as TEST_USER with `role`. */
export async function signedInApp(ctx: ServiceContext, raw: Express, role: Role = 'admin'): Promise<Express> {
  const cookie = await sessionCookie(ctx, TEST_USER, role);
  const app = express();
  app.use((req, _res, next) => {
    const sent = req.headers.cookie ?? '';
    if (!/(^|;\s*)copydesk\.session=/.test(sent)) req.headers.cookie = sent ? `${sent}; ${cookie}` : cookie;
    next();
  });
  app.use(raw);
  return app;
}

/**
 * Returns a cookie-keeping agent signed in through /login as `username` (a user created with
 * `role`, admin by default so feature tests may do anything; test/web/roles.test.ts tests the
 * roles), who has chosen TEST_PASSWORD, and a CSRF token for its forms.
 */
export async function editorAgent(app: Express, username = 'Min-ji', role: Role = 'admin'): Promise<{ agent: ReturnType<typeof request.agent>; csrf: string }> {
  const made = CONTEXTS.get(app);
  if (!made) throw new Error('editorAgent needs an app from makeApp');
  await ensureTestUser(made.ctx, username, role);
  // The app itself, not the wrapper that signs every request in as TEST_USER.
  const agent = request.agent(made.raw);
  const form = await agent.get('/login');
  await agent.post('/login').type('form').send({ _csrf: csrfOf(form.text), username, password: TEST_PASSWORD }).expect(303);
  const csrf = csrfOf((await agent.get('/').expect(200)).text);
  return { agent, csrf };
}

