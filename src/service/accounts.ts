import { createHash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import argon2 from 'argon2';
import type { ServiceContext } from './context.js';
import { ServiceError } from './errors.js';
import {
  clearFailedSignIns, countUsers, deleteExpiredSessions, deleteSession, deleteUserSessions, findSessionUser, findTokenUser, findUser,
  findUserWithHash, insertApiToken, insertSession, insertUser, listApiTokens, listUsers, recordFailedSignIn, removeUser as removeUserRow,
  revokeApiToken, setPasswordHash, setRole as setRoleRow, type ApiTokenRow, type UserRow,
} from '../store/accounts.js';

export type { ApiTokenRow, UserRow } from '../store/accounts.js';

/** The roles, each allowed what the one before it is and more (docs/roles.md). */
export const ROLES = ['viewer', 'editor', 'terminologist', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do beyond the one before, for the pages and the CLI's help. */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  viewer: 'read and export',
  editor: 'also edit, apply fixes, dismiss flags, decide "different people"',
  terminologist: 'also change the glossary',
  admin: 'also users, import, delete and settings',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Returns true when `role` may do what `needed` may. */
export function hasRole(role: string, needed: Role): boolean {
  const have = ROLES.indexOf(role as Role);
  return have >= 0 && have >= ROLES.indexOf(needed);
}

/** A signed-in user as the web layer, the API and the history see them. */
export interface SignedInUser {
  readonly id: number;
  readonly username: string;
  readonly role: Role;
  readonly mustChangePassword: boolean;
}

/**
 * argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane; Password Storage Cheat
 * Sheet): about 30 ms a hash on the benchmark machine, which a sign-in can afford and a guesser cannot.
 */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** User names: letters, digits, dot, dash, underscore; 1-64 characters (they appear in every history line). */
const USERNAME = /^[\p{L}\p{N}._-]{1,64}$/u;
/** Shortest password a user may choose (NIST SP 800-63B: at least 8; we ask 12). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted: argon2 takes any length, but a megabyte-long one is an attack on the hasher. */
export const MAX_PASSWORD_LENGTH = 256;
/** Failed sign-ins in a row after which the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
/** How long a session lasts (days). */
export const SESSION_DAYS = 14;
/** Longest name of an API token. */
const MAX_TOKEN_NAME = 80;

/** Returns the SHA-256 of a random token (what the database keeps of sessions and API tokens). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Returns a random one-time password: 20 characters from an alphabet without look-alikes (about 115 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

function toSignedIn(user: UserRow): SignedInUser {
  return { id: user.id, username: user.username, role: isRole(user.role) ? user.role : 'viewer', mustChangePassword: user.mustChangePassword };
}

function checkUsername(username: string): void {
  if (!USERNAME.test(username)) {
    throw new ServiceError('invalid', 'A user name is 1 to 64 letters, digits, dots, dashes or underscores.');
  }
}

function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new ServiceError('invalid', `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new ServiceError('invalid', `A password is at most ${MAX_PASSWORD_LENGTH} characters.`);
}

/** Creates a user with a generated one-time password (to be changed at the first sign-in); returns the password, shown once. */
export async function addUser(ctx: ServiceContext, input: { username: string; role: string; createdBy: string }): Promise<{ user: UserRow; password: string }> {
  checkUsername(input.username);
  if (!isRole(input.role)) throw new ServiceError('invalid', `A role is one of ${ROLES.join(', ')}.`);
  const password = generatePassword();
  const passwordHash = await argon2.hash(password, HASH_OPTIONS);
  const id = await insertUser(ctx.store, { username: input.username, role: input.role, passwordHash, mustChangePassword: true, createdBy: input.createdBy, now: ctx.now() });
  if (id === null) throw new ServiceError('conflict', `There is already a user called ${input.username}.`);
  return { user: (await findUser(ctx.store, input.username))!, password };
}

/**
 * On a database with no users, creates `admin` with a one-time password and returns it (to be
 * printed once); otherwise returns null. Two instances starting at once: one creates it.
 */
export async function ensureFirstAdmin(ctx: ServiceContext): Promise<{ username: string; password: string } | null> {
  if ((await countUsers(ctx.store)) > 0) return null;
  try {
    const { user, password } = await addUser(ctx, { username: 'admin', role: 'admin', createdBy: 'copydesk' });
    return { username: user.username, password };
  } catch (err) {
    if (err instanceof ServiceError && err.kind === 'conflict') return null;
    throw err;
  }
}

/** Sets a new one-time password for a user (an admin's reset); returns it, shown once. Their sessions end. */
export async function resetPassword(ctx: ServiceContext, username: string): Promise<string> {
  const user = await findUser(ctx.store, username);
  if (!user) throw new ServiceError('not-found', `There is no user called ${username}.`);
  const password = generatePassword();
  await setPasswordHash(ctx.store, username, await argon2.hash(password, HASH_OPTIONS), true);
  await deleteUserSessions(ctx.store, user.id);
  forgetSessions(ctx);
  return password;
}

/** Sets a user's own new password after checking the current one; their other sessions end. */
export async function changePassword(ctx: ServiceContext, user: SignedInUser, input: { current: string; next: string; keepSession?: string }): Promise<void> {
  const row = await findUserWithHash(ctx.store, user.username);
  if (!row || !(await verifyPassword(row.passwordHash, input.current))) throw new ServiceError('invalid', 'The current password is not right.');
  checkNewPassword(input.next);
  if (input.next === input.current) throw new ServiceError('invalid', 'Choose a password other than the one you were given.');
  await setPasswordHash(ctx.store, user.username, await argon2.hash(input.next, HASH_OPTIONS), false);
  await deleteUserSessions(ctx.store, row.id, input.keepSession ? hashToken(input.keepSession) : undefined);
  forgetSessions(ctx);
}

async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export async function setUserRole(ctx: ServiceContext, username: string, role: string): Promise<void> {
  if (!isRole(role)) throw new ServiceError('invalid', `A role is one of ${ROLES.join(', ')}.`);
  const changed = await setRoleRow(ctx.store, username, role);
  forgetSessions(ctx);
  if (!changed) throw new ServiceError('not-found', `There is no user called ${username}.`);
}

export async function removeUser(ctx: ServiceContext, username: string): Promise<void> {
  const removed = await removeUserRow(ctx.store, username, ctx.now());
  forgetSessions(ctx);
  if (!removed) throw new ServiceError('not-found', `There is no user called ${username}.`);
}

export function listAllUsers(ctx: ServiceContext): Promise<UserRow[]> {
  return listUsers(ctx.store);
}

/** What a sign-in came to: a session token for the cookie, or why not (and, when locked, until when). */
export type SignInResult =
  | { readonly ok: true; readonly token: string; readonly user: SignedInUser; readonly expiresAt: Date }
  | { readonly ok: false; readonly reason: 'wrong' | 'locked'; readonly failures: number; readonly lockedUntil?: string };

/**
 * Checks a user name and password. Wrong ones count against the account; after
 * MAX_FAILED_SIGN_INS in a row it is locked for LOCK_MINUTES, during which even the right password
 * is refused. An unknown user name costs the same hash as a known one, so timing tells nothing.
 */
export async function signIn(ctx: ServiceContext, username: string, password: string): Promise<SignInResult> {
  const now = new Date(ctx.now());
  const user = typeof username === 'string' && username.length <= 64 ? await findUserWithHash(ctx.store, username) : undefined;
  if (!user) {
    await argon2.hash(password.slice(0, MAX_PASSWORD_LENGTH) || 'x', HASH_OPTIONS);
    return { ok: false, reason: 'wrong', failures: 0 };
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > now) return { ok: false, reason: 'locked', failures: user.failedSignIns, lockedUntil: user.lockedUntil };
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedSignIns + 1;
    const lockUntil = failures % MAX_FAILED_SIGN_INS === 0 ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await recordFailedSignIn(ctx.store, user.id, lockUntil);
    return lockUntil ? { ok: false, reason: 'locked', failures, lockedUntil: lockUntil } : { ok: false, reason: 'wrong', failures };
  }
  await clearFailedSignIns(ctx.store, user.id);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 3600_000);
  await deleteExpiredSessions(ctx.store, now.toISOString());
  await insertSession(ctx.store, { tokenHash: hashToken(token), userId: user.id, now: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { ok: true, token, user: toSignedIn(user), expiresAt };
}

/**
 * How long the user a session belongs to is taken from memory before the database is asked again
 * (ms). Every page request needs it; most come from a few editors. What this instance changes
 * (sign-out, a password, a role, a removal) applies at once; what another instance or the CLI
 * changes applies within this time.
 */
export const SESSION_CACHE_MS = 2000;

interface CachedSession {
  readonly user: SignedInUser | null;
  /** When the database was read, on the context's clock (ms). */
  readonly at: number;
}

/** Each context's remembered sessions, by token hash. */
const sessionCaches = new WeakMap<ServiceContext, LRUCache<string, CachedSession>>();

function sessionCache(ctx: ServiceContext): LRUCache<string, CachedSession> {
  let cache = sessionCaches.get(ctx);
  if (!cache) {
    cache = new LRUCache<string, CachedSession>({ max: 10_000 });
    sessionCaches.set(ctx, cache);
  }
  return cache;
}

/** Forgets every remembered session of this context: after any change to users or sessions. */
function forgetSessions(ctx: ServiceContext): void {
  sessionCaches.get(ctx)?.clear();
}

/** Returns the user a session cookie's token belongs to, or null (unknown, expired, removed). */
export async function userOfSession(ctx: ServiceContext, token: string): Promise<SignedInUser | null> {
  if (!token || token.length > 100) return null;
  const hash = hashToken(token);
  const now = ctx.now();
  const at = Date.parse(now);
  const cache = sessionCache(ctx);
  const held = cache.get(hash);
  if (held && at >= held.at && at - held.at < SESSION_CACHE_MS) return held.user;
  const row = await findSessionUser(ctx.store, hash, now);
  const user = row ? toSignedIn(row) : null;
  cache.set(hash, { user, at });
  return user;
}

export async function signOut(ctx: ServiceContext, token: string): Promise<void> {
  if (token && token.length <= 100) await deleteSession(ctx.store, hashToken(token));
  forgetSessions(ctx);
}

/** Creates an API token for a user; returns it, shown once (the database keeps its hash). */
export async function createApiToken(ctx: ServiceContext, username: string, name: string): Promise<{ id: number; token: string }> {
  const user = await findUser(ctx.store, username);
  if (!user) throw new ServiceError('not-found', `There is no user called ${username}.`);
  const label = name.trim();
  if (!label || label.length > MAX_TOKEN_NAME) throw new ServiceError('invalid', `Name the token (1 to ${MAX_TOKEN_NAME} characters): what script uses it.`);
  const token = `cdk_${randomBytes(32).toString('base64url')}`;
  const id = await insertApiToken(ctx.store, { userId: user.id, name: label, tokenHash: hashToken(token), now: ctx.now() });
  return { id, token };
}

export async function revokeToken(ctx: ServiceContext, id: number): Promise<void> {
  if (!(await revokeApiToken(ctx.store, id, ctx.now()))) throw new ServiceError('not-found', `There is no active token ${id}.`);
}

export function listTokens(ctx: ServiceContext, username?: string): Promise<ApiTokenRow[]> {
  return listApiTokens(ctx.store, username);
}

/** Returns the user an API token carries, or null. */
export async function userOfToken(ctx: ServiceContext, token: string): Promise<SignedInUser | null> {
  if (!token || token.length > 200) return null;
  const user = await findTokenUser(ctx.store, hashToken(token));
  return user ? toSignedIn(user) : null;
}
