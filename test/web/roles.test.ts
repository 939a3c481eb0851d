/**
 * Roles (issue 11): docs/roles.md is the contract, so the table is read from the doc, not from
 * access.ts. Every route the app registers (the router stack, walked) must have exactly one row, and
 * every row is requested with no session, with a session of each role, and (API rows) with an API
 * token of each role. Parameters name records that exist and unsafe requests carry a valid CSRF
 * token, so a refusal can only come from the role check; a probe in front of the app reports which
 * route served each answer, so "allowed" means the request reached the row's own route.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import express, { type Express } from 'express';
import request from 'supertest';
import { addUser, createApiToken, ROLES, type Role } from '../../src/service/accounts.js';
import { addConcept, importGlossaryUpload } from '../../src/service/glossary.js';
import { dismissOpenFlags } from '../../src/service/flags.js';
import type { ServiceContext } from '../../src/service/context.js';
import { listDismissals } from '../../src/store/decisions.js';
import { BACKEND } from '../support/backend.js';
import { ensureTestUser, TEST_PASSWORD } from '../support/accounts.js';
import { csrfOf, importCorpusArticle, makeApp } from '../helpers.js';

/** The walk makes some 400 requests, a few of them hashing a password. */
const WALK_TIMEOUT = 180_000;

/** The header the probe puts on an answer served by a route: that route's "METHOD /path". */
const ROUTE_HEADER = 'x-test-route';

/** How a request without a session is answered. */
type SignedOut = 'allowed' | 'login' | '401';

/** One row of docs/roles.md. */
interface DocRow {
  readonly method: string;
  readonly path: string;
  /** "METHOD /path", as the router walk names routes. */
  readonly key: string;
  readonly roles: Readonly<Record<Role, boolean>>;
  readonly signedOut: SignedOut;
}

/** Returns the cells of a Markdown table line (pipes escaped with a backslash stay in the cell). */
function cellsOf(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

/** Returns the rows of the role × route table of docs/roles.md; throws on a mark it does not know. */
function readRolesDoc(): DocRow[] {
  const text = readFileSync(new URL('../../docs/roles.md', import.meta.url), 'utf8');
  const lines = text.split('\n').filter((l) => l.startsWith('|'));
  const header = cellsOf(lines[0] ?? '');
  const column = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`docs/roles.md: the table has no "${name}" column`);
    return i;
  };
  const mark = (cell: string, where: string): boolean => {
    if (cell.startsWith('✓')) return true;
    if (cell.startsWith('—')) return false;
    throw new Error(`docs/roles.md: "${cell}" (${where}) is neither ✓ nor —`);
  };
  return lines.slice(2).map((line) => {
    const cells = cellsOf(line);
    const method = cells[column('Method')] ?? '';
    const path = (cells[column('Route')] ?? '').replace(/^`|`$/g, '');
    const key = `${method} ${path}`;
    const roles = Object.fromEntries(ROLES.map((role) => [role, mark(cells[column(role)] ?? '', `${key}, ${role}`)])) as Record<Role, boolean>;
    const none = cells[column('no session')] ?? '';
    const signedOut: SignedOut = mark(none, `${key}, no session`) ? 'allowed' : none.includes('/login') ? 'login' : none.includes('401') ? '401' : (() => { throw new Error(`docs/roles.md: "${none}" (${key}) says neither /login nor 401`); })();
    return { method, path, key, roles, signedOut };
  });
}

interface Layer { route?: { path: string; methods: Record<string, boolean> }; handle: { stack?: Layer[] }; rawPath?: unknown }

/** Returns every route of the app ("POST /articles/:id/status") by its Route object; Express 5 keeps a mount path as layer.rawPath. */
function routesOf(app: Express): Map<unknown, string[]> {
  const out = new Map<unknown, string[]>();
  const walk = (stack: readonly Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = `${prefix}${layer.route.path}`.replace(/(.)\/$/, '$1');
        out.set(layer.route, Object.keys(layer.route.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${path}`));
      } else if (layer.handle.stack) {
        walk(layer.handle.stack, typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? prefix + layer.rawPath : prefix);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}

/** Returns `raw` behind a probe that names, in ROUTE_HEADER, the route that served each answer (none: refused before any route). */
function probed(raw: Express, routes: Map<unknown, string[]>): Express {
  const probe = express();
  probe.use((req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
      // Express leaves on the request the Route that served it, even when its handler threw.
      const route = (req as { route?: unknown }).route;
      const names = route ? routes.get(route) : undefined;
      if (names && !this.headersSent) this.setHeader(ROUTE_HEADER, names.find((n) => n.startsWith(`${req.method} `)) ?? names.join(', '));
      return writeHead.apply(this, args);
    } as typeof res.writeHead;
    next();
  });
  probe.use(raw);
  return probe;
}

type Agent = ReturnType<typeof request.agent>;

/** The answer the walk compares with the doc. */
interface Answer {
  readonly status: number;
  readonly location: string;
  readonly route: string;
  readonly text: string;
}

/** Returns what an answer says, for a failure message: the text of an HTML page without its head and tags. */
function gist(text: string): string {
  return text.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 160);
}

function answerOf(res: request.Response): Answer {
  return { status: res.status, location: String(res.headers.location ?? ''), route: String(res.headers[ROUTE_HEADER] ?? ''), text: String(res.text ?? '') };
}

/** Returns why `answer` is not what the doc's row promises `who` (`expected`), or null when it is. */
function mismatch(row: DocRow, who: string, answer: Answer, expected: 'allowed' | 'login' | '401' | '403'): string | null {
  const got = `${answer.status}${answer.location ? ` → ${answer.location}` : ''}${answer.route ? ` (served by ${answer.route})` : ''}`;
  const say = (want: string) => `${row.key} as ${who}: expected ${want}, got ${got} ${gist(answer.text)}`;
  switch (expected) {
    case 'allowed':
      return answer.status !== 401 && answer.status !== 403 && answer.status < 500 && answer.route === row.key ? null : say(`to reach ${row.key} (not 401, 403 or 5xx)`);
    case 'login':
      return answer.status === 303 && answer.location.startsWith('/login?next=') && !answer.route ? null : say('303 to /login?next=…');
    case '401':
      return answer.status === 401 && !answer.route ? null : say('401');
    case '403':
      return answer.status === 403 && !answer.route ? null : say('403');
  }
}

/** The walk's world: the app behind the probe, the records its routes' parameters name, and the users. */
interface World {
  readonly ctx: ServiceContext;
  readonly raw: Express;
  readonly app: Express;
  readonly routes: Map<unknown, string[]>;
  readonly params: Readonly<Record<string, string>>;
  readonly tokens: Readonly<Record<Role, string>>;
}

/** The user of each role the walk signs in as. */
const userOf = (role: Role) => `walk-${role}`;
/** The user whose name fills :username (an admin's page may reset, re-role or remove them). */
const TARGET_USER = 'walk-target';
/** A user who has not yet changed their one-time password. */
const NEW_USER = 'walk-new';

/** Returns `path` with its parameters filled from `params`; throws on one it does not know. */
function fill(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`roles.test.ts: no value for the route parameter :${name} (${path}); add one to the world's params`);
    return encodeURIComponent(value);
  });
}

/** Rows that change the session itself: each is requested on a session of its own. */
const SESSION_ROWS = new Set(['POST /login', 'POST /logout']);

/** The form a row needs beyond the CSRF token for its answer to mean what the doc says (a sign-in that succeeds). */
function bodyOf(row: DocRow, username: string): Record<string, string> {
  return row.key === 'POST /login' ? { username, password: TEST_PASSWORD } : {};
}

/** Returns an agent with no session and a CSRF token (from the sign-in form). */
async function signedOutAgent(app: Express): Promise<{ agent: Agent; csrf: string }> {
  const agent = request.agent(app);
  return { agent, csrf: csrfOf((await agent.get('/login').expect(200)).text) };
}

/** Returns an agent signed in through /login as `username`, and a CSRF token from a page every signed-in user may open. */
async function signedInAgent(app: Express, username: string, password = TEST_PASSWORD): Promise<{ agent: Agent; csrf: string }> {
  const { agent, csrf } = await signedOutAgent(app);
  await agent.post('/login').type('form').send({ _csrf: csrf, username, password }).expect(303);
  return { agent, csrf: csrfOf((await agent.get('/account/password').expect(200)).text) };
}

/** Sends `row` through `agent` (with the CSRF token for an unsafe method) or with an API token. */
async function send(app: Express, row: DocRow, url: string, auth: { agent: Agent; csrf: string; username: string } | { token: string }): Promise<Answer> {
  const method = row.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  const isApi = row.path.startsWith('/api/');
  if ('token' in auth) {
    const req = request(app)[method](url).set('Authorization', `Bearer ${auth.token}`);
    return answerOf(await (method === 'get' ? req : req.send({})));
  }
  const req = auth.agent[method](url);
  if (method === 'get') return answerOf(await req);
  const body = bodyOf(row, auth.username);
  return answerOf(await (isApi ? req.set('x-csrf-token', auth.csrf).send(body) : req.type('form').send({ _csrf: auth.csrf, ...body })));
}

describe(`the role × route table of docs/roles.md (${BACKEND})`, () => {
  const rows = readRolesDoc();
  let world: World;

  beforeAll(async () => {
    const { ctx, raw } = await makeApp({ signedInAs: null });
    const routes = routesOf(raw);
    // A record for every route parameter: an article with a dismissed flag, a glossary concept, a
    // CSV glossary waiting for its columns, a user an admin may act on.
    const id = await importCorpusArticle(ctx);
    const flag = (await ctx.flags.flagsFor(id)).open[0];
    if (!flag) throw new Error('the corpus article has no open flag to dismiss');
    await dismissOpenFlags(ctx, id, new Set([flag.fingerprint]), 'Correct as written', 'test');
    const dismissal = (await listDismissals(ctx.store, id))[0];
    const cid = await addConcept(ctx, { type: 'person', terms: [{ text: 'Cho Tae-yul', lang: 'en', status: 'preferred' }, { text: 'Cho Tae-yeol', lang: 'en', status: 'deprecated' }] }, 'test');
    const pending = await importGlossaryUpload(ctx, new TextEncoder().encode('Korean,English,Rejected\n한덕수,Han Duck-soo,Han Deok-soo\n'), 'names.csv', 'test');
    if (pending.kind !== 'pending' || !dismissal) throw new Error('the walk could not make its records');
    await addUser(ctx, { username: TARGET_USER, role: 'viewer', createdBy: 'test' });
    // The users once: each costs a few argon2 hashes.
    for (const role of ROLES) await ensureTestUser(ctx, userOf(role), role);
    const tokens = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, (await createApiToken(ctx, userOf(role), 'roles walk')).token]))) as Record<Role, string>;
    const params = { id: String(id), n: '0', cid, pid: String(pending.id), dismissalId: String(dismissal.id), username: TARGET_USER };
    world = { ctx, raw, app: probed(raw, routes), routes, params, tokens };
  }, WALK_TIMEOUT);

  it('has exactly one row for every route the app registers, and no row for a route it does not', () => {
    const registered = [...world.routes.values()].flat();
    const documented = rows.map((r) => r.key);
    expect(registered.length, 'the router walk found the routes').toBeGreaterThan(40);
    expect(documented.filter((key, i) => documented.indexOf(key) !== i), 'rows named twice in docs/roles.md').toEqual([]);
    expect(registered.filter((key, i) => registered.indexOf(key) !== i), 'routes registered twice').toEqual([]);
    expect(registered.filter((key) => !documented.includes(key)), 'routes without a row in docs/roles.md (add one to ROUTE_ACCESS in src/web/access.ts and run `npm run docs:roles`)').toEqual([]);
    expect(documented.filter((key) => !registered.includes(key)), 'rows of docs/roles.md that name no registered route').toEqual([]);
  });

  it('answers every row as the doc says: without a session, with each role’s session, and with each role’s API token', async () => {
    const { app, params, tokens } = world;
    const failures: string[] = [];
    const check = (row: DocRow, who: string, answer: Answer, expected: 'allowed' | 'login' | '401' | '403') => {
      const problem = mismatch(row, who, answer, expected);
      if (problem) failures.push(problem);
    };
    const sessions = new Map<Role, { agent: Agent; csrf: string }>();
    for (const role of ROLES) sessions.set(role, await signedInAgent(app, userOf(role)));

    for (const row of rows) {
      const url = fill(row.path, params);
      // No session: a fresh agent each time, so a sign-in that succeeds leaves nothing behind.
      const anonymous = await signedOutAgent(app);
      check(row, 'no session', await send(app, row, url, { ...anonymous, username: userOf('viewer') }), row.signedOut);
      for (const role of ROLES) {
        const session = SESSION_ROWS.has(row.key) ? await signedInAgent(app, userOf(role)) : sessions.get(role)!;
        check(row, `a ${role}`, await send(app, row, url, { ...session, username: userOf(role) }), row.roles[role] ? 'allowed' : '403');
        if (row.path.startsWith('/api/')) {
          check(row, `a ${role}'s API token`, await send(app, row, url, { token: tokens[role] }), row.roles[role] ? 'allowed' : '403');
        }
      }
    }
    expect(rows.filter((r) => r.path.startsWith('/api/')).length, 'the doc has API rows to try tokens on').toBeGreaterThan(2);
    expect(failures).toEqual([]);
  }, WALK_TIMEOUT);

  it('sends a user who has not changed their one-time password to /account/password from every page but that one, and refuses anything else but signing out', async () => {
    const { app, ctx, params } = world;
    // An admin, so that only the one-time password can be why they are held back.
    const { password } = await addUser(ctx, { username: NEW_USER, role: 'admin', createdBy: 'test' });
    const { agent, csrf } = await signedOutAgent(app);
    const signIn = await agent.post('/login').type('form').send({ _csrf: csrf, username: NEW_USER, password }).expect(303);
    expect(signIn.headers.location).toBe('/account/password');
    const session = { agent, csrf: csrfOf((await agent.get('/account/password').expect(200)).text), username: NEW_USER };

    const failures: string[] = [];
    const held = rows.filter((r) => r.signedOut !== 'allowed' && r.key !== 'POST /logout');
    for (const row of held) {
      const answer = await send(app, row, fill(row.path, params), session);
      const isPage = row.method === 'GET' && !row.path.startsWith('/api/');
      if (row.path === '/account/password') {
        if (answer.status === 401 || answer.status === 403 || answer.status >= 500 || answer.route !== row.key) failures.push(`${row.key}: expected to reach it, got ${answer.status}`);
      } else if (isPage) {
        if (answer.status !== 303 || answer.location !== '/account/password' || answer.route) failures.push(`${row.key}: expected 303 to /account/password, got ${answer.status} ${answer.location}`);
      } else if (answer.status !== 403 || answer.route || !answer.text.includes('Choose your own password first')) {
        failures.push(`${row.key}: expected 403 "Choose your own password first", got ${answer.status} ${gist(answer.text)}`);
      }
    }
    expect(held.length).toBeGreaterThan(40);
    expect(failures).toEqual([]);
    // Signing out still works, last since it ends the session.
    const out = await agent.post('/logout').type('form').send({ _csrf: session.csrf }).expect(303);
    expect(out.headers.location).toBe('/login');
    expect((await agent.get('/').expect(303)).headers.location).toBe('/login?next=%2F');
  }, WALK_TIMEOUT);
});
