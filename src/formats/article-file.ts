import { decodeArticleInput } from '../core/article/decode-input.js';
import { parseArticle } from '../core/article/parse-article.js';
import type { ParsedSegment } from '../core/article/types.js';
import type { ArticleView, CheckSegment } from '../core/checks/types.js';
import { buildArticleSource } from '../core/source/build-source.js';

/** An article file read for the checks, or why it could not be: unreadable bytes, or an edited file that does not pair with its MT. */
export type ArticleFileResult =
  | { readonly ok: true; readonly article: ArticleView }
  | { readonly ok: false; readonly reason: 'unreadable' | 'unpaired'; readonly file: string; readonly message: string };

/** One article file: the name it is reported under (its path) and its bytes. */
export interface ArticleFile {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/**
 * Returns the article in an MT file as the checks see it: key = the file's name, segments indexed
 * by position (page chrome included, so indexes match the database's), edit = MT. Refuses what
 * the importer refuses: empty, binary, not UTF-8, too large.
 */
export function readArticleFile(mt: ArticleFile): ArticleFileResult {
  const decoded = decodeArticleInput(mt.bytes);
  if (!decoded.ok) return { ok: false, reason: 'unreadable', file: mt.file, message: decoded.message };
  const parsed = parseArticle(decoded.text);
  const segments = parsed.segments.map((s, index) => ({ index, kind: s.kind, mt: s.text, edit: s.text }));
  return { ok: true, article: { key: mt.file, title: parsed.title, segments } };
}

/**
 * Returns the MT file's article with the edited file's text as each segment's edit. Segments pair
 * by position when both files have as many; otherwise the content segments (headline, standfirst,
 * paragraphs, captions) pair in order and page chrome keeps its MT (an editor often saves the
 * article without the scraped navigation). Kinds are the MT's: an edit that adds a full stop to
 * the standfirst does not make it a paragraph. When the content counts differ (a paragraph merged,
 * split or deleted) nothing is guessed: the result says which counts differ.
 */
export function readEditedArticleFile(mt: ArticleFile, edited: ArticleFile): ArticleFileResult {
  const base = readArticleFile(mt);
  if (!base.ok) return base;
  const decoded = decodeArticleInput(edited.bytes);
  if (!decoded.ok) return { ok: false, reason: 'unreadable', file: edited.file, message: decoded.message };
  const editedSegments = parseArticle(decoded.text).segments;
  const segments = pairSegments(base.article.segments, editedSegments);
  if (segments === undefined) {
    const mtCount = countContent(base.article.segments);
    const editedCount = countContent(editedSegments);
    return {
      ok: false,
      reason: 'unpaired',
      file: edited.file,
      message:
        `${edited.file} has ${editedCount} content ${plural(editedCount, 'segment')} and ${mt.file} has ${mtCount}: ` +
        'the edited file must keep every headline, paragraph and caption of the MT, in order and separated by blank lines (do not merge, split or delete them).',
    };
  }
  return { ok: true, article: { ...base.article, segments } };
}

/** Returns the MT segments with their edits from `edited`, or undefined when the two cannot be paired. */
function pairSegments(mt: readonly CheckSegment[], edited: readonly ParsedSegment[]): CheckSegment[] | undefined {
  if (mt.length === edited.length) return mt.map((s, i) => ({ ...s, edit: edited[i]?.text ?? s.mt }));
  const editedContent = edited.filter((s) => s.kind !== 'boilerplate');
  // Guard: with page chrome set aside the content must still match one to one.
  if (countContent(mt) !== editedContent.length) return undefined;
  let next = 0;
  return mt.map((s) => {
    if (s.kind === 'boilerplate') return s;
    const edit = editedContent[next]?.text ?? s.mt;
    next += 1;
    return { ...s, edit };
  });
}

function countContent(segments: readonly { readonly kind: string }[]): number {
  return segments.filter((s) => s.kind !== 'boilerplate').length;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/**
 * Returns the article with its Korean original (issue 12): the source file decoded as an article
 * is (refused when empty, binary, not UTF-8 or over the article size limit, with the source's file
 * name) and aligned with the MT's segments.
 */
export function withSourceFile(article: ArticleView, source: ArticleFile): ArticleFileResult {
  const decoded = decodeArticleInput(source.bytes);
  if (!decoded.ok) return { ok: false, reason: 'unreadable', file: source.file, message: `the Korean source: ${lowerFirst(decoded.message)}` };
  const mt = article.segments.map((s) => ({ position: s.index, kind: s.kind, text: s.mt }));
  return { ok: true, article: { ...article, source: buildArticleSource(decoded.text, mt) } };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
