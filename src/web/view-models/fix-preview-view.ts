import type { ArticleRow } from '../../service/types.js';
import type { SegmentView } from '../../service/types.js';
import type { Flag } from '../../core/checks/types.js';
import type { DiffPart } from '../../core/diff/types.js';
import type { SegmentFix } from '../../core/checks/plan-fixes.js';
import { diffSegment } from '../../core/diff/diff-segment.js';
import { KIND_LABELS, segmentPlace } from './format.js';

/** The "fix everywhere" preview: every change as a diff, each with the revision it is based on. */
export interface FixPreviewVm {
  readonly title: string;
  readonly articleUrl: string;
  readonly action: string;
  readonly fingerprint: string;
  readonly replacement: string;
  readonly flagText: string;
  readonly total: number;
  readonly changes: readonly { readonly segment: number; readonly where: string; readonly base: number; readonly count: number; readonly parts: readonly DiffPart[] }[];
}

/** Returns the preview page's view-model. */
export function buildFixPreview(article: ArticleRow, segments: readonly SegmentView[], flag: Flag, replacement: string, fixes: readonly SegmentFix[]): FixPreviewVm {
  const byPosition = new Map(segments.map((s) => [s.position, s]));
  return {
    title: `Replace “${flag.text}” with “${replacement}”`,
    articleUrl: `/articles/${article.id}#flags`,
    action: `/articles/${article.id}/fixes`,
    fingerprint: flag.fingerprint,
    replacement,
    flagText: flag.text,
    total: fixes.reduce((sum, f) => sum + f.count, 0),
    changes: fixes.map((f) => {
      const segment = byPosition.get(f.segment);
      return {
        segment: f.segment,
        where: segmentPlace(segment?.kind, f.segment),
        base: segment?.revision ?? 0,
        count: f.count,
        parts: diffSegment(f.before, f.after).parts,
      };
    }),
  };
}
