import type { ResourceLimits } from 'node:worker_threads';

/**
 * The V8 heap limits of every worker thread the app and the CLI start for corpus-wide work (the
 * background refresher, `copydesk refresh`, the threaded import).
 *
 * Without them a worker's young generation grows to V8's default (16 MB semi-spaces) and its old
 * generation is sized from the machine's memory, so each thread held about 95 MB during a re-check
 * of 5,000 articles and the server peaked at 408 MB with its two threads (issue 10: under 300 MB).
 * Measured with `copydesk refresh` of 5,000 articles on two threads (peak RSS of the process):
 * no limits 287–303 MB; young 8 MB 224 MB; young 8 MB + old 256 MB 186 MB; young 4 MB + old 256 MB
 * 165 MB. The old-generation cap is far above what a pass needs (one batch of articles and the
 * decisions in force) and is there so V8 collects instead of growing; a thread that still runs out
 * is reported by the pool as ERR_WORKER_OUT_OF_MEMORY and the refresher logs it and tries again.
 */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = Object.freeze({
  maxYoungGenerationSizeMb: 8,
  maxOldGenerationSizeMb: 256,
});
