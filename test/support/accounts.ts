import type { ServiceContext } from '../../src/service/context.js';
import { addUser, changePassword, signIn, type Role } from '../../src/service/accounts.js';
import { findUser } from '../../src/store/accounts.js';
import { SESSION_COOKIE } from '../../src/web/auth.js';

/** The password every test user chooses at their first sign-in. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates a user who has already chosen TEST_PASSWORD (as after their first sign-in); does nothing when they exist. */
export async function ensureTestUser(ctx: ServiceContext, username: string, role: Role): Promise<void> {
  if (await findUser(ctx.store, username)) return;
  const { user, password } = await addUser(ctx, { username, role, createdBy: 'test' });
  await changePassword(ctx, { id: user.id, username, role, mustChangePassword: true }, { current: password, next: TEST_PASSWORD });
}

/** Returns a `Cookie` header value of a fresh session of `username` (created with `role` if needed). */
export async function sessionCookie(ctx: ServiceContext, username: string, role: Role): Promise<string> {
  await ensureTestUser(ctx, username, role);
  const result = await signIn(ctx, username, TEST_PASSWORD);
  if (!result.ok) throw new Error(`test sign-in of ${username} failed: ${result.reason}`);
  return `${SESSION_COOKIE}=${result.token}`;
}
