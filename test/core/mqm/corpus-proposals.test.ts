import { describe, expect, it } from 'vitest';
import type { ArticleView } from '../../../src/core/checks/types.js';
import { deriveArticleCorrections } from '../../../src/core/checks/article-corrections.js';
import { runChecks } from '../../../src/core/checks/run-checks.js';
import { countEvaluationWords, proposeCategories, scoreArticle, type CorrectionToCategorise } from '../../../src/core/mqm/index.js';
import { corpusArticle } from '../checks/check-helpers.js';

/** The corpus article with its segments' edits replaced by `edit(mt)` (by index). */
function edited(edits: Readonly<Record<number, (mt: string) => string>>): ArticleView {
  const mt = corpusArticle();
  return corpusArticle(Object.fromEntries(Object.entries(edits).map(([i, f]) => [i, f(mt.segments[Number(i)]?.mt ?? '')])));
}

/** Proposals for every correction of the edited article, from all the checks run on its MT and on its edit. */
function proposalsFor(article: ArticleView): string[] {
  const mtOnly: ArticleView = { ...article, segments: article.segments.map((s) => ({ ...s, edit: s.mt })) };
  const corrections = deriveArticleCorrections(article);
  const flags = { mt: runChecks(mtOnly), open: runChecks(article, { corrections }) };
  const kinds = new Map(article.segments.map((s) => [s.index, s.kind]));
  const toCategorise: CorrectionToCategorise[] = corrections.map((c) => ({ ...c, kind: kinds.get(c.segment) ?? 'body' }));
  return proposeCategories(toCategorise, flags).map((p, i) => {
    const c = toCategorise[i] as CorrectionToCategorise;
    return `${c.segment} ${JSON.stringify(c.mtText.slice(0, 30))} -> ${JSON.stringify(c.editText.slice(0, 30))}: ${p.category} ${p.severity} ${p.confidence}`;
  });
}

describe('proposals on the corpus article (cho-tae-yul-beijing-forced-repatriation), all checks run', () => {
  it('proposes nothing for the unedited article', () => {
    expect(proposalsFor(corpusArticle())).toEqual([]);
  });

  it('categorises a realistic edit, one rule of issue 5 per correction', () => {
    const article = edited({
      0: () => '', // 본문 바로가기: page chrome
      4: (mt) => mt.replace('Cho Tae-yeol', 'Cho Tae-yul'), // the headline's name variant
      5: (mt) => mt.replace('King', 'Cho'), // the standfirst's surname homograph
      7: (mt) => mt.replace('Minister Cho', 'Foreign Minister Cho'),
      8: (mt) => mt.slice(mt.indexOf('Foreign Minister')).replace('Cho Tae-yeol', 'Cho Tae-yul'), // the caption's repeated headline
      14: (mt) => mt.replace('conveyed concerns', 'voiced concern'),
    });
    expect(proposalsFor(article)).toEqual([
      '0 "본문 바로가기" -> "": design-and-markup minor high',
      '4 "Tae-yeol" -> "Tae-yul": terminology/inconsistent-use minor high',
      '5 "King" -> "Cho": accuracy/mistranslation major high',
      '7 "" -> "Foreign": accuracy/omission minor low',
      '8 "Cho Tae-yeol Criticizes Forced" -> "": design-and-markup minor low',
      '8 "Tae-yeol" -> "Tae-yul": terminology/inconsistent-use minor high',
      '14 "conveyed concerns" -> "voiced concern": style/awkward minor low',
    ]);
  });

  it('scores on the edited words, boilerplate left out: 611, and 598 once the caption drops its 13-word repeat of the headline', () => {
    expect(countEvaluationWords(corpusArticle().segments)).toBe(611);
    const article = edited({ 5: (mt) => mt.replace('King', 'Cho'), 8: (mt) => mt.slice(mt.indexOf('Foreign Minister')) });
    expect(countEvaluationWords(article.segments)).toBe(598);
  });

  it('passes the corpus article with the homograph fix confirmed (major) at 99, and fails it at 99.5', () => {
    const corrections = [
      { severity: 'major', status: 'confirmed' },
      { severity: 'minor', status: 'proposed' },
    ] as const;
    const score = scoreArticle(corrections, 611, { passScore: 99 });
    expect(score.penalty).toBe(5);
    expect(score.penaltyPer1000).toBeCloseTo(8.1833, 4);
    expect(score.rawScore).toBeCloseTo(99.1817, 4);
    expect(score.verdict).toBe('pass');
    expect(score.unconfirmed.rawScoreIfConfirmed).toBeCloseTo(99.0180, 4);
    expect(scoreArticle(corrections, 611, { passScore: 99.5 }).verdict).toBe('fail');
  });
});
