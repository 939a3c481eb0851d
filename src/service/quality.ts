import type { ServiceContext } from './context.js';
import { getArticle } from '../store/articles.js';
import type { SegmentView } from '../store/segments.js';
import { listCurrentCorrections, type CorrectionRow } from '../store/corrections.js';
import { categoryKey, listConfirmedCategories, type ConfirmedCategory } from '../store/categories.js';
import { mqmPassScore } from '../store/settings.js';
import { readArticleState, type ArticleFlags, type ArticleState } from './flag-reader.js';
import type { Flag } from '../core/checks/types.js';
import { proposeCategory, type Proposal } from '../core/mqm/propose.js';
import { countEvaluationWords, scoreArticle, withOpenErrors, DEFAULT_MQM_POLICY, type MqmPolicy, type MqmScore } from '../core/mqm/score.js';
import type { MqmCategoryId } from '../core/mqm/typology.js';
import type { MqmSeverity } from '../core/mqm/severities.js';
import { measureEditRate, type EditRateTotals, type SegmentEditRate } from '../core/metrics/edit-rate.js';

/** A correction with its proposed category and, when an editor confirmed one, the confirmed category. */
export interface CategorisedCorrection {
  readonly correction: CorrectionRow;
  readonly segmentKind: SegmentView['kind'];
  readonly proposal: Proposal;
  readonly confirmed: ConfirmedCategory | undefined;
  /** The category that counts: the confirmed one, else the proposal. */
  readonly category: MqmCategoryId;
  readonly severity: MqmSeverity;
  readonly status: 'confirmed' | 'proposed';
}

/** What the article needed: edit rate, MQM score and its categorised corrections. */
export interface ArticleQuality {
  readonly articleId: number;
  readonly title: string;
  /** Per content segment (boilerplate left out): TER edits against the edit's words, character share. */
  readonly segments: readonly SegmentEditRate[];
  /** Sum of edits / sum of edited words, and the character share, over the content segments. */
  readonly editRate: EditRateTotals;
  readonly corrections: readonly CategorisedCorrection[];
  /** The MQM score; its verdict counts the open error flags too (`open-errors`), `openErrors` says how many. */
  readonly mqm: MqmScore & { readonly openErrors: number };
}

/** The score with the article's open error flags in its verdict (a pass with one open is not a pass). */
function withOpenFlags(mqm: MqmScore, openFlags: readonly Flag[]): MqmScore & { readonly openErrors: number } {
  const openErrors = openFlags.filter((f) => f.severity === 'error').length;
  return { ...mqm, verdict: withOpenErrors(mqm.verdict, openErrors), openErrors };
}

/** Returns an article's quality figures, given its segments, corrections and flags now and on the MT alone. */
export function scoreQuality(
  input: {
    articleId: number;
    title: string;
    segments: readonly SegmentView[];
    corrections: readonly CorrectionRow[];
    confirmed: ReadonlyMap<string, ConfirmedCategory>;
    openFlags: readonly Flag[];
    mtFlags: readonly Flag[];
  },
  policy: MqmPolicy = DEFAULT_MQM_POLICY,
  opts: { caseSensitive?: boolean } = {},
): ArticleQuality {
  const bySegmentPosition = new Map(input.segments.map((s) => [s.position, s]));
  const proposalFlags = { mt: input.mtFlags, open: input.openFlags };
  const categorised = input.corrections.map((c): CategorisedCorrection => {
    const kind = bySegmentPosition.get(c.position)?.kind ?? 'body';
    const proposal = proposeCategory(
      { segment: c.position, kind, mtText: c.mtText, editText: c.editText, mtStart: c.mtStart, mtEnd: c.mtEnd, editStart: c.editStart, editEnd: c.editEnd },
      proposalFlags,
    );
    const decision = input.confirmed.get(categoryKey(c.segmentId, c.mtText, c.editText));
    return {
      correction: c,
      segmentKind: kind,
      proposal,
      confirmed: decision,
      category: decision?.category ?? proposal.category,
      severity: decision?.severity ?? proposal.severity,
      status: decision ? 'confirmed' : 'proposed',
    };
  });
  const rate = measureEditRate(input.segments, { caseSensitive: opts.caseSensitive ?? true });
  return {
    articleId: input.articleId,
    title: input.title,
    segments: rate.segments,
    editRate: rate.total,
    corrections: categorised,
    mqm: withOpenFlags(scoreArticle(categorised.map((c) => ({ severity: c.severity, status: c.status })), countEvaluationWords(input.segments), policy), input.openFlags),
  };
}

/** An article's flags and quality figures, and the pass score they were judged against. */
export interface QualityResult {
  readonly flags: ArticleFlags;
  readonly quality: ArticleQuality;
  readonly passScore: number;
  readonly corrections: readonly CorrectionRow[];
}

/**
 * Returns an article's flags and quality figures from the cached flag reader, scored against the
 * team's pass score; undefined when there is no such article. Pass its state when already read.
 */
export async function qualityOf(
  ctx: ServiceContext,
  articleId: number,
  opts: { state?: ArticleState; caseSensitive?: boolean } = {},
): Promise<QualityResult | undefined> {
  const read = opts.state ?? (await readArticleState(ctx.store, articleId));
  const article = read && (await getArticle(ctx.store, articleId));
  if (!read || !article) return undefined;
  const { segments } = read;
  const [flags, corrections, confirmed, passScore] = await Promise.all([
    ctx.flags.flagsFor(articleId, read),
    listCurrentCorrections(ctx.store, articleId),
    listConfirmedCategories(ctx.store, articleId),
    mqmPassScore(ctx.store),
  ]);
  // The MT's own flags matter only for proposing categories of corrections.
  const mtFlags = corrections.length > 0 ? await ctx.flags.mtFlagsFor(articleId, read) : [];
  const quality = scoreQuality(
    { articleId, title: article.title, segments, corrections, confirmed, openFlags: flags.open, mtFlags },
    { passScore },
    { caseSensitive: opts.caseSensitive ?? true },
  );
  return { flags, quality, passScore, corrections };
}
