// The public API of the diff module: word diffs of a segment and the corrections derived from them.
export type { CorrectionPair, DiffOp, DiffPart } from './types.js';
export {
  DEFAULT_MAX_EDIT_LENGTH,
  DEFAULT_TIMEOUT_MS,
  diffSegment,
  type DiffSegmentOptions,
  type SegmentDiff,
} from './diff-segment.js';
export { editSideParts, mtSideParts, newSide, oldSide, toCompact } from './compact.js';
export { deriveCorrections } from './corrections.js';
export { correctionKey } from './correction-key.js';
export { isWordBoundary } from './boundaries.js';
