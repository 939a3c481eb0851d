import { sql } from 'kysely';
import type { Store } from './store.js';
import { insertMany } from './multi-row.js';
import { bumpCounter } from './counters.js';
import { writeSearchDocument } from './search.js';
import { STALE_ORDER } from './corpus.js';
import { HTER_BINS, REPORT_KINDS, hterBinOf, type ReportKind } from '../core/metrics/hter-bins.js';
import type { Flag } from '../core/checks/types.js';

/** One kind of segment's figures in an article. */
export interface KindFigures {
  readonly segments: number;
  readonly edits: number;
  /** TER edits ignoring case. */
  readonly editsCi: number;
  readonly words: number;
}

/** An article's figures, as the corpus page, the reports and the QA list read them (article_stats). */
export interface ArticleStats {
  readonly segments: number;
  readonly contentSegments: number;
  readonly editedSegments: number;
  readonly untouchedSegments: number;
  readonly mtWords: number;
  readonly wordsChanged: number;
  readonly openErrors: number;
  readonly openWarnings: number;
  readonly openInfos: number;
  readonly hterEdits: number;
  readonly hterEditsCi: number;
  readonly hterWords: number;
  readonly charDistance: number;
  readonly charLength: number;
  readonly isApproximate: boolean;
  readonly mqmWords: number;
  readonly mqmPenalty: number;
  readonly mqmRawScore: number | null;
  readonly mqmHasCritical: boolean;
  readonly confirmedCorrections: number;
  readonly proposedCorrections: number;
  readonly unconfirmedPenalty: number;
  readonly engine: string;
  readonly lastEditedAt: string | null;
  readonly kinds: Readonly<Record<ReportKind, KindFigures>>;
}

/** Everything derived from one article that the pages read. */
export interface DerivedArticle {
  readonly stats: ArticleStats;
  /** Every flag the checks raise, in order, with whether a dismissal hides it. */
  readonly flags: readonly { readonly flag: Flag; readonly isDismissed: boolean }[];
  /** Its corrections by MQM dimension and severity. */
  readonly errors: readonly { readonly dimension: string; readonly severity: string; readonly total: number; readonly confirmed: number }[];
  /** The correction pairs standing in it (pure insertions left out), with how often each stands. */
  readonly corrections: readonly { readonly mtText: string; readonly editText: string; readonly count: number }[];
  /** Its people: one row per spelling. */
  readonly names: readonly {
    readonly person: number; readonly spelling: string; readonly count: number; readonly surnameKey: string;
    readonly mentions: number; readonly preferred: string; readonly preferredBecause: string;
  }[];
  /** Its text for full-text search. */
  readonly search: { readonly title: string; readonly body: string };
  /** What each editor did in it: revisions, segments edited, corrections made. */
  readonly editors: readonly { readonly author: string; readonly revisions: number; readonly segments: number; readonly corrections: number }[];
}

/** What the derived rows were computed from: the article's counters as read before its text. */
export interface DerivedFrom {
  readonly version: number;
  readonly textVersion: number;
  readonly decisions: number;
}

/** What writing an article's derived rows changed elsewhere. */
export interface DerivedWriteResult {
  /** False when the article changed while its rows were computed: they were written, but it stays marked for another refresh. */
  readonly isCurrent: boolean;
  /**
   * MT phrases of this article's changed corrections whose standing in the corpus changed (the
   * articles holding a pair crossed 0-1-2): other articles holding them may flag differently now.
   */
  readonly changedPhrases: readonly string[];
}

/** Rows per INSERT statement (PostgreSQL allows 65,535 parameters; a flag row has 15). */
const ROWS_PER_INSERT = 500;

type Row = Record<string, unknown>;

/** Returns the report_totals columns one article adds (negated with `sign` = -1 to take it away). */
function totalsOf(stats: ArticleStats, sign: 1 | -1): Record<string, number> {
  const scored = stats.mqmRawScore === null ? 0 : 1;
  const hter = stats.hterWords === 0 ? 0 : stats.hterEdits / stats.hterWords;
  const hterCi = stats.hterWords === 0 ? 0 : stats.hterEditsCi / stats.hterWords;
  const row: Record<string, number> = {
    articles: 1,
    scored,
    score_sum: stats.mqmRawScore ?? 0,
    critical: stats.mqmHasCritical ? 1 : 0,
    confirmed: stats.confirmedCorrections,
    proposed: stats.proposedCorrections,
    hter_edits: stats.hterEdits,
    hter_edits_ci: stats.hterEditsCi,
    hter_words: stats.hterWords,
    char_distance: stats.charDistance,
    char_length: stats.charLength,
    mt_words: stats.mtWords,
    words_changed: stats.wordsChanged,
  };
  HTER_BINS.forEach((_, bin) => {
    row[`bin_${bin}`] = hterBinOf(hter) === bin ? 1 : 0;
    row[`bin_ci_${bin}`] = hterBinOf(hterCi) === bin ? 1 : 0;
  });
  for (const kind of REPORT_KINDS) {
    const k = stats.kinds[kind];
    row[`${kind}_segments`] = k.segments;
    row[`${kind}_edits`] = k.edits;
    row[`${kind}_edits_ci`] = k.editsCi;
    row[`${kind}_words`] = k.words;
  }
  for (const key of Object.keys(row)) row[key] = (row[key] as number) * sign;
  return row;
}

/** Returns the score bucket an article counts in (scored, no critical error), or undefined. */
function scoreBucketOf(stats: ArticleStats): number | undefined {
  return stats.mqmRawScore === null || stats.mqmHasCritical ? undefined : Math.floor(stats.mqmRawScore * 10);
}

function statsRow(articleId: number, s: ArticleStats): Row {
  const row: Row = {
    article_id: articleId,
    segments: s.segments,
    content_segments: s.contentSegments,
    edited_segments: s.editedSegments,
    untouched_segments: s.untouchedSegments,
    mt_words: s.mtWords,
    words_changed: s.wordsChanged,
    changed_share: s.mtWords === 0 ? 0 : s.wordsChanged / s.mtWords,
    open_errors: s.openErrors,
    open_warnings: s.openWarnings,
    open_infos: s.openInfos,
    hter_edits: s.hterEdits,
    hter_edits_ci: s.hterEditsCi,
    hter_words: s.hterWords,
    hter: s.hterWords === 0 ? 0 : s.hterEdits / s.hterWords,
    char_distance: s.charDistance,
    char_length: s.charLength,
    is_approximate: s.isApproximate ? 1 : 0,
    mqm_words: s.mqmWords,
    mqm_penalty: s.mqmPenalty,
    mqm_raw_score: s.mqmRawScore,
    mqm_has_critical: s.mqmHasCritical ? 1 : 0,
    confirmed_corrections: s.confirmedCorrections,
    proposed_corrections: s.proposedCorrections,
    unconfirmed_penalty: s.unconfirmedPenalty,
    corrections: s.confirmedCorrections + s.proposedCorrections,
    engine: s.engine,
    last_edited_at: s.lastEditedAt,
  };
  for (const kind of REPORT_KINDS) {
    row[`${kind}_segments`] = s.kinds[kind].segments;
    row[`${kind}_edits`] = s.kinds[kind].edits;
    row[`${kind}_edits_ci`] = s.kinds[kind].editsCi;
    row[`${kind}_words`] = s.kinds[kind].words;
  }
  return row;
}

/** Returns the stats a stored article_stats row holds. */
export function statsFromRow(row: Row): ArticleStats {
  const n = (key: string) => Number(row[key] ?? 0);
  const kinds = Object.fromEntries(REPORT_KINDS.map((kind) => [kind, {
    segments: n(`${kind}_segments`), edits: n(`${kind}_edits`), editsCi: n(`${kind}_edits_ci`), words: n(`${kind}_words`),
  }])) as Record<ReportKind, KindFigures>;
  return {
    segments: n('segments'),
    contentSegments: n('content_segments'),
    editedSegments: n('edited_segments'),
    untouchedSegments: n('untouched_segments'),
    mtWords: n('mt_words'),
    wordsChanged: n('words_changed'),
    openErrors: n('open_errors'),
    openWarnings: n('open_warnings'),
    openInfos: n('open_infos'),
    hterEdits: n('hter_edits'),
    hterEditsCi: n('hter_edits_ci'),
    hterWords: n('hter_words'),
    charDistance: n('char_distance'),
    charLength: n('char_length'),
    isApproximate: n('is_approximate') === 1,
    mqmWords: n('mqm_words'),
    mqmPenalty: n('mqm_penalty'),
    mqmRawScore: row.mqm_raw_score === null || row.mqm_raw_score === undefined ? null : Number(row.mqm_raw_score),
    mqmHasCritical: n('mqm_has_critical') === 1,
    confirmedCorrections: n('confirmed_corrections'),
    proposedCorrections: n('proposed_corrections'),
    unconfirmedPenalty: n('unconfirmed_penalty'),
    engine: String(row.engine ?? ''),
    lastEditedAt: (row.last_edited_at as string | null) ?? null,
    kinds,
  };
}

/** Adds `delta` to the running totals of `engine` (creating its row at zero). */
async function addTotals(store: Store, engine: string, delta: Record<string, number>): Promise<void> {
  const columns = Object.keys(delta);
  const values = columns.map((c) => sql`${delta[c]}`);
  const updates = columns.map((c) => sql`${sql.ref(c)} = report_totals.${sql.ref(c)} + excluded.${sql.ref(c)}`);
  await sql`INSERT INTO report_totals (engine, ${sql.join(columns.map((c) => sql.ref(c)))}) VALUES (${engine}, ${sql.join(values)})
    ON CONFLICT (engine) DO UPDATE SET ${sql.join(updates)}`.execute(store.db);
}

async function addScore(store: Store, engine: string, bucket: number, delta: number): Promise<void> {
  await sql`INSERT INTO report_scores (engine, bucket, count) VALUES (${engine}, ${bucket}, ${delta})
    ON CONFLICT (engine, bucket) DO UPDATE SET count = report_scores.count + excluded.count`.execute(store.db);
}

async function insertRows(store: Store, table: 'article_flags' | 'article_errors' | 'article_corrections' | 'article_names' | 'article_editors', rows: readonly Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  await insertMany(store, table, columns, rows.map((r) => columns.map((c) => r[c] ?? null)), { maxRows: ROWS_PER_INSERT });
}

const pairKey = (mtText: string, editText: string) => `${mtText}\u0000${editText}`;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Returns a word as corpus corrections are looked up by it: lower-cased, without punctuation at either end ("Cho," -> "cho"). */
export function lookupWordOf(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Returns the lookup word of a phrase's first word: how the checks find corpus corrections of phrases in an article. */
export function firstWordOf(phrase: string): string {
  return lookupWordOf(phrase.trim().split(/\s+/u)[0] ?? '');
}

/** One article's derived rows to write, and the counters they were computed at. */
export interface DerivedWrite {
  readonly articleId: number;
  readonly derived: DerivedArticle;
  readonly from: DerivedFrom;
}

/**
 * Replaces an article's derived rows (stats, flags, errors, corrections, names, search text) and
 * moves the corpus totals by the difference, in one transaction. See writeArticlesDerived.
 */
export async function writeArticleDerived(store: Store, articleId: number, derived: DerivedArticle, from: DerivedFrom): Promise<DerivedWriteResult> {
  const [result] = await writeArticlesDerived(store, [{ articleId, derived, from }]);
  return result ?? { isCurrent: false, changedPhrases: [] };
}

/** The changes to rows that many articles share, summed over a batch and applied once, in a fixed order. */
interface SharedDeltas {
  readonly totals: Map<string, Record<string, number>>;
  readonly scores: Map<string, { engine: string; bucket: number; delta: number }>;
  readonly errors: Map<string, { dimension: string; severity: string; total: number; confirmed: number }>;
  /** Correction pairs: summed changes, and how many articles of the batch started or stopped holding the pair. */
  readonly pairs: Map<string, { mt_text: string; edit_text: string; count: number; articles: number; movers: number }>;
  readonly surnames: Set<string>;
  readonly editors: Map<string, { revisions: number; segments: number; corrections: number; articles: number }>;
}

/**
 * Replaces several articles' derived rows and moves the corpus totals by the difference, in one
 * transaction (a refresher's batch: one commit for many articles, where the commit was most of a
 * refresh's cost). Each article's own rows are written first, articles in id order; the rows
 * articles share are then moved once by the batch's summed difference, in one fixed order (report
 * totals by engine, score buckets, error cells, correction pairs by text, name buckets, editors,
 * the counters), so two refreshes running at once on PostgreSQL never wait on each other in a
 * cycle. An article is marked fresh only if it did not change since its `from` was read. Returns
 * each article's result in the order given.
 */
export async function writeArticlesDerived(store: Store, writes: readonly DerivedWrite[]): Promise<DerivedWriteResult[]> {
  return store.transaction(async (tx) => {
    const shared: SharedDeltas = { totals: new Map(), scores: new Map(), errors: new Map(), pairs: new Map(), surnames: new Set(), editors: new Map() };
    const results = new Map<number, DerivedWriteResult>();
    for (const write of [...writes].sort((a, b) => a.articleId - b.articleId)) {
      results.set(write.articleId, await writeOwnRows(tx, write, shared));
    }
    const standingChanged = await applySharedDeltas(tx, shared);
    return writes.map((w) => {
      const result = results.get(w.articleId) ?? { isCurrent: false, changedPhrases: [] };
      return { ...result, changedPhrases: result.changedPhrases.filter((p) => standingChanged.has(p)) };
    });
  });
}

/** Writes one article's own derived rows and adds its share of the shared rows' changes to `shared`. */
async function writeOwnRows(tx: Store, { articleId, derived, from }: DerivedWrite, shared: SharedDeltas): Promise<DerivedWriteResult> {
  // Lock the article first (PostgreSQL) and clear its marks only when nothing changed since the read.
  const cleared = await sql`UPDATE articles SET is_dirty = 0, refreshed_decisions = ${from.decisions}, refresh_lease = NULL
    WHERE id = ${articleId} AND version = ${from.version} AND text_version = ${from.textVersion}`.execute(tx.db);
  const isCurrent = Number(cleared.numAffectedRows ?? 0) === 1;
  if (!isCurrent) await sql`UPDATE articles SET refresh_lease = NULL WHERE id = ${articleId}`.execute(tx.db);

  const oldRow = await tx.db.selectFrom('article_stats').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  const old = oldRow ? statsFromRow(oldRow as Row) : undefined;
  const stats = derived.stats;
  const addTotalsDelta = (engine: string, delta: Record<string, number>) => {
    const sum = shared.totals.get(engine) ?? {};
    for (const [k, v] of Object.entries(delta)) sum[k] = (sum[k] ?? 0) + v;
    shared.totals.set(engine, sum);
  };
  if (old) addTotalsDelta(old.engine, totalsOf(old, -1));
  addTotalsDelta(stats.engine, totalsOf(stats, 1));
  const addScoreDelta = (s: ArticleStats, delta: number) => {
    const bucket = scoreBucketOf(s);
    if (bucket === undefined) return;
    const key = `${s.engine}\u0000${String(bucket).padStart(6, '0')}`;
    const entry = shared.scores.get(key) ?? { engine: s.engine, bucket, delta: 0 };
    entry.delta += delta;
    shared.scores.set(key, entry);
  };
  if (old) addScoreDelta(old, -1);
  addScoreDelta(stats, 1);
  const row = statsRow(articleId, stats);
  await tx.db.insertInto('article_stats').values(row as never)
    .onConflict((oc) => oc.column('article_id').doUpdateSet(Object.fromEntries(Object.keys(row).filter((k) => k !== 'article_id').map((k) => [k, (eb: { ref: (c: string) => unknown }) => eb.ref(`excluded.${k}`)])) as never))
    .execute();

  const oldErrors = await tx.db.selectFrom('article_errors').select(['dimension', 'severity', 'total', 'confirmed']).where('article_id', '=', articleId).execute();
  const addErrors = (rows: readonly { dimension: string; severity: string; total: number; confirmed: number }[], sign: number) => {
    for (const e of rows) {
      const key = `${e.dimension}\u0000${e.severity}`;
      const entry = shared.errors.get(key) ?? { dimension: e.dimension, severity: e.severity, total: 0, confirmed: 0 };
      entry.total += sign * e.total;
      entry.confirmed += sign * e.confirmed;
      shared.errors.set(key, entry);
    }
  };
  addErrors(oldErrors, -1);
  addErrors(derived.errors, 1);
  const isErrorsChanged = oldErrors.length !== derived.errors.length
    || derived.errors.some((e, i) => { const o = oldErrors[i]; return !o || o.dimension !== e.dimension || o.severity !== e.severity || o.total !== e.total || o.confirmed !== e.confirmed; });
  if (isErrorsChanged) {
    await tx.db.deleteFrom('article_errors').where('article_id', '=', articleId).execute();
    await insertRows(tx, 'article_errors', derived.errors.map((e) => ({ article_id: articleId, ...e })));
  }

  // Correction pairs: the corpus counts move by the difference, and a changed pair's MT phrase is returned.
  const oldPairs = new Map((await tx.db.selectFrom('article_corrections').select(['mt_text', 'edit_text', 'count']).where('article_id', '=', articleId).execute())
    .map((p) => [pairKey(p.mt_text, p.edit_text), p]));
  const newPairs = new Map(derived.corrections.map((p) => [pairKey(p.mtText, p.editText), { mt_text: p.mtText, edit_text: p.editText, count: p.count }]));
  const changedPhrases = new Set<string>();
  for (const key of new Set([...oldPairs.keys(), ...newPairs.keys()])) {
    const before = oldPairs.get(key);
    const after = newPairs.get(key);
    const countDelta = (after?.count ?? 0) - (before?.count ?? 0);
    const articlesDelta = (after ? 1 : 0) - (before ? 1 : 0);
    if (countDelta === 0 && articlesDelta === 0) continue;
    const pair = (after ?? before) as { mt_text: string; edit_text: string };
    const entry = shared.pairs.get(key) ?? { mt_text: pair.mt_text, edit_text: pair.edit_text, count: 0, articles: 0, movers: 0 };
    entry.count += countDelta;
    entry.articles += articlesDelta;
    if (articlesDelta !== 0) entry.movers += 1;
    shared.pairs.set(key, entry);
    changedPhrases.add(pair.mt_text);
  }
  if (changedPhrases.size > 0) {
    await tx.db.deleteFrom('article_corrections').where('article_id', '=', articleId).execute();
    await insertRows(tx, 'article_corrections', [...newPairs.values()].map((p) => ({ article_id: articleId, ...p })));
  }

  await tx.db.deleteFrom('article_flags').where('article_id', '=', articleId).execute();
  await insertRows(tx, 'article_flags', derived.flags.map(({ flag, isDismissed }, position) => ({
    article_id: articleId, position, check_id: flag.check, severity: flag.severity, segment: flag.segment, start_offset: flag.start,
    end_offset: flag.end, text: flag.text, message: flag.message, suggestions: JSON.stringify(flag.suggestions), fingerprint: flag.fingerprint,
    group_key: flag.group ?? null, variants: flag.variants ? JSON.stringify(flag.variants) : null,
    spans: flag.spans && flag.spans.length > 1 ? JSON.stringify(flag.spans) : null, is_dismissed: isDismissed ? 1 : 0,
  })));

  // Names: the surnames the article named before or names now must be clustered again.
  // Every column written is compared: a decision can change only why a spelling is preferred, or who is whom.
  const oldNameRows = await tx.db.selectFrom('article_names').select(['person', 'spelling', 'count', 'surname_key', 'mentions', 'preferred', 'preferred_because']).where('article_id', '=', articleId).execute();
  const oldNames = new Set(oldNameRows.map((r) => [r.person, r.surname_key, r.spelling, r.count, r.mentions, r.preferred, r.preferred_because].join('\u0000')));
  const newNames = new Set(derived.names.map((r) => [r.person, r.surnameKey, r.spelling, r.count, r.mentions, r.preferred, r.preferredBecause].join('\u0000')));
  const isNamesChanged = oldNames.size !== newNames.size || [...newNames].some((n) => !oldNames.has(n));
  if (isNamesChanged) {
    await tx.db.deleteFrom('article_names').where('article_id', '=', articleId).execute();
    await insertRows(tx, 'article_names', derived.names.map((n) => ({
      article_id: articleId, person: n.person, spelling: n.spelling, count: n.count, surname_key: n.surnameKey, mentions: n.mentions,
      preferred: n.preferred, preferred_because: n.preferredBecause, corpus_person_id: null,
    })));
    for (const r of oldNameRows) shared.surnames.add(r.surname_key);
    for (const n of derived.names) shared.surnames.add(n.surnameKey);
  }

  // Editors: the corpus-wide figures move by the difference.
  const oldEditors = new Map((await tx.db.selectFrom('article_editors').select(['author', 'revisions', 'segments', 'corrections']).where('article_id', '=', articleId).execute())
    .map((e) => [e.author, e]));
  const newEditors = new Map(derived.editors.map((e) => [e.author, e]));
  let isEditorsChanged = false;
  for (const author of new Set([...oldEditors.keys(), ...newEditors.keys()])) {
    const before = oldEditors.get(author);
    const after = newEditors.get(author);
    const delta = {
      revisions: (after?.revisions ?? 0) - (before?.revisions ?? 0),
      segments: (after?.segments ?? 0) - (before?.segments ?? 0),
      corrections: (after?.corrections ?? 0) - (before?.corrections ?? 0),
      articles: (after ? 1 : 0) - (before ? 1 : 0),
    };
    if (Object.values(delta).every((v) => v === 0)) continue;
    isEditorsChanged = true;
    const sum = shared.editors.get(author) ?? { revisions: 0, segments: 0, corrections: 0, articles: 0 };
    for (const k of Object.keys(delta) as (keyof typeof delta)[]) sum[k] += delta[k];
    shared.editors.set(author, sum);
  }
  if (isEditorsChanged) {
    await tx.db.deleteFrom('article_editors').where('article_id', '=', articleId).execute();
    await insertRows(tx, 'article_editors', derived.editors.map((e) => ({ article_id: articleId, ...e })));
  }

  await writeSearchDocument(tx, articleId, derived.search);
  return { isCurrent, changedPhrases: [...changedPhrases] };
}

/**
 * Moves the rows many articles share by a batch's summed changes, each kind in key order (the lock
 * order writeArticlesDerived promises); returns the MT phrases whose corrections' standing changed.
 */
async function applySharedDeltas(tx: Store, shared: SharedDeltas): Promise<Set<string>> {
  for (const engine of [...shared.totals.keys()].sort(byText)) {
    const delta = shared.totals.get(engine) as Record<string, number>;
    if (Object.values(delta).some((v) => v !== 0)) await addTotals(tx, engine, delta);
  }
  for (const key of [...shared.scores.keys()].sort(byText)) {
    const { engine, bucket, delta } = shared.scores.get(key) as { engine: string; bucket: number; delta: number };
    if (delta !== 0) await addScore(tx, engine, bucket, delta);
  }
  for (const key of [...shared.errors.keys()].sort(byText)) {
    const e = shared.errors.get(key) as { dimension: string; severity: string; total: number; confirmed: number };
    if (e.total === 0 && e.confirmed === 0) continue;
    await sql`INSERT INTO report_errors (dimension, severity, total, confirmed) VALUES (${e.dimension}, ${e.severity}, ${e.total}, ${e.confirmed})
      ON CONFLICT (dimension, severity) DO UPDATE SET total = report_errors.total + excluded.total, confirmed = report_errors.confirmed + excluded.confirmed`.execute(tx.db);
  }
  // A pair's standing for other articles' checks changes only when the number of articles holding
  // it crosses 0-1-2 (with one holder, that article's own flags differ from everyone else's; past
  // two, one more changes only the count a flag's message shows, and the review page reads that
  // live). Only then must the other articles holding its MT phrase be re-checked: marking them on
  // every count change made one edit re-check every article naming the person, again and again.
  let isPairsChanged = false;
  const standingChanged = new Set<string>();
  for (const key of [...shared.pairs.keys()].sort(byText)) {
    const c = shared.pairs.get(key) as { mt_text: string; edit_text: string; count: number; articles: number; movers: number };
    // Two articles of the batch swapped holding the pair: the same count, other holders.
    if (c.movers > 1 && c.articles === 0) standingChanged.add(c.mt_text);
    // The counter moves even when the changes cancel out (other holders): the flag reader is keyed by it.
    isPairsChanged = true;
    if (c.count === 0 && c.articles === 0) continue;
    const { rows } = await sql<{ articles: number }>`INSERT INTO correction_counts (mt_text, edit_text, first_word, count, articles) VALUES (${c.mt_text}, ${c.edit_text}, ${firstWordOf(c.mt_text)}, ${c.count}, ${c.articles})
      ON CONFLICT (mt_text, edit_text) DO UPDATE SET count = correction_counts.count + excluded.count, articles = correction_counts.articles + excluded.articles
      RETURNING articles`.execute(tx.db);
    const after = Number(rows[0]?.articles ?? 0);
    const before = after - c.articles;
    if (Math.min(before, 2) !== Math.min(after, 2)) standingChanged.add(c.mt_text);
    if (c.count < 0 || c.articles < 0) await sql`DELETE FROM correction_counts WHERE mt_text = ${c.mt_text} AND edit_text = ${c.edit_text} AND count <= 0`.execute(tx.db);
  }
  for (const surname of [...shared.surnames].sort(byText)) {
    await sql`INSERT INTO name_buckets (surname_key, is_dirty) VALUES (${surname}, 1) ON CONFLICT (surname_key) DO UPDATE SET is_dirty = 1, lease = NULL`.execute(tx.db);
  }
  for (const author of [...shared.editors.keys()].sort(byText)) {
    const delta = shared.editors.get(author) as { revisions: number; segments: number; corrections: number; articles: number };
    if (Object.values(delta).every((v) => v === 0)) continue;
    await sql`INSERT INTO editor_stats (author, revisions, segments, articles, corrections) VALUES (${author}, ${delta.revisions}, ${delta.segments}, ${delta.articles}, ${delta.corrections})
      ON CONFLICT (author) DO UPDATE SET revisions = editor_stats.revisions + excluded.revisions, segments = editor_stats.segments + excluded.segments,
        articles = editor_stats.articles + excluded.articles, corrections = editor_stats.corrections + excluded.corrections`.execute(tx.db);
  }
  if (isPairsChanged) await bumpCounter(tx, 'corrections');
  await bumpCounter(tx, 'derived');
  return standingChanged;
}

/** Returns the stored figures of an article, or undefined before its first refresh. */
export async function getArticleStats(store: Store, articleId: number): Promise<ArticleStats | undefined> {
  const row = await store.db.selectFrom('article_stats').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  return row ? statsFromRow(row as Row) : undefined;
}

/**
 * Claims up to `limit` articles whose derived rows are stale (marked dirty, or refreshed under an
 * older decisions counter) and not held by another refresher, holding them until `leaseUntil`;
 * returns their ids, lowest first. Marked ones come first (a write's own articles), then those
 * refreshed under an older decision; each kind never-refreshed and oldest decisions first, then by
 * id: two range reads of the index articles_stale (migration 017, STALE_ORDER) that stop after
 * `limit` entries each, never a read (or a sort) of every article. The claim re-checks the lease in
 * the UPDATE, so two refreshers (two instances, two threads) never get the same article.
 */
export async function claimStaleArticles(store: Store, opts: { now: string; leaseUntil: string; decisions: number; limit: number }): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    UPDATE articles SET refresh_lease = ${opts.leaseUntil}
    WHERE id IN (
      SELECT id FROM (SELECT id FROM articles WHERE is_dirty = 1 AND (refresh_lease IS NULL OR refresh_lease < ${opts.now})
        ${STALE_ORDER} LIMIT ${opts.limit}) d
      UNION ALL
      SELECT id FROM (SELECT id FROM articles WHERE is_dirty = 0 AND refreshed_decisions < ${opts.decisions} AND (refresh_lease IS NULL OR refresh_lease < ${opts.now})
        ${STALE_ORDER} LIMIT ${opts.limit}) o
      LIMIT ${opts.limit})
    AND (refresh_lease IS NULL OR refresh_lease < ${opts.now})
    RETURNING id`.execute(store.db);
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Returns how many articles wait for a refresh, and how many there are. */
export async function countStaleArticles(store: Store, decisions: number): Promise<{ stale: number; total: number }> {
  const { rows } = await sql<{ stale: number; total: number }>`
    SELECT (SELECT COUNT(*) FROM articles WHERE is_dirty = 1) + (SELECT COUNT(*) FROM articles WHERE is_dirty = 0 AND refreshed_decisions < ${decisions}) AS stale,
           (SELECT COUNT(*) FROM articles) AS total`.execute(store.db);
  return { stale: Number(rows[0]?.stale ?? 0), total: Number(rows[0]?.total ?? 0) };
}

/** Marks articles for a refresh (their pages may show something else now), in one statement per batch. */
export async function markArticlesDirty(store: Store, articleIds: readonly number[]): Promise<void> {
  for (let i = 0; i < articleIds.length; i += ROWS_PER_INSERT) {
    const ids = articleIds.slice(i, i + ROWS_PER_INSERT);
    await sql`UPDATE articles SET is_dirty = 1, version = version + 1 WHERE id IN (${sql.join(ids)})`.execute(store.db);
  }
}

/** Gives claimed articles back (unrefreshed) so another refresher may take them at once. */
export async function releaseRefreshLeases(store: Store, articleIds: readonly number[]): Promise<void> {
  for (let i = 0; i < articleIds.length; i += ROWS_PER_INSERT) {
    await sql`UPDATE articles SET refresh_lease = NULL WHERE id IN (${sql.join(articleIds.slice(i, i + ROWS_PER_INSERT))})`.execute(store.db);
  }
}

/** Records a phrase whose correction changed in `articleId` and that too many articles hold to mark them at once. */
export async function recordDirtyPhrase(store: Store, phrase: string, articleId: number): Promise<void> {
  await store.db.insertInto('dirty_phrases').values({ phrase, article_id: articleId }).execute();
}

/** Takes (and removes) up to `limit` recorded phrases, oldest first. */
export async function takeDirtyPhrases(store: Store, limit: number): Promise<{ phrase: string; articleId: number }[]> {
  return store.transaction(async (tx) => {
    const rows = await tx.db.selectFrom('dirty_phrases').select(['id', 'phrase', 'article_id as articleId']).orderBy('id').limit(limit).execute();
    if (rows.length > 0) await tx.db.deleteFrom('dirty_phrases').where('id', 'in', rows.map((r) => r.id)).execute();
    return rows.map(({ phrase, articleId }) => ({ phrase, articleId }));
  });
}
