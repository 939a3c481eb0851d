import type { SegmentKind } from '../../core/article/types.js';
import { cleanText } from './clean-text.js';
import { escapeMarkdownLine } from './escape-markdown.js';
import { exportedSegments } from './segments.js';
import type { ExportArticle } from './types.js';

/** CommonMark hard line break (§6.7): a backslash at the end of a line, so a line break inside a segment survives. */
const HARD_BREAK = '\\\n';

/**
 * Returns the corrected article as CommonMark: the headline as `# …`, the standfirst in italics,
 * paragraphs as they are, and captions as an italic block quote (Markdown has no caption element;
 * the quote sets the caption apart from the standfirst and the body). Every line is escaped, so
 * article text cannot inject markup. Page chrome and emptied segments are left out; one blank
 * line between blocks and a final newline ('' when nothing is left).
 */
export function writeCorrectedMarkdown(article: ExportArticle): string {
  const blocks: string[] = [];
  for (const segment of exportedSegments(article)) {
    const lines = cleanText(segment.edit).split('\n').map(escapeMarkdownLine).filter((line) => line !== '');
    if (lines.length === 0) continue;
    blocks.push(renderBlock(segment.kind, lines));
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

/** Returns one segment's Markdown block from its escaped, non-empty lines. */
function renderBlock(kind: SegmentKind, lines: readonly string[]): string {
  switch (kind) {
    case 'headline':
      // An ATX heading is one line (§4.2): the headline's lines are joined with spaces.
      return `# ${lines.join(' ')}`;
    case 'standfirst':
      // Each line its own emphasis, so a hard break never sits inside one.
      return lines.map((line) => `*${line}*`).join(HARD_BREAK);
    case 'caption':
      return lines.map((line) => `> *${line}*`).join(HARD_BREAK);
    default:
      return lines.join(HARD_BREAK);
  }
}
