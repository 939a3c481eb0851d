import { sql } from 'kysely';
import type { Store } from './store.js';

/** One open live view of an article (migration 015): the stream, the instance serving it, the article and the user. */
export interface PresenceRow {
  readonly connectionId: string;
  readonly instanceId: string;
  readonly articleId: number;
  readonly userId: number;
}

/** Who has an article open, as the live hub reads it. */
export interface PresentUser {
  readonly articleId: number;
  readonly userId: number;
  readonly username: string;
}

/** Most rows one statement writes (well under SQLite's 32,766 bound parameters at five a row). */
const ROWS_PER_STATEMENT = 200;

/** Records the views as seen at `now`, or moves their last-seen time to `now` when they are recorded: a stream's start and an instance's heartbeat are the same statement. */
export async function touchPresence(store: Store, rows: readonly PresenceRow[], now: string): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows.slice(i, i + ROWS_PER_STATEMENT).map((r) => sql`(${r.connectionId}, ${r.instanceId}, ${r.articleId}, ${r.userId}, ${now})`);
    await sql`INSERT INTO presence (connection_id, instance_id, article_id, user_id, last_seen) VALUES ${sql.join(values)}
      ON CONFLICT (connection_id) DO UPDATE SET last_seen = excluded.last_seen`.execute(store.db);
  }
}

/** Forgets one view (its stream closed). */
export async function deletePresence(store: Store, connectionId: string): Promise<void> {
  await sql`DELETE FROM presence WHERE connection_id = ${connectionId}`.execute(store.db);
}

/** Forgets every view an instance serves (it is shutting down). */
export async function deleteInstancePresence(store: Store, instanceId: string): Promise<void> {
  await sql`DELETE FROM presence WHERE instance_id = ${instanceId}`.execute(store.db);
}

/** Forgets the views nobody vouched for since `before` (their instance stopped without saying so). */
export async function deleteExpiredPresence(store: Store, before: string): Promise<void> {
  await sql`DELETE FROM presence WHERE last_seen < ${before}`.execute(store.db);
}

/** Returns who has each of the articles open, counting only views vouched for at or after `since`; one row per user and article, in no particular order (the caller sorts names in code-unit order). */
export async function listPresence(store: Store, articleIds: readonly number[], since: string): Promise<PresentUser[]> {
  const out: PresentUser[] = [];
  for (let i = 0; i < articleIds.length; i += ROWS_PER_STATEMENT) {
    const ids = articleIds.slice(i, i + ROWS_PER_STATEMENT);
    const { rows } = await sql<PresentUser>`
      SELECT DISTINCT p.article_id AS "articleId", p.user_id AS "userId", u.username
      FROM presence p JOIN users u ON u.id = p.user_id
      WHERE p.article_id IN (${sql.join(ids)}) AND p.last_seen >= ${since} AND u.removed_at IS NULL`.execute(store.db);
    out.push(...rows);
  }
  return out;
}
