import type { ArticleView, Check, Flag } from './types.js';
import { hashText } from './span-fingerprint.js';
import { previewText } from '../source/source-view.js';
import type { SourceSegment } from '../source/types.js';

const ID = 'source-omitted';

/**
 * Source segments shorter than this many letters are not reported (range 5-40): a byline
 * ("김민수 기자"), a photo credit or a dateline is not a paragraph a translation must carry.
 */
export const MIN_OMITTED_LETTERS = 12;

/**
 * `source-omitted` (issue 12, the Korean original): a paragraph of the source that the alignment
 * found no MT segment for; the translation may have left it out. The flag stands at the end of the
 * MT segment before the gap (at the start of the first one when the gap opens the article), with
 * the start of the Korean paragraph in the message.
 */
export const sourceOmitted = {
  id: ID,
  name: 'Source paragraph not translated',
  description: 'A paragraph of the Korean source has no counterpart in the translation; it may have been left out.',
  severity: 'warning',
  run(article: ArticleView): Flag[] {
    // Guard: without the Korean original nothing can be missing from it.
    if (article.source === undefined) return [];
    const content = article.segments.filter((s) => s.kind !== 'boilerplate');
    // Guard: an MT with no content is another problem (the import refuses it).
    if (content.length === 0) return [];
    const flags: Flag[] = [];
    const sources = article.source.segments;
    sources.forEach((source, i) => {
      // Guard: page chrome, and lines too short to be paragraphs, are not reported.
      if (source.kind === 'boilerplate' || source.aligned.length > 0 || letters(source.text) < MIN_OMITTED_LETTERS) return;
      const before = lastAligned(sources.slice(0, i));
      const after = sources.slice(i + 1).find((s) => s.aligned.length > 0)?.aligned[0];
      const at = before !== undefined ? article.segments.find((s) => s.index === before) : article.segments.find((s) => s.index === after) ?? content[0];
      if (at === undefined) return;
      const offset = before !== undefined ? at.edit.length : 0;
      const where = before !== undefined ? 'after this segment' : 'before this segment';
      const what = source.kind === 'headline' ? 'headline' : source.kind === 'caption' ? 'caption' : 'paragraph';
      flags.push({
        check: ID,
        severity: 'warning',
        segment: at.index,
        start: offset,
        end: offset,
        text: '',
        message: `The Korean source has a ${what} ${where} that nothing in the translation matches: “${previewText(source.text)}”. Check whether it was left out.`,
        suggestions: [],
        // The source paragraph is what the flag is about: an edit of the segment beside it must not revive a dismissed flag.
        fingerprint: `${ID}|${hashText(source.text)}`,
      });
    });
    return flags;
  },
} satisfies Check;

function lastAligned(sources: readonly SourceSegment[]): number | undefined {
  for (let i = sources.length - 1; i >= 0; i -= 1) {
    const aligned = sources[i]?.aligned ?? [];
    if (aligned.length > 0) return aligned[aligned.length - 1];
  }
  return undefined;
}

function letters(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}
