import type { Store } from './store.js';

/** A user as the app sees it (no password hash). */
export interface UserRow {
  readonly id: number;
  readonly username: string;
  readonly role: string;
  readonly mustChangePassword: boolean;
  readonly failedSignIns: number;
  readonly lockedUntil: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** A user with the hash their password is checked against. */
export interface UserWithHash extends UserRow {
  readonly passwordHash: string;
}

const USER_COLUMNS = [
  'id', 'username', 'role', 'must_change_password as mustChangePassword', 'failed_sign_ins as failedSignIns',
  'locked_until as lockedUntil', 'created_by as createdBy', 'created_at as createdAt',
] as const;

type UserDbRow = Omit<UserRow, 'mustChangePassword'> & { mustChangePassword: number };

function toUser(row: UserDbRow): UserRow {
  return { ...row, mustChangePassword: Number(row.mustChangePassword) === 1 };
}

/** Returns how many users exist (removed ones aside). */
export async function countUsers(store: Store): Promise<number> {
  const row = await store.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('removed_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records a user; returns its id, or null when the user name is taken. */
export async function insertUser(store: Store, user: { username: string; role: string; passwordHash: string; mustChangePassword: boolean; createdBy: string; now: string }): Promise<number | null> {
  const row = await store.db.insertInto('users').values({
    username: user.username, role: user.role, password_hash: user.passwordHash, must_change_password: user.mustChangePassword ? 1 : 0,
    created_by: user.createdBy, created_at: user.now,
  }).onConflict((oc) => oc.column('username').doNothing()).returning('id').executeTakeFirst();
  return row?.id ?? null;
}

/** Returns the user of that name with their hash, or undefined (removed users are not found). */
export async function findUserWithHash(store: Store, username: string): Promise<UserWithHash | undefined> {
  const row = await store.db.selectFrom('users').select([...USER_COLUMNS, 'password_hash as passwordHash'])
    .where('username', '=', username).where('removed_at', 'is', null).executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.passwordHash } : undefined;
}

/** Returns the user, or undefined. */
export async function findUser(store: Store, username: string): Promise<UserRow | undefined> {
  const row = await store.db.selectFrom('users').select(USER_COLUMNS).where('username', '=', username).where('removed_at', 'is', null).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** Returns every user, by name. */
export async function listUsers(store: Store): Promise<UserRow[]> {
  return (await store.db.selectFrom('users').select(USER_COLUMNS).where('removed_at', 'is', null).orderBy('username').execute()).map(toUser);
}

/** Sets a user's password hash and whether it must be changed at the next sign-in; clears a lock-out. Returns false when there is no such user. */
export async function setPasswordHash(store: Store, username: string, passwordHash: string, mustChangePassword: boolean): Promise<boolean> {
  const result = await store.db.updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: mustChangePassword ? 1 : 0, failed_sign_ins: 0, locked_until: null })
    .where('username', '=', username).where('removed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Sets a user's role; returns false when there is no such user. */
export async function setRole(store: Store, username: string, role: string): Promise<boolean> {
  const result = await store.db.updateTable('users').set({ role }).where('username', '=', username).where('removed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Removes a user: their sessions and tokens end, and the row stays (renamed out of the way) so the
 * history that names them keeps meaning. Returns false when there is no such user.
 */
export async function removeUser(store: Store, username: string, now: string): Promise<boolean> {
  return store.transaction(async (tx) => {
    const user = await tx.db.selectFrom('users').select('id').where('username', '=', username).where('removed_at', 'is', null).executeTakeFirst();
    if (!user) return false;
    await tx.db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await tx.db.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    // The name is freed for a new account; the removed row keeps its id. A slash never appears in a
    // user name (service/accounts.ts), and PostgreSQL's text cannot hold the NUL used before.
    await tx.db.updateTable('users').set({ removed_at: now, username: `${username}/removed-${user.id}` }).where('id', '=', user.id).execute();
    return true;
  });
}

/** Records a failed sign-in: the count goes up, and the account is locked until `lockUntil` when one is given. */
export async function recordFailedSignIn(store: Store, userId: number, lockUntil: string | null): Promise<void> {
  await store.db.updateTable('users')
    .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1), ...(lockUntil ? { locked_until: lockUntil } : {}) }))
    .where('id', '=', userId).execute();
}

/** Records a good sign-in: the failure count and any lock-out are cleared. */
export async function clearFailedSignIns(store: Store, userId: number): Promise<void> {
  await store.db.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', userId).execute();
}

/** Records a session by its token's hash. */
export async function insertSession(store: Store, session: { tokenHash: string; userId: number; now: string; expiresAt: string }): Promise<void> {
  await store.db.insertInto('sessions').values({ token_hash: session.tokenHash, user_id: session.userId, created_at: session.now, expires_at: session.expiresAt }).execute();
}

/** Returns the user of an unexpired session, or undefined. */
export async function findSessionUser(store: Store, tokenHash: string, now: string): Promise<UserRow | undefined> {
  const row = await store.db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(USER_COLUMNS.map((c) => `users.${c}` as const))
    .where('sessions.token_hash', '=', tokenHash).where('sessions.expires_at', '>', now).where('users.removed_at', 'is', null)
    .executeTakeFirst();
  return row ? toUser(row as UserDbRow) : undefined;
}

/** Ends one session. */
export async function deleteSession(store: Store, tokenHash: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user (after a password change), except `keep` when given. */
export async function deleteUserSessions(store: Store, userId: number, keep?: string): Promise<void> {
  let q = store.db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) q = q.where('token_hash', '!=', keep);
  await q.execute();
}

/** Deletes sessions that expired before `now`. */
export async function deleteExpiredSessions(store: Store, now: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

/** A token for scripts, as listed (never its value). */
export interface ApiTokenRow {
  readonly id: number;
  readonly username: string;
  readonly name: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** Records an API token by its hash; returns its id. */
export async function insertApiToken(store: Store, token: { userId: number; name: string; tokenHash: string; now: string }): Promise<number> {
  const { id } = await store.db.insertInto('api_tokens').values({ user_id: token.userId, name: token.name, token_hash: token.tokenHash, created_at: token.now })
    .returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Returns the user an unrevoked token belongs to, or undefined. */
export async function findTokenUser(store: Store, tokenHash: string): Promise<UserRow | undefined> {
  const row = await store.db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(USER_COLUMNS.map((c) => `users.${c}` as const))
    .where('api_tokens.token_hash', '=', tokenHash).where('api_tokens.revoked_at', 'is', null).where('users.removed_at', 'is', null)
    .executeTakeFirst();
  return row ? toUser(row as UserDbRow) : undefined;
}

/** Returns the tokens of every user (or of one), newest first. */
export async function listApiTokens(store: Store, username?: string): Promise<ApiTokenRow[]> {
  let q = store.db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id as id', 'users.username as username', 'api_tokens.name as name', 'api_tokens.created_at as createdAt', 'api_tokens.revoked_at as revokedAt'])
    .where('users.removed_at', 'is', null);
  if (username) q = q.where('users.username', '=', username);
  return q.orderBy('api_tokens.id', 'desc').execute();
}

/** Revokes a token by id; returns false when there is no such unrevoked token. */
export async function revokeApiToken(store: Store, id: number, now: string): Promise<boolean> {
  const result = await store.db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records who changed a setting to what. */
export async function recordSettingChange(store: Store, change: { name: string; value: string; changedBy: string; now: string }): Promise<void> {
  await store.db.insertInto('setting_changes').values({ name: change.name, value: change.value, changed_by: change.changedBy, changed_at: change.now }).execute();
}

/** Returns the latest changes of a setting, newest first. */
export async function listSettingChanges(store: Store, name: string, limit: number): Promise<{ value: string; changedBy: string; changedAt: string }[]> {
  return store.db.selectFrom('setting_changes').select(['value', 'changed_by as changedBy', 'changed_at as changedAt'])
    .where('name', '=', name).orderBy('id', 'desc').limit(limit).execute();
}
