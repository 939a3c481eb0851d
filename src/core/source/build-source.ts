import { BOILERPLATE_LINES } from '../article/boilerplate.js';
import { parseArticle } from '../article/parse-article.js';
import type { ParsedSegment } from '../article/types.js';
import { alignSegments, type AlignInput } from './align.js';
import type { ArticleSource } from './types.js';

/**
 * Returns the Korean original segmented as an article is (headline, paragraphs, captions, page
 * chrome) and aligned with the MT's segments. Pure and total: any text gives a (maybe empty) source.
 */
export function buildArticleSource(sourceText: string, mt: readonly AlignInput[]): ArticleSource {
  const parsed = withKoreanHeadline(parseArticle(sourceText).segments).map((s, position) => ({ position, kind: s.kind, text: s.text }));
  const aligned = alignSegments(parsed, mt);
  return { segments: parsed.map((s, i) => ({ index: s.position, kind: s.kind, text: s.text, aligned: aligned[i] ?? [] })) };
}

const KNOWN_CHROME = new Set(BOILERPLATE_LINES);

/**
 * The article parser takes a short Hangul-only line before the headline for a site's menu ("본문
 * 바로가기"). In a Korean original such a line is usually the headline itself (외교부 장관 방중), so
 * the last one before the content becomes the headline when it is no known chrome line and what the
 * parser took for the headline is at least twice as long (a lede, not a title).
 */
function withKoreanHeadline(segments: readonly ParsedSegment[]): ParsedSegment[] {
  const first = segments.findIndex((s) => s.kind !== 'boilerplate');
  const line = segments[first - 1];
  const headline = segments[first];
  if (first < 1 || line === undefined || headline === undefined || headline.kind !== 'headline') return [...segments];
  if (KNOWN_CHROME.has(line.text) || headline.text.length < line.text.length * 2) return [...segments];
  return segments.map((s, i) => (i === first - 1 ? { ...s, kind: 'headline' } : i === first ? { ...s, kind: 'body' } : s));
}
