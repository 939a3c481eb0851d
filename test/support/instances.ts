/**
 * Starts real app instances (`node dist/server.js`, as `npm start` does) on one database, for
 * the tests that need several processes: two instances sharing a database, a killed instance.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import type { StoreConfig } from '../../src/store/open-store.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = join(ROOT, 'dist', 'server.js');

function newestMtime(dir: string): number {
  return Math.max(...readdirSync(dir).map((name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return stat.isDirectory() ? newestMtime(path) : stat.mtimeMs;
  }));
}

/** Throws unless dist/ was built from the current src/ (npm test builds first). */
export function requireBuild(): void {
  if (!existsSync(SERVER) || statSync(SERVER).mtimeMs < newestMtime(join(ROOT, 'src')) - 1000) {
    throw new Error('dist/ is older than src/: run `npm run build` (npm test does) before the instance tests.');
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A running app instance. */
export interface Instance {
  readonly base: string;
  readonly process: ChildProcess;
  /** What the process printed so far. */
  output(): string;
  /** Stops it: SIGTERM (a clean stop) or SIGKILL (a crash). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node dist/server.js` on `config` with the corpus folder `corpus` and waits until it answers. */
export async function startInstance(config: StoreConfig, corpus: string): Promise<Instance> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), COPYDESK_CORPUS: corpus };
  delete env.DATABASE_URL;
  delete env.COPYDESK_DB;
  if ('postgres' in config) env.DATABASE_URL = config.postgres;
  else env.COPYDESK_DB = config.sqlite;
  const child = spawn(process.execPath, [SERVER], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => { out += String(d); });
  child.stderr?.on('data', (d) => { out += String(d); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the instance exited (${child.exitCode}): ${out}`);
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the instance did not answer within 30 s: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    process: child,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
