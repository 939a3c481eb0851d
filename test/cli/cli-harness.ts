import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.js';

/** What one CLI run printed and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function capture() {
  let text = '';
  const stream = new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } });
  return { stream, text: () => text };
}

/** Runs `copydesk argv` in-process with captured output, a fixed clock and the given environment (COPYDESK_DB). */
export async function runCopydesk(argv: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  const out = capture();
  const err = capture();
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream, env, now: () => new Date('2026-11-29T10:00:00Z') });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** Writes files into a fresh temporary folder and returns their paths by name. */
export function tempFiles(prefix: string, contents: Record<string, string | Uint8Array>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), `copydesk-${prefix}-`));
  return Object.fromEntries(Object.entries(contents).map(([name, body]) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return [name, path];
  }));
}
