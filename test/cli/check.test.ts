import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { THREADED_CHECK_MIN_FILES } from '../../src/cli/check-command.js';
import { requireBuild } from '../support/instances.js';
import { runCopydesk, tempFiles } from './cli-harness.js';

/** The corpus article as `copydesk check` is run on it from the project folder (vitest's working directory). */
const CORPUS = 'corpus/cho-tae-yul-beijing-forced-repatriation.txt';
const GOLDEN = new URL('../golden/check-corpus.json', import.meta.url);
const FIXTURES = 'test/fixtures/check';
const HEADLINE = 'Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"';

/** Runs the CLI with no database. */
function run(argv: string[]) {
  return runCopydesk(argv);
}

/** Writes files into a fresh temporary folder and returns their paths. */
function files(contents: Record<string, string | Uint8Array>): Record<string, string> {
  return tempFiles('check', contents);
}

interface JsonFlag { check: string; severity: string; segment: number; start: number; end: number; text: string; message: string; suggestions: string[]; group?: string; variants?: string[]; spans: { segment: number; start: number; end: number; text: string }[] }

describe('copydesk check', () => {
  it('prints compiler-style lines and a summary for the corpus article', async () => {
    const { stdout, stderr } = await run(['check', CORPUS]);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain(`${CORPUS}:8: warning duplicate-segment: This repeats the headline (“Cho Tae-yeol Criticizes Forced Repatriation of Defectors:…”): delete the repeated text`);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(new RegExp(`^${CORPUS}:\\d+: (error|warning|info) [a-z-]+: \\S`));
    expect(lines.at(-1)).toMatch(/^1 file checked: \d+ errors?, \d+ warnings?, \d+ info$/);
  });

  it('writes the JSON contract for the corpus article, the duplicate caption at exact offsets', async () => {
    const { stdout } = await run(['check', '--format', 'json', CORPUS]);
    const report = JSON.parse(stdout) as { files: { file: string; flags: JsonFlag[] }[] };
    expect(Object.keys(report)).toEqual(['files']);
    expect(report.files.map((f) => f.file)).toEqual([CORPUS]);
    const flags = report.files[0]?.flags ?? [];
    for (const flag of flags) {
      expect(Object.keys(flag).slice(0, 8)).toEqual(['check', 'severity', 'segment', 'start', 'end', 'text', 'message', 'suggestions']);
      expect(Object.keys(flag).slice(8).every((k) => k === 'group' || k === 'variants' || k === 'spans')).toBe(true);
      expect(Object.keys(flag).at(-1)).toBe('spans');
    }
    // Issue 12: the person spelled two ways is one flag carrying its three places (was three warnings and two infos).
    expect(flags.filter((f) => f.check === 'name-variant').map((f) => f.spans.map((s) => `${s.segment}:${s.start}-${s.end} ${s.text}`))).toEqual([
      ['4:0-12 Cho Tae-yeol', '8:0-12 Cho Tae-yeol', '8:110-122 Cho Tae-yeol'],
    ]);
    expect(flags.filter((f) => f.check === 'duplicate-segment')).toEqual([
      {
        check: 'duplicate-segment',
        severity: 'warning',
        segment: 8,
        start: 0,
        end: 93,
        text: `${HEADLINE} `,
        message: 'This repeats the headline (“Cho Tae-yeol Criticizes Forced Repatriation of Defectors:…”): delete the repeated text',
        suggestions: [''],
        spans: [{ segment: 8, start: 0, end: 93, text: `${HEADLINE} ` }],
      },
    ]);
  });

  it('matches the golden JSON report of the corpus article (UPDATE_GOLDEN=1 rewrites it on purpose)', async () => {
    const { stdout } = await run(['check', '--format', 'json', CORPUS]);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(new URL('.', GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, stdout);
    }
    expect(existsSync(GOLDEN), 'test/golden/check-corpus.json is missing: run UPDATE_GOLDEN=1 npx vitest run test/cli/check.test.ts').toBe(true);
    expect(stdout).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('exits 0 when no flag is an error, 1 when one is (Hangul left in a headline)', async () => {
    const clean = await run(['check', `${FIXTURES}/clean.txt`]);
    expect(clean.stdout).toBe('1 file checked: no flags\n');
    expect(clean.code).toBe(0);
    const both = await run(['check', `${FIXTURES}/clean.txt`, `${FIXTURES}/hangul-headline.txt`]);
    expect(both.stdout).toContain(`${FIXTURES}/hangul-headline.txt:0: error untranslated: “조태열” is Korean (Hangul) left untranslated`);
    expect(both.stdout.trimEnd().split('\n').at(-1)).toMatch(/^2 files checked: 1 error,/);
    expect(both.code).toBe(1);
  });

  it('with --edited, flags the caption where the headline correction (Tae-yeol -> Tae-yul) was not carried', async () => {
    const corpus = readFileSync(CORPUS, 'utf8');
    const paths = files({ 'edited.txt': corpus.replace(HEADLINE, HEADLINE.replace('Tae-yeol', 'Tae-yul')) });
    const { code, stdout } = await run(['check', '--edited', paths['edited.txt'] as string, '--format', 'json', CORPUS]);
    expect(code).toBeLessThan(2);
    const flags = (JSON.parse(stdout) as { files: { flags: JsonFlag[] }[] }).files[0]?.flags ?? [];
    expect(flags.filter((f) => f.check === 'correction-not-carried').map((f) => [f.segment, f.start, f.end, f.text, f.message, f.suggestions])).toEqual([
      [8, 4, 12, 'Tae-yeol', '“Tae-yeol” was corrected to “Tae-yul” in the headline but still stands here', ['Tae-yul']],
      [8, 114, 122, 'Tae-yeol', '“Tae-yeol” was corrected to “Tae-yul” in the headline but still stands here', ['Tae-yul']],
    ]);
  });

  const usage: { label: string; argv: () => string[]; stderr: RegExp }[] = [
    { label: 'an unknown format', argv: () => ['check', '--format', 'xml', CORPUS], stderr: /argument 'xml' is invalid/ },
    { label: 'no FILE', argv: () => ['check'], stderr: /missing required argument/ },
    { label: '--edited with several files', argv: () => ['check', '--edited', CORPUS, CORPUS, CORPUS], stderr: /--edited needs exactly one FILE .*got 2/ },
    { label: 'a missing file', argv: () => ['check', CORPUS, '/no/such/article.txt'], stderr: /^copydesk: \/no\/such\/article\.txt: no such file\n$/ },
    { label: 'a folder', argv: () => ['check', 'corpus'], stderr: /^copydesk: corpus: is a folder/ },
    { label: 'a binary file', argv: () => ['check', files({ 'b.txt': new Uint8Array([0, 1, 2, 3]) })['b.txt'] as string], stderr: /b\.txt: The file looks like binary data/ },
    { label: 'a file that is not UTF-8', argv: () => ['check', files({ 'l.txt': new Uint8Array([0x43, 0x61, 0x66, 0xe9]) })['l.txt'] as string], stderr: /l\.txt: The file is not UTF-8 text/ },
    { label: 'an empty file', argv: () => ['check', files({ 'e.txt': '' })['e.txt'] as string], stderr: /e\.txt: The file is empty/ },
    { label: 'a missing edited file', argv: () => ['check', '--edited', '/no/such/edit.txt', CORPUS], stderr: /\/no\/such\/edit\.txt: no such file/ },
    {
      label: 'an edited file whose paragraphs cannot be paired',
      argv: () => ['check', '--edited', `${FIXTURES}/two-segments-edited.txt`, CORPUS],
      stderr: /two-segments-edited\.txt has 2 content segments and corpus\/cho-tae-yul-beijing-forced-repatriation\.txt has 11/,
    },
  ];
  it.each(usage)('exits 2 on $label, saying so on stderr and writing no report', async ({ argv, stderr }) => {
    const result = await run(argv());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(stderr);
    expect(result.stdout).toBe('');
  });
});

describe('copydesk check on many files (worker threads, the built CLI)', () => {
  const MAIN = join(fileURLToPath(new URL('../..', import.meta.url)), 'dist', 'cli', 'main.js');
  /** Enough files that --threads 2 takes the threaded path, and the batches (25 files) are many. */
  const COUNT = THREADED_CHECK_MIN_FILES * 3;
  /** Four runs of the built CLI on COUNT files: a few seconds alone, more on a machine busy with other tests. */
  const MANY_FILES_TIMEOUT_MS = 90_000;

  /** Runs the built CLI (the worker module exists only in dist/). */
  function runBuilt(argv: string[]) {
    const run = spawnSync(process.execPath, [MAIN, ...argv], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  /**
   * COUNT small articles, every one different: every 7th spells its person two ways (a name-variant
   * warning), every 50th has Hangul in its headline (an untranslated error), the rest are clean.
   */
  function manyArticles(): string[] {
    const contents: Record<string, string> = {};
    for (let i = 0; i < COUNT; i += 1) {
      const headline = i % 50 === 0 ? `조태열 Meets Wang Yi, Talks ${i}` : `Cho Tae-yul Meets Wang Yi, Talks ${i}`;
      const second = i % 7 === 0 ? 'Cho Tae-yeol' : 'Cho Tae-yul';
      contents[`a${String(i).padStart(4, '0')}.txt`] = `${headline}\n\nForeign Minister Cho Tae-yul met Wang Yi in Beijing on the ${(i % 28) + 1}th.\n\n${second} said round ${i} of the talks would follow.\n`;
    }
    return Object.values(tempFiles('check-many', contents));
  }

  it('writes the same report as one thread, byte for byte and in the files\' order, with the same exit code', () => {
    requireBuild();
    const paths = manyArticles();
    for (const format of ['text', 'json']) {
      const one = runBuilt(['check', '--threads', '1', '--format', format, ...paths]);
      const two = runBuilt(['check', '--threads', '2', '--format', format, ...paths]);
      expect(two.stderr).toBe('');
      expect(two.code).toBe(1);
      expect(one.code).toBe(1);
      expect(two.stdout).toBe(one.stdout);
      if (format === 'json') {
        const report = JSON.parse(two.stdout) as { files: { file: string; flags: JsonFlag[] }[] };
        expect(report.files.map((f) => f.file)).toEqual(paths);
        // Exactly what JSON.stringify writes for the whole report, though each file was written on its own.
        expect(two.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        const lines = two.stdout.trimEnd().split('\n');
        expect(lines.at(-1)).toMatch(new RegExp(`^${COUNT} files checked: ${COUNT / 50} errors, ${Math.ceil(COUNT / 7)} warnings, \\d+ info$`));
        // Every flagged file, in the files' order.
        const flagged = [...new Set(lines.slice(0, -1).map((line) => line.slice(0, line.indexOf(':'))))];
        expect(flagged).toEqual(paths.filter((_, i) => i % 50 === 0 || i % 7 === 0));
      }
    }
  }, MANY_FILES_TIMEOUT_MS);

  it('names every unreadable file on stderr, in order, and writes no report (exit 2)', () => {
    requireBuild();
    const paths = manyArticles();
    const bad = [paths[3], paths[COUNT - 2]] as string[];
    for (const path of bad) writeFileSync(path, new Uint8Array([0, 1, 2, 3]));
    const run = runBuilt(['check', '--threads', '2', ...paths]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(bad.length);
    bad.forEach((path, i) => expect(lines[i]).toMatch(new RegExp(`^copydesk: ${path}: The file looks like binary data`)));
  }, MANY_FILES_TIMEOUT_MS);

  it('refuses --threads outside 1-64 with exit 2 before reading anything', async () => {
    for (const threads of ['0', '65', 'two']) {
      const result = await run(['check', '--threads', threads, CORPUS]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--threads');
      expect(result.stdout).toBe('');
    }
  });
});

describe('copydesk checks', () => {
  it('lists every check with its id, severity, name and description', async () => {
    const { code, stdout } = await run(['checks']);
    expect(code).toBe(0);
    const ids = stdout.trimEnd().split('\n').map((line) => line.split(/\s+/)[0]);
    expect(ids).toEqual([
      'glossary-term', 'name-variant', 'headline-subject', 'surname-homograph', 'source-name', 'correction-not-carried', 'correction-conflict', 'number-changed',
      'source-number', 'untranslated', 'source-omitted', 'duplicate-segment',
    ]);
    expect(stdout).toMatch(/^untranslated +error +Untranslated Korean: Hangul or Hanja left in the text/m);
  });

  it('docs/checks.md is what `npm run docs:checks` generates from the registry (run it when this fails)', async () => {
    const { stdout } = await run(['checks', '--format', 'markdown']);
    const docs = readFileSync(new URL('../../docs/checks.md', import.meta.url), 'utf8');
    expect(docs, 'docs/checks.md is out of date with the registry: run `npm run docs:checks`').toBe(stdout);
  });

  it('exits 2 on an unknown format', async () => {
    expect((await run(['checks', '--format', 'html'])).code).toBe(2);
  });
});
