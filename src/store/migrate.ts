import type { Database } from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where the numbered `NNN-name.sql` files live; they are copied beside the compiled code. */
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** One migration file: its number (the schema version it brings) and its SQL. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Returns the migrations in a folder, ordered by number; throws on a gap or a repeated number. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f)).sort();
  return files.map((file, i) => {
    const version = Number(file.slice(0, 3));
    if (version !== i + 1) throw new Error(`Migration ${file} should be number ${i + 1}: numbers must run 1, 2, 3 without gaps.`);
    return { version, name: file.replace(/\.sql$/, ''), sql: readFileSync(join(dir, file), 'utf8') };
  });
}

/** Applies every migration newer than the database's `user_version`, each in its own transaction; returns how many ran. */
export function migrate(db: Database, migrations: readonly Migration[] = readMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      // user_version cannot be bound as a parameter; the value is an integer we produced.
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return pending.length;
}
