import type { ServiceContext } from './context.js';
import { readCorpusVersions } from '../store/counters.js';
import { countArticles } from '../store/corpus.js';
import { countArticlesBeforeDecisions, createJob, listActiveJobs, listRecentJobs, updateJob, type JobRow } from '../store/jobs.js';

/**
 * Corpus-wide work made visible (issue 10). A glossary or "different people" decision changes what
 * every article's checks find: it records a 'recheck' job, and the background refresher's worker
 * threads re-check every article refreshed under an older decisions counter. The work itself lives
 * in the database (each article's refreshed_decisions), so it survives a restart and resumes; the
 * job row says why, by whom, and how far it got.
 */

/** Records that every article must be checked again after a decision; returns the job's id. */
export async function recordRecheck(ctx: ServiceContext, reason: string, author: string): Promise<number> {
  const { decisions } = await readCorpusVersions(ctx.store);
  const now = ctx.now();
  // A newer decision's re-check covers an older one's.
  for (const job of await listActiveJobs(ctx.store)) {
    if (job.kind === 'recheck') await updateJob(ctx.store, job.id, { done: job.done, state: 'done', message: `${job.message} (taken over by a later decision)`, now });
  }
  const { total } = await countArticles(ctx.store);
  return createJob(ctx.store, { kind: 'recheck', total, payload: { decisions }, message: `Checking every article again: ${reason}`, createdBy: author, now });
}

/** A job with how far it got. */
export interface JobProgress extends JobRow {
  /** 0..1. */
  readonly share: number;
}

/** Returns the newest jobs with their progress; a re-check whose articles are all checked is marked done here. */
export async function jobsWithProgress(ctx: ServiceContext, opts: { isActiveOnly?: boolean; limit?: number } = {}): Promise<JobProgress[]> {
  const jobs = opts.isActiveOnly ? await listActiveJobs(ctx.store) : await listRecentJobs(ctx.store, opts.limit ?? 20);
  const out: JobProgress[] = [];
  for (const job of jobs) {
    if (job.kind === 'recheck' && (job.state === 'running' || job.state === 'queued')) {
      const remaining = await countArticlesBeforeDecisions(ctx.store, Number(job.payload.decisions ?? 0));
      const done = Math.max(0, job.total - remaining);
      const state = remaining === 0 ? 'done' : job.state;
      if (done !== job.done || state !== job.state) await updateJob(ctx.store, job.id, { done, state, now: ctx.now() });
      out.push({ ...job, done, state, share: job.total === 0 ? 1 : done / job.total });
    } else {
      out.push({ ...job, share: job.total === 0 ? 1 : job.done / job.total });
    }
  }
  return opts.isActiveOnly ? out.filter((j) => j.state === 'running' || j.state === 'queued') : out;
}
