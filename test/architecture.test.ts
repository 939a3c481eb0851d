import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => (m[1] ?? m[2]) as string);
}

/** The layers in the order imports may point (STYLE.md): each may import only those before it. */
const ALLOWED: Record<string, readonly string[]> = {
  core: ['core'],
  formats: ['core', 'formats'],
  store: ['core', 'formats', 'store'],
  web: ['core', 'formats', 'store', 'web'],
  cli: ['core', 'formats', 'store', 'web', 'cli'],
};

describe('import rule', () => {
  it('core imports nothing outside core: no node built-ins, no SQLite, no Express', () => {
    const offenders = filesUnder(join(SRC, 'core')).flatMap((file) =>
      importsOf(file).filter((spec) => !spec.startsWith('.') ? !['diff'].includes(spec) : !join(file, '..', spec).startsWith(join(SRC, 'core'))).map((spec) => `${relative(SRC, file)} -> ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('every layer imports only the layers before it', () => {
    const offenders: string[] = [];
    for (const [layer, allowed] of Object.entries(ALLOWED)) {
      let files: string[] = [];
      try { files = filesUnder(join(SRC, layer)); } catch { continue; }
      for (const file of files) {
        for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
          const target = relative(SRC, join(file, '..', spec)).split(/[\\/]/)[0] as string;
          if (!allowed.includes(target)) offenders.push(`${relative(SRC, file)} -> ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
