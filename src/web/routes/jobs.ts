import { Router } from 'express';
import type { RouteDeps } from '../app.js';
import { jobsWithProgress } from '../../service/jobs.js';
import { formatTime } from '../view-models/format.js';

/** Returns the jobs page (`GET /jobs`): corpus-wide work, with how far each got. */
export function jobRoutes(deps: RouteDeps): Router {
  const router = Router();
  router.get('/jobs', async (_req, res) => {
    const jobs = await jobsWithProgress(deps.service, { limit: 50 });
    res.render('jobs/index', {
      title: 'Jobs',
      jobs: jobs.map((j) => ({
        id: j.id,
        message: j.message,
        state: j.state,
        done: j.done,
        total: j.total,
        percent: Math.floor(j.share * 100),
        by: j.createdBy,
        startedAt: formatTime(j.startedAt ?? j.createdAt),
        finishedAt: formatTime(j.finishedAt),
      })),
    });
  });
  return router;
}
