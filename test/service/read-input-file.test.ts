/**
 * Security issue 11: the one capped reader every command reads its files with. It refuses what is
 * not a regular file without opening it for a blocking read, refuses a file over the limit from
 * its size before reading it, and never reads more than the limit plus one byte, so a file whose
 * size says nothing (or that grows) is caught too. /dev/zero and FIFOs are in test/cli/input-files.test.ts,
 * which runs them in a child process with a kill timer: a regression there would hang this process.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_ARTICLE_BYTES } from '../../src/core/article/decode-input.js';
import { prepareFile } from '../../src/service/prepare-import.js';
import { ARTICLE_FILE_LIMIT, GLOSSARY_FILE_LIMIT, readInputFile } from '../../src/service/read-input-file.js';

const DIR = mkdtempSync(join(tmpdir(), 'copydesk-read-input-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** A sparse file of `bytes` (truncate -s): its size is real, its blocks are not written, so it costs no disk. */
function sparseFile(name: string, bytes: number): string {
  const path = join(DIR, name);
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

const GIB = 1024 ** 3;

describe('readInputFile', () => {
  it('returns the bytes of a regular file', () => {
    const path = join(DIR, 'a.txt');
    writeFileSync(path, 'Headline\n\nA paragraph.');
    const read = readInputFile(path, ARTICLE_FILE_LIMIT);
    expect(read.ok && Buffer.from(read.bytes).toString('utf8')).toBe('Headline\n\nA paragraph.');
  });

  it('accepts a file of exactly the limit and refuses one byte more, saying the exact size', () => {
    const at = join(DIR, 'at-limit.txt');
    writeFileSync(at, Buffer.alloc(MAX_ARTICLE_BYTES, 0x61));
    expect(readInputFile(at, ARTICLE_FILE_LIMIT)).toMatchObject({ ok: true, bytes: { length: MAX_ARTICLE_BYTES } });
    const over = join(DIR, 'over-limit.txt');
    writeFileSync(over, Buffer.alloc(MAX_ARTICLE_BYTES + 1, 0x61));
    expect(readInputFile(over, ARTICLE_FILE_LIMIT)).toEqual({
      ok: false,
      reason: 'too-large',
      message: 'The file is too large: 2,097,153 bytes; articles over 2 MB are refused. Split it or remove embedded data.',
    });
  });

  it('says a 3 GB file is too large, with its size and the limit, never "no such file" (issue 11: ERR_FS_FILE_TOO_LARGE)', () => {
    const path = sparseFile('huge.txt', 3 * GIB);
    expect(readInputFile(path, ARTICLE_FILE_LIMIT)).toEqual({
      ok: false,
      reason: 'too-large',
      message: 'The file is too large: 3 GB; articles over 2 MB are refused. Split it or remove embedded data.',
    });
    expect(readInputFile(path, GLOSSARY_FILE_LIMIT)).toMatchObject({ reason: 'too-large', message: expect.stringMatching(/^The file is too large: 3 GB; glossary files over 32 MB are refused\./) });
  });

  it('refuses a 1.5 GB glossary from its size, before reading it', () => {
    const path = sparseFile('huge.tbx', 1.5 * GIB);
    const started = performance.now();
    expect(readInputFile(path, GLOSSARY_FILE_LIMIT)).toMatchObject({ ok: false, reason: 'too-large', message: expect.stringContaining('1.5 GB') });
    // Reading 1.5 GB of zeros would take seconds and the memory of the file.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads at most the limit + 1 bytes of a file whose size says less than it holds (/proc: size 0)', () => {
    const proc = '/proc/self/status';
    if (!existsSync(proc)) return;
    expect(readInputFile(proc, { maxBytes: 100, what: 'articles' })).toEqual({
      ok: false,
      reason: 'too-large',
      message: 'The file is too large: over 100 bytes (it grew while it was read); articles over 100 bytes are refused.',
    });
    const whole = readInputFile(proc, ARTICLE_FILE_LIMIT);
    expect(whole.ok && Buffer.from(whole.bytes).toString('utf8')).toMatch(/^Name:/);
  });

  it('refuses a folder, a missing file and a path through a file, each with its sentence', () => {
    const folder = join(DIR, 'folder');
    mkdirSync(folder);
    expect(readInputFile(folder, ARTICLE_FILE_LIMIT)).toEqual({ ok: false, reason: 'not-a-file', message: 'is a folder, not a file; name the file itself.' });
    expect(readInputFile(join(DIR, 'missing.txt'), ARTICLE_FILE_LIMIT)).toEqual({ ok: false, reason: 'missing', message: 'no such file' });
    const file = join(DIR, 'plain.txt');
    writeFileSync(file, 'x');
    expect(readInputFile(join(file, 'below'), ARTICLE_FILE_LIMIT)).toMatchObject({ reason: 'missing' });
  });
});

describe('prepareFile (copydesk import, on this thread and on worker threads)', () => {
  it('refuses a 3 GB file as too large, not as unreadable or missing', () => {
    const prepared = prepareFile(sparseFile('import-huge.txt', 3 * GIB));
    expect(prepared).toEqual({ ok: false, reason: 'too-large', message: 'The file is too large: 3 GB; articles over 2 MB are refused. Split it or remove embedded data.' });
  });

  it('refuses a folder named as a file', () => {
    const folder = join(DIR, 'import-folder.txt');
    mkdirSync(folder);
    expect(prepareFile(folder)).toMatchObject({ ok: false, reason: 'not-a-file', message: expect.stringMatching(/^is a folder/) });
  });
});
