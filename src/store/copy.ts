import { sql } from 'kysely';
import type { Store } from './store.js';
import { TABLES_IN_DEPENDENCY_ORDER, TABLES_WITH_GENERATED_IDS, TABLES_WITHOUT_IDS, type Schema } from './schema.js';

/** Rows read and written per statement while copying (PostgreSQL takes at most 65,535 parameters; revisions have 12 columns). */
const COPY_BATCH_ROWS = 1000;

/** Returns the number of rows in each table (counters aside, which every database has from its first migration). */
export async function countRows(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    if (table === 'counters') continue;
    const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/**
 * Copies every row of every table from `from` into `to`, ids kept, in one transaction on `to`
 * (all or nothing), then moves PostgreSQL's id sequences past the copied ids; calls `onTable`
 * after each table with its row count. `to` must be empty (countRows): the caller checks.
 */
export async function copyTables(from: Store, to: Store, onTable: (table: keyof Schema, rows: number) => void = () => {}): Promise<void> {
  await to.transaction(async (tx) => {
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      let copied = 0;
      if (TABLES_WITHOUT_IDS.has(table)) {
        // Small tables keyed by name; the target's counters exist already (migration 007).
        const rows = await from.db.selectFrom(table).selectAll().execute();
        for (const row of rows) {
          await tx.db.insertInto(table).values(row as never).onConflict((oc) => oc.column('name').doUpdateSet({ value: row.value } as never)).execute();
        }
        copied = rows.length;
      } else {
        let after = 0;
        for (;;) {
          // Keyset pages in id order: the source is never read whole into memory.
          const rows = await from.db.selectFrom(table).selectAll().where('id', '>', after).orderBy('id').limit(COPY_BATCH_ROWS).execute();
          if (rows.length === 0) break;
          await tx.db.insertInto(table).values(rows as never).execute();
          copied += rows.length;
          after = (rows[rows.length - 1] as { id: number }).id;
        }
      }
      onTable(table, copied);
    }
    // The derived rows are not copied: every article is refreshed on the target.
    await sql`UPDATE articles SET is_dirty = 1, refresh_lease = NULL`.execute(tx.db);
    if (tx.backend === 'postgres') {
      for (const table of TABLES_WITH_GENERATED_IDS) {
        // Identity columns are sequences: the next generated id must follow the copied ones.
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), COALESCE((SELECT MAX(id) FROM ${sql.table(table)}), 1), (SELECT MAX(id) FROM ${sql.table(table)}) IS NOT NULL)`.execute(tx.db);
      }
    }
  });
}
