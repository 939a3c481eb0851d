import { readFileSync } from 'node:fs';
import { parseArticle } from '../../../src/core/article/parse-article.js';
import { buildArticleSource } from '../../../src/core/source/build-source.js';
import type { ArticleView } from '../../../src/core/checks/types.js';

/** The hand-written Korean/English pairs (test/fixtures/korean-source/README.md). */
export const KOREAN_SOURCE_FIXTURES = new URL('../../fixtures/korean-source/', import.meta.url);

/** Returns an article from its MT text and its Korean original (aligned as an import aligns them); edits by index. */
export function articleWithSource(mt: string, ko: string | undefined, edits: Readonly<Record<number, string>> = {}, key = 'test.txt'): ArticleView {
  const parsed = parseArticle(mt);
  const segments = parsed.segments.map((s, index) => ({ index, kind: s.kind, mt: s.text, edit: edits[index] ?? s.text }));
  const base = { key, title: parsed.title, segments };
  if (ko === undefined) return base;
  return { ...base, source: buildArticleSource(ko, segments.map((s) => ({ position: s.index, kind: s.kind, text: s.mt }))) };
}

/** Returns a fixture pair as an article with its source (`withSource` false: the MT alone, as before issue 12). */
export function fixturePair(name: string, opts: { withSource?: boolean; edits?: Readonly<Record<number, string>> } = {}): ArticleView {
  const mt = readFileSync(new URL(`${name}.txt`, KOREAN_SOURCE_FIXTURES), 'utf8');
  const ko = opts.withSource === false ? undefined : readFileSync(new URL(`${name}.ko.txt`, KOREAN_SOURCE_FIXTURES), 'utf8');
  return articleWithSource(mt, ko, opts.edits, `${name}.txt`);
}
