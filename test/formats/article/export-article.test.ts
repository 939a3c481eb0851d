import { describe, expect, it } from 'vitest';
import {
  ARTICLE_EXPORT_FORMATS,
  exportArticle,
  isArticleExportFormat,
  type ArticleExportFormat,
} from '../../../src/formats/article/index.js';
import { FIXTURES } from './fixtures.js';
import { expectGolden } from './golden.js';

describe('exportArticle: golden files (UPDATE_GOLDEN=1 rewrites them on purpose)', () => {
  const rows = FIXTURES.flatMap((f) => ARTICLE_EXPORT_FORMATS.map((format) => ({ ...f, format, label: `${f.label} as ${format}` })));
  it.each(rows)('$label', ({ name, build, meta, format }) => {
    const file = exportArticle(build(), format, meta);
    // corpus.txt, corpus.md, corpus.tmx, corpus.jsonl; the two XLIFFs as corpus.xliff.xlf and corpus.xliff12.xlf.
    expectGolden(format === file.extension ? `${name}.${format}` : `${name}.${format}.${file.extension}`, file.body);
  });
});

describe('exportArticle: media types and extensions', () => {
  const rows: { format: ArticleExportFormat; contentType: string; extension: string }[] = [
    { format: 'txt', contentType: 'text/plain; charset=utf-8', extension: 'txt' },
    { format: 'md', contentType: 'text/markdown; charset=utf-8', extension: 'md' },
    { format: 'xliff', contentType: 'application/xliff+xml; charset=utf-8', extension: 'xlf' },
    { format: 'xliff12', contentType: 'application/x-xliff+xml; charset=utf-8', extension: 'xlf' },
    { format: 'tmx', contentType: 'application/x-tmx+xml; charset=utf-8', extension: 'tmx' },
    { format: 'jsonl', contentType: 'application/jsonl; charset=utf-8', extension: 'jsonl' },
  ];
  it.each(rows)('$format is served as $contentType, saved as .$extension', ({ format, contentType, extension }) => {
    const [first] = FIXTURES;
    const file = exportArticle(first!.build(), format, first!.meta);
    expect({ contentType: file.contentType, extension: file.extension }).toEqual({ contentType, extension });
  });

  it('throws on a format name no caller should pass (programmer misuse)', () => {
    const [first] = FIXTURES;
    expect(() => exportArticle(first!.build(), 'docx' as ArticleExportFormat, first!.meta)).toThrow('exportArticle: unknown format docx');
  });

  it('knows every format by name and nothing else', () => {
    expect(ARTICLE_EXPORT_FORMATS.every(isArticleExportFormat)).toBe(true);
    expect(['xlf', 'XLIFF', 'tbx', '', 'toString'].filter(isArticleExportFormat)).toEqual([]);
  });
});
