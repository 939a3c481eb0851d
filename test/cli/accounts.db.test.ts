import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { runCopydesk } from './cli-harness.js';
import { cliEnv, createTestDatabase, openTestContext, BACKEND } from '../support/backend.js';
import { createApp } from '../../src/web/app.js';
import { csrfOf, importCorpusArticle, TEST_NOW } from '../helpers.js';

describe(`copydesk user and token (${BACKEND})`, () => {
  it('adds a user with a one-time password printed once, lists, resets and removes them', async () => {
    const config = await createTestDatabase();
    const env = cliEnv(config);
    const added = await runCopydesk(['user', 'add', 'min-ji', '--role', 'editor'], env);
    expect(added).toMatchObject({ code: 0 });
    const password = /one-time password: (\S+)/.exec(added.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect((await runCopydesk(['user', 'add', 'min-ji', '--role', 'viewer'], env))).toMatchObject({ code: 1, stderr: expect.stringContaining('There is already a user called min-ji') });
    expect((await runCopydesk(['user', 'add', 'x', '--role', 'boss'], env)).code).toBe(2);
    expect((await runCopydesk(['user', 'list'], env)).stdout).toMatch(/^min-ji\teditor\t.*one-time password not yet changed\n$/);

    // The printed password signs in (and must then be changed).
    const ctx = await openTestContext({ config, now: () => TEST_NOW });
    const app = await createApp({ service: ctx, log: () => {} });
    const agent = request.agent(app);
    const csrf = csrfOf((await agent.get('/login')).text);
    expect((await agent.post('/login').type('form').send({ _csrf: csrf, username: 'min-ji', password }).expect(303)).headers.location).toBe('/account/password');

    const reset = await runCopydesk(['user', 'passwd', 'min-ji'], env);
    const fresh = /one-time password for min-ji: (\S+)/.exec(reset.stdout)?.[1];
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(password);
    // The reset ended the session, and the old password no longer works.
    expect((await agent.get('/account/password')).status).toBe(303);
    const again = request.agent(app);
    const token = csrfOf((await again.get('/login')).text);
    await again.post('/login').type('form').send({ _csrf: token, username: 'min-ji', password }).expect(401);
    await again.post('/login').type('form').send({ _csrf: token, username: 'min-ji', password: fresh }).expect(303);

    expect(await runCopydesk(['user', 'remove', 'min-ji'], env)).toMatchObject({ code: 0 });
    expect((await runCopydesk(['user', 'list'], env)).stdout).toBe('');
    expect((await again.get('/account/password')).status).toBe(303);
    expect(await runCopydesk(['user', 'remove', 'min-ji'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no user called min-ji') });
  }, 60_000);

  it('creates a token printed once, which carries its user’s role, and revokes it', async () => {
    const config = await createTestDatabase();
    const env = cliEnv(config);
    await runCopydesk(['user', 'add', 'bot', '--role', 'viewer'], env);
    const created = await runCopydesk(['token', 'create', 'bot', '--label', 'nightly export'], env);
    expect(created).toMatchObject({ code: 0 });
    const token = created.stdout.trim();
    expect(token).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);
    const listed = await runCopydesk(['token', 'list'], env);
    expect(listed.stdout).toMatch(/^1\tbot\tnightly export\t.*\tactive\n$/);
    expect(listed.stdout).not.toContain(token);

    const ctx = await openTestContext({ config, now: () => TEST_NOW });
    const id = await importCorpusArticle(ctx);
    const app = await createApp({ service: ctx, log: () => {} });
    await request(app).get(`/api/articles/${id}`).set('Authorization', `Bearer ${token}`).expect(200);
    // A viewer's token cannot save.
    await request(app).put(`/api/articles/${id}/segments/5`).set('Authorization', `Bearer ${token}`).send({ text: 'Cho', base: 0 }).expect(403);

    expect(await runCopydesk(['token', 'revoke', '1'], env)).toMatchObject({ code: 0 });
    const refused = await request(app).get(`/api/articles/${id}`).set('Authorization', `Bearer ${token}`).expect(401);
    expect(refused.body.error).toContain('not valid or was revoked');
  }, 60_000);
});
