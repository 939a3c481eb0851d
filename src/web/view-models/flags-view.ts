import type { Check, Flag, Severity } from '../../core/checks/types.js';
import type { DiffPart } from '../../core/diff/types.js';
import type { SegmentView } from '../../service/types.js';
import type { DismissalRow } from '../../service/types.js';
import { KIND_LABELS, formatTime, segmentPlace } from './format.js';
import { spansOf } from '../../core/checks/flag-spans.js';

/** A stretch of the edit column: diff op, text, and the most severe flag on it (if any). */
export interface EditPiece {
  readonly op: 'eq' | 'ins';
  readonly text: string;
  readonly flag: { readonly severity: Severity; readonly title: string; readonly target: string } | null;
}

/** One suggestion of a flag with the forms that apply it. */
export interface SuggestionVm {
  readonly text: string;
  /** Link to the preview of applying it at every place the same fix covers (null when it covers only this place). */
  readonly fixAllUrl: string | null;
  readonly fixAllCount: number;
}

/** One place of a flag, linked from the panel and posted by its "use … here" form. */
export interface SpanVm {
  readonly where: string;
  readonly anchor: string;
  readonly segment: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The segment's revision the page shows, posted so a stale page is refused. */
  readonly base: number;
}

/** One place of a flag in one segment's edit column: the flag, its panel id and the span's offsets. */
export interface FlagMark {
  readonly flag: Flag;
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** One flag in the side panel. */
export interface FlagVm {
  readonly id: string;
  readonly fingerprint: string;
  readonly check: string;
  readonly severity: Severity;
  readonly message: string;
  readonly text: string;
  readonly where: string;
  readonly anchor: string;
  readonly segment: number;
  readonly start: number;
  readonly end: number;
  readonly base: number;
  /** Every place the flag covers, the first being segment/start/end/text above (issue 12: one flag, all its places). */
  readonly spans: readonly SpanVm[];
  readonly suggestions: readonly SuggestionVm[];
  /** name-variant: pairs of the person's spellings, each offered as "different people" (each other spelling with the preferred one, then the others with each other). */
  readonly distinctPairs: readonly (readonly [string, string])[];
  /** name-variant: the one-action glossary decision (preferred spelling, the others deprecated). */
  readonly glossary: { readonly preferred: string; readonly deprecated: readonly string[] } | null;
}

/** The flags of one check, for the side panel. */
export interface FlagGroupVm {
  readonly checkId: string;
  readonly name: string;
  readonly description: string;
  readonly flags: readonly FlagVm[];
}

/** A dismissed flag with who dismissed it and why. */
export interface DismissedVm {
  readonly id: number;
  readonly checkName: string;
  readonly text: string;
  readonly reason: string;
  readonly author: string;
  readonly when: string;
  readonly isStillFound: boolean;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** Returns the edit column of a segment as pieces, splitting the diff's eq/ins parts at the boundaries of the flags' places. */
export function buildEditPieces(editParts: readonly DiffPart[], flags: readonly FlagMark[]): EditPiece[] {
  if (flags.length === 0) return editParts.map((p) => ({ op: p.op === 'ins' ? 'ins' : 'eq', text: p.text, flag: null }));
  const cuts = new Set<number>();
  let offset = 0;
  for (const p of editParts) {
    cuts.add(offset);
    offset += p.text.length;
  }
  cuts.add(offset);
  for (const mark of flags) {
    cuts.add(Math.min(Math.max(mark.start, 0), offset));
    cuts.add(Math.min(Math.max(mark.end, 0), offset));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: EditPiece[] = [];
  let partIndex = 0;
  let partStart = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    if (to === from) continue;
    while (partIndex < editParts.length && partStart + (editParts[partIndex] as DiffPart).text.length <= from) {
      partStart += (editParts[partIndex] as DiffPart).text.length;
      partIndex += 1;
    }
    const part = editParts[partIndex];
    if (!part) break;
    const covering = flags.filter((mark) => mark.start < to && mark.end > from);
    const top = covering.sort((a, b) => SEVERITY_RANK[b.flag.severity] - SEVERITY_RANK[a.flag.severity])[0];
    pieces.push({
      op: part.op === 'ins' ? 'ins' : 'eq',
      text: part.text.slice(from - partStart, to - partStart),
      flag: top ? { severity: top.flag.severity, title: [...new Set(covering.map((c) => c.flag.message))].join('\n'), target: top.id } : null,
    });
  }
  return pieces;
}

/** Returns 1st, 2nd, 3rd, 4th… */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** Returns the side panel's groups (in registry order, empty checks left out) and, by segment, every place of every flag for highlighting. */
export function buildFlagPanel(
  articleId: number,
  checks: readonly Check[],
  flags: readonly Flag[],
  segments: readonly SegmentView[],
  countSameFix: (flag: Flag, replacement: string) => number,
): { groups: FlagGroupVm[]; bySegment: Map<number, FlagMark[]> } {
  const byPosition = new Map(segments.map((s) => [s.position, s]));
  const bySegment = new Map<number, FlagMark[]>();
  const vms = flags.map((flag, i): FlagVm => {
    const id = `flag-${i}`;
    const places = spansOf(flag).map((span): SpanVm => {
      bySegment.set(span.segment, [...(bySegment.get(span.segment) ?? []), { flag, id, start: span.start, end: span.end }]);
      const at = byPosition.get(span.segment);
      return {
        where: segmentPlace(at?.kind, span.segment),
        anchor: `s${span.segment}`,
        segment: span.segment,
        start: span.start,
        end: span.end,
        text: span.text,
        base: at?.revision ?? 0,
      };
    });
    // Two places of one flag with the same text in one segment (a name written twice in a caption)
    // would read the same: each says which occurrence it is.
    const keyOf = (span: SpanVm) => `${span.segment}\u0000${span.text}`;
    const totals = new Map<string, number>();
    for (const span of places) totals.set(keyOf(span), (totals.get(keyOf(span)) ?? 0) + 1);
    const seen = new Map<string, number>();
    const spans = places.map((span): SpanVm => {
      const total = totals.get(keyOf(span)) ?? 1;
      if (total < 2) return span;
      const nth = (seen.get(keyOf(span)) ?? 0) + 1;
      seen.set(keyOf(span), nth);
      return { ...span, where: `${span.where}, ${ordinal(nth)} of ${total}` };
    });
    const segment = byPosition.get(flag.segment);
    return {
      id,
      fingerprint: flag.fingerprint,
      check: flag.check,
      severity: flag.severity,
      message: flag.message,
      text: flag.text,
      where: segmentPlace(segment?.kind, flag.segment),
      anchor: `s${flag.segment}`,
      segment: flag.segment,
      start: flag.start,
      end: flag.end,
      base: segment?.revision ?? 0,
      spans,
      suggestions: flag.suggestions.map((text) => {
        const count = countSameFix(flag, text);
        return {
          text,
          fixAllCount: count,
          fixAllUrl: count > 1 ? `/articles/${articleId}/fixes?${new URLSearchParams({ fingerprint: flag.fingerprint, replacement: text }).toString()}` : null,
        };
      }),
      distinctPairs: flag.check === 'name-variant' ? distinctPairsOf(flag.variants ?? []) : [],
      glossary:
        flag.check === 'name-variant' && flag.variants && flag.variants.length > 1
          ? { preferred: flag.variants[0] as string, deprecated: flag.variants.slice(1) }
          : null,
    };
  });
  const groups = checks
    .map((check) => ({ checkId: check.id, name: check.name, description: check.description, flags: vms.filter((f) => f.check === check.id) }))
    .filter((g) => g.flags.length > 0);
  return { groups, bySegment };
}

/** Returns the pairs of spellings (preferred first in `variants`) an editor may call different people: each other spelling with the preferred, then the others pairwise. */
export function distinctPairsOf(variants: readonly string[]): [string, string][] {
  const [preferred, ...others] = variants;
  if (preferred === undefined) return [];
  const pairs: [string, string][] = others.map((o) => [o, preferred]);
  others.forEach((a, i) => others.slice(i + 1).forEach((b) => pairs.push([a, b])));
  return pairs;
}

/** Returns the dismissed flags for the panel's "Dismissed" list. */
export function buildDismissedList(
  checks: readonly Check[],
  dismissed: readonly { flag: Flag; dismissal: DismissalRow }[],
  dismissals: readonly DismissalRow[],
): DismissedVm[] {
  const names = new Map(checks.map((c) => [c.id, c.name]));
  const found = new Set(dismissed.map((d) => d.dismissal.id));
  return dismissals.map((d) => ({
    id: d.id,
    checkName: names.get(d.checkId) ?? d.checkId,
    text: d.text,
    reason: d.reason,
    author: d.author,
    when: formatTime(d.createdAt),
    isStillFound: found.has(d.id),
  }));
}
