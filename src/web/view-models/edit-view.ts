import { segmentPlace } from './format.js';
import type { ArticleRow } from '../../service/types.js';
import type { SegmentView } from '../../service/types.js';
import { buildSegmentView, type SegmentVm } from './segment-view.js';

/** The stand-alone edit page of one segment (no script needed; also where a refused form re-renders). */
export interface EditVm {
  readonly title: string;
  readonly articleUrl: string;
  readonly segment: SegmentVm;
  /** What goes in the text box: what the editor typed when a save was refused, else the current edit. */
  readonly text: string;
  readonly message: string | null;
}

/** Returns the edit page's view-model. */
export function buildEditView(article: ArticleRow, segment: SegmentView, text: string, message: string | null): EditVm {
  const vm = buildSegmentView(article.id, segment);
  return { title: `Edit ${segmentPlace(segment.kind, segment.position).toLowerCase()}`, articleUrl: `/articles/${article.id}#${vm.anchor}`, segment: vm, text, message };
}
