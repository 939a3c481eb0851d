import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { Express } from 'express';
import { makeApp, importCorpusArticle, importText } from '../helpers.js';
import { ensureTestUser } from '../support/accounts.js';
import { cliEnv, createTestDatabase } from '../support/backend.js';
import { runCopydesk } from '../cli/cli-harness.js';
import type { ServiceContext } from '../../src/service/context.js';
import { createApiToken, revokeToken } from '../../src/service/accounts.js';
import { addPersonFromNames } from '../../src/service/glossary.js';
import { findSegment, segmentHistory } from '../../src/service/save-segment.js';
import { accessOf, ROUTE_ACCESS } from '../../src/web/access.js';

const DOC = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

/** Position of the standfirst "King Raises Issues at Meeting with Chinese Foreign Minister" in the corpus article. */
const STANDFIRST = 5;
const FIXED = 'Cho Raises Issues at Meeting with Chinese Foreign Minister';

/** One curl example of the doc: the request it makes, the status after `# →`, and the JSON answer shown after it. */
interface DocExample {
  readonly command: string;
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly answer: Record<string, unknown>;
}

/** Returns the words of a shell command as sh would pass them: quotes removed, `\`-newlines joined, $NAME expanded outside single quotes. */
function shellWords(command: string, vars: Readonly<Record<string, string>>): string[] {
  const text = command.replace(/\\\n/gu, ' ');
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (c === '$') {
      const name = /^[A-Z_][A-Z0-9_]*/u.exec(text.slice(i + 1))?.[0];
      if (!name || vars[name] === undefined) throw new Error(`docs/api.md uses $${name ?? ''}, which the test does not set: ${command}`);
      word = (word ?? '') + vars[name];
      i += name.length;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (/\s/u.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote) throw new Error(`unclosed ${quote} in: ${command}`);
  if (word !== null) words.push(word);
  return words;
}

/** Returns the request a curl command makes: -X, -H and -d/--data as curl reads them (-d alone means a form POST); any other flag is refused. */
function readCurl(command: string, vars: Readonly<Record<string, string>>): Pick<DocExample, 'method' | 'url' | 'headers' | 'body'> {
  const [curl, ...args] = shellWords(command, vars);
  if (curl !== 'curl') throw new Error(`not a curl command: ${command}`);
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  // curl's own default; it is what made the error pages HTML before the API answered JSON whatever was accepted.
  const headers: Record<string, string> = { accept: '*/*' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${arg} needs a value: ${command}`);
      return v;
    };
    if (arg === '-X' || arg === '--request') method = value();
    else if (arg === '-H' || arg === '--header') {
      const [name, ...rest] = value().split(':');
      headers[(name as string).trim().toLowerCase()] = rest.join(':').trim();
    } else if (arg === '-d' || arg === '--data') body = value();
    else if (arg.startsWith('-')) throw new Error(`the test's curl reader does not know ${arg}: ${command}`);
    else url = arg;
  }
  if (!url) throw new Error(`no URL in: ${command}`);
  if (body !== undefined) headers['content-type'] ??= 'application/x-www-form-urlencoded';
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), url, headers, body };
}

/** Returns the doc's curl examples in order, each with the JSON block that follows it. */
function docExamples(vars: Readonly<Record<string, string>>): DocExample[] {
  const blocks = [...DOC.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gmu)].map((m) => ({ lang: m[1] as string, text: m[2] as string }));
  const examples: DocExample[] = [];
  blocks.forEach((block, i) => {
    if (block.lang !== 'sh' || !/^curl /mu.test(block.text)) return;
    const status = /^# → (\d{3})$/mu.exec(block.text)?.[1];
    const command = block.text.split('\n').filter((line) => !line.startsWith('#')).join('\n').trim();
    const next = blocks[i + 1];
    if (!status) throw new Error(`no "# → STATUS" line in the example: ${command}`);
    if (next?.lang !== 'json') throw new Error(`no JSON answer after the example: ${command}`);
    examples.push({ command, status: Number(status), ...readCurl(command, vars), answer: JSON.parse(next.text) as Record<string, unknown> });
  });
  return examples;
}

/** Sends one example's request to `app` (the URL's path and query; the host is the doc's $COPYDESK). */
function send(app: Express, example: Pick<DocExample, 'method' | 'url' | 'headers' | 'body'>) {
  const { pathname, search } = new URL(example.url);
  const req = request(app)[example.method.toLowerCase() as 'get' | 'put' | 'post'](pathname + search).set(example.headers);
  return example.body === undefined ? req : req.send(example.body);
}

/** The doc's server address; only its path reaches the app. */
const COPYDESK = 'http://127.0.0.1:3000';

describe('docs/api.md', () => {
  // Parsed once with a placeholder token, for the test names and the route coverage.
  const named = docExamples({ COPYDESK, TOKEN: 'cdk_placeholder' });
  let app: Express;
  let examples: DocExample[];

  beforeAll(async () => {
    // A database the CLI can open too: the token comes from the doc's own `token create` command.
    const config = await createTestDatabase();
    const made = await makeApp({ config, signedInAs: null });
    app = made.raw;
    const id = await importCorpusArticle(made.ctx);
    if (id !== 1) throw new Error(`the doc's examples read article 1; the corpus article was imported as ${id}`);
    await addPersonFromNames(made.ctx, { preferred: 'Cho Tae-yul', deprecated: ['Cho Tae-yeol'], source: 'cho.txt' }, 'Hana');
    await ensureTestUser(made.ctx, 'Min-ji', 'editor');
    const create = /^npm run copydesk -- (token create .+)$/mu.exec(DOC)?.[1];
    if (!create) throw new Error('docs/api.md does not show `npm run copydesk -- token create NAME`');
    const run = await runCopydesk(shellWords(create, {}), cliEnv(config));
    expect(run.code, run.stderr).toBe(0);
    examples = docExamples({ COPYDESK, TOKEN: run.stdout.trim() });
  });

  it('has a curl example for every API route, and one of a 409', () => {
    const apiRoutes = ROUTE_ACCESS.filter((r) => r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`);
    const shown = named.map((e) => {
      const route = accessOf(e.method, new URL(e.url).pathname);
      return route ? `${route.method} ${route.path}` : `${e.method} ${e.url}`;
    });
    expect(new Set(shown)).toEqual(new Set(apiRoutes));
    expect(named.map((e) => e.status)).toContain(409);
  });

  // In the doc's order: the 409 example sends a base the 200 example before it made stale.
  named.forEach((shown, i) => {
    const { pathname, search } = new URL(shown.url);
    it(`${shown.method} ${pathname}${search} answers ${shown.status} with ${Object.keys(shown.answer).join(', ')}`, async () => {
      const example = examples[i] as DocExample;
      const res = await send(app, example);
      expect(res.status, res.text).toBe(example.status);
      expect(res.type).toBe('application/json');
      expect(Object.keys(res.body as object)).toEqual(expect.arrayContaining(Object.keys(example.answer)));
    });
  });
});

describe('the JSON API', () => {
  async function setUp() {
    const { ctx, raw } = await makeApp({ signedInAs: null });
    const id = await importCorpusArticle(ctx);
    await ensureTestUser(ctx, 'Min-ji', 'editor');
    await ensureTestUser(ctx, 'Dae-ho', 'viewer');
    const editor = (await createApiToken(ctx, 'Min-ji', 'test')).token;
    const viewer = (await createApiToken(ctx, 'Dae-ho', 'test')).token;
    return { ctx, app: raw, id, editor, viewer };
  }
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}`, Accept: '*/*' });
  const revisionsOf = async (ctx: ServiceContext, id: number) => segmentHistory(ctx, (await findSegment(ctx, id, STANDFIRST))!);

  describe('PUT /api/articles/:id/segments/:n', () => {
    it('saves a revision whose author is the token’s user', async () => {
      const { ctx, app, id, editor } = await setUp();
      const res = await request(app).put(`/api/articles/${id}/segments/${STANDFIRST}`).set(bearer(editor)).send({ text: FIXED, base: 0 }).expect(200);
      expect(res.body).toEqual({ index: STANDFIRST, revision: 1, text: FIXED, saved: true });
      expect((await revisionsOf(ctx, id)).map((r) => [r.number, r.text, r.author])).toEqual([[1, FIXED, 'Min-ji']]);
      const read = await request(app).get(`/api/articles/${id}`).set(bearer(editor)).expect(200);
      const segment = (read.body as { segments: { index: number; edit: string; revision: number; flags: { check: string }[] }[] }).segments[STANDFIRST];
      expect(segment).toMatchObject({ index: STANDFIRST, edit: FIXED, revision: 1 });
      expect(segment?.flags.map((f) => f.check)).not.toContain('surname-homograph');
    });

    it('refuses a stale base with 409 and the current text and revision, and writes nothing', async () => {
      const { ctx, app, id, editor } = await setUp();
      await request(app).put(`/api/articles/${id}/segments/${STANDFIRST}`).set(bearer(editor)).send({ text: FIXED, base: 0 }).expect(200);
      const res = await request(app).put(`/api/articles/${id}/segments/${STANDFIRST}`).set(bearer(editor))
        .send({ text: 'Wang Yi Raises Issues at Meeting with Chinese Foreign Minister', base: 0 }).expect(409);
      expect(res.body).toEqual({
        error: 'Someone saved this segment after revision 0: it is at revision 1. Merge your text into the current one and send it with "base": 1.',
        current: { revision: 1, text: FIXED, author: 'Min-ji', at: '2026-11-29T10:00:00.000Z' },
      });
      expect((await revisionsOf(ctx, id)).map((r) => [r.number, r.text])).toEqual([[1, FIXED]]);
      expect((await findSegment(ctx, id, STANDFIRST))?.edit).toBe(FIXED);
    });

    it('refuses a viewer’s token with 403 JSON and writes nothing', async () => {
      const { ctx, app, id, viewer } = await setUp();
      const res = await request(app).put(`/api/articles/${id}/segments/${STANDFIRST}`).set(bearer(viewer)).send({ text: FIXED, base: 0 }).expect(403);
      expect(res.type).toBe('application/json');
      expect(res.body).toEqual({ error: 'Your role (viewer) cannot do this; it needs an editor. Ask an admin if you should.' });
      expect(await revisionsOf(ctx, id)).toEqual([]);
      // What a viewer may do, it can.
      await request(app).get(`/api/articles/${id}`).set(bearer(viewer)).expect(200);
    });

    it('refuses a body that is not JSON with 415, and one without a base with 422, as JSON sentences', async () => {
      const { app, id, editor } = await setUp();
      const form = await request(app).put(`/api/articles/${id}/segments/${STANDFIRST}`).set(bearer(editor)).type('form').send({ text: FIXED, base: '0' }).expect(415);
      expect(form.type).toBe('application/json');
      expect(form.body.error).toContain('Content-Type: application/json');
      const noBase = await request(app).put(`/api/articles/${id}/segments/${STANDFIRST}`).set(bearer(editor)).send({ text: FIXED }).expect(422);
      expect(noBase.type).toBe('application/json');
      expect(noBase.body.error).toContain('"base"');
    });
  });

  describe('tokens', () => {
    it('answers 401 JSON without a token, with an unknown one and with a revoked one', async () => {
      const { ctx, app, editor } = await setUp();
      const none = await request(app).get('/api/articles').set('Accept', '*/*').expect(401);
      expect(none.type).toBe('application/json');
      expect(none.body).toEqual({ error: 'Sign in first: every change is kept with who made it.' });
      const unknown = await request(app).get('/api/articles').set(bearer('cdk_not-a-token')).expect(401);
      expect(unknown.body).toEqual({ error: 'The API token is not valid or was revoked. Create one with `copydesk token create NAME`.' });

      const { id: tokenId, token } = await createApiToken(ctx, 'Min-ji', 'to revoke');
      await request(app).get('/api/articles').set(bearer(token)).expect(200);
      await revokeToken(ctx, tokenId);
      const revoked = await request(app).get('/api/articles').set(bearer(token)).expect(401);
      expect(revoked.body).toEqual(unknown.body);
      // The other token of the same user still works.
      await request(app).get('/api/articles').set(bearer(editor)).expect(200);
    });

    it('answers JSON even to a browser: a route outside the role table (403) and a missing article (404)', async () => {
      const { app, editor } = await setUp();
      const res = await request(app).get('/api/nothing-here').set({ Authorization: `Bearer ${editor}`, Accept: 'text/html' });
      // Not in the role table: refused to all but an admin before it reaches the router.
      expect(res.status).toBe(403);
      expect(res.type).toBe('application/json');
      const missing = await request(app).get('/api/articles/999').set(bearer(editor)).expect(404);
      expect(missing.body).toEqual({ error: 'There is no such article.' });
    });
  });

  describe('GET /api/articles', () => {
    it('answers 50 a page, gives the next page’s path while there is one, and none on the last', async () => {
      const { ctx, app, editor } = await setUp();
      for (let i = 1; i <= 50; i++) await importText(ctx, `Rain Expected in Region ${i}\n\nHeavy rain is expected in region ${i} on Saturday.`, `rain-${i}.txt`);
      const first = await request(app).get('/api/articles').set(bearer(editor)).expect(200);
      expect(first.body).toMatchObject({ page: 1, pageSize: 50, total: 51, next: '/api/articles?page=2' });
      expect(first.body.articles).toHaveLength(50);
      const second = await request(app).get(first.body.next as string).set(bearer(editor)).expect(200);
      expect(second.body).toMatchObject({ page: 2, pageSize: 50, total: 51 });
      expect(second.body).not.toHaveProperty('next');
      expect(second.body.articles).toHaveLength(1);
      const ids = [...first.body.articles, ...second.body.articles].map((a: { id: number }) => a.id);
      expect(new Set(ids).size).toBe(51);
    });
  });
});
