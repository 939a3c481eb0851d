import { describe, expect, it } from 'vitest';
import type { ArticleView, Flag } from '../../../src/core/checks/types.js';
import { planFixes, planFixesOf } from '../../../src/core/checks/plan-fixes.js';

const ARTICLE: ArticleView = {
  key: '1',
  title: 'Cho Tae-yeol Meets Kim Min-joon',
  segments: [
    { index: 0, kind: 'headline', mt: '', edit: 'Cho Tae-yeol Meets Kim Min-joon' },
    { index: 1, kind: 'body', mt: '', edit: 'Kim Min-joon greeted Cho Tae-yeol.' },
  ],
};

/** A one-person name flag over the given places. */
function nameFlag(person: string, text: string, places: [number, number][], suggestion: string): Flag {
  const spans = places.map(([segment, start]) => ({ segment, start, end: start + text.length, text }));
  const [first] = spans;
  return {
    check: 'name-variant', severity: 'warning', segment: first!.segment, start: first!.start, end: first!.end, text,
    message: `${text} is one person; use ${suggestion}.`, suggestions: [suggestion], fingerprint: `name-variant:${person}`, group: person, spans,
  };
}

const CHO = nameFlag('cho-tae-yul', 'Cho Tae-yeol', [[0, 0], [1, 21]], 'Cho Tae-yul');
const KIM = nameFlag('kim-min-jun', 'Kim Min-joon', [[0, 19], [1, 0]], 'Kim Min-jun');

describe('planFixesOf (the QA list: several flags of one article fixed at once)', () => {
  it('applies each choice with its own replacement, two in one segment together', () => {
    expect(planFixesOf(ARTICLE, [{ flags: [CHO], replacement: 'Cho Tae-yul' }, { flags: [KIM], replacement: 'Kim Min-jun' }])).toEqual([
      { segment: 0, before: 'Cho Tae-yeol Meets Kim Min-joon', after: 'Cho Tae-yul Meets Kim Min-jun', count: 2 },
      { segment: 1, before: 'Kim Min-joon greeted Cho Tae-yeol.', after: 'Kim Min-jun greeted Cho Tae-yul.', count: 2 },
    ]);
  });

  it('replaces a place two choices cover once, by the first', () => {
    const again = { ...CHO, fingerprint: 'name-variant:other', suggestions: ['Jo Tae-yeol'] };
    expect(planFixesOf(ARTICLE, [{ flags: [CHO], replacement: 'Cho Tae-yul' }, { flags: [again], replacement: 'Jo Tae-yeol' }]).map((f) => f.after)).toEqual([
      'Cho Tae-yul Meets Kim Min-joon', 'Kim Min-joon greeted Cho Tae-yul.',
    ]);
  });

  it('leaves out a segment whose places are stale or overlap, as planFixes does', () => {
    const stale = nameFlag('x', 'Cho Tae-yeol', [[1, 0]], 'Cho Tae-yul');
    const overlapping = nameFlag('y', 'Tae-yeol Meets', [[0, 4]], 'Tae-yul Meets');
    expect(planFixesOf(ARTICLE, [{ flags: [stale], replacement: 'Cho Tae-yul' }])).toEqual([]);
    expect(planFixesOf(ARTICLE, [{ flags: [CHO], replacement: 'Cho Tae-yul' }, { flags: [overlapping], replacement: 'Tae-yul Meets' }]).map((f) => f.segment)).toEqual([1]);
  });

  it('is planFixes for one choice, and nothing for none', () => {
    expect(planFixesOf(ARTICLE, [{ flags: [CHO, KIM], replacement: 'Cho Tae-yul' }])).toEqual(planFixes(ARTICLE, [CHO, KIM], 'Cho Tae-yul'));
    expect(planFixesOf(ARTICLE, [])).toEqual([]);
  });
});
