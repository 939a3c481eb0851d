import type { ServiceContext } from './context.js';
import { refreshPending } from './context.js';
import { mqmPassScore, setMqmPassScore } from '../store/settings.js';
import { listSettingChanges } from '../store/accounts.js';
import { readCorpusVersions } from '../store/counters.js';
import { countStaleArticles } from '../store/derived.js';
import { listFrequentCorrections, type CorrectionCount } from '../store/corrections.js';
import {
  listEditorTotals, listReportArticles, readEngineTotals, readFailingByEngine, readReportErrors,
  type EngineTotals, type ReportArticle, type ReportArticleSort,
} from '../store/reports.js';
import { ServiceError } from './errors.js';

/** Articles per page of the reports' articles table. */
export const REPORT_PAGE_SIZE = 50;
/** Rows of the most-frequent-corrections table. */
const FREQUENT_ROWS = 20;
/** Rows of the editors table. */
const EDITOR_ROWS = 200;
/** Rows read per query while a report export streams every article. */
const EXPORT_BATCH = 1000;

/** Everything the reports page shows, from the running totals (never every article). */
export interface CorpusReport {
  readonly engines: readonly EngineTotals[];
  readonly failing: ReadonlyMap<string, number>;
  readonly errors: readonly { dimension: string; severity: string; total: number; confirmed: number }[];
  readonly frequent: readonly CorrectionCount[];
  readonly editors: readonly { author: string; revisions: number; segments: number; articles: number; corrections: number }[];
  readonly articles: readonly ReportArticle[];
  readonly passScore: number;
  /** Who last set the pass score, and when (null while it is the default). */
  readonly passScoreSet: { readonly by: string; readonly at: string } | null;
  /** Articles whose figures wait for the background refresher. */
  readonly stale: number;
  /** Articles in the corpus. */
  readonly total: number;
}

/** Returns the corpus report: totals per engine, errors, frequent corrections, editors and one page of articles. */
export async function corpusReport(ctx: ServiceContext, opts: { sort: ReportArticleSort; isDescending: boolean; page: number }): Promise<CorpusReport> {
  await refreshPending(ctx);
  const passScore = await mqmPassScore(ctx.store);
  const { decisions } = await readCorpusVersions(ctx.store);
  const [engines, failing, errors, frequent, editors, articles, stale, changes] = await Promise.all([
    readEngineTotals(ctx.store),
    readFailingByEngine(ctx.store, passScore),
    readReportErrors(ctx.store),
    listFrequentCorrections(ctx.store, { minCount: 1, limit: FREQUENT_ROWS }),
    listEditorTotals(ctx.store, EDITOR_ROWS),
    listReportArticles(ctx.store, { sort: opts.sort, isDescending: opts.isDescending, offset: (opts.page - 1) * REPORT_PAGE_SIZE, limit: REPORT_PAGE_SIZE }),
    countStaleArticles(ctx.store, decisions),
    listSettingChanges(ctx.store, 'mqm-pass-score', 1),
  ]);
  const last = changes[0];
  return {
    engines, failing, errors, frequent, editors, articles, passScore, passScoreSet: last ? { by: last.changedBy, at: last.changedAt } : null,
    stale: stale.stale, total: stale.total,
  };
}

/** Yields every refreshed article's report figures in id order, a batch at a time (an export streams them; memory stays flat). */
export async function* reportArticles(ctx: ServiceContext): AsyncGenerator<ReportArticle[]> {
  let afterId = 0;
  for (;;) {
    const batch = await listReportArticles(ctx.store, { afterId, limit: EXPORT_BATCH });
    if (batch.length === 0) return;
    yield batch;
    afterId = (batch[batch.length - 1] as ReportArticle).id;
  }
}

/** Returns the team's MQM pass score (0-100). */
export function passScore(ctx: ServiceContext): Promise<number> {
  return mqmPassScore(ctx.store);
}

/** Sets the team's MQM pass score, recorded as `by`'s change; throws invalid outside 0-100. */
export async function changePassScore(ctx: ServiceContext, score: number, by: string): Promise<void> {
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new ServiceError('invalid', 'The pass score is a number from 0 to 100.');
  await setMqmPassScore(ctx.store, score, { by, now: ctx.now() });
}
