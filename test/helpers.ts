import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { Express } from 'express';
import { openDb, type Db } from '../src/store/open-db.js';
import { createApp } from '../src/web/app.js';
import { importArticle } from '../src/store/import-article.js';

/** The real corpus article, as the app imports it. */
export const CORPUS_FILE = new URL('../corpus/cho-tae-yul-beijing-forced-repatriation.txt', import.meta.url);

/** The fixed time every test app runs at. */
export const TEST_NOW = new Date('2026-11-29T10:00:00.000Z');

/** Returns a fresh in-memory database and an app on it with a fixed clock. */
export function makeApp(): { db: Db; app: Express } {
  const db = openDb(':memory:');
  const app = createApp({ db, now: () => TEST_NOW, log: () => {} });
  return { db, app };
}

/** Imports the corpus article into `db` and returns its id. */
export function importCorpusArticle(db: Db): number {
  const outcome = importArticle(db, { bytes: readFileSync(CORPUS_FILE), sourceName: 'cho.txt' }, { importedBy: 'test', now: TEST_NOW.toISOString() });
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
