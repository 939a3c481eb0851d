import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeArticleInput, decodeArticleText, MAX_ARTICLE_BYTES } from '../../../src/core/article/index.js';
import type { DecodeOptions, DecodeResult } from '../../../src/core/article/index.js';
import { findInvalidUtf8Offset, utf8ByteLength } from '../../../src/core/article/utf8.js';

const CORPUS_ARTICLE = new URL('../../../corpus/cho-tae-yul-beijing-forced-repatriation.txt', import.meta.url);

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytesOf = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

describe('decodeArticleInput', () => {
  const corpus = readFileSync(CORPUS_ARTICLE);
  const rows: { label: string; bytes: Uint8Array; opts?: DecodeOptions; expected: DecodeResult }[] = [
    {
      label: 'zero bytes',
      bytes: new Uint8Array(),
      expected: { ok: false, reason: 'empty', message: 'The file is empty. Choose the file that holds the article text.' },
    },
    {
      label: 'whitespace only',
      bytes: bytesOf(' \n\t\r\n\u3000 '),
      expected: { ok: false, reason: 'empty', message: 'The file holds only spaces and blank lines. Choose the file that holds the article text.' },
    },
    {
      label: 'a BOM and nothing else',
      bytes: bytesOf([0xef, 0xbb, 0xbf]),
      expected: { ok: false, reason: 'empty', message: 'The file holds only spaces and blank lines. Choose the file that holds the article text.' },
    },
    {
      label: '2 MB + 1 byte: exact bytes, since "2 MB" would read as the limit',
      bytes: new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61),
      expected: { ok: false, reason: 'too-large', message: 'The file is 2,097,153 bytes; articles over 2 MB are refused. Split it or remove embedded data.' },
    },
    {
      label: '3.1 MB',
      bytes: new Uint8Array(Math.round(3.1 * 1024 * 1024)).fill(0x61),
      expected: { ok: false, reason: 'too-large', message: 'The file is 3.1 MB; articles over 2 MB are refused. Split it or remove embedded data.' },
    },
    {
      label: 'a lower limit from the caller',
      bytes: bytesOf('x'.repeat(2048)),
      opts: { maxBytes: 1024 },
      expected: { ok: false, reason: 'too-large', message: 'The file is 2 KB; articles over 1 KB are refused. Split it or remove embedded data.' },
    },
    {
      label: 'a NUL byte',
      bytes: bytesOf('Minister Meets Envoy', [0x00], 'The minister met the envoy.'),
      expected: { ok: false, reason: 'binary', message: 'The file looks like binary data, not text (a NUL byte at offset 20). Save the article as plain UTF-8 text and try again.' },
    },
    {
      label: 'many control characters (over 10%)',
      bytes: bytesOf('ab', [0x01], 'cd', [0x02, 0x1b], 'efghij'),
      expected: { ok: false, reason: 'binary', message: 'The file looks like binary data, not text (23% of its characters are control characters). Save the article as plain UTF-8 text and try again.' },
    },
    {
      label: 'UTF-16 with a BOM (Notepad "Unicode")',
      bytes: bytesOf([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]),
      expected: { ok: false, reason: 'not-utf8', message: 'The file is UTF-16 text, not UTF-8. Save it as UTF-8 and try again.' },
    },
    {
      label: 'Latin-1 text (é as the byte 0xE9)',
      bytes: bytesOf('Caf', [0xe9], ' au lait'),
      expected: { ok: false, reason: 'not-utf8', message: 'The file is not UTF-8 text (invalid byte at offset 3). Save it as UTF-8 and try again.' },
    },
    {
      label: 'a Korean character cut short at the end',
      bytes: bytesOf('장관', [0xec, 0x9e]),
      expected: { ok: false, reason: 'not-utf8', message: 'The file is not UTF-8 text (invalid byte at offset 6). Save it as UTF-8 and try again.' },
    },
    {
      label: 'an encoded surrogate (CESU-8), which UTF-8 forbids',
      bytes: bytesOf('ok ', [0xed, 0xa0, 0x80]),
      expected: { ok: false, reason: 'not-utf8', message: 'The file is not UTF-8 text (invalid byte at offset 3). Save it as UTF-8 and try again.' },
    },
    {
      label: 'looks suspicious but is fine: tabs, form feeds and CRLF are text',
      bytes: bytesOf('Headline\r\n\r\n\tIndented.\f\r\nNext page.'),
      expected: { ok: true, text: 'Headline\r\n\r\n\tIndented.\f\r\nNext page.' },
    },
    {
      label: 'looks suspicious but is fine: one stray control character in a paragraph',
      bytes: bytesOf('The minister met\u0007 the envoy in Seoul.'),
      expected: { ok: true, text: 'The minister met\u0007 the envoy in Seoul.' },
    },
    {
      label: 'exactly 2 MB is accepted',
      bytes: new Uint8Array(MAX_ARTICLE_BYTES).fill(0x61),
      expected: { ok: true, text: 'a'.repeat(MAX_ARTICLE_BYTES) },
    },
    {
      label: 'a valid Korean UTF-8 file',
      bytes: bytesOf('조태열 외교부 장관\n\n왕이 중국 외교부장과 회담'),
      expected: { ok: true, text: '조태열 외교부 장관\n\n왕이 중국 외교부장과 회담' },
    },
    {
      label: 'a BOM is stripped',
      bytes: bytesOf([0xef, 0xbb, 0xbf], '본문 바로가기\nHeadline'),
      expected: { ok: true, text: '본문 바로가기\nHeadline' },
    },
    {
      label: 'the corpus article',
      bytes: new Uint8Array(corpus),
      expected: { ok: true, text: corpus.toString('utf8') },
    },
  ];

  it.each(rows)('$label', ({ bytes, opts, expected }) => {
    expect(decodeArticleInput(bytes, opts)).toEqual(expected);
  });

  it('refuses a limit that is not a whole number of bytes (programmer misuse)', () => {
    expect(() => decodeArticleInput(bytesOf('x'), { maxBytes: -1 })).toThrow(RangeError);
    expect(() => decodeArticleInput(bytesOf('x'), { maxBytes: Number.NaN })).toThrow(RangeError);
  });
});

describe('decodeArticleText', () => {
  const rows: { label: string; text: string; opts?: DecodeOptions; expected: DecodeResult }[] = [
    {
      label: 'empty',
      text: '',
      expected: { ok: false, reason: 'empty', message: 'The text is empty. Paste the article text and try again.' },
    },
    {
      label: 'whitespace only',
      text: ' \r\n\t ',
      expected: { ok: false, reason: 'empty', message: 'The text holds only spaces and blank lines. Paste the article text and try again.' },
    },
    {
      label: 'too large by UTF-8 bytes though short in UTF-16 units (Hangul takes 3 bytes)',
      text: '가'.repeat(MAX_ARTICLE_BYTES / 2),
      expected: { ok: false, reason: 'too-large', message: 'The text is 3 MB; articles over 2 MB are refused. Split it or remove embedded data.' },
    },
    {
      label: 'a NUL character',
      text: 'Headline\u0000Body',
      expected: { ok: false, reason: 'binary', message: 'The text looks like binary data, not text (a NUL byte at position 8). Paste the article as plain text and try again.' },
    },
    {
      label: 'mostly control characters',
      text: 'a\u0001\u0002\u0003b',
      expected: { ok: false, reason: 'binary', message: 'The text looks like binary data, not text (60% of its characters are control characters). Paste the article as plain text and try again.' },
    },
    {
      label: 'a BOM is stripped',
      text: '\uFEFFHeadline\n\nBody.',
      expected: { ok: true, text: 'Headline\n\nBody.' },
    },
    {
      label: 'Korean, emoji and right-to-left text pass unchanged',
      text: '조태열 장관 🇰🇷\n\nقال الوزير',
      expected: { ok: true, text: '조태열 장관 🇰🇷\n\nقال الوزير' },
    },
  ];

  it.each(rows)('$label', ({ text, opts, expected }) => {
    expect(decodeArticleText(text, opts)).toEqual(expected);
  });
});

describe('UTF-8 helpers: properties', () => {
  /** Bytes biased toward the lead and continuation bytes where UTF-8 validity is decided. */
  const awkwardBytes = fc
    .array(fc.oneof(fc.integer({ min: 0x20, max: 0xff }), fc.constantFrom(0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff)), { maxLength: 40 })
    .map((values) => Uint8Array.from(values));

  it('finds a bad byte exactly when TextDecoder refuses, and the bytes before it decode', () => {
    fc.assert(
      fc.property(awkwardBytes, (bytes) => {
        const fatal = new TextDecoder('utf-8', { fatal: true });
        const offset = findInvalidUtf8Offset(bytes);
        let isValid = true;
        try {
          fatal.decode(bytes);
        } catch {
          isValid = false;
        }
        expect(offset === -1).toBe(isValid);
        if (offset >= 0) expect(() => fatal.decode(bytes.subarray(0, offset))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('counts UTF-8 bytes as TextEncoder writes them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8ByteLength(text)).toBe(utf8(text).length);
      }),
    );
  });

  it('never throws on arbitrary bytes, and accepted text re-encodes to the input', () => {
    fc.assert(
      fc.property(awkwardBytes, (bytes) => {
        const result = decodeArticleInput(bytes);
        if (result.ok) expect(utf8(result.text)).toEqual(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
      }),
    );
  });
});
