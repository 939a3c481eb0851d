import { sql } from 'kysely';
import type { Store } from './store.js';

/** A piece of corpus-wide work, as recorded (the work itself is what its kind says: see service/jobs.ts). */
export interface JobRow {
  readonly id: number;
  readonly kind: string;
  readonly state: 'queued' | 'running' | 'done' | 'failed';
  readonly total: number;
  readonly done: number;
  readonly payload: Record<string, unknown>;
  readonly message: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

type JobDbRow = Omit<JobRow, 'payload' | 'state'> & { payload: string; state: string };

const COLUMNS = [
  'id', 'kind', 'state', 'total', 'done', 'payload', 'message', 'created_by as createdBy', 'created_at as createdAt',
  'started_at as startedAt', 'finished_at as finishedAt',
] as const;

function toJob(row: JobDbRow): JobRow {
  return { ...row, state: row.state as JobRow['state'], payload: JSON.parse(row.payload) as Record<string, unknown> };
}

/** Records a job; returns its id. */
export async function createJob(store: Store, job: { kind: string; total: number; payload: Record<string, unknown>; message: string; createdBy: string; now: string; state?: JobRow['state'] }): Promise<number> {
  const { id } = await store.db.insertInto('jobs').values({
    kind: job.kind, state: job.state ?? 'running', total: job.total, done: 0, payload: JSON.stringify(job.payload), message: job.message,
    created_by: job.createdBy, created_at: job.now, started_at: job.now,
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Returns the jobs still queued or running, oldest first. */
export async function listActiveJobs(store: Store): Promise<JobRow[]> {
  return (await store.db.selectFrom('jobs').select(COLUMNS).where('state', 'in', ['queued', 'running']).orderBy('id').execute()).map(toJob);
}

/** Returns the newest jobs, newest first. */
export async function listRecentJobs(store: Store, limit: number): Promise<JobRow[]> {
  return (await store.db.selectFrom('jobs').select(COLUMNS).orderBy('id', 'desc').limit(limit).execute()).map(toJob);
}

/** Sets a job's progress, and finishes it when `state` says so. */
export async function updateJob(store: Store, id: number, change: { done: number; state?: JobRow['state']; message?: string; now: string }): Promise<void> {
  await store.db.updateTable('jobs').set({
    done: change.done,
    ...(change.state ? { state: change.state } : {}),
    ...(change.message !== undefined ? { message: change.message } : {}),
    ...(change.state === 'done' || change.state === 'failed' ? { finished_at: change.now } : {}),
  }).where('id', '=', id).execute();
}

/**
 * Returns how many articles were last refreshed under a decisions counter older than `decisions`
 * (what a re-check still has to do): two range counts of the index articles_stale (migration 017),
 * one per value of is_dirty, which leads it.
 */
export async function countArticlesBeforeDecisions(store: Store, decisions: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT
    (SELECT COUNT(*) FROM articles WHERE is_dirty = 0 AND refreshed_decisions < ${decisions})
    + (SELECT COUNT(*) FROM articles WHERE is_dirty = 1 AND refreshed_decisions < ${decisions}) AS n`.execute(store.db);
  return Number(rows[0]?.n ?? 0);
}
