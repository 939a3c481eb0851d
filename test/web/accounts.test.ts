/**
 * Accounts (issue 11): signing in and out, the one-time password, the lock-out, sessions in the
 * database, the Host and Origin guards, the HTTPS-only headers, and who the history records.
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { createApp } from '../../src/web/app.js';
import { addUser, ensureFirstAdmin, LOCK_MINUTES, MAX_FAILED_SIGN_INS } from '../../src/service/accounts.js';
import { findConcept, importGlossaryUpload } from '../../src/service/glossary.js';
import { listSettingChanges } from '../../src/store/accounts.js';
import { GLOSSARY_JSON_FORMAT, GLOSSARY_JSON_VERSION } from '../../src/formats/glossary/json.js';
import { BACKEND, openTestContext } from '../support/backend.js';
import { ensureTestUser, sessionCookie, TEST_PASSWORD } from '../support/accounts.js';
import { csrfOf, importCorpusArticle, makeApp, TEST_NOW } from '../helpers.js';

/** A signed-out browser: an agent with the sign-in form's CSRF token. */
async function signedOut(app: Parameters<typeof request.agent>[0]) {
  const agent = request.agent(app);
  const csrf = csrfOf((await agent.get('/login').expect(200)).text);
  return { agent, csrf };
}

function cookieLine(res: request.Response, name: string): string {
  const lines = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return lines.find((l) => l.startsWith(`${name}=`)) ?? '';
}

describe(`signing in (${BACKEND})`, () => {
  it('sends a page request without a session to /login and back after signing in; anything else gets 401', async () => {
    const { ctx, app } = await makeApp({ signedInAs: null });
    const id = await importCorpusArticle(ctx);
    await ensureTestUser(ctx, 'min-ji', 'editor');
    const page = await request(app).get(`/articles/${id}`).expect(303);
    expect(page.headers.location).toBe(`/login?next=${encodeURIComponent(`/articles/${id}`)}`);
    const post = await request(app).post(`/articles/${id}/status`).type('form').send({ status: 'done' }).expect(401);
    expect(post.text).toContain('Sign in first');
    expect((await request(app).get('/api/articles').expect(401)).body.error).toContain('Sign in first');

    const { agent, csrf } = await signedOut(app);
    const signIn = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'min-ji', password: TEST_PASSWORD, next: `/articles/${id}` }).expect(303);
    expect(signIn.headers.location).toBe(`/articles/${id}`);
    const cookie = cookieLine(signIn, 'copydesk.session');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect((await agent.get(`/articles/${id}`).expect(200)).text).toContain('<strong class="user-name">min-ji</strong> (editor)');
  });

  it('never takes the user from a redirect target outside the site', async () => {
    const { ctx, app } = await makeApp({ signedInAs: null });
    await ensureTestUser(ctx, 'min-ji', 'editor');
    const { agent, csrf } = await signedOut(app);
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'min-ji', password: TEST_PASSWORD, next: '//evil.example/x' }).expect(303);
    expect(res.headers.location).toBe('/');
  });

  it('ends the session on sign-out, in the database: the old cookie no longer works anywhere', async () => {
    const { ctx, app } = await makeApp({ signedInAs: null });
    const cookie = await sessionCookie(ctx, 'joon', 'editor');
    const csrfPage = await request(app).get('/account/password').set('Cookie', cookie).expect(200);
    const csrfCookie = cookieLine(csrfPage, 'copydesk.csrf').split(';')[0];
    await request(app).post('/logout').set('Cookie', `${cookie}; ${csrfCookie}`).type('form').send({ _csrf: csrfOf(csrfPage.text) }).expect(303);
    // Another instance on the same database refuses it too.
    const other = await createApp({ service: ctx, log: () => {} });
    await request(other).get('/').set('Cookie', cookie).expect(303);
    await request(other).get('/api/articles').set('Cookie', cookie).expect(401);
  });

  it('says the same for an unknown user and a wrong password, and makes each failure in a row slower', async () => {
    const { ctx, app } = await makeApp({ signedInAs: null });
    await ensureTestUser(ctx, 'min-ji', 'editor');
    const { agent, csrf } = await signedOut(app);
    const unknown = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'nobody', password: 'whatever it is' }).expect(401);
    const wrong = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'min-ji', password: 'not the password' }).expect(401);
    expect(unknown.text).toContain('The user name or the password is not right.');
    expect(wrong.text).toContain('The user name or the password is not right.');
    // The third failure in a row waits at least 1 s before answering (250 ms, doubling).
    await agent.post('/login').type('form').send({ _csrf: csrf, username: 'min-ji', password: 'still wrong' }).expect(401);
    const started = Date.now();
    await agent.post('/login').type('form').send({ _csrf: csrf, username: 'min-ji', password: 'wrong again' }).expect(401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} wrong passwords, even against the right one`, async () => {
    let now = TEST_NOW.getTime();
    const ctx = await openTestContext({ now: () => new Date(now) });
    const app = await createApp({ service: ctx, log: () => {} });
    await ensureTestUser(ctx, 'min-ji', 'editor');
    const { agent, csrf } = await signedOut(app);
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i += 1) {
      // Each wrong answer's slow-down is time the test waits; jump the clock instead of the failures where we can.
      await agent.post('/login').type('form').send({ _csrf: csrf, username: 'min-ji', password: `wrong ${i}` }).expect(401);
    }
    const locked = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'min-ji', password: 'wrong last' }).expect(429);
    expect(locked.text).toContain(`locked for ${LOCK_MINUTES} minutes`);
    expect(locked.headers['retry-after']).toBe(String(LOCK_MINUTES * 60));
    await agent.post('/login').type('form').send({ _csrf: csrf, username: 'min-ji', password: TEST_PASSWORD }).expect(429);
    now += LOCK_MINUTES * 60_000 + 1000;
    await agent.post('/login').type('form').send({ _csrf: csrf, username: 'min-ji', password: TEST_PASSWORD }).expect(303);
  }, 30_000);

  it('makes a one-time password be changed before anything else, and the new one works', async () => {
    const { ctx, app } = await makeApp({ signedInAs: null });
    const { password } = await addUser(ctx, { username: 'seo-yeon', role: 'viewer', createdBy: 'test' });
    const { agent, csrf } = await signedOut(app);
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'seo-yeon', password }).expect(303);
    expect(res.headers.location).toBe('/account/password');
    expect((await agent.get('/').expect(303)).headers.location).toBe('/account/password');
    const form = await agent.get('/account/password').expect(200);
    expect(form.text).toContain('The password you were given works once');
    const token = csrfOf(form.text);
    const short = await agent.post('/account/password').type('form').send({ _csrf: token, current: password, password: 'short', confirm: 'short' }).expect(422);
    expect(short.text).toContain('at least 12 characters');
    await agent.post('/account/password').type('form').send({ _csrf: token, current: password, password: 'a brand new passphrase', confirm: 'a brand new passphrase' }).expect(303);
    await agent.get('/').expect(200);
    // The one-time password is spent.
    const again = await signedOut(app);
    await again.agent.post('/login').type('form').send({ _csrf: again.csrf, username: 'seo-yeon', password }).expect(401);
  });

  it('creates the first admin once, on a database with no users', async () => {
    const { ctx } = await makeApp({ signedInAs: null });
    const first = await ensureFirstAdmin(ctx);
    expect(first?.username).toBe('admin');
    expect(first?.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await ensureFirstAdmin(ctx)).toBeNull();
  });
});

describe(`who the history records (${BACKEND})`, () => {
  it('records the glossary file’s importer and the time of import, never the createdBy/createdAt the file claims', async () => {
    const { ctx } = await makeApp();
    const file = JSON.stringify({
      format: GLOSSARY_JSON_FORMAT, version: GLOSSARY_JSON_VERSION,
      concepts: [{ id: 'c9', type: 'person', note: '', terms: [{ text: 'Cho Tae-yul', lang: 'en', status: 'preferred', note: '' }],
        provenance: { origin: 'import', source: 'old.json', createdBy: 'Alice Editor', createdAt: '2001-01-01T00:00:00.000Z' } }],
    });
    const outcome = await importGlossaryUpload(ctx, new TextEncoder().encode(file), 'g.json', 'terminologist-kim');
    if (outcome.kind !== 'imported') throw new Error('expected an import');
    const { concept, history } = await findConcept(ctx, 'c1');
    expect(concept.provenance.createdBy).toBe('terminologist-kim');
    expect(concept.provenance.createdAt).toBe(TEST_NOW.toISOString());
    expect(history.map((h) => h.author)).toEqual(['terminologist-kim']);
  });

  it('records who set the pass score', async () => {
    const { ctx, app } = await makeApp();
    const agent = request.agent(app);
    const csrf = csrfOf((await agent.get('/reports').expect(200)).text);
    await agent.post('/reports/pass-score').type('form').send({ _csrf: csrf, passScore: '90' }).expect(303);
    expect(await listSettingChanges(ctx.store, 'mqm-pass-score', 5)).toEqual([{ value: '90', changedBy: 'Tester', changedAt: TEST_NOW.toISOString() }]);
    expect((await agent.get('/reports').expect(200)).text).toContain('at least 90 (set by Tester, 2026-11-29 10:00 UTC)');
  });
});

describe(`the network guards (${BACKEND})`, () => {
  it('answers 421 to a Host it does not serve (DNS rebinding), and serves the names it is given', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/').set('Host', 'evil.example:3000').expect(421);
    expect(res.text).toContain('COPYDESK_ALLOWED_HOSTS');
    await request(app).get('/').set('Host', 'localhost:3000').expect(200);
    const { ctx } = await makeApp();
    const listed = await createApp({ service: ctx, log: () => {}, allowedHosts: ['copydesk.newsroom.example'] });
    await request(listed).get('/login').set('Host', 'copydesk.newsroom.example').expect(200);
    await request(listed).get('/login').set('Host', 'localhost').expect(421);
  });

  it('refuses a change sent from another site, with or without a valid CSRF token', async () => {
    const { ctx, app } = await makeApp();
    const id = await importCorpusArticle(ctx);
    const agent = request.agent(app);
    const csrf = csrfOf((await agent.get(`/articles/${id}`).expect(200)).text);
    const send = (headers: Record<string, string>) => agent.post(`/articles/${id}/status`).set(headers).type('form').send({ _csrf: csrf, status: 'done' });
    expect((await send({ Origin: 'http://evil.example' })).status).toBe(403);
    expect((await send({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await send({ 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await send({ 'Sec-Fetch-Site': 'same-origin', Origin: 'null' })).status).toBe(303);
  });

  it('sends HSTS and upgrade-insecure-requests only over HTTPS, and then marks every cookie Secure', async () => {
    const { ctx, app } = await makeApp({ signedInAs: null });
    const plain = await request(app).get('/login').expect(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');

    const secure = await createApp({ service: ctx, log: () => {}, isSecure: true });
    const res = await request(secure).get('/login').expect(200);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(cookieLine(res, 'copydesk.csrf')).toMatch(/;\s*Secure/i);
    await ensureTestUser(ctx, 'min-ji', 'editor');
    const signIn = await request(secure).post('/login').set('Cookie', cookieLine(res, 'copydesk.csrf').split(';')[0] as string)
      .type('form').send({ _csrf: csrfOf(res.text), username: 'min-ji', password: TEST_PASSWORD }).expect(303);
    expect(cookieLine(signIn, 'copydesk.session')).toMatch(/;\s*Secure/i);

    // Behind a trusted proxy that terminated TLS.
    const proxied = await createApp({ service: ctx, log: () => {}, trustProxy: 'loopback' });
    const viaProxy = await request(proxied).get('/login').set('X-Forwarded-Proto', 'https').expect(200);
    expect(viaProxy.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const notTrusted = await request(app).get('/login').set('X-Forwarded-Proto', 'https').expect(200);
    expect(notTrusted.headers['strict-transport-security']).toBeUndefined();
  });
});

describe(`the users page (${BACKEND})`, () => {
  it('lets an admin add a user (the one-time password shown once, never cached), change a role, reset and remove', async () => {
    const { app } = await makeApp();
    const agent = request.agent(app);
    const csrf = csrfOf((await agent.get('/admin/users').expect(200)).text);
    const added = await agent.post('/admin/users').type('form').send({ _csrf: csrf, username: 'jae-won', role: 'viewer' }).expect(200);
    expect(added.headers['cache-control']).toBe('no-store');
    const password = /<code class="one-time-password">([^<]+)<\/code>/.exec(added.text)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const list = await agent.get('/admin/users').expect(200);
    expect(list.text).not.toContain(password);
    expect(list.text).toContain('jae-won <small>(one-time password not yet changed)</small>');
    const taken = await agent.post('/admin/users').type('form').send({ _csrf: csrf, username: 'jae-won', role: 'editor' }).expect(422);
    expect(taken.text).toContain('There is already a user called jae-won');
    await agent.post('/admin/users/jae-won/role').type('form').send({ _csrf: csrf, role: 'terminologist' }).expect(303);
    expect((await agent.get('/admin/users')).text).toMatch(/<option value="terminologist" selected>/);
    const reset = await agent.post('/admin/users/jae-won/password').type('form').send({ _csrf: csrf }).expect(200);
    expect(/<code class="one-time-password">([^<]+)<\/code>/.exec(reset.text)?.[1]).not.toBe(password);
    await agent.post('/admin/users/jae-won/remove').type('form').send({ _csrf: csrf }).expect(303);
    expect((await agent.get('/admin/users')).text).not.toContain('jae-won');
    // An admin cannot lock themselves out.
    await agent.post('/admin/users/Tester/remove').type('form').send({ _csrf: csrf }).expect(422);
    await agent.post('/admin/users/Tester/role').type('form').send({ _csrf: csrf, role: 'viewer' }).expect(422);
  });
});
