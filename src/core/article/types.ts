/** What a segment is in the article: its role decides how it is shown and which checks apply. */
export type SegmentKind = 'headline' | 'standfirst' | 'body' | 'caption' | 'boilerplate';

/** Every segment kind, in the order an editor reads them. */
export const SEGMENT_KINDS: readonly SegmentKind[] = ['headline', 'standfirst', 'body', 'caption', 'boilerplate'];

/** One segment as parsed from raw article text: its kind and its exact MT text. */
export interface ParsedSegment {
  readonly kind: SegmentKind;
  readonly text: string;
}

/** A parsed article: a title (the headline's text, or a fallback) and its segments in reading order. */
export interface ParsedArticle {
  readonly title: string;
  readonly segments: readonly ParsedSegment[];
}
