import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { StoreConfig } from '../store/open-store.js';
import type { RefreshTask, RefreshTaskResult } from './refresh-worker.js';
import { WORKER_RESOURCE_LIMITS } from './worker-limits.js';

/** How long one worker's pass runs before it reports back (ms): progress shows this often, and a stop waits at most this long. */
const PASS_MS = 2000;
/** Passes in a row that may find the database locked before refreshAll gives up (each waits out busy_timeout, 5 s). */
const MAX_BUSY_PASSES = 24;
/** How often an idle refresher looks for work another instance (or a crash) left (ms). */
const IDLE_POLL_MS = 2000;
/** How long a worker thread with nothing to do lives on (ms): an idle app keeps none, and their memory. */
const THREAD_IDLE_MS = 10_000;

/** The background refresher of one app instance: worker threads doing the corpus-wide work. */
export interface BackgroundRefresher {
  /** Looks for work now instead of at the next poll (after a decision that marks every article). */
  wake(): void;
  /** Waits for the passes under way and stops the threads. */
  stop(): Promise<void>;
}

/**
 * Starts the background refresher: a pool of worker threads, one per core by default, each doing
 * passes of refresh-worker.ts on its own connection to the database, while work is left; then one
 * poll every IDLE_POLL_MS (`hasWork`, when given, answers it without starting a thread). The app's event loop only waits on the threads' answers, so a re-check
 * of every article after a glossary decision never pauses a page (bench/scale.js measures it).
 * Runs only from the compiled code (a thread loads dist/service/refresh-worker.js).
 */
export function startBackgroundRefresher(
  config: StoreConfig,
  opts: { threads?: number; log?: (message: string) => void; hasWork?: () => Promise<boolean> } = {},
): BackgroundRefresher {
  const threads = Math.max(1, opts.threads ?? availableParallelism());
  // Threads start when there is work and exit THREAD_IDLE_MS after it: an idle app holds no worker heaps.
  const pool = new Piscina<RefreshTask, RefreshTaskResult>({
    filename: new URL('./refresh-worker.js', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: THREAD_IDLE_MS,
    resourceLimits: WORKER_RESOURCE_LIMITS,
  });
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const log = opts.log ?? (() => {});

  const runOnce = async (): Promise<void> => {
    // The idle poll asks the database first (one statement on the app's own connection) and wakes
    // no thread when there is nothing to do.
    if (opts.hasWork && !(await opts.hasWork())) return;
    for (;;) {
      const results = await Promise.all(Array.from({ length: threads }, () => pool.run({ config, budgetMs: PASS_MS })));
      if (isStopped || !results.some((r) => r.hasMore)) return;
    }
  };
  const schedule = (delayMs: number) => {
    if (isStopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) return schedule(IDLE_POLL_MS);
      running = runOnce()
        .catch((err: unknown) => log(`background refresh failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => {
          running = undefined;
          schedule(IDLE_POLL_MS);
        });
    }, delayMs);
    timer.unref();
  };
  schedule(0);
  return {
    wake() {
      if (!running) schedule(0);
    },
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      await running;
      await pool.destroy();
    },
  };
}

/**
 * Does all the background work there is now (every stale article, the name buckets, the common
 * phrases) on `threads` worker threads and returns when none is left: `copydesk refresh`, after a
 * large import. `onProgress` hears how many articles are left after each round.
 */
export async function refreshAll(config: StoreConfig, opts: { threads?: number; onProgress?: (remaining: number) => void } = {}): Promise<number> {
  const threads = Math.max(1, opts.threads ?? availableParallelism());
  const pool = new Piscina<RefreshTask, RefreshTaskResult>({
    filename: new URL('./refresh-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: WORKER_RESOURCE_LIMITS,
  });
  let refreshed = 0;
  let busyPasses = 0;
  try {
    for (;;) {
      const results = await Promise.all(Array.from({ length: threads }, () => pool.run({ config, budgetMs: PASS_MS })));
      refreshed += results.reduce((sum, r) => sum + r.refreshed, 0);
      // A pass that found the database locked is retried; only a lock that never lets go stops the run.
      busyPasses = results.every((r) => r.wasBusy) ? busyPasses + 1 : 0;
      if (busyPasses >= MAX_BUSY_PASSES) throw new Error(`The database stayed locked by another writer through ${MAX_BUSY_PASSES} passes in a row; try again when it is free.`);
      opts.onProgress?.(Math.min(...results.map((r) => r.remaining)));
      if (!results.some((r) => r.hasMore)) return refreshed;
    }
  } finally {
    await pool.destroy();
  }
}
