import { describe, expect, it } from 'vitest';
import { runCopydesk, tempFiles } from './cli-harness.js';

/** The hand-written Korean/English pairs (test/fixtures/korean-source/README.md), as paths from the project folder. */
const PAIRS = 'test/fixtures/korean-source';

describe('copydesk check --source', () => {
  it('runs the source checks on one article with its Korean original (cho-beijing)', async () => {
    const { code, stdout, stderr } = await runCopydesk(['check', '--source', `${PAIRS}/cho-beijing.ko.txt`, `${PAIRS}/cho-beijing.txt`]);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain(`${PAIRS}/cho-beijing.txt:0: error source-name: The Korean source names 조태열 (Cho Tae-yeol) here, and the MT writes no spelling of the name but “King”, a word machine translation makes of a surname: write “Cho”.`);
    expect(lines).toContain(`${PAIRS}/cho-beijing.txt:2: error source-number: “12 trillion” is not 1조 2천억 in the Korean source, which is 1.2 trillion: write “1.2 trillion”.`);
    expect(lines.some((l) => l.startsWith(`${PAIRS}/cho-beijing.txt:1: warning source-omitted: The Korean source has a paragraph after this segment`))).toBe(true);
    expect(code).toBe(1);
  });

  it('reports none of the source checks without --source', async () => {
    const { stdout } = await runCopydesk(['check', `${PAIRS}/cho-beijing.txt`]);
    expect(stdout).not.toMatch(/source-(name|number|omitted)/);
  });

  it('writes the source flags in the JSON contract too', async () => {
    const { stdout } = await runCopydesk(['check', '--format', 'json', '--source', `${PAIRS}/samsung-texas.ko.txt`, `${PAIRS}/samsung-texas.txt`]);
    const flags = (JSON.parse(stdout) as { files: { flags: { check: string; text: string; suggestions: string[] }[] }[] }).files[0]?.flags ?? [];
    expect(flags.filter((f) => f.check.startsWith('source-') || f.check === 'untranslated').map((f) => [f.check, f.text, f.suggestions])).toEqual([
      ['source-number', '35 million', ['350 million']],
      ['untranslated', '이재용', ['Lee Jae-yong']],
      ['source-name', 'Choi Jae-hyun', ['Choi Jae-hun']],
    ]);
  });

  it('works with --edited: an edit that fixes the figure clears its flag', async () => {
    const edited = tempFiles('source', {
      'edited.txt': 'King "Will Raise the Issue of Forced Repatriation of North Korean Defectors"\n\nForeign Minister Cho Tae-yul held talks with Chinese Foreign Minister Wang Yi in Beijing on the 12th and discussed ways to develop Korea-China relations.\n\nThe government expects trade with China to increase by 1.2 trillion won this year compared to last year.\n\nA Foreign Ministry official said, "The two ministers agreed to meet again in Seoul within the year."\n',
    });
    const { stdout } = await runCopydesk(['check', '--edited', edited['edited.txt'] ?? '', '--source', `${PAIRS}/cho-beijing.ko.txt`, `${PAIRS}/cho-beijing.txt`]);
    expect(stdout).not.toMatch(/source-number/);
    expect(stdout).toMatch(/source-name/);
  });

  it.each([
    ['an empty file', '', 'the Korean source: the file is empty. Choose the file that holds the article text.'],
    ['binary data', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'the Korean source: the file looks like binary data, not text (a NUL byte at offset 4). Save the article as plain UTF-8 text and try again.'],
  ])('refuses %s as the source with exit 2 and a sentence', async (_label, body, message) => {
    const { 'ko.txt': ko = '' } = tempFiles('source', { 'ko.txt': body });
    const { code, stdout, stderr } = await runCopydesk(['check', '--source', ko, `${PAIRS}/cho-beijing.txt`]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`copydesk: ${ko}: ${message}\n`);
  });

  it('refuses a missing source file, a folder, and --source with several files', async () => {
    const missing = await runCopydesk(['check', '--source', 'no-such-ko.txt', `${PAIRS}/cho-beijing.txt`]);
    expect([missing.code, missing.stderr]).toEqual([2, 'copydesk: no-such-ko.txt: the Korean source: no such file\n']);
    const folder = await runCopydesk(['check', '--source', PAIRS, `${PAIRS}/cho-beijing.txt`]);
    expect([folder.code, folder.stderr]).toEqual([2, `copydesk: ${PAIRS}: the Korean source: is a folder, not a file; name the file itself.\n`]);
    const several = await runCopydesk(['check', '--source', `${PAIRS}/cho-beijing.ko.txt`, `${PAIRS}/cho-beijing.txt`, `${PAIRS}/han-one.txt`]);
    expect([several.code, several.stderr]).toEqual([2, `copydesk: --source needs exactly one FILE (the MT translated from ${PAIRS}/cho-beijing.ko.txt); got 2\n`]);
  });
});
