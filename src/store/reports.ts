import { sql } from 'kysely';
import type { Store } from './store.js';
import type { ArticleStatus } from './articles.js';
import { HTER_BINS, REPORT_KINDS, type ReportKind } from '../core/metrics/hter-bins.js';

/** The running totals of one MT engine (store migration 008's report_totals), or of the corpus when summed. */
export interface EngineTotals {
  readonly engine: string;
  readonly articles: number;
  readonly scored: number;
  readonly scoreSum: number;
  readonly critical: number;
  readonly confirmed: number;
  readonly proposed: number;
  readonly hterEdits: number;
  readonly hterEditsCi: number;
  readonly hterWords: number;
  readonly bins: readonly number[];
  readonly binsCi: readonly number[];
  readonly kinds: Readonly<Record<ReportKind, { segments: number; edits: number; editsCi: number; words: number }>>;
}

/** Returns the running totals per MT engine (a row each; the corpus is their sum), engines in code-unit order. */
export async function readEngineTotals(store: Store): Promise<EngineTotals[]> {
  const rows = (await store.db.selectFrom('report_totals').selectAll().where('articles', '>', 0).execute()) as unknown as Record<string, number | string>[];
  const n = (r: Record<string, number | string>, key: string) => Number(r[key] ?? 0);
  return rows.map((r) => ({
    engine: String(r.engine),
    articles: n(r, 'articles'),
    scored: n(r, 'scored'),
    scoreSum: n(r, 'score_sum'),
    critical: n(r, 'critical'),
    confirmed: n(r, 'confirmed'),
    proposed: n(r, 'proposed'),
    hterEdits: n(r, 'hter_edits'),
    hterEditsCi: n(r, 'hter_edits_ci'),
    hterWords: n(r, 'hter_words'),
    bins: HTER_BINS.map((_, bin) => n(r, `bin_${bin}`)),
    binsCi: HTER_BINS.map((_, bin) => n(r, `bin_ci_${bin}`)),
    kinds: Object.fromEntries(REPORT_KINDS.map((k) => [k, { segments: n(r, `${k}_segments`), edits: n(r, `${k}_edits`), editsCi: n(r, `${k}_edits_ci`), words: n(r, `${k}_words`) }])) as EngineTotals['kinds'],
  })).sort((a, b) => (a.engine < b.engine ? -1 : a.engine > b.engine ? 1 : 0));
}

/**
 * Returns how many articles fail per MT engine at a pass score: those with a critical error, and
 * those scored below it (from the 0.1-point score buckets, exact for a pass score with one decimal).
 */
export async function readFailingByEngine(store: Store, passScore: number): Promise<Map<string, number>> {
  const limit = Math.ceil(passScore * 10 - 1e-9);
  const [below, critical] = await Promise.all([
    store.db.selectFrom('report_scores').select((eb) => ['engine', eb.fn.sum<number>('count').as('n')]).where('bucket', '<', limit).groupBy('engine').execute(),
    store.db.selectFrom('report_totals').select(['engine', 'critical']).execute(),
  ]);
  const out = new Map<string, number>();
  for (const r of below) out.set(r.engine, Number(r.n));
  for (const r of critical) out.set(r.engine, (out.get(r.engine) ?? 0) + Number(r.critical));
  return out;
}

/** Returns the corpus's corrections by MQM dimension and severity (running totals). */
export async function readReportErrors(store: Store): Promise<{ dimension: string; severity: string; total: number; confirmed: number }[]> {
  return (await store.db.selectFrom('report_errors').select(['dimension', 'severity', 'total', 'confirmed']).execute())
    .map((r) => ({ ...r, total: Number(r.total), confirmed: Number(r.confirmed) }));
}

/** What each editor did (editor_stats, kept by the refresher), most revisions first. */
export async function listEditorTotals(store: Store, limit: number): Promise<{ author: string; revisions: number; segments: number; articles: number; corrections: number }[]> {
  return store.db.selectFrom('editor_stats').select(['author', 'revisions', 'segments', 'articles', 'corrections'])
    .where('revisions', '>', 0).orderBy('revisions', 'desc').orderBy('author').limit(limit).execute();
}

/** The columns the reports' articles table sorts by. */
export const REPORT_ARTICLE_SORTS = ['title', 'hter', 'mqm', 'corrections', 'status'] as const;
/** One of REPORT_ARTICLE_SORTS. */
export type ReportArticleSort = (typeof REPORT_ARTICLE_SORTS)[number];

/** One article's figures on the reports page and in its exports. */
export interface ReportArticle {
  readonly id: number;
  readonly title: string;
  readonly mtEngine: string;
  readonly status: ArticleStatus;
  readonly hterEdits: number;
  readonly hterEditsCi: number;
  readonly words: number;
  readonly charShare: number;
  readonly untouchedSegments: number;
  readonly contentSegments: number;
  readonly mqmScore: number | null;
  readonly mqmPenalty: number;
  readonly hasCritical: boolean;
  /** Error flags neither fixed nor dismissed. */
  readonly openErrors: number;
  readonly confirmedCorrections: number;
  readonly proposedCorrections: number;
}

const SORT_COLUMN: Record<ReportArticleSort, string> = {
  title: 'a.title',
  hter: 's.hter',
  mqm: 's.mqm_raw_score',
  corrections: 's.corrections',
  status: 'a.status',
};

/** Returns a page of the refreshed articles' figures, sorted by an indexed column (rows after `afterId` in id order when `sort` is undefined: for exports). */
export async function listReportArticles(
  store: Store, opts: { sort?: ReportArticleSort; isDescending?: boolean; offset?: number; afterId?: number; limit: number },
): Promise<ReportArticle[]> {
  const direction = opts.isDescending ? sql`DESC` : sql`ASC`;
  const order = opts.sort === undefined ? sql`a.id ASC` : sql`${sql.raw(SORT_COLUMN[opts.sort])} ${direction}, a.id ${direction}`;
  const after = opts.afterId === undefined ? sql`` : sql`WHERE a.id > ${opts.afterId}`;
  const { rows } = await sql<Omit<ReportArticle, 'hasCritical'> & { hasCritical: number }>`
    SELECT a.id, a.title, a.mt_engine AS "mtEngine", a.status, s.hter_edits AS "hterEdits", s.hter_edits_ci AS "hterEditsCi",
           s.hter_words AS words, CASE WHEN s.char_length = 0 THEN 0 ELSE 1.0 * s.char_distance / s.char_length END AS "charShare",
           s.untouched_segments AS "untouchedSegments", s.content_segments AS "contentSegments", s.mqm_raw_score AS "mqmScore",
           s.mqm_penalty AS "mqmPenalty", s.mqm_has_critical AS "hasCritical", s.open_errors AS "openErrors",
           s.confirmed_corrections AS "confirmedCorrections", s.proposed_corrections AS "proposedCorrections"
    FROM articles a JOIN article_stats s ON s.article_id = a.id
    ${after}
    ORDER BY ${order}
    LIMIT ${opts.limit} OFFSET ${opts.offset ?? 0}`.execute(store.db);
  return rows.map((r) => ({ ...r, charShare: Number(r.charShare), hasCritical: Number(r.hasCritical) === 1, openErrors: Number(r.openErrors), mqmScore: r.mqmScore === null ? null : Number(r.mqmScore) }));
}
