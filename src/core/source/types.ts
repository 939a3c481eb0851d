import type { SegmentKind } from '../article/types.js';

/** One segment of the Korean original, with the MT segments it was aligned with. */
export interface SourceSegment {
  /** 0-based position in the source text's segments. */
  readonly index: number;
  readonly kind: SegmentKind;
  readonly text: string;
  /** Positions of the MT segments that translate it (usually one); empty when none does. */
  readonly aligned: readonly number[];
}

/** The Korean original of an article, segmented and aligned with the MT (issue 12). */
export interface ArticleSource {
  readonly segments: readonly SourceSegment[];
}
