import type { ExportArticle } from './types.js';

/**
 * Returns an XML NMTOKEN (XML 1.0 production [7]; XLIFF 2 `file/@id` and `unit/@id` are
 * NMTOKENs) naming the article: `article-` and its id, characters outside A-Z a-z 0-9 . _ -
 * replaced by `_`.
 */
export function articleToken(article: ExportArticle): string {
  return `article-${String(article.id).replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

/** Returns the XLIFF 2 unit id of the segment at `position`: `u` + position (unique, as positions are within an article). */
export function unitId(position: number): string {
  return `u${position}`;
}

/** Returns the id of the segment at `position` (XLIFF 2 segment, XLIFF 1.2 trans-unit): `s` + position. */
export function segmentId(position: number): string {
  return `s${position}`;
}
