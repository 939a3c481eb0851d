/**
 * The sessions remembered in memory (service/accounts.ts, SESSION_CACHE_MS): what this instance
 * changes applies at once; what another instance or the CLI changes applies within SESSION_CACHE_MS.
 */
import { describe, it, expect } from 'vitest';
import { removeUser, resetPassword, setUserRole, signIn, signOut, userOfSession, SESSION_CACHE_MS } from '../../src/service/accounts.js';
import { createTestDatabase, openTestContext, BACKEND } from '../support/backend.js';
import { ensureTestUser, TEST_PASSWORD } from '../support/accounts.js';

async function twoInstances() {
  let clock = Date.parse('2026-12-07T10:00:00Z');
  const now = () => new Date(clock);
  const config = await createTestDatabase();
  const here = await openTestContext({ config, now });
  const there = await openTestContext({ config, now });
  return { here, there, tick: (ms: number) => { clock += ms; } };
}

async function sessionOf(ctx: Awaited<ReturnType<typeof openTestContext>>, username: string): Promise<string> {
  await ensureTestUser(ctx, username, 'editor');
  const result = await signIn(ctx, username, TEST_PASSWORD);
  if (!result.ok) throw new Error('sign-in failed');
  return result.token;
}

describe(`sessions remembered in memory (${BACKEND})`, () => {
  it('applies a change made by this instance at once: sign-out, role, reset, removal', async () => {
    const { here } = await twoInstances();
    const token = await sessionOf(here, 'min-ji');
    expect((await userOfSession(here, token))?.role).toBe('editor');
    await setUserRole(here, 'min-ji', 'terminologist');
    expect((await userOfSession(here, token))?.role).toBe('terminologist');
    await signOut(here, token);
    expect(await userOfSession(here, token)).toBeNull();

    const second = await sessionOf(here, 'min-ji');
    expect(await userOfSession(here, second)).not.toBeNull();
    await resetPassword(here, 'min-ji');
    expect(await userOfSession(here, second)).toBeNull();

    await ensureTestUser(here, 'joon', 'editor');
    const third = await sessionOf(here, 'joon');
    expect(await userOfSession(here, third)).not.toBeNull();
    await removeUser(here, 'joon');
    expect(await userOfSession(here, third)).toBeNull();
  });

  it('applies a change made by another instance (or the CLI) within SESSION_CACHE_MS, and never a moment later', async () => {
    const { here, there, tick } = await twoInstances();
    const token = await sessionOf(here, 'min-ji');
    expect(await userOfSession(here, token)).not.toBeNull();
    await removeUser(there, 'min-ji');
    tick(SESSION_CACHE_MS - 1);
    expect(await userOfSession(here, token)).not.toBeNull();
    tick(1);
    expect(await userOfSession(here, token)).toBeNull();
    // A token that was never valid is remembered as such, and read again after the same time.
    expect(await userOfSession(here, 'not-a-session')).toBeNull();
  });
});
