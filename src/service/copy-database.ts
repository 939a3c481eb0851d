import type { Store } from '../store/store.js';
import { copyTables, countRows } from '../store/copy.js';
import { ServiceError } from './errors.js';

/**
 * Copies a whole Copydesk database into an empty one (every table, ids kept), all or nothing:
 * the way from the embedded SQLite file to PostgreSQL. Throws conflict when the target holds data.
 * Returns the rows copied per table.
 */
export async function copyDatabase(from: Store, to: Store, onTable: (table: string, rows: number) => void = () => {}): Promise<Record<string, number>> {
  const existing = Object.entries(await countRows(to)).filter(([, n]) => n > 0);
  if (existing.length > 0) {
    throw new ServiceError('conflict', `The target database is not empty (${existing.map(([t, n]) => `${t}: ${n}`).join(', ')}). Copy into a new, empty database.`);
  }
  const copied: Record<string, number> = {};
  await copyTables(from, to, (table, rows) => {
    copied[table] = rows;
    onTable(table, rows);
  });
  return copied;
}
