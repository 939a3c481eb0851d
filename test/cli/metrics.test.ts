import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCopydesk, tempFiles } from './cli-harness.js';

/** The corpus article, read from the project folder (vitest's working directory). */
const CORPUS = 'corpus/cho-tae-yul-beijing-forced-repatriation.txt';
const HEADLINE_MT = 'King Raises Issues at Meeting with Chinese Foreign Minister';
const HEADLINE_EDIT = 'Cho Raises Issues at Meeting with Chinese Foreign Minister';
const PARAGRAPH_MT =
  'On the 13th (local time), Minister Cho Tae-yul held talks with Wang Yi, member of the Political Bureau of the Communist Party of China Central Committee and Minister of Foreign Affairs, at the Diaoyutai State Guesthouse in Beijing, China.';
const PARAGRAPH_EDIT =
  "On the 13th (local time), Foreign Minister Cho Tae-yul held talks in Beijing with Wang Yi, China's foreign minister and a member of the Political Bureau of the Communist Party of China Central Committee, at the Diaoyutai State Guesthouse.";

/** Runs the CLI with no database. */
function run(argv: string[]) {
  return runCopydesk(argv);
}

/** Writes files into a fresh temporary folder and returns their paths. */
function files(contents: Record<string, string | Uint8Array>): Record<string, string> {
  return tempFiles('metrics', contents);
}

/** The corpus article as an editor left it: headline, standfirst and two paragraphs fixed, the trailing page chrome dropped. */
function editedCorpus(): string {
  const edited = readFileSync(CORPUS, 'utf8')
    .replace('Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"\n', 'Cho Tae-yul Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"\n')
    .replace(HEADLINE_MT, HEADLINE_EDIT)
    .replace(PARAGRAPH_MT, PARAGRAPH_EDIT)
    .replace('Minister Cho conveyed concerns to China regarding North Korea’s actions that escalate regional tensions', 'Cho voiced concern to China about North Korea’s actions that raise regional tensions')
    .replace(/\n+Special Coverage[\s\S]*$/, '\n');
  expect(edited).toContain(PARAGRAPH_EDIT);
  return edited;
}

describe('copydesk metrics: two single segments', () => {
  it("prints issue 5's JSON exactly for the corpus headline fix", async () => {
    const paths = files({ 'mt.txt': `${HEADLINE_MT}\n`, 'edit.txt': `${HEADLINE_EDIT}\n` });
    const result = await run(['metrics', '--mt', paths['mt.txt'] as string, '--edited', paths['edit.txt'] as string, '--format', 'json']);
    expect(result).toEqual({ code: 0, stdout: '{"ter": 0.111111, "edits": 1, "words": 9}\n', stderr: '' });
  });

  // Issue 5's reference figures through the command line (sacrebleu's TER rounded to 6 decimals).
  const rows: { label: string; mt: string; edit: string; flags?: string[]; stdout: string }[] = [
    { label: 'a moved block is one shift', mt: 'a b c d e f', edit: 'd e f a b c', stdout: '{"ter": 0.166667, "edits": 1, "words": 6}\n' },
    { label: 'the corpus paragraph', mt: PARAGRAPH_MT, edit: PARAGRAPH_EDIT, stdout: '{"ter": 0.384615, "edits": 15, "words": 39}\n' },
    { label: 'the corpus paragraph, --ignore-case', mt: PARAGRAPH_MT, edit: PARAGRAPH_EDIT, flags: ['--ignore-case'], stdout: '{"ter": 0.358974, "edits": 14, "words": 39}\n' },
    {
      label: 'the concerns sentence',
      mt: "Minister Cho also conveyed concerns to China regarding North Korea's actions that escalate regional tensions",
      edit: "Cho also voiced concern to China about North Korea's actions that raise regional tensions",
      stdout: '{"ter": 0.357143, "edits": 5, "words": 14}\n',
    },
    { label: 'identical texts', mt: HEADLINE_MT, edit: HEADLINE_MT, stdout: '{"ter": 0, "edits": 0, "words": 9}\n' },
    { label: 'page chrome around the one paragraph is left out', mt: `Close\n\n${HEADLINE_MT}\n\nTop\n`, edit: HEADLINE_EDIT, stdout: '{"ter": 0.111111, "edits": 1, "words": 9}\n' },
  ];
  it.each(rows)('$label', async ({ mt, edit, flags, stdout }) => {
    const paths = files({ 'mt.txt': mt, 'edit.txt': edit });
    const result = await run(['metrics', '--mt', paths['mt.txt'] as string, '--edited', paths['edit.txt'] as string, '--format', 'json', ...(flags ?? [])]);
    expect(result).toEqual({ code: 0, stdout, stderr: '' });
  });

  it('prints a readable line by default', async () => {
    const paths = files({ 'mt.txt': HEADLINE_MT, 'edit.txt': HEADLINE_EDIT });
    const { code, stdout } = await run(['metrics', '--mt', paths['mt.txt'] as string, '--edited', paths['edit.txt'] as string]);
    expect(code).toBe(0);
    expect(stdout).toBe('TER 0.111111: 1 edit / 9 words; 6.8% of characters changed\n');
  });
});

describe('copydesk metrics: two article files', () => {
  it('gives per-segment figures and totals in JSON, page chrome left out, segments paired by position', async () => {
    const paths = files({ 'edited.txt': editedCorpus() });
    const { code, stdout, stderr } = await run(['metrics', '--mt', CORPUS, '--edited', paths['edited.txt'] as string, '--format', 'json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout) as { segments: Record<string, unknown>[]; total: Record<string, unknown> };
    expect(Object.keys(report)).toEqual(['segments', 'total']);
    expect(report.segments.map((s) => s.segment)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    // Figures checked against sacrebleu 2.6.0 segment by segment.
    expect(report.segments.filter((s) => s.edits !== 0).map((s) => [s.segment, s.kind, s.edits, s.words])).toEqual([
      [4, 'headline', 1, 13],
      [5, 'standfirst', 1, 9],
      [7, 'body', 15, 97],
      [14, 'body', 5, 43],
    ]);
    expect(report.segments[1]).toEqual({ segment: 5, kind: 'standfirst', ter: 0.111111, edits: 1, words: 9, charShare: 0.067797 });
    expect(report.total).toMatchObject({ ter: 0.036066, edits: 22, words: 610, untouched: 7 });
    expect(Object.keys(report.total)).toEqual(['ter', 'edits', 'words', 'untouched', 'charShare']);
    expect(stdout).toMatch(/^\{"segments": \[\{"segment": 4, "kind": "headline", "ter": 0\.076923, /);
  });

  it('prints a table by default: a row per segment, the totals and the untouched count', async () => {
    const paths = files({ 'edited.txt': editedCorpus() });
    const { code, stdout } = await run(['metrics', '--mt', CORPUS, '--edited', paths['edited.txt'] as string]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^segment\s+kind\s+TER\s+edits\s+words\s+chars$/);
    expect(lines).toContain('      5  standfirst  0.111111      1      9   6.8%');
    expect(lines.at(-2)).toMatch(/^  total\s+0\.036066\s+22\s+610\s+3\.4%$/);
    expect(lines.at(-1)).toBe('7 of 11 segments untouched');
    expect(lines).toHaveLength(14);
  });

  it('reads an unedited copy as all untouched', async () => {
    const { code, stdout } = await run(['metrics', '--mt', CORPUS, '--edited', CORPUS, '--format', 'json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { total: unknown }).total).toEqual({ ter: 0, edits: 0, words: 611, untouched: 11, charShare: 0 });
  });
});

describe('copydesk metrics: bad usage and unreadable input exit 2', () => {
  const corpus = readFileSync(CORPUS, 'utf8');
  const usage: { label: string; argv: () => string[]; stderr: RegExp }[] = [
    { label: 'no --mt', argv: () => ['metrics', '--edited', CORPUS], stderr: /required option '--mt <file>' not specified/ },
    { label: 'no --edited', argv: () => ['metrics', '--mt', CORPUS], stderr: /required option '--edited <file>' not specified/ },
    { label: 'a stray argument', argv: () => ['metrics', '--mt', CORPUS, '--edited', CORPUS, CORPUS], stderr: /too many arguments for 'metrics'/ },
    { label: 'an unknown format', argv: () => ['metrics', '--mt', CORPUS, '--edited', CORPUS, '--format', 'xml'], stderr: /argument 'xml' is invalid/ },
    { label: 'a missing file', argv: () => ['metrics', '--mt', '/no/such/mt.txt', '--edited', CORPUS], stderr: /^copydesk: \/no\/such\/mt\.txt: no such file\n$/ },
    { label: 'both files missing: both named', argv: () => ['metrics', '--mt', '/no/a.txt', '--edited', '/no/b.txt'], stderr: /^copydesk: \/no\/a\.txt: no such file\ncopydesk: \/no\/b\.txt: no such file\n$/ },
    { label: 'a folder', argv: () => ['metrics', '--mt', CORPUS, '--edited', 'corpus'], stderr: /^copydesk: corpus: is a folder/ },
    { label: 'an empty file', argv: () => ['metrics', '--mt', files({ 'e.txt': '' })['e.txt'] as string, '--edited', CORPUS], stderr: /e\.txt: The file is empty/ },
    { label: 'a binary file', argv: () => ['metrics', '--mt', CORPUS, '--edited', files({ 'b.txt': new Uint8Array([0, 1, 2, 3]) })['b.txt'] as string], stderr: /b\.txt: The file looks like binary data/ },
    {
      label: 'edited paragraphs that cannot be paired (two merged)',
      argv: () => ['metrics', '--mt', CORPUS, '--edited', files({ 'merged.txt': corpus.replace(`${HEADLINE_MT}\n\n`, `${HEADLINE_MT} `) })['merged.txt'] as string],
      stderr: /merged\.txt has 10 content segments and corpus\/cho-tae-yul-beijing-forced-repatriation\.txt has 11/,
    },
  ];
  it.each(usage)('$label', async ({ argv, stderr }) => {
    const result = await run(argv());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(stderr);
  });

  it('explains in --help how single segments are told from articles', async () => {
    const { code, stdout } = await run(['metrics', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('When both files hold exactly one segment apart from page chrome');
    expect(stdout).toContain('{"ter": 0.111111, "edits": 1, "words": 9}');
  });
});
