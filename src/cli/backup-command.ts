import type { Command } from 'commander';
import type { ServiceContext } from '../service/context.js';
import type { StoreConfig } from '../service/types.js';
import { backupDatabase } from '../service/backup.js';
import { ServiceError } from '../service/errors.js';
import type { CliIo } from './run-cli.js';

type WithService = <T>(fn: (ctx: ServiceContext) => Promise<T>) => Promise<T>;

/** Exit codes as run-cli.ts has them: 0 fine, 1 refused (FILE exists, no pg_dump, the backup failed), 2 bad usage (FILE cannot be written there). */
const OK = 0;
const REFUSED = 1;
const USAGE = 2;

/** Returns a byte count for people: "812 bytes", "1.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Adds `copydesk backup FILE`: a consistent copy of the database the CLI works on, taken while the app runs (issue 11). */
export function addBackupCommand(program: Command, io: CliIo, config: () => StoreConfig, withService: WithService, setExit: (code: number) => void): void {
  program
    .command('backup')
    .description('Write a consistent copy of the database to FILE while the app runs: an SQLite database file, or on PostgreSQL a pg_dump custom-format archive (README: "Backup and restore").')
    .argument('<file>', 'the backup file to write (its folder must exist)')
    .option('--force', 'replace FILE if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      setExit(await withService(async (ctx) => {
        try {
          const done = await backupDatabase(ctx, config(), file, { force: opts.force, env: io.env });
          io.stdout.write(`backed up ${done.articles} article${done.articles === 1 ? '' : 's'} from ${done.from} to ${done.file} (${formatBytes(done.bytes)})\n`);
          return OK;
        } catch (err) {
          // A sentence, never a stack trace: the file is one the user named, the failure theirs to fix.
          if (err instanceof ServiceError) {
            io.stderr.write(`copydesk: ${err.message}\n`);
            return err.kind === 'invalid' ? USAGE : REFUSED;
          }
          io.stderr.write(`copydesk: the backup failed, and ${file} was not written: ${err instanceof Error ? err.message : String(err)}\n`);
          return REFUSED;
        }
      }));
    });
}
