import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync, closeSync, constants, existsSync, fsyncSync, linkSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, unlinkSync,
} from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { backupSqlite, withExportedSnapshot } from '../store/backup.js';
import type { StoreConfig } from '../store/open-store.js';
import type { ServiceContext } from './context.js';
import { ServiceError } from './errors.js';

/** What a backup wrote. */
export interface BackupResult {
  /** The backup file (absolute). */
  readonly file: string;
  readonly bytes: number;
  /** Articles in the backup. */
  readonly articles: number;
  /** The database backed up, without any password: "SQLite data/copydesk.db", "PostgreSQL host:5432/copydesk". */
  readonly from: string;
}

/** How to back up. */
export interface BackupOptions {
  /** Replace `file` when it exists. */
  readonly force?: boolean;
  /** The environment pg_dump runs with: PATH to find it, PG* settings (the CLI's environment). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Where Debian and Ubuntu install each PostgreSQL version's programs (postgresql-client-NN). */
const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';

/** Lines of pg_dump's error output quoted when it fails. */
const PG_DUMP_ERROR_LINES = 3;

/**
 * Writes a consistent copy of the database `config` names (open in `ctx`) to `file` while the app
 * runs, and returns what it wrote: SQLite's online backup (a database file), or on PostgreSQL a
 * `pg_dump --format=custom` archive for pg_restore. The copy is written beside `file` under a
 * temporary name and renamed at the end, so a failed backup never leaves a half file under the
 * name. Throws conflict when `file` exists (unless `force`), invalid when it cannot be written
 * there, not-found when pg_dump is missing.
 */
export async function backupDatabase(ctx: ServiceContext, config: StoreConfig, file: string, opts: BackupOptions = {}): Promise<BackupResult> {
  const target = resolve(file);
  checkTarget(target, file, config, opts.force ?? false);
  const env = opts.env ?? {};
  const pgDump = 'postgres' in config ? requirePgDump(env) : undefined;
  const temp = `${target}.partial-${randomBytes(4).toString('hex')}`;
  try {
    const { articles } = pgDump && 'postgres' in config
      ? await withExportedSnapshot(ctx.store, async (snapshot) => {
        await runPgDump(pgDump, pgDumpInvocation(config.postgres, snapshot.id, temp), env);
        return snapshot;
      })
      : await backupSqlite(ctx.store, temp);
    syncFile(temp);
    publish(temp, target, file, opts.force ?? false);
    syncFolder(dirname(target));
    return { file: target, bytes: statSync(target).size, articles, from: ctx.store.description };
  } finally {
    // After a rename there is nothing left under the temporary names; after a failure, a half file.
    for (const leftover of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) rmSync(leftover, { force: true });
  }
}

/** Throws a ServiceError unless a backup may be written to `target` (`file` as the user typed it). */
function checkTarget(target: string, file: string, config: StoreConfig, force: boolean): void {
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ServiceError('invalid', `Cannot write ${file}: the folder ${folder} does not exist. Create it first, or name a file in a folder that exists.`);
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new ServiceError('invalid', `Cannot write ${file}: the folder ${folder} is not writable.`);
  }
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) throw new ServiceError('invalid', `${file} is a folder: name the backup file, e.g. ${join(file, 'copydesk-backup')}.`);
  if ('sqlite' in config && config.sqlite !== ':memory:' && isSameFile(target, config.sqlite)) {
    throw new ServiceError('invalid', `${file} is the database itself: name another file for the backup.`);
  }
  if (!force) throw new ServiceError('conflict', `${file} exists: name another file, or pass --force to replace it.`);
}

function isSameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(realpathSync(a));
    const sb = statSync(realpathSync(b));
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Moves the finished backup `temp` to `target`. Without `force` it is hard-linked, which fails
 * rather than replace a file someone created there meanwhile; a file system without hard links
 * gets a check and a rename.
 */
function publish(temp: string, target: string, file: string, force: boolean): void {
  if (force) {
    renameSync(temp, target);
    return;
  }
  try {
    linkSync(temp, target);
    unlinkSync(temp);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' || existsSync(target)) {
      throw new ServiceError('conflict', `${file} exists: name another file, or pass --force to replace it.`);
    }
    renameSync(temp, target);
  }
}

/** Flushes a file to disk, so the rename never publishes a name whose data a power cut loses. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (the rename); some platforms cannot open a folder for that, which only weakens the guarantee. */
function syncFolder(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows: folders cannot be opened; its rename is durable enough.
  }
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Returns the path of PostgreSQL's `name` program (pg_dump, pg_restore): the first on PATH, else
 * the newest Debian version's under /usr/lib/postgresql/NN/bin; undefined when there is none.
 */
export function findPostgresTool(name: string, path: string | undefined): string | undefined {
  for (const folder of (path ?? '').split(delimiter)) {
    if (folder && isExecutableFile(join(folder, name))) return join(folder, name);
  }
  if (!existsSync(DEBIAN_POSTGRES_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_POSTGRES_ROOT).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(DEBIAN_POSTGRES_ROOT, v, 'bin', name)).find(isExecutableFile);
}

function requirePgDump(env: Readonly<Record<string, string | undefined>>): string {
  const found = findPostgresTool('pg_dump', env.PATH);
  if (!found) {
    throw new ServiceError('not-found', `pg_dump was not found on PATH nor under ${DEBIAN_POSTGRES_ROOT}/*/bin: install PostgreSQL's client programs, of the server's version or newer (Debian: apt-get install postgresql-client).`);
  }
  return found;
}

/** How pg_dump is run: its arguments, and the environment variables added to it. */
export interface PgDumpInvocation {
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Returns the pg_dump arguments that write a custom-format archive of the database `url` names, as
 * `snapshot` sees it, to `file`. The password travels in PGPASSWORD, not in the arguments, which
 * any user of the machine can list (ps); --no-password makes a missing one an error, not a prompt.
 */
export function pgDumpInvocation(url: string, snapshot: string, file: string): PgDumpInvocation {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return {
    args: ['--format=custom', '--no-password', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${u.toString()}`],
    env: password ? { PGPASSWORD: password } : {},
  };
}

/** Runs pg_dump; rejects with its own words when it fails. */
function runPgDump(pgDump: string, invocation: PgDumpInvocation, env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  Object.assign(childEnv, invocation.env);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(pgDump, invocation.args, { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (err) => reject(new ServiceError('invalid', `Cannot run ${pgDump}: ${err.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolvePromise();
        return;
      }
      const said = stderr.trim().split('\n').slice(-PG_DUMP_ERROR_LINES).join(' ').replace(/^pg_dump: (error: )?/, '');
      reject(new Error(`pg_dump ${signal ? `was stopped by ${signal}` : `failed (exit ${code})`}${said ? `: ${said}` : ''}`));
    });
  });
}

