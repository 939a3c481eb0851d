import type { ArticleView, Flag, FlagSpan } from './types.js';
import { spansOf } from './flag-spans.js';

/** One segment's text before and after applying the chosen fixes to it. */
export interface SegmentFix {
  readonly segment: number;
  readonly before: string;
  readonly after: string;
  /** How many flagged places in this segment the fix changes. */
  readonly count: number;
}

/** Returns the flags a "fix everywhere" of `flag` with `replacement` covers: the same check, the same group (or, without one, the same text), offering that replacement, with a place not already reading it. */
export function selectSameFix(flags: readonly Flag[], flag: Flag, replacement: string): Flag[] {
  return flags.filter(
    (f) =>
      f.check === flag.check &&
      (flag.group !== undefined ? f.group === flag.group : f.text === flag.text) &&
      f.suggestions.includes(replacement) &&
      spansToFix(f, replacement).length > 0,
  );
}

/** Returns the places of a flag that applying `replacement` changes: its spans not already reading it. */
export function spansToFix(flag: Flag, replacement: string): FlagSpan[] {
  return spansOf(flag).filter((s) => s.text !== replacement);
}

/** Returns how many places a "fix everywhere" of `flag` with `replacement` changes (each span of each flag it covers, once). */
export function countSameFix(flags: readonly Flag[], flag: Flag, replacement: string): number {
  const places = new Set(selectSameFix(flags, flag, replacement).flatMap((f) => spansToFix(f, replacement).map((s) => `${s.segment}:${s.start}:${s.end}`)));
  return places.size;
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

/** Returns the per-segment changes of applying `replacement` at every span of every flag given, in reading order; segments whose spans are stale are left out. */
export function planFixes(article: ArticleView, flags: readonly Flag[], replacement: string): SegmentFix[] {
  return planFixesOf(article, [{ flags, replacement }]);
}

/**
 * Returns the per-segment changes of several fixes at once (the QA list's "fix everywhere" of flags
 * ticked in one article, each with its own suggestion), in reading order: each choice replaces the
 * spans of its flags with its replacement. A place two choices cover is replaced by the first;
 * segments whose spans are stale or overlap are left out, as planFixes leaves them.
 */
export function planFixesOf(article: ArticleView, choices: readonly { readonly flags: readonly Flag[]; readonly replacement: string }[]): SegmentFix[] {
  const bySegment = new Map<number, Map<string, FlagSpan & { replacement: string }>>();
  for (const { flags, replacement } of choices) {
    for (const span of flags.flatMap((f) => spansToFix(f, replacement))) {
      // One place flagged twice (two flags of one group, or two choices) is replaced once.
      const spans = bySegment.get(span.segment) ?? new Map<string, FlagSpan & { replacement: string }>();
      const key = `${span.start}:${span.end}`;
      if (!spans.has(key)) spans.set(key, { ...span, replacement });
      bySegment.set(span.segment, spans);
    }
  }
  const fixes: SegmentFix[] = [];
  for (const segment of article.segments) {
    const spans = bySegment.get(segment.index);
    if (!spans) continue;
    const after = replaceSpans(segment.edit, [...spans.values()].map((s) => ({ start: s.start, end: s.end, text: s.text, replacement: s.replacement })));
    if (after === undefined || after === segment.edit) continue;
    fixes.push({ segment: segment.index, before: segment.edit, after, count: spans.size });
  }
  return fixes;
}
