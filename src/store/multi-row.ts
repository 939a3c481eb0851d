/**
 * Multi-row INSERTs written out rather than built: the paths that insert many rows per call (a
 * folder import, the refresher's derived rows, 100,000 articles' worth) spent a third of their time
 * in the query builder turning rows into SQL.
 */
import { CompiledQuery } from 'kysely';
import type { Store } from './store.js';

/** Most parameters one statement binds: below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/** Placeholder lists kept (each shape a table's insert asks for: rows × columns). */
const MAX_HELD_SHAPES = 256;
const held = new Map<string, string>();

/** `(?, ?), (?, ?)` (SQLite) or `($1, $2), ($3, $4)` (PostgreSQL): the VALUES of a multi-row insert. */
export function valuesPlaceholders(backend: Store['backend'], rows: number, columns: number): string {
  const key = `${backend}:${rows}:${columns}`;
  let text = held.get(key);
  if (text === undefined) {
    const tuples: string[] = [];
    for (let r = 0; r < rows; r += 1) {
      const cells = Array.from({ length: columns }, (_, c) => (backend === 'postgres' ? `$${r * columns + c + 1}` : '?'));
      tuples.push(`(${cells.join(', ')})`);
    }
    text = tuples.join(', ');
    if (held.size >= MAX_HELD_SHAPES) held.clear();
    held.set(key, text);
  }
  return text;
}

/**
 * Inserts `rows` (each a list of values in `columns`' order) into `table`, as many per statement as
 * the parameter limit allows (and at most `maxRows`); `suffix` follows each statement's VALUES.
 * Table and column names are the caller's constants, never input. Returns each statement's result rows.
 */
export async function insertMany<R = unknown>(
  store: Store, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], opts: { suffix?: string; maxRows?: number } = {},
): Promise<R[]> {
  const perStatement = Math.max(1, Math.min(opts.maxRows ?? Infinity, Math.floor(MAX_PARAMETERS / columns.length)));
  const head = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const sqlText = head + valuesPlaceholders(store.backend, chunk.length, columns.length) + (opts.suffix ? ` ${opts.suffix}` : '');
    const result = await store.db.executeQuery<R>(CompiledQuery.raw(sqlText, chunk.flat()));
    out.push(...result.rows);
  }
  return out;
}
