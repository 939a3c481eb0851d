// What the store's query layer costs (issue 9: Kysely was chosen with this measurement): one
// statement through a prepared better-sqlite3 statement, Kysely's raw `sql` template and Kysely's
// query builder; a save's transaction both ways; and the review page's one cached-path query.
// In one process on an SQLite file in WAL mode, so the figures compare only the layers.
//
//   npm run build && node bench/store-overhead.js [--write]
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../dist/store/open-store.js';
import { readArticleWithVersions } from '../dist/store/counters.js';
import { describeCode, describeMachine } from './results.js';

const RESULTS_FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const SECTION = '## Store (issue 9)';
/** Calls per figure after a warm-up of a tenth as many (range 1,000-100,000). */
const CALLS = 20_000;

async function microseconds(fn) {
  for (let i = 0; i < CALLS / 10; i += 1) await fn(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i += 1) await fn(i);
  return Number(process.hrtime.bigint() - started) / 1000 / CALLS;
}

async function main() {
  const machine = describeMachine();
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-store-'));
  const file = join(dir, 'copydesk.db');
  const store = await openStore({ sqlite: file });
  await sql`INSERT INTO articles (title, source_name, content_hash, imported_at, imported_by) VALUES ('t', 's', 'h', 'x', 'y')`.execute(store.db);
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  try {
    const select = raw.prepare('SELECT MAX(number) AS n FROM revisions WHERE segment_id = ?');
    const bumpArticle = raw.prepare('UPDATE articles SET version = version + 1 WHERE id = ?');
    const bumpCounter = raw.prepare('UPDATE counters SET value = value + 1 WHERE name = ?');
    const rawSave = raw.transaction(() => { bumpArticle.run(1); select.get(1); bumpCounter.run('revisions'); });
    const rows = [
      ['One-row SELECT, prepared better-sqlite3 statement', await microseconds((i) => select.get(i))],
      ['One-row SELECT, Kysely `sql` template (what the hot paths use)', await microseconds((i) => sql`SELECT MAX(number) AS n FROM revisions WHERE segment_id = ${i}`.execute(store.db))],
      ['One-row SELECT, Kysely query builder', await microseconds((i) => store.db.selectFrom('revisions').select((eb) => eb.fn.max('number').as('n')).where('segment_id', '=', i).executeTakeFirst())],
      ['BEGIN IMMEDIATE + 3 statements + COMMIT, better-sqlite3', await microseconds(() => rawSave.immediate())],
      ['The same through `store.transaction` and `sql` templates', await microseconds(() => store.transaction(async (tx) => {
        await sql`UPDATE articles SET version = version + 1 WHERE id = ${1}`.execute(tx.db);
        await sql`SELECT MAX(number) AS n FROM revisions WHERE segment_id = ${1}`.execute(tx.db);
        await sql`UPDATE counters SET value = value + 1 WHERE name = ${'revisions'}`.execute(tx.db);
      }))],
      ["The review page's cached path: the article with its counters (`readArticleWithVersions`)", await microseconds(() => readArticleWithVersions(store, 1))],
    ];
    const text = [
      SECTION,
      '',
      '`node bench/store-overhead.js --write` (after `npm run build`) writes this section\'s first table; the comparison below it was',
      'measured by hand once, when the store moved to Kysely. The other sections are kept as they are.',
      '',
      `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; code ${describeCode(fileURLToPath(new URL('..', import.meta.url)))}; ${CALLS.toLocaleString('en')} calls each, one process, an SQLite file in WAL mode.`,
      '',
      '| What | µs per call |',
      '|---|---:|',
      ...rows.map(([label, us]) => `| ${label} | ${us.toFixed(1)} |`),
    ].join('\n');
    console.log(text);
    if (process.argv.includes('--write')) {
      const old = readFileSync(RESULTS_FILE, 'utf8');
      const at = old.indexOf(SECTION);
      if (at < 0) writeFileSync(RESULTS_FILE, `${old.trimEnd()}\n\n${text}\n`);
      else {
        // Keep the hand-measured comparison that follows the generated table (it starts at "### ").
        const next = old.indexOf('\n## ', at + SECTION.length);
        const section = old.slice(at, next < 0 ? undefined : next);
        const kept = section.indexOf('\n### ') < 0 ? '' : section.slice(section.indexOf('\n### '));
        writeFileSync(RESULTS_FILE, `${old.slice(0, at)}${text}\n${kept.trimEnd()}\n${next < 0 ? '' : old.slice(next)}`);
      }
      console.error(`[store-overhead] wrote ${RESULTS_FILE}`);
    }
  } finally {
    raw.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[store-overhead] ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
