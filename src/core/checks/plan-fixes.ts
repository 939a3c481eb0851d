import type { ArticleView, Flag } from './types.js';

/** One segment's text before and after applying the chosen fixes to it. */
export interface SegmentFix {
  readonly segment: number;
  readonly before: string;
  readonly after: string;
  /** How many flagged places in this segment the fix changes. */
  readonly count: number;
}

/** Returns the flags a "fix everywhere" of `flag` with `replacement` covers: the same check, the same group (or, without one, the same text), offering that replacement. */
export function selectSameFix(flags: readonly Flag[], flag: Flag, replacement: string): Flag[] {
  return flags.filter(
    (f) =>
      f.check === flag.check &&
      (flag.group !== undefined ? f.group === flag.group : f.text === flag.text) &&
      f.suggestions.includes(replacement) &&
      f.text !== replacement,
  );
}

/**
 * Returns `text` with each flag's span replaced, or undefined when a span no longer holds the
 * flag's text or two spans overlap (the page the editor saw is stale; nothing must be guessed).
 */
export function replaceSpans(text: string, spans: readonly { start: number; end: number; text: string; replacement: string }[]): string | undefined {
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const span of ordered) {
    if (span.start < cursor || text.slice(span.start, span.end) !== span.text) return undefined;
    out += text.slice(cursor, span.start) + span.replacement;
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

/** Returns the per-segment changes of applying `replacement` at every flag given, in reading order; segments whose spans are stale are left out. */
export function planFixes(article: ArticleView, flags: readonly Flag[], replacement: string): SegmentFix[] {
  const bySegment = new Map<number, Flag[]>();
  for (const f of flags) bySegment.set(f.segment, [...(bySegment.get(f.segment) ?? []), f]);
  const fixes: SegmentFix[] = [];
  for (const segment of article.segments) {
    const segmentFlags = bySegment.get(segment.index);
    if (!segmentFlags) continue;
    const after = replaceSpans(segment.edit, segmentFlags.map((f) => ({ start: f.start, end: f.end, text: f.text, replacement })));
    if (after === undefined || after === segment.edit) continue;
    fixes.push({ segment: segment.index, before: segment.edit, after, count: segmentFlags.length });
  }
  return fixes;
}
