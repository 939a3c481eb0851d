import { describe, it, expect } from 'vitest';
import type { Flag } from '../../../src/core/checks/types.js';
import type { SegmentView } from '../../../src/service/types.js';
import { buildFlagPanel, distinctPairsOf } from '../../../src/web/view-models/flags-view.js';
import { buildSegmentView } from '../../../src/web/view-models/segment-view.js';
import { nameVariant } from '../../../src/core/checks/name-variant.js';

function segment(position: number, kind: SegmentView['kind'], text: string, revision = 0): SegmentView {
  return {
    id: position + 1, articleId: 1, position, kind, mt: text, mtWords: text.split(' ').length, edit: text, revision,
    diff: [{ op: 'eq', text }], isCoarse: false, wordsChanged: 0, author: null, savedAt: null,
  };
}

const SEGMENTS = [
  segment(0, 'headline', 'Cho Tae-yeol Visits Beijing'),
  segment(1, 'body', 'Cho Tae-yul met Wang Yi. Cho Tae-yul left.'),
  segment(2, 'caption', 'Cho Tae-yeol and Cho Tae-yol at the airport.', 2),
];

/** One person, three places in two segments (issue 12). */
const CLUSTER: Flag = {
  check: 'name-variant', severity: 'warning', segment: 0, start: 0, end: 12, text: 'Cho Tae-yeol',
  message: 'Cho Tae-yeol (headline, caption) and Cho Tae-yol (caption) are one person…', suggestions: ['Cho Tae-yul'],
  fingerprint: 'name-variant:cho-tae-yul', group: 'cho-tae-yul', variants: ['Cho Tae-yul', 'Cho Tae-yeol', 'Cho Tae-yol'],
  spans: [
    { segment: 0, start: 0, end: 12, text: 'Cho Tae-yeol' },
    { segment: 2, start: 0, end: 12, text: 'Cho Tae-yeol' },
    { segment: 2, start: 17, end: 28, text: 'Cho Tae-yol' },
  ],
};

describe('buildFlagPanel with a flag of several places (issue 12)', () => {
  it('lists the flag once with every place, each with its segment and the revision the page shows', () => {
    const { groups } = buildFlagPanel(1, [nameVariant], [CLUSTER], SEGMENTS, () => 3);
    expect(groups.map((g) => g.flags.length)).toEqual([1]);
    const [vm] = groups[0]!.flags;
    expect(vm!.spans.map((s) => `${s.anchor} ${s.where} ${s.start}-${s.end} ${s.text} base ${s.base}`)).toEqual([
      's0 Headline 1 0-12 Cho Tae-yeol base 0',
      's2 Caption 3 0-12 Cho Tae-yeol base 2',
      's2 Caption 3 17-28 Cho Tae-yol base 2',
    ]);
    expect(vm!.suggestions).toEqual([{ text: 'Cho Tae-yul', fixAllCount: 3, fixAllUrl: '/articles/1/fixes?fingerprint=name-variant%3Acho-tae-yul&replacement=Cho+Tae-yul' }]);
    expect(vm!.distinctPairs).toEqual([['Cho Tae-yeol', 'Cho Tae-yul'], ['Cho Tae-yol', 'Cho Tae-yul'], ['Cho Tae-yeol', 'Cho Tae-yol']]);
  });

  it('marks every place in its segment, all pointing at the one flag, and a segment counts the flag once', () => {
    const { bySegment } = buildFlagPanel(1, [nameVariant], [CLUSTER], SEGMENTS, () => 3);
    const caption = buildSegmentView(1, SEGMENTS[2]!, bySegment.get(2));
    expect(caption.flagCount).toBe(1);
    expect(caption.editPieces.map((p) => (p.flag ? `[${p.text}→${p.flag.target}]` : p.text)).join('')).toBe('[Cho Tae-yeol→flag-0] and [Cho Tae-yol→flag-0] at the airport.');
    expect(buildSegmentView(1, SEGMENTS[1]!, bySegment.get(1)).flagCount).toBe(0);
    expect(buildSegmentView(1, SEGMENTS[0]!, bySegment.get(0)).editPieces[0]).toMatchObject({ text: 'Cho Tae-yeol', flag: { severity: 'warning', target: 'flag-0' } });
  });

  it('keeps a one-place flag as it was: one span, its own', () => {
    const single: Flag = { ...CLUSTER, spans: undefined, variants: ['Cho Tae-yul', 'Cho Tae-yeol'] };
    const { groups } = buildFlagPanel(1, [nameVariant], [single], SEGMENTS, () => 1);
    expect(groups[0]!.flags[0]!.spans.map((s) => [s.segment, s.start, s.end, s.text])).toEqual([[0, 0, 12, 'Cho Tae-yeol']]);
    expect(groups[0]!.flags[0]!.suggestions[0]!.fixAllUrl).toBeNull();
    expect(distinctPairsOf(['Cho Tae-yul', 'Cho Tae-yeol'])).toEqual([['Cho Tae-yeol', 'Cho Tae-yul']]);
  });
});
