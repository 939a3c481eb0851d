import { describe, expect, it } from 'vitest';
import { countEvaluationWords, scoreArticle, type MqmPolicy, type MqmScore, type ScoredCorrection } from '../../../src/core/mqm/index.js';
import type { MqmSeverity } from '../../../src/core/mqm/index.js';

/** `n` corrections of one severity and status. */
function many(n: number, severity: MqmSeverity, status: ScoredCorrection['status'] = 'confirmed'): ScoredCorrection[] {
  return Array.from({ length: n }, () => ({ severity, status }));
}

interface Row {
  readonly label: string;
  readonly corrections: readonly ScoredCorrection[];
  readonly words: number;
  readonly policy?: MqmPolicy;
  readonly expected: Partial<MqmScore>;
}

const rows: Row[] = [
  {
    label: 'zero words and no errors: nothing to score',
    corrections: [],
    words: 0,
    expected: { penalty: 0, penaltyPer1000: null, rawScore: null, verdict: 'unscored' },
  },
  {
    label: 'zero words with a minor error: still unscored, not divided by zero',
    corrections: many(1, 'minor'),
    words: 0,
    expected: { penalty: 1, penaltyPer1000: null, rawScore: null, verdict: 'unscored' },
  },
  {
    label: 'zero words with a critical error: fails',
    corrections: many(1, 'critical'),
    words: 0,
    expected: { penalty: 25, rawScore: null, hasCritical: true, verdict: 'fail' },
  },
  {
    label: 'clean article: 100, passes',
    corrections: [],
    words: 250,
    expected: { count: 0, penalty: 0, penaltyPer1000: 0, rawScore: 100, hasCritical: false, verdict: 'pass' },
  },
  {
    label: 'a critical error fails an article whose score passes (1,000 words: 97.5 >= 95)',
    corrections: many(1, 'critical'),
    words: 1000,
    expected: { penalty: 25, penaltyPer1000: 25, rawScore: 97.5, hasCritical: true, verdict: 'fail' },
  },
  {
    label: 'threshold boundary: exactly 95 passes (5 points in 100 words)',
    corrections: many(1, 'major'),
    words: 100,
    expected: { penalty: 5, penaltyPer1000: 50, rawScore: 95, verdict: 'pass' },
  },
  {
    label: 'threshold boundary: just under 95 fails (6 points in 100 words)',
    corrections: [...many(1, 'major'), ...many(1, 'minor')],
    words: 100,
    expected: { penalty: 6, rawScore: 94, verdict: 'fail' },
  },
  {
    label: 'threshold boundary through floating point: 56 points in 625 words is 91.04 (computed 91.03999999999999), which passes 91.04',
    corrections: [...many(11, 'major'), ...many(1, 'minor')],
    words: 625,
    policy: { passScore: 91.04 },
    expected: { penalty: 56, penaltyPer1000: 89.6, verdict: 'pass' },
  },
  {
    label: 'per 1,000 words: 7 points in 350 words is 20 per 1,000, score 98',
    corrections: [...many(1, 'major'), ...many(2, 'minor'), ...many(3, 'neutral')],
    words: 350,
    expected: { count: 6, penalty: 7, penaltyPer1000: 20, rawScore: 98, bySeverity: { neutral: 3, minor: 2, major: 1, critical: 0 }, verdict: 'pass' },
  },
  {
    label: 'neutral corrections are counted but cost nothing',
    corrections: many(4, 'neutral'),
    words: 10,
    expected: { count: 4, penalty: 0, rawScore: 100, verdict: 'pass' },
  },
  {
    label: 'the team sets the threshold: 98 makes 97.5 fail',
    corrections: [...many(1, 'major'), ...many(1, 'minor')],
    words: 240,
    policy: { passScore: 98 },
    expected: { penalty: 6, rawScore: 97.5, verdict: 'fail' },
  },
  {
    label: 'more penalty than words: a negative raw score, not clamped',
    corrections: many(2, 'major'),
    words: 5,
    expected: { penalty: 10, rawScore: -100, verdict: 'fail' },
  },
];

describe('scoreArticle', () => {
  it.each(rows)('$label', ({ corrections, words, policy, expected }) => {
    const score = scoreArticle(corrections, words, policy);
    expect(score).toMatchObject(expected);
  });

  it('counts proposals apart: they move neither the figures nor the verdict', () => {
    const score = scoreArticle([...many(1, 'minor'), ...many(1, 'critical', 'proposed'), ...many(2, 'major', 'proposed')], 100);
    expect(score).toMatchObject({ count: 1, penalty: 1, rawScore: 99, hasCritical: false, verdict: 'pass' });
    expect(score.unconfirmed).toEqual({
      count: 3,
      penalty: 35,
      bySeverity: { neutral: 0, minor: 0, major: 2, critical: 1 },
      rawScoreIfConfirmed: 64,
    });
  });

  it('refuses a word count that is not a whole number >= 0, and a pass score that is not a number', () => {
    expect(() => scoreArticle([], -1)).toThrow(/words/);
    expect(() => scoreArticle([], 2.5)).toThrow(/words/);
    expect(() => scoreArticle([], 10, { passScore: Number.NaN })).toThrow(/passScore/);
  });
});

describe('countEvaluationWords', () => {
  it.each([
    { label: 'no segments', segments: [], words: 0 },
    { label: 'the edited text, white-space words (as TER counts them)', segments: [{ kind: 'body' as const, edit: 'Cho  Tae-yul met\tWang Yi.' }], words: 5 },
    { label: 'boilerplate left out', segments: [{ kind: 'boilerplate' as const, edit: 'Text Size' }, { kind: 'headline' as const, edit: 'Cho Raises Issues' }], words: 3 },
    { label: 'an emptied segment counts nothing', segments: [{ kind: 'caption' as const, edit: '   ' }, { kind: 'body' as const, edit: 'One.' }], words: 1 },
  ])('$label', ({ segments, words }) => {
    expect(countEvaluationWords(segments)).toBe(words);
  });
});
