import { isBoilerplateLine } from './boilerplate.js';
import { splitBlocks } from './lines.js';
import { findPhotoCredit, isPhotoCreditLine } from './photo-credit.js';
import { looksLikeStandfirst } from './standfirst.js';
import type { ParsedArticle, ParsedSegment, SegmentKind } from './types.js';

/** A run of lines that will become one segment: page chrome (always one line) or content. */
interface Group {
  readonly lines: readonly string[];
  readonly isChrome: boolean;
}

/**
 * Returns the article's segments in reading order, each with its kind, and its title. Never throws:
 * any string, however odd, gives a (possibly empty) article.
 */
export function parseArticle(raw: string): ParsedArticle {
  const { blocks, isLinePerBlock } = splitBlocks(raw);
  const groups = splitAfterCredits(groupLines(blocks));
  const segments = classify(isLinePerBlock ? attachCredits(groups) : groups);
  return { title: titleOf(segments), segments };
}

/**
 * Splits each block into content runs and single chrome lines, so chrome that the scraper ran
 * into a paragraph (no blank line between) still becomes its own boilerplate segment.
 */
function groupLines(blocks: readonly (readonly string[])[]): Group[] {
  const groups: Group[] = [];
  let isBeforeContent = true;
  for (const block of blocks) {
    let run: string[] = [];
    for (const line of block) {
      if (isBoilerplateLine(line, { isBeforeContent })) {
        if (run.length > 0) groups.push({ lines: run, isChrome: false });
        run = [];
        groups.push({ lines: [line], isChrome: true });
      } else {
        run.push(line);
        isBeforeContent = false;
      }
    }
    if (run.length > 0) groups.push({ lines: run, isChrome: false });
  }
  return groups;
}

/**
 * A photo credit closes its caption: lines after it in the same block (a scraper that dropped the
 * blank line between a caption and the headline) start a new group, so the headline is not read
 * as part of the caption and the first body paragraph as the headline.
 */
function splitAfterCredits(groups: readonly Group[]): Group[] {
  const out: Group[] = [];
  for (const group of groups) {
    if (group.isChrome) {
      out.push(group);
      continue;
    }
    let run: string[] = [];
    for (const line of group.lines) {
      run.push(line);
      if (isPhotoCreditLine(line)) {
        out.push({ lines: run, isChrome: false });
        run = [];
      }
    }
    if (run.length > 0) out.push({ lines: run, isChrome: false });
  }
  return out;
}

/**
 * With one line per block, a caption and its "[Photo by …]" line arrive as two blocks; the credit
 * is joined to the content line before it, as it would be in a blank-line-separated article.
 */
function attachCredits(groups: readonly Group[]): Group[] {
  const out: Group[] = [];
  for (const group of groups) {
    const prev = out[out.length - 1];
    const isLoneCredit = !group.isChrome && group.lines.length === 1 && findPhotoCredit(group.lines[0] ?? '') === 'whole-line';
    if (isLoneCredit && prev !== undefined && !prev.isChrome && !prev.lines.some(isPhotoCreditLine)) {
      out[out.length - 1] = { lines: [...prev.lines, ...group.lines], isChrome: false };
    } else {
      out.push(group);
    }
  }
  return out;
}

/**
 * Gives each group its kind. A credit makes a caption wherever it stands (a photo may precede the
 * headline); the first other content is the headline, and the content after it is the standfirst
 * only if it reads like one.
 */
function classify(groups: readonly Group[]): ParsedSegment[] {
  const segments: ParsedSegment[] = [];
  let hasHeadline = false;
  let isStandfirstDecided = false;
  for (const group of groups) {
    let kind: SegmentKind;
    if (group.isChrome) {
      kind = 'boilerplate';
    } else if (group.lines.some(isPhotoCreditLine)) {
      kind = 'caption';
    } else if (!hasHeadline) {
      kind = 'headline';
      hasHeadline = true;
    } else if (!isStandfirstDecided) {
      kind = looksLikeStandfirst(group.lines) ? 'standfirst' : 'body';
      isStandfirstDecided = true;
    } else {
      kind = 'body';
    }
    segments.push({ kind, text: group.lines.join('\n').trim() });
  }
  return segments;
}

function titleOf(segments: readonly ParsedSegment[]): string {
  const headline = segments.find((s) => s.kind === 'headline');
  if (headline !== undefined) return headline.text;
  return segments.find((s) => s.kind !== 'boilerplate')?.text ?? '';
}
