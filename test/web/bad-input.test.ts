/**
 * The bad-input table (issue 11): every route of ROUTE_ACCESS × malformed, oversized, wrongly
 * typed, missing, non-UTF-8, negative and traversal input. Every request is signed in as an admin
 * with a valid CSRF token, so only the input is wrong. No case may get a 5xx; every refusal is a
 * 4xx with a sentence (the page's error paragraph, or the API's {"error"}) and no stack trace.
 * The table is built from ROUTE_ACCESS, so a new route is covered as soon as it is listed there.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../src/web/app.js';
import { ROUTE_ACCESS, type RouteAccess } from '../../src/web/access.js';
import type { ServiceContext } from '../../src/service/context.js';
import { addConcept, glossaryConcepts, importGlossaryUpload } from '../../src/service/glossary.js';
import { MAX_SEGMENT_CHARS } from '../../src/service/save-segment.js';
import { MAX_UPLOAD_BYTES } from '../../src/service/import-articles.js';
import { MAX_ARTICLE_BYTES } from '../../src/core/article/decode-input.js';
import { MAX_GLOSSARY_BYTES } from '../../src/formats/glossary/limits.js';
import { listArticles } from '../../src/store/articles.js';
import { BACKEND, openTestContext } from '../support/backend.js';
import { ensureTestUser, sessionCookie, TEST_PASSWORD } from '../support/accounts.js';
import { CORPUS_FILE, csrfOf, importCorpusArticle, TEST_NOW } from '../helpers.js';

const ARTICLE = readFileSync(CORPUS_FILE, 'utf8');
const NON_UTF8 = Buffer.from([0xff, 0xfe, 0xfd]);
const XSS = '<script>alert(1)</script>';
/** The urlencoded and JSON body limit of app.ts (2200 kB), and a body just over it. */
const BODY_LIMIT_BYTES = 2200 * 1024;

type Method = RouteAccess['method'];
type Body = { readonly type: string; readonly data: string | Buffer; readonly headers?: Record<string, string> };
/** What a case must get: any answer below 500 ('handled'), a 4xx ('refused'), or one status. */
type Expectation = 'handled' | 'refused' | number;
interface Case {
  readonly label: string;
  readonly expect: Expectation;
  /** The URL's query, without '?'. */
  readonly query?: string;
  /** Path parameters to use instead of the valid ones (already URL-encoded). */
  readonly params?: Record<string, string>;
  readonly body?: Body;
  /** A multipart form: the CSRF token goes in the URL, as the form's action sends it. */
  readonly isMultipart?: boolean;
}

/** A valid form for each unsafe route (fields as a browser sends them); a route not listed gets an empty one. */
interface ValidForm {
  readonly fields: Record<string, string>;
  /** Characters that are over this form's limit for a field, when it is not MAX_SEGMENT_CHARS. */
  readonly oversize?: Record<string, number>;
  /** The route takes JSON (the API), not a form. */
  readonly isJson?: boolean;
}

const CONCEPT_FORM = { type: 'person', preferred: 'Kim Min-jae', admitted: '', deprecated: 'Kim Min-jai', korean: '김민재', note: 'Footballer.' };

/** The article (filled in by beforeAll), the user the admin pages act on, the user the sign-in form signs in. */
const fx = { id: '', user: 'Someone', login: 'bad-input-login' };

function validForm(row: RouteAccess): ValidForm {
  const forms: Record<string, ValidForm> = {
    // A real sign-in: a wrong password is answered slowly on purpose (account.ts), and would lock the account.
    'POST /login': { fields: { username: fx.login, password: TEST_PASSWORD, next: '/' } },
    'POST /account/password': { fields: { current: 'not the password', password: 'a new password 1234', confirm: 'a new password 1234' } },
    'POST /articles/:id/segments/:n': { fields: { text: 'Cho Tae-yul spoke in Beijing.', base: '0' } },
    'POST /articles/:id/segments/:n/revert': { fields: { to: '0', base: '0' } },
    'POST /articles/:id/categories': { fields: { segmentId: '1', mtText: 'Tae-yeol', editText: 'Tae-yul', category: 'terminology', severity: 'minor' } },
    'POST /articles/:id/engine': { fields: { engine: 'Engine A' } },
    'POST /articles/:id/status': { fields: { status: 'in-review' } },
    'POST /articles/:id/flags/apply': { fields: { segment: '1', start: '0', end: '3', text: 'Cho', replacement: 'Cho', base: '0' } },
    'POST /articles/:id/fixes': { fields: { fingerprint: 'name-consistency:cho', replacement: 'Cho Tae-yul', segment: '1', base_1: '0' } },
    'POST /articles/:id/dismissals': { fields: { fingerprint: 'name-consistency:cho', reason: 'A different person.' } },
    'POST /issues/dismiss': { fields: { flag: `${fx.id}:name-variant:cho-tae-yul`, reason: 'A different person.', back: '/issues' } },
    'POST /issues/fixes/preview': { fields: { flag: `${fx.id}:name-variant:cho-tae-yul`, back: '/issues' } },
    'POST /issues/fixes': { fields: { flag: `${fx.id}:name-variant:cho-tae-yul`, change: `${fx.id}:4`, [`base_${fx.id}_4`]: '0', back: '/issues' } },
    'POST /people/distinct': { fields: { a: 'Cho Tae-yul', b: 'Cho Tae-yeol', back: '/names', confirm: '1' } },
    'POST /people/distinct/undo': { fields: { a: 'Cho Tae-yul', b: 'Cho Tae-yeol', back: '/names' } },
    'PUT /api/articles/:id/segments/:n': { fields: { text: 'Cho Tae-yul spoke in Beijing.', base: '0' }, isJson: true },
    'POST /glossary': { fields: CONCEPT_FORM },
    'POST /glossary/from-names': { fields: { preferred: 'Lee Jae-myung', deprecated: 'Lee Jae-myeong', source: 'names page', back: '/names' } },
    'POST /glossary/suggestions/accept': { fields: { mtText: 'Tae-yeol', editText: 'Tae-yul' } },
    'POST /glossary/suggestions/reject': { fields: { mtText: 'Tae-yeol', editText: 'Tae-yul' } },
    'POST /glossary/:cid': { fields: CONCEPT_FORM },
    'POST /glossary/:cid/apply': { fields: { change: '1:1', base_1_1: '0' } },
    'POST /glossary/import/:pid': { fields: { delimiter: ',', hasHeader: 'yes', role_0: 'preferred', role_1: 'deprecated' } },
    'POST /import': { fields: { text: ARTICLE, sourceName: 'bad-input.txt', engine: 'Engine A' }, oversize: { text: MAX_ARTICLE_BYTES + 1 } },
    'POST /reports/pass-score': { fields: { passScore: '70' } },
    'POST /admin/users': { fields: { username: 'new-person', role: 'viewer' } },
    'POST /admin/users/:username/role': { fields: { role: 'editor' } },
  };
  return forms[`${row.method} ${row.path}`] ?? { fields: {} };
}

/** The routes that take a multipart upload, and the file each takes. */
const UPLOADS: Record<string, { readonly fileName: string; readonly file: string; readonly maxFileBytes: number }> = {
  'POST /import': { fileName: 'cho.txt', file: ARTICLE, maxFileBytes: MAX_ARTICLE_BYTES },
  'POST /glossary/import': { fileName: 'terms.csv', file: 'preferred,deprecated\nPark Ji-sung,Park Ji-seong\n', maxFileBytes: MAX_GLOSSARY_BYTES },
};

// ---------------------------------------------------------------------------------------------
// Bodies

function encodeForm(fields: Record<string, string | readonly string[]>): string {
  return Object.entries(fields)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one: string) => `${encodeURIComponent(k)}=${encodeURIComponent(one)}`))
    .join('&');
}

const form = (fields: Record<string, string | readonly string[]>): Body => ({ type: 'application/x-www-form-urlencoded', data: encodeForm(fields) });
const json = (value: unknown): Body => ({ type: 'application/json', data: JSON.stringify(value) });
const isNumeric = (value: string) => /^\d+$/u.test(value);

/** The API's JSON for a form's fields: numbers as numbers. */
function asJson(fields: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, isNumeric(v) ? Number(v) : v]));
}

/** A body just over the urlencoded and JSON limit, built once. */
const OVER_LIMIT = Buffer.alloc(BODY_LIMIT_BYTES + 1024, 'x');
const concat = (...parts: (string | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

/** A form with the given bytes as its body. */
const urlencoded = (data: string | Buffer, headers?: Record<string, string>): Body => ({ type: 'application/x-www-form-urlencoded', data, headers });

/** Each text field gets a traversal, alternately POSIX and Windows. */
function traversals(keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k, i) => [k, i % 2 ? '..\\..\\x.txt' : '../../etc/passwd']));
}

/** The cases of a form or JSON body for an unsafe route: the valid body, then each way of getting it wrong. */
function bodyCases(row: RouteAccess): Case[] {
  const { fields, oversize = {}, isJson = false } = validForm(row);
  const keys = Object.keys(fields);
  const anyKeys = keys.length ? keys : ['x'];
  const textKeys = keys.filter((k) => !isNumeric(fields[k] as string));
  const valid = (extra: Record<string, string | readonly string[]> = {}): Body => (isJson ? json({ ...asJson(fields), ...extra }) : form({ ...fields, ...extra }));
  const cases: Case[] = [
    { label: 'the valid body', expect: 'handled', body: valid() },
    { label: `a body over the ${BODY_LIMIT_BYTES / 1024} kB limit`, expect: 413, body: isJson ? { type: 'application/json', data: concat('{"text": "', OVER_LIMIT, '", "base": 0}') } : urlencoded(concat(encodeForm(fields), '&pad=', OVER_LIMIT)) },
    { label: 'an empty form (every field missing)', expect: 'handled', body: form({}) },
    { label: 'raw non-UTF-8 bytes in every field', expect: 'handled', body: urlencoded(concat(...anyKeys.flatMap((k, i) => [`${i ? '&' : ''}${k}=`, NON_UTF8]))) },
    { label: 'JSON with non-UTF-8 bytes in every field', expect: 'handled', body: { type: 'application/json', data: concat('{', ...anyKeys.flatMap((k, i) => [`${i ? ', ' : ''}"${k}": "`, NON_UTF8, '"']), '}') } },
    { label: 'JSON with an object for every field', expect: 'handled', body: json(Object.fromEntries(anyKeys.map((k) => [k, { $ne: '' }]))) },
    { label: 'a NUL character in every text field', expect: 'refused', body: valid(Object.fromEntries((textKeys.length ? textKeys : ['x']).map((k) => [k, `${fields[k] ?? ''}\u0000`]))) },
    { label: 'a path traversal in every text field', expect: 'handled', body: valid(traversals(textKeys.length ? textKeys : ['x'])) },
  ];
  // Each field on its own: the others valid, so the route gets as far as that field.
  for (const key of keys) {
    const value = fields[key] as string;
    cases.push(
      { label: `${key} twice (an array)`, expect: 'handled', body: isJson ? json({ ...asJson(fields), [key]: [value, value] }) : form({ ...fields, [key]: [value, '2'] }) },
      { label: `${key} over its limit`, expect: 'handled', body: valid({ [key]: 'x'.repeat(oversize[key] ?? MAX_SEGMENT_CHARS + 1) }) },
    );
    if (isNumeric(value)) {
      const negative = key === 'passScore' ? -5 : -1;
      cases.push({ label: `${key}=${negative}`, expect: 'handled', body: isJson ? json({ ...asJson(fields), [key]: negative }) : valid({ [key]: String(negative) }) });
    }
  }
  const numberKeys = keys.filter((k) => isNumeric(fields[k] as string));
  if (numberKeys.length) {
    const huge = (n: string) => Object.fromEntries(numberKeys.map((k) => [k, n]));
    cases.push({ label: 'every number 1e999', expect: 'handled', body: isJson ? { type: 'application/json', data: JSON.stringify({ ...asJson(fields), ...huge('HUGE') }).replace(/"HUGE"/gu, '1e999') } : valid(huge('1e999')) });
  }
  if (isJson) {
    cases.push(
      { label: 'malformed JSON', expect: 400, body: { type: 'application/json', data: '{"text": "unfinished", "base": ' } },
      { label: 'JSON that is a bare string', expect: 400, body: { type: 'application/json', data: '"just a string"' } },
      { label: 'JSON that is an array', expect: 422, body: { type: 'application/json', data: '[{"text": "a", "base": 0}]' } },
      { label: 'JSON sent as a form (the wrong Content-Type)', expect: 415, body: form(fields) },
      { label: 'JSON sent as text/plain', expect: 415, body: { type: 'text/plain', data: JSON.stringify(asJson(fields)) } },
      { label: 'the text missing', expect: 422, body: json({ base: 0 }) },
      { label: 'the base missing', expect: 422, body: json({ text: fields.text }) },
      { label: 'a text that is a number', expect: 422, body: json({ ...asJson(fields), text: 42 }) },
      { label: 'a base that is a string', expect: 422, body: json({ ...asJson(fields), base: '0' }) },
      { label: 'a base that is a fraction', expect: 422, body: json({ ...asJson(fields), base: 1.5 }) },
      { label: 'a base that is null', expect: 422, body: json({ ...asJson(fields), base: null }) },
      { label: 'an unknown field', expect: 422, body: json({ ...asJson(fields), author: 'someone else' }) },
      { label: 'an empty JSON object', expect: 422, body: json({}) },
      { label: 'JSON nested 5,000 deep', expect: 422, body: { type: 'application/json', data: `${'['.repeat(5000)}${']'.repeat(5000)}` } },
    );
  }
  return cases;
}

/**
 * Bodies the parsers refuse before any route sees them (app.ts reads urlencoded and JSON bodies
 * for every route), so they are sent to one form route and the API rather than to each.
 */
const PARSER_CASES: readonly Case[] = [
  // app.ts's FORM_FIELD_LIMIT: the QA list posts a tick per row of its page, and a preview across articles two fields per change.
  { label: 'more than 1,000 parameters', expect: 413, body: form(Object.fromEntries(Array.from({ length: 1010 }, (_, i) => [`p${i}`, '1']))) },
  { label: 'an unsupported charset', expect: 415, body: { type: 'application/x-www-form-urlencoded; charset=latin1', data: 'status=done' } },
  { label: 'a gzip body that is not gzip', expect: 400, body: urlencoded('not gzip at all', { 'Content-Encoding': 'gzip' }) },
  { label: 'an unknown content encoding', expect: 415, body: urlencoded('status=done', { 'Content-Encoding': 'x-copydesk' }) },
  { label: 'percent-encoded non-UTF-8', expect: 'handled', body: urlencoded('status=%FF%FE%FD') },
  { label: 'malformed percent-encoding', expect: 'handled', body: urlencoded('status=%E0%A4%A&%&=&a==b') },
  { label: 'a NUL in a field name', expect: 'refused', body: urlencoded('st%00atus=done') },
  { label: 'malformed JSON', expect: 400, body: { type: 'application/json', data: '{"status": ' } },
  { label: 'JSON that is a bare string', expect: 400, body: { type: 'application/json', data: '"done"' } },
  { label: 'JSON with a duplicated key and a __proto__', expect: 'handled', body: { type: 'application/json', data: '{"status": "done", "status": ["x"], "__proto__": {"isAdmin": true}}' } },
  { label: 'no body at all', expect: 'handled' },
];

/** A multipart body built by hand, for the upload routes. */
function multipart(parts: readonly { headers: string; content: string | Buffer }[], boundary = 'copydesk-bad-input'): Buffer {
  return Buffer.concat([
    ...parts.flatMap((p) => [Buffer.from(`--${boundary}\r\n${p.headers}\r\n\r\n`), Buffer.from(p.content), Buffer.from('\r\n')]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
}
const MULTIPART_TYPE = 'multipart/form-data; boundary=copydesk-bad-input';
const filePart = (name: string, content: string | Buffer, field = 'file') => ({ headers: `Content-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: text/plain`, content });
const fieldPart = (name: string, content: string) => ({ headers: `Content-Disposition: form-data; name="${name}"`, content });

/** The multipart cases of an upload route (its form's body); the six malformed bodies have a describe of their own below. */
function uploadCases(row: RouteAccess): Case[] {
  const upload = UPLOADS[`${row.method} ${row.path}`];
  if (!upload) return [];
  const send = (label: string, expect: Expectation, parts: Parameters<typeof multipart>[0]): Case => ({ label: `multipart: ${label}`, expect, isMultipart: true, body: { type: MULTIPART_TYPE, data: multipart(parts) } });
  return [
    send('a valid upload', 'handled', [filePart(upload.fileName, upload.file)]),
    send('no file and no text', 'refused', []),
    send('an empty file', 'refused', [filePart(upload.fileName, '')]),
    send('a file that is not UTF-8', 'refused', [filePart(upload.fileName, NON_UTF8)]),
    send('a file name with a traversal', 'handled', [filePart('../../etc/passwd', upload.file)]),
    send('a file name with a Windows traversal', 'handled', [filePart('..\\..\\x.txt', upload.file)]),
    send('a file name of 10,000 characters', 'handled', [filePart(`${'n'.repeat(10_000)}.txt`, upload.file)]),
    send('a file name that is only a NUL (filename*)', 'refused', [{ headers: "Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''%00\r\nContent-Type: text/plain", content: upload.file }]),
    send('a file name with a NUL inside (filename*)', 'refused', [{ headers: "Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''a%00b.txt\r\nContent-Type: text/plain", content: upload.file }]),
    send('a file as a text field', 'refused', [fieldPart('file', upload.file)]),
    send('a file under another field name', 'refused', [filePart(upload.fileName, upload.file, 'other')]),
    send('two files where one is taken, or too many', 'handled', [filePart('a.txt', upload.file), filePart('b.txt', upload.file)]),
    send('a part without a name', 'refused', [{ headers: 'Content-Disposition: form-data; filename="x.txt"', content: upload.file }]),
    send('a field name that cannot be a key', 'handled', [fieldPart('text[', 'x'), filePart(upload.fileName, upload.file)]),
    send('the pasted text twice', 'handled', [fieldPart('text', ARTICLE), fieldPart('text', ARTICLE)]),
    send('a source name with a traversal', 'handled', [fieldPart('sourceName', '../../etc/passwd'), fieldPart('text', ARTICLE)]),
    send('pasted text over the article limit', 'refused', [fieldPart('text', 'x'.repeat(MAX_ARTICLE_BYTES + 1))]),
    send('pasted text with a NUL character', 'refused', [fieldPart('text', `${ARTICLE}\u0000`)]),
    send('a file over the limit', 413, [filePart(upload.fileName, Buffer.alloc(upload.maxFileBytes + 1, 'a'))]),
  ];
}

// ---------------------------------------------------------------------------------------------
// Paths and queries

/**
 * Malformed path parameters (URL-encoded as they are sent); '0' can be a real segment, the rest
 * cannot name anything. A change goes through the same loader as the page it changes, so it gets
 * the first four; the pages get all nine.
 */
const BAD_PARAMS: readonly { value: string; expect: Expectation }[] = [
  { value: '-1', expect: 'refused' },
  { value: '%00', expect: 'refused' },
  { value: '..%2F..%2Fetc%2Fpasswd', expect: 'refused' },
  { value: '7'.repeat(10_000), expect: 'refused' },
  { value: 'abc', expect: 'refused' },
  { value: '0', expect: 'handled' },
  { value: '1e9', expect: 'refused' },
  { value: '99999999999999999999', expect: 'refused' },
  { value: encodeURIComponent('조태열-Ünïcødé-🙂'), expect: 'refused' },
];
const BAD_PARAMS_OF_CHANGES = BAD_PARAMS.slice(0, 4);

/** Malformed, oversized, wrongly typed, negative and repeated query parameters (the names the routes read). */
const BAD_QUERIES: readonly string[] = [
  'page=-1',
  'page=abc',
  'page=1e999',
  `page=99999999999999999999&q=${'x'.repeat(10_000)}`,
  `format=..%2F..%2Fx&next=..%2F..%2Fetc%2Fpasswd&back=%2F%2Fevil.example&sort=${encodeURIComponent(XSS)}&q=${encodeURIComponent(XSS)}`,
  'page=1&page=2&format=csv&format=json&sort=title&sort=status&q=a&q=b',
  'q=%FF%FE%FD&engine=%E0%A4%A',
  'q=%00',
];

function paramNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/gu)].map((m) => m[1] as string);
}

function validBody(row: RouteAccess): Body | undefined {
  if (row.method === 'GET') return undefined;
  const { fields, isJson } = validForm(row);
  return isJson ? json(asJson(fields)) : form(fields);
}

function pathCases(row: RouteAccess): Case[] {
  return paramNames(row.path).flatMap((name) => (row.method === 'GET' ? BAD_PARAMS : BAD_PARAMS_OF_CHANGES).map(({ value, expect }) => ({
    label: `:${name} = ${value.length > 40 ? `${value.slice(0, 12)}… (${value.length} characters)` : value}`,
    expect,
    params: { [name]: value },
    body: validBody(row),
  })));
}

function queryCases(row: RouteAccess): Case[] {
  const label = (q: string) => `?${q.length > 60 ? `${q.slice(0, 24)}…` : q}`;
  if (row.method === 'GET') return BAD_QUERIES.map((query) => ({ label: label(query), expect: query.includes('%00') ? 'refused' : 'handled', query }));
  return [{ label: '?every bad query parameter at once', expect: 'handled', query: BAD_QUERIES.filter((q) => !q.includes('%00')).join('&'), body: validBody(row) }];
}

/** Every case of a route: its path parameters, its query, its body. */
function casesOf(row: RouteAccess): Case[] {
  return [...pathCases(row), ...queryCases(row), ...(row.method === 'GET' ? [] : [...bodyCases(row), ...uploadCases(row)])];
}

// ---------------------------------------------------------------------------------------------
// The app, and what an answer must look like

let ctx: ServiceContext;
let app: Express;
/** The app listening once for the whole file (supertest would start a server per request). */
let server: http.Server;
let port = 0;
const client = () => request(`http://127.0.0.1:${port}`);
/** Errors the app logged as server errors (5xx), to say what broke. */
const logged: unknown[] = [];

/** A signed-in browser: its session cookie, its CSRF cookie and the token of its forms. */
interface Session {
  readonly session: string;
  readonly csrfCookie: string;
  readonly token: string;
}
let admin: Session;

/** Signs `username` in with `role` and fetches a page for its CSRF cookie and token. */
async function signedIn(username: string, role: 'admin' | 'viewer'): Promise<Session> {
  const session = await sessionCookie(ctx, username, role);
  const page = await client().get('/').set('Cookie', session).expect(200);
  const csrfCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? []).find((l) => l.startsWith('copydesk.csrf='))?.split(';')[0] ?? '';
  return { session, csrfCookie, token: csrfOf(page.text) };
}

beforeAll(async () => {
  ctx = await openTestContext({ now: () => TEST_NOW });
  app = await createApp({ service: ctx, log: (err) => logged.push(err) });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  fx.id = String(await importCorpusArticle(ctx));
  await ensureTestUser(ctx, fx.user, 'viewer');
  await ensureTestUser(ctx, fx.login, 'viewer');
  admin = await signedIn('bad-input-admin', 'admin');
});

/** Returns a valid value of a path parameter; a concept and a pending upload are new for each case, since a case may use them up. */
async function validParam(name: string): Promise<string> {
  switch (name) {
    case 'id': return fx.id;
    case 'n': return '1';
    case 'cid': return addConcept(ctx, { type: 'person', note: '', terms: [{ text: 'Son Heung-min', lang: 'en', status: 'preferred' }] }, 'test');
    case 'pid': {
      const outcome = await importGlossaryUpload(ctx, new TextEncoder().encode('preferred,deprecated\nCho Tae-yul,Cho Tae-yeol\n'), 'terms.csv', 'test');
      if (outcome.kind !== 'pending') throw new Error('expected a pending CSV upload');
      return String(outcome.id);
    }
    case 'username': return fx.user;
    default: return '1';
  }
}

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly type: string;
  readonly body: unknown;
}

function answerOf(res: request.Response, text: string): Answer {
  const type = String(res.headers['content-type'] ?? '');
  let body: unknown;
  if (type.startsWith('application/json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  return { status: res.status, text, type, body };
}

/** Sessions for the sign-out route, which ends the one it is sent with: signed in eight at a time (each sign-in hashes). */
const leavers: string[] = [];
async function leaverSession(): Promise<string> {
  if (leavers.length === 0) {
    await ensureTestUser(ctx, 'bad-input-leaver', 'admin');
    leavers.push(...(await Promise.all(Array.from({ length: 8 }, () => sessionCookie(ctx, 'bad-input-leaver', 'admin')))));
  }
  return leavers.pop() as string;
}

/** Sends a case as the signed-in admin (the sign-out route gets a session of its own each time). */
async function send(row: RouteAccess, c: Case): Promise<Answer> {
  const session = row.path === '/logout' ? await leaverSession() : admin.session;
  let path = row.path;
  for (const name of paramNames(row.path)) path = path.replace(`:${name}`, c.params?.[name] ?? (await validParam(name)));
  const query = [c.query, c.isMultipart ? `_csrf=${encodeURIComponent(admin.token)}` : undefined].filter(Boolean).join('&');
  let req = client()[row.method.toLowerCase() as Lowercase<Method>](query ? `${path}?${query}` : path).set('Cookie', `${session}; ${admin.csrfCookie}`);
  if (row.method !== 'GET' && !c.isMultipart) req = req.set('x-csrf-token', admin.token);
  if (c.body) {
    // Sent as given: superagent would otherwise serialize a Buffer as if it were an object.
    req = req.set('Content-Type', c.body.type).serialize((data: unknown) => data as string);
    for (const [k, v] of Object.entries(c.body.headers ?? {})) req = req.set(k, v);
    req = req.send(c.body.data);
  }
  const res = await req.buffer(true).parse((r, callback) => {
    const chunks: Buffer[] = [];
    r.on('data', (chunk: Buffer) => chunks.push(chunk));
    r.on('end', () => callback(null, Buffer.concat(chunks)));
  });
  return answerOf(res, (res.body as Buffer).toString('utf8'));
}

function decodeHtml(s: string): string {
  return s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&(quot|#34);/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
}

/** Returns the sentence an answer gives: the page's error paragraph, or the API's "error". */
function sentenceOf(answer: Answer): string | undefined {
  if (answer.type.startsWith('application/json')) {
    const error = (answer.body as { error?: unknown } | undefined)?.error;
    return typeof error === 'string' ? error : undefined;
  }
  const match = /<p class="error" role="alert">([\s\S]*?)<\/p>/u.exec(answer.text);
  return match ? decodeHtml(match[1] as string).trim() : undefined;
}

/** A stack frame or a path of the server: what no answer may show. */
const STACK = /^\s*at .+:\d+:\d+\)?$|\/work\/|node_modules|file:\/\//mu;
/** What a sentence for an editor never holds: an error's class name, a value's type. */
const TECHNICAL = /\b(Type|Syntax|Range|Reference|Sqlite|Multer)?Error\b|\[object Object\]|\bundefined\b|\bNaN\b|\bnull\b|expected \w+, received/u;
/** A sentence: a letter, digit or opening quote first, a full stop (or ! ?) last, possibly before a closing quote or bracket. */
const SENTENCE = /^[\p{L}\p{N}“"‘(][\s\S]* [\s\S]*[.!?][”"’)`]?$/u;
/** Longest message that still reads as a sentence: a longer one has echoed what was sent. */
const MAX_SENTENCE_CHARS = 1000;

/** Returns what is wrong with an answer to a case, or undefined when it is as it should be. */
function problemOf(c: Case, answer: Answer, isApi: boolean): string | undefined {
  const { status } = answer;
  if (status >= 500) {
    const err = logged.at(-1);
    return `got ${status} (${err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : String(err)})`;
  }
  const sentence = sentenceOf(answer);
  if (typeof c.expect === 'number' && status !== c.expect) return `got ${status}, not ${c.expect}: ${sentence ?? answer.text.slice(0, 200)}`;
  if (c.expect === 'refused' && (status < 400 || status >= 500)) return `got ${status}, not a 4xx refusal`;
  const stack = STACK.exec(answer.text);
  if (stack) return `got ${status} showing the server's insides: ${stack[0]}`;
  if (answer.type.startsWith('text/html') && answer.text.includes(XSS)) return `got ${status} echoing the script unescaped`;
  if (status < 400) return undefined;
  if (isApi && !answer.type.startsWith('application/json')) return `got ${status} as ${answer.type}, not the API's JSON`;
  if (!sentence) return `got ${status} without a sentence (${answer.type}): ${answer.text.slice(0, 200)}`;
  if (!SENTENCE.test(sentence) || TECHNICAL.test(sentence)) return `got ${status} with a message that is not a sentence for an editor: ${sentence.slice(0, 200)}`;
  if (sentence.length > MAX_SENTENCE_CHARS) return `got ${status} with a ${sentence.length}-character message: ${sentence.slice(0, 100)}…`;
  return undefined;
}

/** Sends each case to a route and returns the problems, one line each. */
async function problemsOf(row: RouteAccess, cases: readonly Case[]): Promise<string[]> {
  const problems: string[] = [];
  for (const c of cases) {
    const before = logged.length;
    const answer = await send(row, c);
    const problem = problemOf(c, answer, row.path.startsWith('/api/')) ?? (logged.length > before ? `logged a server error: ${String(logged.at(-1))}` : undefined);
    if (problem) problems.push(`${c.label}: ${problem}`);
  }
  return problems;
}

const rowOf = (key: string) => ROUTE_ACCESS.find((row) => `${row.method} ${row.path}` === key) as RouteAccess;
let caseCount = 0;
const routesRun = new Set<string>();

describe(`the bad-input table: every route × bad input (${BACKEND})`, () => {
  it.each(ROUTE_ACCESS.map((row) => [`${row.method} ${row.path}`, row] as const))('%s: no 5xx, and every refusal says why', async (name, row) => {
    const cases = casesOf(row);
    const problems = await problemsOf(row, cases);
    caseCount += cases.length;
    routesRun.add(name);
    expect(problems).toEqual([]);
  });

  it.each(['POST /articles/:id/status', 'PUT /api/articles/:id/segments/:n'])('%s: bodies the parsers refuse before any route get a status and a sentence', async (key) => {
    const problems = await problemsOf(rowOf(key), PARSER_CASES);
    caseCount += PARSER_CASES.length;
    expect(problems).toEqual([]);
  });

  it('covered every route of the access table', () => {
    expect([...routesRun].sort()).toEqual(ROUTE_ACCESS.map((row) => `${row.method} ${row.path}`).sort());
    // The size of the table, for the record (about 900 requests per backend).
    console.info(`bad-input table (${BACKEND}): ${caseCount} cases over ${ROUTE_ACCESS.length} routes`);
  });
});

// ---------------------------------------------------------------------------------------------
// The six malformed multipart bodies

async function storedCounts(): Promise<{ articles: number; concepts: number; pending: number }> {
  const [articles, concepts, pending] = await Promise.all([
    listArticles(ctx.store),
    glossaryConcepts(ctx),
    ctx.store.db.selectFrom('pending_imports').select('id').execute(),
  ]);
  return { articles: articles.length, concepts: concepts.length, pending: pending.length };
}

const GLOSSARY_JSON = JSON.stringify({
  format: 'copydesk-glossary', version: 1,
  concepts: [{ id: 'c1', type: 'person', note: '', terms: [{ text: 'Ban Ki-moon', lang: 'en', status: 'preferred', note: '' }],
    provenance: { origin: 'import', source: 'old.json', createdBy: 'someone', createdAt: '2001-01-01T00:00:00.000Z' } }],
});

/** Posts a raw multipart body as the admin, the CSRF token in the URL as the form sends it. */
async function postMultipart(path: string, type: string, data: Buffer): Promise<Answer> {
  const res = await client().post(`${path}?_csrf=${encodeURIComponent(admin.token)}`)
    .set('Cookie', `${admin.session}; ${admin.csrfCookie}`).set('Content-Type', type).serialize((d: unknown) => d as string).send(data);
  return answerOf(res, res.text);
}

/** The six malformed multipart bodies (and their variants): each a Content-Type and the bytes sent. */
function malformedMultiparts(fileName: string, file: string): readonly { label: string; type: string; data: Buffer; expect: readonly number[] }[] {
  const good = multipart([filePart(fileName, file)]);
  return [
    { label: '1. no boundary in the Content-Type', type: 'multipart/form-data', data: good, expect: [400] },
    { label: '1b. an empty boundary', type: 'multipart/form-data; boundary=', data: good, expect: [400, 422] },
    { label: '2. a boundary that never appears', type: 'multipart/form-data; boundary=not-in-the-body', data: good, expect: [400] },
    { label: '3. a truncated body (no closing boundary)', type: MULTIPART_TYPE, data: good.subarray(0, good.length - '--copydesk-bad-input--\r\n'.length - 10), expect: [400] },
    { label: '3b. a body cut inside the part headers', type: MULTIPART_TYPE, data: Buffer.from('--copydesk-bad-input\r\nContent-Disposition: form-data; na'), expect: [400] },
    { label: '4. a NUL byte in the file name', type: MULTIPART_TYPE, data: multipart([{ headers: `Content-Disposition: form-data; name="file"; filename="a\u0000b.txt"`, content: file }]), expect: [400] },
    { label: '4b. a NUL in the file name, percent-encoded (filename*)', type: MULTIPART_TYPE, data: multipart([{ headers: "Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''a%00b.txt", content: file }]), expect: [400] },
    // busboy skips a part without Content-Disposition, so the form arrives empty: the route's own
    // "the form was empty" refusal (422) answers, and says what to do.
    { label: '5. a part without Content-Disposition', type: MULTIPART_TYPE, data: multipart([{ headers: 'Content-Type: text/plain', content: file }]), expect: [400, 422] },
    { label: '5b. a part with a Content-Disposition but no name', type: MULTIPART_TYPE, data: multipart([{ headers: `Content-Disposition: form-data; filename="${fileName}"`, content: file }]), expect: [400] },
    { label: '6. a part header line over 16 kB', type: MULTIPART_TYPE, data: multipart([{ headers: `Content-Disposition: form-data; name="file"; filename="${fileName}"\r\nX-Long: ${'a'.repeat(20_000)}`, content: file }]), expect: [400, 413] },
    { label: '6b. garbage part headers', type: MULTIPART_TYPE, data: multipart([{ headers: '\u0001\u0002 garbage without a colon\r\n::::', content: file }]), expect: [400] },
  ];
}

describe(`malformed multipart bodies (${BACKEND})`, () => {
  const routes = [
    { path: '/import', fileName: 'cho.txt', file: ARTICLE },
    { path: '/glossary/import', fileName: 'terms.json', file: GLOSSARY_JSON },
  ];
  for (const route of routes) {
    it.each(malformedMultiparts(route.fileName, route.file).map((m) => [m.label, m] as const))(`POST ${route.path}: %s is refused with a sentence, storing nothing`, async (_label, m) => {
      const before = await storedCounts();
      const answer = await postMultipart(route.path, m.type, m.data);
      expect(m.expect, `${answer.status}: ${sentenceOf(answer) ?? answer.text.slice(0, 200)}`).toContain(answer.status);
      expect(problemOf({ label: m.label, expect: 'refused' }, answer, false)).toBeUndefined();
      expect(await storedCounts()).toEqual(before);
    });
  }

  it('still takes the well-formed upload the malformed ones were made from', async () => {
    const before = await storedCounts();
    expect((await postMultipart('/glossary/import', MULTIPART_TYPE, multipart([filePart('terms.json', GLOSSARY_JSON)]))).status).toBe(200);
    expect((await postMultipart('/import', MULTIPART_TYPE, multipart([filePart('cho.txt', ARTICLE)]))).status).toBe(303);
    expect((await storedCounts()).concepts).toBe(before.concepts + 1);
  });
});

// ---------------------------------------------------------------------------------------------
// An upload is refused before its body is read

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/**
 * Starts a multipart POST that announces `contentLength` bytes, writes only the first 4 kB and
 * never ends; resolves with the answer if one comes while the body is still unsent (then drops
 * the connection), and rejects if none comes within 5 s (the server is waiting for the body).
 */
function answerBeforeBody(path: string, cookie: string, contentLength: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, path, method: 'POST',
      headers: { 'Content-Type': MULTIPART_TYPE, 'Content-Length': String(contentLength), ...(cookie ? { Cookie: cookie } : {}) },
    });
    let isDone = false;
    const timer = setTimeout(() => {
      isDone = true;
      req.destroy();
      reject(new Error(`no answer to ${path} while its body was unsent`));
    }, 5000);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        isDone = true;
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', (err) => {
      if (!isDone) reject(err);
    });
    req.flushHeaders();
    req.write(Buffer.concat([Buffer.from(`--copydesk-bad-input\r\n${filePart('big.txt', '').headers}\r\n\r\n`), Buffer.alloc(4096, 'a')]));
  });
}

/** Returns the cookies and CSRF token of a browser signed in with `role`, or of one signed in as nobody. */
async function uploadSession(role: 'admin' | 'viewer' | null): Promise<{ cookie: string; token: string }> {
  if (role === null) return { cookie: '', token: 'no-token' };
  const { session, csrfCookie, token } = role === 'admin' ? admin : await signedIn('bad-input-viewer', 'viewer');
  return { cookie: `${session}; ${csrfCookie}`, token };
}

describe(`an upload is refused before its body is read (${BACKEND})`, () => {
  const ANNOUNCED = 31 * 1024 * 1024;

  it('refuses a multipart POST /import without a CSRF token with 403, the body still unsent', async () => {
    const { cookie } = await uploadSession('admin');
    const before = await storedCounts();
    const answer = await answerBeforeBody('/import', cookie, ANNOUNCED);
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('This form has expired or did not come from Copydesk.');
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses it with a wrong CSRF token with 403', async () => {
    const { cookie } = await uploadSession('admin');
    const answer = await answerBeforeBody('/import?_csrf=forged', cookie, ANNOUNCED);
    expect(answer.status).toBe(403);
  });

  it('refuses a viewer with 403, the body still unsent', async () => {
    const { cookie, token } = await uploadSession('viewer');
    const answer = await answerBeforeBody(`/import?_csrf=${encodeURIComponent(token)}`, cookie, ANNOUNCED);
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('Your role (viewer) cannot do this');
  });

  it('refuses a request without a session with 401, the body still unsent', async () => {
    const answer = await answerBeforeBody('/import', '', ANNOUNCED);
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('Sign in first');
  });

  it('refuses an article import that announces more than its limit with 413 up front, even with a valid token', async () => {
    const { cookie, token } = await uploadSession('admin');
    expect(ANNOUNCED).toBeGreaterThan(MAX_UPLOAD_BYTES + MAX_ARTICLE_BYTES + 64 * 1024);
    const answer = await answerBeforeBody(`/import?_csrf=${encodeURIComponent(token)}`, cookie, ANNOUNCED);
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('The files come to more than 16 MB, the most one import takes.');
  });

  it('refuses a glossary upload that announces more than its limit with 413 up front', async () => {
    const { cookie, token } = await uploadSession('admin');
    const answer = await answerBeforeBody(`/glossary/import?_csrf=${encodeURIComponent(token)}`, cookie, MAX_GLOSSARY_BYTES + 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('glossary files over 32 MB are refused');
  });
});
