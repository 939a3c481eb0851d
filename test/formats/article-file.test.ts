import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArticleFile, readEditedArticleFile } from '../../src/formats/article-file.js';

const CORPUS = readFileSync(new URL('../../corpus/cho-tae-yul-beijing-forced-repatriation.txt', import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readArticleFile', () => {
  it('reads the corpus article: keyed by file name, every segment by position, edit = MT', () => {
    const result = readArticleFile({ file: 'corpus/cho.txt', bytes: CORPUS });
    if (!result.ok) throw new Error(result.message);
    const { article } = result;
    expect(article.key).toBe('corpus/cho.txt');
    expect(article.title).toBe('Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"');
    expect(article.segments.map((s) => s.index)).toEqual([...article.segments.keys()]);
    expect(article.segments.map((s) => s.kind).slice(3, 9)).toEqual(['boilerplate', 'headline', 'standfirst', 'body', 'body', 'caption']);
    expect(article.segments.every((s) => s.edit === s.mt)).toBe(true);
  });

  const refused: { label: string; bytes: Uint8Array; message: RegExp }[] = [
    { label: 'empty', bytes: new Uint8Array(), message: /empty/ },
    { label: 'binary', bytes: new Uint8Array([0, 1, 2, 3, 0]), message: /binary/ },
    { label: 'not UTF-8 (Latin-1 é)', bytes: new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]), message: /not UTF-8/ },
  ];
  it.each(refused)('refuses $label input, saying why', ({ bytes, message }) => {
    const result = readArticleFile({ file: 'x.txt', bytes });
    expect(result).toMatchObject({ ok: false, reason: 'unreadable', file: 'x.txt' });
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('readEditedArticleFile', () => {
  const mt = { file: 'mt.txt', bytes: utf8('Top\n\nKing Raises Issues\n\nKing met Wang Yi on the 13th.\n\nHe left.') };

  it('pairs segments by position when both files have as many', () => {
    const edited = { file: 'ed.txt', bytes: utf8('Top\n\nCho Raises Issues\n\nCho met Wang Yi on the 13th.\n\nHe left.') };
    const result = readEditedArticleFile(mt, edited);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.segments.map((s) => `${s.kind}: ${s.mt} => ${s.edit}`)).toEqual([
      'boilerplate: Top => Top',
      'headline: King Raises Issues => Cho Raises Issues',
      'body: King met Wang Yi on the 13th. => Cho met Wang Yi on the 13th.',
      'body: He left. => He left.',
    ]);
  });

  it('pairs content in order when the edited file leaves out the page chrome; kinds stay the MT\'s', () => {
    const edited = { file: 'ed.txt', bytes: utf8('Cho Raises Issues\n\nCho met Wang Yi on the 13th.\n\nHe left') };
    const result = readEditedArticleFile(mt, edited);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.segments.map((s) => `${s.index} ${s.kind}: ${s.edit}`)).toEqual([
      '0 boilerplate: Top',
      '1 headline: Cho Raises Issues',
      '2 body: Cho met Wang Yi on the 13th.',
      '3 body: He left',
    ]);
  });

  it('refuses to guess when a paragraph was merged, naming both counts', () => {
    const edited = { file: 'ed.txt', bytes: utf8('Cho Raises Issues\n\nCho met Wang Yi on the 13th. He left.') };
    const result = readEditedArticleFile(mt, edited);
    expect(result).toMatchObject({ ok: false, reason: 'unpaired', file: 'ed.txt' });
    expect(!result.ok && result.message).toMatch(/^ed\.txt has 2 content segments and mt\.txt has 3: .*do not merge, split or delete/);
  });

  it('names the edited file when it is the unreadable one', () => {
    expect(readEditedArticleFile(mt, { file: 'ed.txt', bytes: new Uint8Array([0, 0]) })).toMatchObject({ ok: false, reason: 'unreadable', file: 'ed.txt' });
  });
});
