import { verdictLabel } from '../../core/mqm/score.js';
import type { ArticleQuality } from '../../service/types.js';
import { MQM_DIMENSIONS, MQM_ERROR_TYPES, mqmCategoryLabel } from '../../core/mqm/typology.js';
import { MQM_SEVERITIES } from '../../core/mqm/severities.js';
import { KIND_LABELS, formatShare, formatTime, segmentPlace } from './format.js';

/** The category choices of the confirm form: each dimension, then its error types, labelled "Accuracy / Mistranslation". */
export const CATEGORY_OPTIONS: readonly { readonly value: string; readonly label: string }[] = MQM_DIMENSIONS.flatMap((d) => [
  { value: d.id, label: d.label },
  ...MQM_ERROR_TYPES.filter((t) => t.dimension === d.id).map((t) => ({ value: t.id, label: `${d.label} / ${t.label}` })),
]);

/** Returns a number with at most `digits` decimals, or "–" for null. */
function fixed(value: number | null, digits: number): string {
  return value === null ? '–' : value.toFixed(digits);
}

/** Returns the article page's quality block and categorised corrections (also grouped by category, most severe first). */
export function buildQualityView(quality: ArticleQuality, articleId: number) {
  const view = buildQualityFigures(quality, articleId);
  const weight = (severity: string) => MQM_SEVERITIES.find((s) => s.id === severity)?.weight ?? 0;
  const labels = [...new Set(view.corrections.map((c) => c.categoryLabel))];
  const groups = labels
    .map((label) => {
      const corrections = view.corrections.filter((c) => c.categoryLabel === label);
      return { label, count: corrections.length, corrections, weight: Math.max(...corrections.map((c) => weight(c.severity))) };
    })
    .sort((a, b) => b.weight - a.weight || b.count - a.count || a.label.localeCompare(b.label));
  return { ...view, groups };
}

function buildQualityFigures(quality: ArticleQuality, articleId: number) {
  const { mqm } = quality;
  return {
    hter: formatShare(quality.editRate.edits, quality.editRate.words),
    hterDetail: `${quality.editRate.edits} edit${quality.editRate.edits === 1 ? '' : 's'} / ${quality.editRate.words} words`,
    charShare: `${(quality.editRate.charShare * 100).toFixed(1)}%`,
    isApproximate: quality.editRate.isApproximate,
    untouched: `${quality.editRate.untouched} of ${quality.editRate.segments}`,
    mqmScore: fixed(mqm.rawScore, 1),
    penaltyPer1000: fixed(mqm.penaltyPer1000, 1),
    penalty: mqm.penalty,
    verdict: mqm.verdict,
    verdictLabel: verdictLabel(mqm.verdict, mqm.hasCritical, mqm.openErrors),
    confirmedCount: mqm.count,
    proposedCount: mqm.unconfirmed.count,
    scoreIfConfirmed: fixed(mqm.unconfirmed.rawScoreIfConfirmed, 1),
    reportUrl: `/articles/${articleId}/report`,
    correctionsUrl: `/articles/${articleId}/corrections`,
    corrections: quality.corrections.map((c) => ({
      anchor: `s${c.correction.position}`,
      where: segmentPlace(c.segmentKind, c.correction.position),
      mtText: c.correction.mtText,
      editText: c.correction.editText,
      author: c.correction.author,
      when: formatTime(c.correction.createdAt),
      status: c.status,
      categoryLabel: mqmCategoryLabel(c.category),
      severity: c.severity,
      reason: c.status === 'confirmed' ? `Confirmed by ${c.confirmed?.author ?? ''}, ${formatTime(c.confirmed?.createdAt ?? null)}` : c.proposal.reason,
      isLowConfidence: c.status === 'proposed' && c.proposal.confidence === 'low',
      segmentId: c.correction.segmentId,
      category: c.category,
      action: `/articles/${articleId}/categories`,
      changeUrl: `/articles/${articleId}/categories?${new URLSearchParams({ segmentId: String(c.correction.segmentId), mtText: c.correction.mtText, editText: c.correction.editText }).toString()}`,
    })),
  };
}

/** Returns the page that changes one correction's category: every MQM category and severity, the current ones chosen. */
export function buildCategoryFormView(
  articleId: number,
  correction: { segmentId: number; mtText: string; editText: string; where: string },
  current: { category: string; severity: string; reason: string },
) {
  return {
    title: 'Choose the MQM category',
    articleUrl: `/articles/${articleId}#corrections`,
    action: `/articles/${articleId}/categories`,
    ...correction,
    reason: current.reason,
    categories: CATEGORY_OPTIONS.map((o) => ({ ...o, isCurrent: o.value === current.category })),
    severities: MQM_SEVERITIES.map((s) => ({ value: s.id, label: `${s.label} (${s.weight})`, description: s.description, isCurrent: s.id === current.severity })),
  };
}
