/**
 * A fresh clone is the whole project (issue 8): no file the app, the tests, the benchmarks or CI
 * read may point outside the repository: not the team's shared folder beside the checkout, not an
 * absolute path of the machine it was written on. A clone on anyone else's machine has neither.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');

/** The team's folder beside the checkout, and a path up into it, built here so this file holds no such path itself. */
const SHARED = ['sha', 'red'].join('');
const UP = ['..', SHARED].join('/');

/** This file, whose tables hold the very references it looks for. */
const SELF = fileURLToPath(import.meta.url);

/** The folders whose files are read at run, test, bench or CI time. */
const SCANNED = ['src', 'test', 'bench', 'scripts', 'views', 'public', '.ci'];

/** Folders inside the scanned ones that are not the project's files (dependencies, build output). */
const SKIPPED = new Set(['node_modules', 'dist', 'out']);

function filesUnder(dir: string): string[] {
  let names: string[];
  try { names = readdirSync(dir); } catch { return []; }
  return names.flatMap((name) => {
    if (SKIPPED.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function isText(bytes: Buffer): boolean {
  return !bytes.subarray(0, 8000).includes(0);
}

/** Absolute prefixes that only exist on one machine: this checkout's own folder and its parent, and users' home folders. */
function machinePrefixes(root: string): string[] {
  const parent = dirname(root);
  const homes = ['/root/', '/home/', '/Users/'];
  return [...new Set([`${root}${sep}`, ...(parent === sep ? [] : [`${parent}${sep}`]), ...homes])];
}

/**
 * Returns the places where `text` (the content of `file`, a path inside `root`) refers to a path
 * outside the repository, as "line N: what" strings.
 */
export function outsideReferences(text: string, file: string, root: string): string[] {
  const found: string[] = [];
  const prefixes = machinePrefixes(root);
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const at = `line ${i + 1}`;
    // The shared folder one or more levels up, in any string, comment or doc.
    if (/(?:\.\.[\\/])+shared(?![\w.-])/.test(line)) found.push(`${at}: a path into the shared folder beside the checkout`);
    // join(…, '..', <the shared folder>, …)
    if (/['"`]\.\.['"`]\s*,\s*['"`]shared['"`]/.test(line)) found.push(`${at}: a joined path into the shared folder beside the checkout`);
    for (const prefix of prefixes) {
      if (line.includes(prefix)) found.push(`${at}: the absolute path ${prefix}`);
    }
    // new URL('../…', import.meta.url) that climbs out of the repository.
    for (const m of line.matchAll(/new URL\(\s*['"`](\.\.?\/[^'"`]*)['"`]\s*,\s*import\.meta\.url\s*\)/g)) {
      const target = resolve(dirname(file), m[1] as string);
      if (relative(root, target).startsWith('..')) found.push(`${at}: ${m[1]} resolves outside the repository`);
    }
  });
  return found;
}

describe('the repository boundary', () => {
  it('no file under src, test, bench, views, public or .ci refers to a path outside the repository', () => {
    const offenders = SCANNED.flatMap((folder) => filesUnder(join(ROOT, folder)))
      .filter((file) => file !== SELF)
      .flatMap((file) => {
        const bytes = readFileSync(file);
        if (!isText(bytes)) return [];
        return outsideReferences(bytes.toString('utf8'), file, ROOT).map((what) => `${relative(ROOT, file)} ${what}`);
      });
    expect(offenders).toEqual([]);
  });

  const fakeRoot = join(sep, 'srv', 'ci', 'copydesk');
  const fakeFile = join(fakeRoot, 'test', 'core', 'x.test.ts');
  const caught = [
    { label: 'a URL into the shared dev set', text: `const DEV = new URL('../../../${UP}/dev-set/', import.meta.url);` },
    { label: 'a comment citing the shared schemas', text: ` * validated against ${UP}/schemas/tbx/` },
    { label: 'a path joined into the shared folder', text: `const DIR = join(REPO_DIR, '..', '${SHARED}', 'dev-set');` },
    { label: "the checkout's own absolute path", text: `const f = '${join(fakeRoot, 'corpus', 'a.txt')}';` },
    { label: "a sibling of the checkout by absolute path", text: `const f = '${join(sep, 'srv', 'ci', 'elsewhere', 'a.txt')}';` },
    { label: 'a home folder', text: "const f = '/home/alice/articles/a.txt';" },
    { label: 'a relative URL that climbs out of the repository', text: "const f = new URL('../../../gold.json', import.meta.url);" },
  ];
  it.each(caught)('catches $label', ({ text }) => {
    const found = outsideReferences(text, fakeFile, fakeRoot);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((what) => what.startsWith('line 1: '))).toBe(true);
  });

  const allowed = [
    { label: 'a URL to the corpus inside the repository', text: "const f = new URL('../../corpus/a.txt', import.meta.url);" },
    { label: 'a URL to the copied dev set', text: "const f = new URL('../fixtures/dev-set/', import.meta.url);" },
    { label: "Debian's chromium (a system path every machine has)", text: "executablePath: '/usr/bin/chromium'" },
    { label: 'the word shared in code', text: 'const shared = { delimiter };  // shared by the name checks' },
    { label: 'a sibling module whose name starts with shared', text: `import { pageFor } from '${UP}-page.js';` },
  ];
  it.each(allowed)('allows $label', ({ text }) => {
    expect(outsideReferences(text, fakeFile, fakeRoot)).toEqual([]);
  });
});
