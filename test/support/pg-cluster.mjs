// A throw-away PostgreSQL server for the tests and the benchmarks: Debian's `postgresql` package
// (initdb + pg_ctl), a cluster in a temporary folder, trust authentication on 127.0.0.1, stopped
// and deleted afterwards. initdb and pg_ctl refuse to run as root, so as root they run as the
// `postgres` user the Debian package creates. Plain JavaScript, so `node bench/…` can use it too.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Returns the folder holding initdb and pg_ctl (the newest Debian version, else PATH), or undefined. */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const bin = join(root, v, 'bin');
      if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
    }
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const initdb = which.status === 0 ? which.stdout.trim() : '';
  return initdb ? initdb.replace(/\/initdb$/, '') : undefined;
}

/** Returns why no cluster can be started here, or undefined when one can. */
export function whyNoPostgres() {
  if (!findPostgresBin()) return 'no PostgreSQL server binaries (initdb) were found: apt-get install postgresql';
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root, and there is no postgres user to run initdb as';
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a PostgreSQL cluster in a new temporary folder and returns its admin URL
 * (postgres://postgres@127.0.0.1:PORT/postgres) and a stop() that deletes it. For tests fsync is
 * off (the data is thrown away, and a test that kills an app instance does not kill PostgreSQL);
 * `durable: true` keeps PostgreSQL's defaults, as a benchmark of a real server needs.
 */
export async function startCluster({ durable = false } = {}) {
  const bin = findPostgresBin();
  if (!bin) throw new Error(whyNoPostgres());
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    execFileSync('chown', ['postgres', dir]);
    chmodSync(dir, 0o755);
  }
  const run = (cmd, args) => (asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe' }));
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const speed = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300${speed}`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Returns `url` with its database name replaced. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
