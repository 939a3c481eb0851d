import type { ExportArticle, ExportSegment } from './types.js';

/** What the editor has done to a segment: changed it, saved it unchanged (or reverted it), or never touched it. */
export type EditStatus = 'edited' | 'confirmed' | 'unchanged';

/**
 * Returns the segments every export carries: all but page chrome, in reading order. Boilerplate
 * ("Text Size", "Close", the copyright line) is the website's, not the article's: it is never
 * post-edited, and in a translation memory or MT training data it is noise.
 */
export function exportedSegments(article: ExportArticle): ExportSegment[] {
  return article.segments.filter((s) => s.kind !== 'boilerplate');
}

/** Returns what the editor did to the segment: 'edited' when the text differs from the MT, else 'confirmed' when saved, else 'unchanged'. */
export function editStatus(segment: ExportSegment): EditStatus {
  if (segment.edit !== segment.mt) return 'edited';
  return segment.revision > 0 ? 'confirmed' : 'unchanged';
}

/**
 * Returns true when every exported segment has its Korean source, so the file can be a ko -> en
 * translation; one unknown source makes the whole XLIFF monolingual (XLIFF has one srcLang per
 * document). An article with no exported segment has no source either.
 */
export function isBilingual(segments: readonly ExportSegment[]): boolean {
  return segments.length > 0 && segments.every((s) => s.source !== undefined);
}

/**
 * Returns true when the checks left an error open in the segment: whatever the editor saved, it
 * is not reviewed yet, and no export may call it reviewed or approved (unless the article is
 * marked done: the editor signed it off as it is).
 */
export function hasOpenErrors(segment: ExportSegment): boolean {
  return (segment.openErrors ?? 0) > 0;
}
