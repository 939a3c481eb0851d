/**
 * What the derived tables (store migration 008) must hold, for the tests of issue 10: the running
 * totals read back, the same totals summed from the per-article rows they are kept from, and a
 * snapshot of every derived row to compare with a from-scratch recomputation (the database copied
 * into an empty one, whose articles are then all derived afresh).
 */
import { sql } from 'kysely';
import type { Store } from '../../src/store/store.js';
import type { ServiceContext } from '../../src/service/context.js';
import { statsFromRow } from '../../src/store/derived.js';
import { hasDirtyBuckets } from '../../src/store/names.js';
import { readCorpusVersions } from '../../src/store/counters.js';
import { expandDirtyPhrases, refreshStale } from '../../src/service/refresh.js';
import { clusterNameBuckets } from '../../src/service/names.js';
import { copyDatabase } from '../../src/service/copy-database.js';
import { prepareImport } from '../../src/service/prepare-import.js';
import { insertArticles } from '../../src/store/articles.js';
import { HTER_BINS, REPORT_KINDS, hterBinOf } from '../../src/core/metrics/hter-bins.js';
import { createTestDatabase, openTestContext } from './backend.js';

type Row = Record<string, unknown>;

/** Returns a number read back from either backend (PostgreSQL's bigint sums come as strings), rounded for comparing sums of reals. */
function num(value: unknown): number {
  return Number(value ?? 0);
}

/** Reals compared to 5 significant digits after the point: PostgreSQL's `real` is a 4-byte float. */
function real(value: unknown): number {
  return Math.round(num(value) * 1e4) / 1e4;
}

function byKey<T extends Row>(rows: T[], key: (r: T) => string): T[] {
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The running totals as the pages read them, rows that add up to nothing left out (a row is never deleted when its last article leaves it). */
export interface RunningTotals {
  readonly totals: Row[];
  readonly scores: Row[];
  readonly errors: Row[];
  readonly pairs: Row[];
  readonly editors: Row[];
}

const TOTAL_COLUMNS = [
  'articles', 'scored', 'score_sum', 'critical', 'confirmed', 'proposed', 'hter_edits', 'hter_edits_ci', 'hter_words',
  'char_distance', 'char_length', 'mt_words', 'words_changed',
  ...HTER_BINS.flatMap((_, bin) => [`bin_${bin}`, `bin_ci_${bin}`]),
  ...REPORT_KINDS.flatMap((k) => [`${k}_segments`, `${k}_edits`, `${k}_edits_ci`, `${k}_words`]),
];

function normaliseTotals(row: Row): Row {
  return Object.fromEntries([['engine', row.engine], ...TOTAL_COLUMNS.map((c) => [c, c === 'score_sum' ? real(row[c]) : num(row[c])])]);
}

const isNothing = (row: Row, columns: readonly string[]) => columns.every((c) => num(row[c]) === 0);

/** Returns the running totals kept at write time (report_totals, report_scores, report_errors, correction_counts, editor_stats). */
export async function readRunningTotals(store: Store): Promise<RunningTotals> {
  const totals = (await store.db.selectFrom('report_totals').selectAll().execute() as unknown as Row[]).map(normaliseTotals)
    .filter((r) => !isNothing(r, TOTAL_COLUMNS));
  const scores = (await store.db.selectFrom('report_scores').selectAll().execute() as unknown as Row[])
    .map((r) => ({ engine: r.engine, bucket: num(r.bucket), count: num(r.count) })).filter((r) => r.count !== 0);
  const errors = (await store.db.selectFrom('report_errors').selectAll().execute() as unknown as Row[])
    .map((r) => ({ dimension: r.dimension, severity: r.severity, total: num(r.total), confirmed: num(r.confirmed) })).filter((r) => !isNothing(r, ['total', 'confirmed']));
  const pairs = (await store.db.selectFrom('correction_counts').selectAll().execute() as unknown as Row[])
    .map((r) => ({ mt_text: r.mt_text, edit_text: r.edit_text, first_word: r.first_word, count: num(r.count), articles: num(r.articles) }));
  const editors = (await store.db.selectFrom('editor_stats').selectAll().execute() as unknown as Row[])
    .map((r) => ({ author: r.author, revisions: num(r.revisions), segments: num(r.segments), articles: num(r.articles), corrections: num(r.corrections) }))
    .filter((r) => !isNothing(r, ['revisions', 'segments', 'articles', 'corrections']));
  return sortTotals({ totals, scores, errors, pairs, editors });
}

function sortTotals(t: RunningTotals): RunningTotals {
  return {
    totals: byKey(t.totals, (r) => String(r.engine)),
    scores: byKey(t.scores, (r) => `${String(r.engine)}\u0000${String(r.bucket).padStart(6, '0')}`),
    errors: byKey(t.errors, (r) => `${String(r.dimension)}\u0000${String(r.severity)}`),
    pairs: byKey(t.pairs, (r) => `${String(r.mt_text)}\u0000${String(r.edit_text)}`),
    editors: byKey(t.editors, (r) => String(r.author)),
  };
}

/**
 * Returns what the running totals must be, summed here from the per-article rows they are kept
 * from (article_stats, article_errors, article_corrections, article_editors), with the same
 * definitions the reports use (an HTER band per article, a 0.1-point score bucket per article
 * scored without a critical error).
 */
export async function sumArticleRows(store: Store): Promise<RunningTotals> {
  const stats = await store.db.selectFrom('article_stats').selectAll().execute() as unknown as Row[];
  const totals = new Map<string, Row>();
  const scores = new Map<string, Row>();
  for (const row of stats) {
    const s = statsFromRow(row);
    const t = totals.get(s.engine) ?? Object.fromEntries([['engine', s.engine], ...TOTAL_COLUMNS.map((c) => [c, 0])]);
    const add = (column: string, value: number) => { t[column] = num(t[column]) + value; };
    add('articles', 1);
    add('scored', s.mqmRawScore === null ? 0 : 1);
    add('score_sum', s.mqmRawScore ?? 0);
    add('critical', s.mqmHasCritical ? 1 : 0);
    add('confirmed', s.confirmedCorrections);
    add('proposed', s.proposedCorrections);
    add('hter_edits', s.hterEdits);
    add('hter_edits_ci', s.hterEditsCi);
    add('hter_words', s.hterWords);
    add('char_distance', s.charDistance);
    add('char_length', s.charLength);
    add('mt_words', s.mtWords);
    add('words_changed', s.wordsChanged);
    add(`bin_${hterBinOf(s.hterWords === 0 ? 0 : s.hterEdits / s.hterWords)}`, 1);
    add(`bin_ci_${hterBinOf(s.hterWords === 0 ? 0 : s.hterEditsCi / s.hterWords)}`, 1);
    for (const kind of REPORT_KINDS) {
      add(`${kind}_segments`, s.kinds[kind].segments);
      add(`${kind}_edits`, s.kinds[kind].edits);
      add(`${kind}_edits_ci`, s.kinds[kind].editsCi);
      add(`${kind}_words`, s.kinds[kind].words);
    }
    totals.set(s.engine, t);
    if (s.mqmRawScore !== null && !s.mqmHasCritical) {
      const bucket = Math.floor(s.mqmRawScore * 10);
      const key = `${s.engine}\u0000${bucket}`;
      const entry = scores.get(key) ?? { engine: s.engine, bucket, count: 0 };
      entry.count = num(entry.count) + 1;
      scores.set(key, entry);
    }
  }
  const errors = new Map<string, Row>();
  for (const e of await store.db.selectFrom('article_errors').selectAll().execute()) {
    const key = `${e.dimension}\u0000${e.severity}`;
    const entry = errors.get(key) ?? { dimension: e.dimension, severity: e.severity, total: 0, confirmed: 0 };
    entry.total = num(entry.total) + num(e.total);
    entry.confirmed = num(entry.confirmed) + num(e.confirmed);
    errors.set(key, entry);
  }
  const pairs = new Map<string, Row>();
  for (const p of await store.db.selectFrom('article_corrections').selectAll().execute()) {
    const key = `${p.mt_text}\u0000${p.edit_text}`;
    const entry = pairs.get(key) ?? { mt_text: p.mt_text, edit_text: p.edit_text, first_word: lookupWord(p.mt_text), count: 0, articles: 0 };
    entry.count = num(entry.count) + num(p.count);
    entry.articles = num(entry.articles) + 1;
    pairs.set(key, entry);
  }
  const editors = new Map<string, Row>();
  for (const e of await store.db.selectFrom('article_editors').selectAll().execute()) {
    const entry = editors.get(e.author) ?? { author: e.author, revisions: 0, segments: 0, articles: 0, corrections: 0 };
    entry.revisions = num(entry.revisions) + num(e.revisions);
    entry.segments = num(entry.segments) + num(e.segments);
    entry.articles = num(entry.articles) + 1;
    entry.corrections = num(entry.corrections) + num(e.corrections);
    editors.set(e.author, entry);
  }
  return sortTotals({
    totals: [...totals.values()].map(normaliseTotals).filter((r) => !isNothing(r, TOTAL_COLUMNS)),
    scores: [...scores.values()],
    errors: [...errors.values()].filter((r) => !isNothing(r, ['total', 'confirmed'])),
    pairs: [...pairs.values()],
    editors: [...editors.values()],
  });
}

/** The first word of a phrase as correction_counts.first_word keeps it (written out here, not imported: the test states it). */
function lookupWord(phrase: string): string {
  return (phrase.trim().split(/\s+/u)[0] ?? '').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * Brings every derived row up to date, as the background refresher does until it finds no work:
 * the phrases too common to mark at once, every stale article, every name bucket.
 */
export async function settle(ctx: ServiceContext): Promise<void> {
  const now = () => new Date(ctx.now());
  for (let round = 0; round < 100; round += 1) {
    const phrases = await expandDirtyPhrases(ctx.store, 100);
    const pass = await refreshStale(ctx.store, { now, decisionsOf: ctx.decisionsOf });
    const buckets = await clusterNameBuckets(ctx.store, { now, decisionsOf: ctx.decisionsOf });
    if (phrases === 0 && pass.refreshed === 0 && buckets === 0 && pass.remaining === 0 && !(await hasDirtyBuckets(ctx.store))) return;
  }
  throw new Error('the derived rows did not settle in 100 rounds');
}

/** Every derived row of the database, without generated ids, in a stable order. */
export interface DerivedSnapshot {
  readonly articles: Row[];
  readonly stats: Row[];
  readonly flags: Row[];
  readonly errors: Row[];
  readonly corrections: Row[];
  readonly editors: Row[];
  readonly names: Row[];
  readonly people: Row[];
  /** Each corpus person's spelling totals (corpus_person_spellings), by the person's slug. */
  readonly personSpellings: Row[];
  readonly search: Row[];
  readonly totals: RunningTotals;
}

function normaliseRow(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'bigint' ? real(v) : v]));
}

/** Returns every derived row of `store` (articles' refresh marks, per-article rows, the corpus's people, the search documents, the running totals). */
export async function readDerivedSnapshot(store: Store): Promise<DerivedSnapshot> {
  const { decisions } = await readCorpusVersions(store);
  const articles = (await store.db.selectFrom('articles').select(['id', 'is_dirty', 'refreshed_decisions']).orderBy('id').execute())
    .map((a) => ({ id: a.id, isStale: num(a.is_dirty) === 1 || num(a.refreshed_decisions) < num(decisions) }));
  const stats = (await store.db.selectFrom('article_stats').selectAll().orderBy('article_id').execute() as unknown as Row[]).map(normaliseRow);
  const flags = (await store.db.selectFrom('article_flags')
    .select(['article_id', 'position', 'check_id', 'severity', 'segment', 'start_offset', 'end_offset', 'text', 'message', 'suggestions', 'fingerprint', 'group_key', 'variants', 'spans', 'is_dismissed'])
    .orderBy('article_id').orderBy('position').execute() as unknown as Row[]).map(normaliseRow);
  const errors = (await store.db.selectFrom('article_errors').selectAll().orderBy('article_id').orderBy('dimension').orderBy('severity').execute() as unknown as Row[]).map(normaliseRow);
  const corrections = byKey((await store.db.selectFrom('article_corrections').selectAll().execute() as unknown as Row[]).map(normaliseRow),
    (r) => `${String(r.article_id).padStart(8, '0')}\u0000${String(r.mt_text)}\u0000${String(r.edit_text)}`);
  const editors = byKey((await store.db.selectFrom('article_editors').selectAll().execute() as unknown as Row[]).map(normaliseRow),
    (r) => `${String(r.article_id).padStart(8, '0')}\u0000${String(r.author)}`);
  // Each article person with the corpus person it was clustered into (by slug: ids differ between databases).
  const names = byKey((await store.db.selectFrom('article_names as n').leftJoin('corpus_people as p', 'p.id', 'n.corpus_person_id')
    .select(['n.article_id', 'n.person', 'n.spelling', 'n.count', 'n.surname_key', 'n.mentions', 'n.preferred', 'n.preferred_because', 'p.slug'])
    .execute() as unknown as Row[]).map(normaliseRow),
  (r) => `${String(r.article_id).padStart(8, '0')}\u0000${String(r.person).padStart(4, '0')}\u0000${String(r.spelling)}`);
  const people = byKey((await store.db.selectFrom('corpus_people')
    .select(['surname_key', 'slug', 'preferred', 'preferred_because', 'spellings', 'mentions', 'articles', 'first_article']).execute() as unknown as Row[]).map(normaliseRow),
  (r) => String(r.slug));
  const personSpellings = byKey((await store.db.selectFrom('corpus_person_spellings as s').innerJoin('corpus_people as p', 'p.id', 's.corpus_person_id')
    .select(['p.slug', 's.surname_key', 's.spelling', 's.count', 's.articles']).execute() as unknown as Row[]).map(normaliseRow),
  (r) => `${String(r.slug)}\u0000${String(r.spelling)}`);
  const search = store.backend === 'sqlite'
    ? (await sql<Row>`SELECT rowid AS id, title, body FROM article_search ORDER BY rowid`.execute(store.db)).rows
    : (await sql<Row>`SELECT article_id AS id, doc::text AS doc FROM article_search ORDER BY article_id`.execute(store.db)).rows;
  return { articles, stats, flags, errors, corrections, editors, names, people, personSpellings, search, totals: await readRunningTotals(store) };
}

/**
 * Returns the snapshot a from-scratch recomputation gives: the database copied into an empty one
 * (`copydesk db copy`, which copies no derived row and marks every article stale), every article
 * then derived afresh there.
 */
export async function recomputedSnapshot(ctx: ServiceContext): Promise<DerivedSnapshot> {
  const fresh = await openTestContext({ config: await createTestDatabase({ inMemory: true }), now: () => new Date(ctx.now()) });
  await copyDatabase(ctx.store, fresh.store);
  await settle(fresh);
  return readDerivedSnapshot(fresh.store);
}

/**
 * Stores articles as a bulk import does, without deriving them (they wait for a refresher), with
 * imports a second apart from `from` (the corpus page sorts and filters by import time); returns
 * their ids in the order given.
 */
export async function importUnrefreshed(
  store: Store, texts: readonly string[], opts: { from?: Date; engine?: string | ((i: number) => string); sourceName?: (i: number) => string } = {},
): Promise<number[]> {
  const from = (opts.from ?? new Date('2026-11-01T09:00:00.000Z')).getTime();
  const articles = texts.map((text, i) => {
    const prepared = prepareImport({ text, sourceName: opts.sourceName?.(i) ?? `bulk-${i}.txt` });
    if (!prepared.ok) throw new Error(prepared.message);
    return { ...prepared.article, importedBy: 'test', mtEngine: typeof opts.engine === 'function' ? opts.engine(i) : opts.engine, now: new Date(from + i * 1000).toISOString() };
  });
  const ids: number[] = [];
  for (let i = 0; i < articles.length; i += 200) ids.push(...(await insertArticles(store, articles.slice(i, i + 200))).map((r) => r.id));
  return ids;
}
