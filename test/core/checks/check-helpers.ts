import { readFileSync } from 'node:fs';
import { parseArticle } from '../../../src/core/article/parse-article.js';
import type { SegmentKind } from '../../../src/core/article/types.js';
import { deriveArticleCorrections } from '../../../src/core/checks/article-corrections.js';
import type { ArticleView, Check, CheckContext, CorpusCorrection, Flag } from '../../../src/core/checks/types.js';

/** The real corpus article (test/helpers.ts names it too, but importing that pulls in the web app). */
export const CORPUS_FILE = new URL('../../../corpus/cho-tae-yul-beijing-forced-repatriation.txt', import.meta.url);

/** One segment of a test article: its kind (body by default), its MT and its edit (the MT when left out). */
export interface SegmentRow {
  readonly kind?: SegmentKind;
  readonly mt: string;
  readonly edit?: string;
}

/** Returns an article from rows, indexed by position. */
export function articleOf(rows: readonly SegmentRow[], key = 'test.txt'): ArticleView {
  const segments = rows.map((r, index) => ({ index, kind: r.kind ?? 'body', mt: r.mt, edit: r.edit ?? r.mt }));
  return { key, title: segments.find((s) => s.kind === 'headline')?.mt ?? '', segments };
}

/** Returns the corpus article parsed, with the given segments' edits replaced (by index). */
export function corpusArticle(edits: Readonly<Record<number, string>> = {}): ArticleView {
  const parsed = parseArticle(readFileSync(CORPUS_FILE, 'utf8'));
  const segments = parsed.segments.map((s, index) => ({ index, kind: s.kind, mt: s.text, edit: edits[index] ?? s.text }));
  return { key: 'corpus/cho-tae-yul-beijing-forced-repatriation.txt', title: parsed.title, segments };
}

/** Returns a check context without the names module: this article's corrections derived from its diffs, and the given corpus. */
export function contextOf(article: ArticleView, corpusCorrections: readonly CorpusCorrection[] = []): CheckContext {
  return { corrections: deriveArticleCorrections(article), corpusCorrections, glossary: [], distinctPeople: [], names: { people: [] } };
}

/** Runs one check directly (no runChecks, so no name index is needed). */
export function runOne(check: Check, article: ArticleView, corpusCorrections: readonly CorpusCorrection[] = []): Flag[] {
  return check.run(article, contextOf(article, corpusCorrections));
}

/** Returns flags as compact strings, `segment:start-end "text" severity`, the way the tables state them. */
export function compact(flags: readonly Flag[]): string[] {
  return flags.map((f) => `${f.segment}:${f.start}-${f.end} ${JSON.stringify(f.text)} ${f.severity}`);
}

/** Returns a corpus correction made in the named other articles. */
export function corpusCorrection(mtText: string, editText: string, titles: readonly string[]): CorpusCorrection {
  return { mtText, editText, count: titles.length, articles: titles.map((title, i) => ({ key: `other-${i + 1}`, title })) };
}
