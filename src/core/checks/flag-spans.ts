import type { Flag, FlagSpan } from './types.js';

/** Returns every place a flag covers, in reading order: its `spans`, or its one primary span. */
export function spansOf(flag: Flag): readonly FlagSpan[] {
  if (flag.spans && flag.spans.length > 0) return flag.spans;
  return [{ segment: flag.segment, start: flag.start, end: flag.end, text: flag.text }];
}

/** Returns spans in reading order (segment, then offset), without repeats of one place. */
export function orderSpans(spans: readonly FlagSpan[]): FlagSpan[] {
  const seen = new Set<string>();
  return [...spans]
    .sort((a, b) => a.segment - b.segment || a.start - b.start || a.end - b.end)
    .filter((s) => {
      const key = `${s.segment}:${s.start}:${s.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Returns the primary span fields and `spans` of a flag over these places (at least one): the
 * first place in reading order is the primary; `spans` is left out when there is only one.
 */
export function spanFields(spans: readonly FlagSpan[]): Pick<Flag, 'segment' | 'start' | 'end' | 'text' | 'spans'> {
  const ordered = orderSpans(spans);
  const first = ordered[0];
  if (!first) throw new Error('spanFields needs at least one span.');
  return { segment: first.segment, start: first.start, end: first.end, text: first.text, ...(ordered.length > 1 ? { spans: ordered } : {}) };
}

/** Returns one flag per place (each a copy whose primary span is that place, without `spans`): for code that reasons about one span at a time. */
export function flagPerSpan(flags: readonly Flag[]): Flag[] {
  return flags.flatMap((flag) => {
    if (!flag.spans || flag.spans.length < 2) return [flag];
    const { spans, ...rest } = flag;
    return spans.map((s): Flag => ({ ...rest, segment: s.segment, start: s.start, end: s.end, text: s.text }));
  });
}
