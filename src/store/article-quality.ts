import type { Db } from './open-db.js';
import { getArticle } from './articles.js';
import { listSegments, type SegmentView } from './segments.js';
import { listCurrentCorrections, type CorrectionRow } from './corrections.js';
import { categoryKey, listConfirmedCategories, type ConfirmedCategory } from './categories.js';
import type { Flag } from '../core/checks/types.js';
import { proposeCategory, type Proposal } from '../core/mqm/propose.js';
import { countEvaluationWords, scoreArticle, DEFAULT_MQM_POLICY, type MqmPolicy, type MqmScore } from '../core/mqm/score.js';
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
  readonly mqm: MqmScore;
}

/** Returns an article's quality figures, given its flags now and on the MT alone (both from the flag reader). */
export function articleQuality(
  db: Db,
  articleId: number,
  flags: { readonly open: readonly Flag[]; readonly mt: () => readonly Flag[] },
  policy: MqmPolicy = DEFAULT_MQM_POLICY,
  opts: { caseSensitive?: boolean } = {},
): ArticleQuality | undefined {
  const article = getArticle(db, articleId);
  if (!article) return undefined;
  const segments = listSegments(db, articleId);
  const bySegmentPosition = new Map(segments.map((s) => [s.position, s]));
  const confirmed = listConfirmedCategories(db, articleId);
  const corrections = listCurrentCorrections(db, articleId);
  const proposalFlags = { mt: corrections.length > 0 ? flags.mt() : [], open: flags.open };
  const categorised = corrections.map((c): CategorisedCorrection => {
    const kind = bySegmentPosition.get(c.position)?.kind ?? 'body';
    const proposal = proposeCategory(
      { segment: c.position, kind, mtText: c.mtText, editText: c.editText, mtStart: c.mtStart, mtEnd: c.mtEnd, editStart: c.editStart, editEnd: c.editEnd },
      proposalFlags,
    );
    const decision = confirmed.get(categoryKey(c.segmentId, c.mtText, c.editText));
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
  const rate = measureEditRate(segments, { caseSensitive: opts.caseSensitive ?? true });
  return {
    articleId,
    title: article.title,
    segments: rate.segments,
    editRate: rate.total,
    corrections: categorised,
    mqm: scoreArticle(categorised.map((c) => ({ severity: c.severity, status: c.status })), countEvaluationWords(segments), policy),
  };
}
