import type { ServiceContext } from './context.js';
import { loadReview } from './review.js';
import type { Flag, FlagSpan } from '../core/checks/types.js';
import { spansOf } from '../core/checks/flag-spans.js';
import type { ArticleRow } from '../store/articles.js';

/** One segment as a script sees it: where it is, what the MT said, the current edit, its revision, and its open flags. */
export interface SegmentWithFlags {
  readonly index: number;
  readonly kind: string;
  readonly mt: string;
  readonly edit: string;
  readonly revision: number;
  /** The open flags whose first place is in this segment, each with every place it covers (`spans`, which may reach other segments). */
  readonly flags: readonly (Pick<Flag, 'check' | 'severity' | 'start' | 'end' | 'text' | 'message' | 'suggestions' | 'fingerprint'> & { readonly spans: readonly FlagSpan[] })[];
}

/** Returns an article with its segments and their open flags (what the review page shows), or undefined. */
export async function articleSegments(ctx: ServiceContext, articleId: number): Promise<{ article: ArticleRow; segments: SegmentWithFlags[] } | undefined> {
  const review = await loadReview(ctx, articleId);
  if (!review) return undefined;
  const bySegment = new Map<number, Flag[]>();
  for (const flag of review.flags.open) bySegment.set(flag.segment, [...(bySegment.get(flag.segment) ?? []), flag]);
  return {
    article: review.article,
    segments: review.state.segments.map((s) => ({
      index: s.position,
      kind: s.kind,
      mt: s.mt,
      edit: s.edit,
      revision: s.revision,
      flags: (bySegment.get(s.position) ?? []).map((f) => ({
        check: f.check, severity: f.severity, start: f.start, end: f.end, text: f.text, message: f.message, suggestions: f.suggestions, fingerprint: f.fingerprint, spans: spansOf(f),
      })),
    })),
  };
}
