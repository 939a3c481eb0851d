import type { ArticleCorrection, ArticleView, Check, CheckContext, CorpusCorrection, Flag, GlossaryConcept } from './types.js';
import { ALL_CHECKS } from './index.js';
import { buildNameIndex } from '../names/build-name-index.js';

/** What the caller knows besides the article; everything is optional and defaults to "nothing known". */
export interface RunChecksInput {
  readonly corrections?: readonly ArticleCorrection[];
  readonly corpusCorrections?: readonly CorpusCorrection[];
  readonly glossary?: readonly GlossaryConcept[];
  readonly distinctPeople?: readonly (readonly [string, string])[];
}

/** Returns the context the checks share, with the article's people found once. */
export function buildCheckContext(article: ArticleView, input: RunChecksInput = {}): CheckContext {
  const corrections = input.corrections ?? [];
  const glossary = input.glossary ?? [];
  const distinctPeople = input.distinctPeople ?? [];
  return {
    corrections,
    corpusCorrections: input.corpusCorrections ?? [],
    glossary,
    distinctPeople,
    names: buildNameIndex(article, { corrections, glossary, distinctPeople }),
  };
}

/** Runs `checks` (all by default) on an article; returns their flags ordered by segment, then offset, then check. */
export function runChecks(article: ArticleView, input: RunChecksInput = {}, checks: readonly Check[] = ALL_CHECKS): Flag[] {
  return runChecksIn(article, buildCheckContext(article, input), checks);
}

/** Runs `checks` with a context already built (when the caller needs its name index too); flags ordered as runChecks orders them. */
export function runChecksIn(article: ArticleView, ctx: CheckContext, checks: readonly Check[] = ALL_CHECKS): Flag[] {
  const order = new Map(checks.map((c, i) => [c.id, i]));
  return checks
    .flatMap((check) => check.run(article, ctx))
    .sort((a, b) => a.segment - b.segment || a.start - b.start || (order.get(a.check) ?? 0) - (order.get(b.check) ?? 0));
}
