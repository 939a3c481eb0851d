import { cleanText } from './clean-text.js';
import { exportedSegments } from './segments.js';
import type { ExportArticle } from './types.js';

/**
 * Returns the corrected article as plain text: the edit of every headline, standfirst, paragraph
 * and caption in reading order, a blank line between segments, a final newline ('' when nothing
 * is left). Page chrome and segments the editor emptied are left out.
 */
export function writeCorrectedText(article: ExportArticle): string {
  const blocks = exportedSegments(article)
    .map((s) => cleanText(s.edit).trim())
    .filter((text) => text !== '');
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}
