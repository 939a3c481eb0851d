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

/** The folder of src/ a file belongs to ('server.ts' for the entry point). */
function layerOf(file: string): string {
  return relative(SRC, file).split(/[\\/]/)[0] as string;
}

/**
 * What each layer may import (ARCHITECTURE.md, STYLE.md): core <- formats, store <- service <-
 * web, cli <- server.ts. Web and the CLI are thin translations of HTTP and argv into service
 * calls: they never import the store, nor each other.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: ['core'],
  formats: ['core', 'formats'],
  store: ['core', 'store'],
  service: ['core', 'formats', 'store', 'service'],
  web: ['core', 'formats', 'service', 'web'],
  cli: ['core', 'formats', 'service', 'cli'],
};

/** Packages that speak SQL: only the store may use them. */
const SQL_PACKAGES = ['kysely', 'better-sqlite3', 'pg'];

/** SQL written out: a statement keyword followed by what makes it a statement. */
const SQL_TEXT = /\b(SELECT\s+[\w*"(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)|BEGIN\s+IMMEDIATE|PRAGMA\s)/;

describe('import rule', () => {
  it('core imports nothing outside core: no node built-ins, no SQLite, no Express', () => {
    const offenders = filesUnder(join(SRC, 'core')).flatMap((file) =>
      importsOf(file).filter((spec) => !spec.startsWith('.') ? !['diff'].includes(spec) : !join(file, '..', spec).startsWith(join(SRC, 'core'))).map((spec) => `${relative(SRC, file)} -> ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('every layer imports only the layers before it; web and cli import the service, never the store or each other', () => {
    const offenders: string[] = [];
    for (const [layer, allowed] of Object.entries(ALLOWED)) {
      for (const file of filesUnder(join(SRC, layer))) {
        for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
          const target = layerOf(join(file, '..', spec));
          if (!allowed.includes(target)) offenders.push(`${relative(SRC, file)} -> ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('only the store knows SQL: no SQL package and no SQL text anywhere else', () => {
    const offenders = filesUnder(SRC).filter((file) => layerOf(file) !== 'store').flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [
        ...importsOf(file).filter((spec) => SQL_PACKAGES.includes(spec)).map((spec) => `${relative(SRC, file)} imports ${spec}`),
        ...(SQL_TEXT.test(text) ? [`${relative(SRC, file)} holds SQL: ${SQL_TEXT.exec(text)?.[0]}`] : []),
      ];
    });
    expect(offenders).toEqual([]);
  });

  it('web and cli open no transactions: the service owns them', () => {
    const offenders = [...filesUnder(join(SRC, 'web')), ...filesUnder(join(SRC, 'cli'))]
      .filter((file) => /\.transaction\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });

  it('the rule itself catches what it is meant to catch', () => {
    expect(SQL_TEXT.test("sql`SELECT id FROM articles`")).toBe(true);
    expect(SQL_TEXT.test("'UPDATE articles SET status = ?'")).toBe(true);
    expect(SQL_TEXT.test('// Select the articles to show')).toBe(false);
    expect(layerOf(join(SRC, 'web', 'routes', 'x.ts'))).toBe('web');
    expect(ALLOWED.web).not.toContain('store');
    expect(ALLOWED.cli).not.toContain('web');
  });
});
