import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../src/web/app.js';
import { importArticle } from '../src/service/import-articles.js';
import type { ServiceContext } from '../src/service/context.js';
import type { StoreConfig } from '../src/store/open-store.js';
import { openTestContext } from './support/backend.js';

/** The real corpus article, as the app imports it. */
export const CORPUS_FILE = new URL('../corpus/cho-tae-yul-beijing-forced-repatriation.txt', import.meta.url);

/** The fixed time every test app runs at. */
export const TEST_NOW = new Date('2026-11-29T10:00:00.000Z');

/** Returns a fresh database of the test's backend (or the one `config` names) and an app on it with a fixed clock. */
export async function makeApp(opts: { config?: StoreConfig; clock?: () => number } = {}): Promise<{ ctx: ServiceContext; app: Express }> {
  const ctx = await openTestContext({ config: opts.config, now: () => TEST_NOW });
  const app = await createApp({ service: ctx, log: () => {}, clock: opts.clock });
  return { ctx, app };
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

/** Returns a cookie-keeping agent that has set its author name, and a CSRF token for its forms. */
export async function editorAgent(app: Express, author = 'Min-ji'): Promise<{ agent: ReturnType<typeof request.agent>; csrf: string }> {
  const agent = request.agent(app);
  const first = await agent.get('/');
  const csrf = csrfOf(first.text);
  await agent.post('/author').type('form').send({ _csrf: csrf, author, back: '/' }).expect(303);
  return { agent, csrf };
}
