/**
 * An article's MQM score (issue 5), by the MQM scoring model (themqm.org, "The MQM Scoring Models"
 * and "Values and Scores"): the absolute penalty total (APT) is the sum of the severity weights of
 * the errors; the penalty per 1,000 words is APT / EWC x RWC with the reference word count RWC =
 * 1,000; the raw quality score is MSV x (1 - APT / EWC) with the maximum score value MSV = 100. The
 * raw score is not clamped: more penalty points than words gives a negative score, as in MQM.
 *
 * Evaluation word count (EWC): the words of the edited text (the target as published), counted as
 * TER counts them, boilerplate segments left out. MQM's ASTM form usually counts the source; ISO
 * 5060 counts the target ("Values and Scores"). The target is the one that works here: Copydesk
 * often has no Korean source at all; Korean space-separated words (eojeol, a word plus its
 * particles) are not comparable with English words; it is the HTER denominator too (issue 5, "sum
 * of edits / sum of edited-text words"), so the article's two figures are per the same words; and
 * the MT's count would include the chrome and repeated captions the editor deleted, diluting the
 * penalty of the very errors that put them there.
 *
 * Only corrections an editor confirmed count. MQM asks implementers to say "whether any issues
 * detected or scores generated are confirmed to be errors or are unconfirmed issues" (MQM
 * specification 2014-02-14, section 3.1 "Issues vs. errors"); a proposal is an unconfirmed issue,
 * so proposals are totalled apart and never move the official figures or the verdict.
 */
import type { SegmentKind } from '../article/types.js';
import { countWords } from '../metrics/word-count.js';
import { MQM_SEVERITIES, severityWeight, type MqmSeverity } from './severities.js';

/** Reference word count: the penalty is reported per this many words (MQM's customary 1,000). */
export const REFERENCE_WORD_COUNT = 1000;

/** Maximum score value: the raw score of an article without errors (MQM's customary 100). */
export const MAX_SCORE_VALUE = 100;

/**
 * How far below the threshold a score may fall from floating-point rounding alone and still pass
 * (range 0-1e-6): 100 x (1 - 5 / 100) must equal a threshold of 95, not 94.99999999999999.
 */
const SCORE_TOLERANCE = 1e-9;

/** What the team decides: the lowest raw score that passes (0-100; e.g. 95). A critical error fails regardless. */
export interface MqmPolicy {
  readonly passScore: number;
}

/** The threshold until the team sets its own: 95, which at 1,000 words allows five minor errors or one major one. */
export const DEFAULT_MQM_POLICY: MqmPolicy = { passScore: 95 };

/** A categorised correction as the score needs it: its severity and whether an editor confirmed it. */
export interface ScoredCorrection {
  readonly severity: MqmSeverity;
  /** `confirmed`: an editor accepted or set the category; `proposed`: only proposed, not yet looked at. */
  readonly status: 'confirmed' | 'proposed';
}

/** A segment as the word count needs it. */
export interface WordCountSegment {
  readonly kind: SegmentKind;
  readonly edit: string;
}

/**
 * `pass`/`fail` against the policy; `unscored` when the article has no words to score and no
 * critical error; `open-errors` when the score would pass but error flags are still open (neither
 * fixed nor dismissed): the score counts only confirmed corrections, so an unfixed error must not
 * read as a pass.
 */
export type MqmVerdict = 'pass' | 'fail' | 'unscored' | 'open-errors';

/** How many errors of each severity. */
export type SeverityCounts = Readonly<Record<MqmSeverity, number>>;

/** Proposals not yet confirmed: shown apart, never part of the official figures. */
export interface UnconfirmedTally {
  readonly count: number;
  readonly penalty: number;
  readonly bySeverity: SeverityCounts;
  /** The raw score were every proposal confirmed as proposed; null without words. */
  readonly rawScoreIfConfirmed: number | null;
}

/** An article's MQM figures from its confirmed corrections, with the unconfirmed ones apart. */
export interface MqmScore {
  /** Evaluation word count: the edited text's words (countEvaluationWords). */
  readonly words: number;
  /** Confirmed errors counted. */
  readonly count: number;
  /** Absolute penalty total of the confirmed errors. */
  readonly penalty: number;
  /** Penalty per 1,000 words; null without words. */
  readonly penaltyPer1000: number | null;
  /** 100 x (1 - penalty / words); null without words. */
  readonly rawScore: number | null;
  readonly bySeverity: SeverityCounts;
  /** True when a confirmed error is critical: the article fails whatever its score. */
  readonly hasCritical: boolean;
  readonly verdict: MqmVerdict;
  readonly unconfirmed: UnconfirmedTally;
}

/** Returns the evaluation word count: white-space words of every segment's edit, boilerplate left out. */
export function countEvaluationWords(segments: readonly WordCountSegment[]): number {
  return segments.reduce((sum, s) => (s.kind === 'boilerplate' ? sum : sum + countWords(s.edit)), 0);
}

/**
 * Returns the article's MQM score from its categorised corrections and evaluation word count.
 * Throws when `words` is not a whole number >= 0 or the pass score is not finite (programmer errors).
 */
export function scoreArticle(corrections: readonly ScoredCorrection[], words: number, policy: MqmPolicy = DEFAULT_MQM_POLICY): MqmScore {
  if (!Number.isInteger(words) || words < 0) throw new Error(`scoreArticle: words must be a whole number >= 0, got ${words}`);
  if (!Number.isFinite(policy.passScore)) throw new Error(`scoreArticle: passScore must be a finite number, got ${policy.passScore}`);
  const confirmed = corrections.filter((c) => c.status === 'confirmed');
  const proposed = corrections.filter((c) => c.status !== 'confirmed');
  const penalty = penaltyOf(confirmed);
  const rawScore = rawScoreOf(penalty, words);
  const bySeverity = countBySeverity(confirmed);
  const hasCritical = bySeverity.critical > 0;
  const proposedPenalty = penaltyOf(proposed);
  return {
    words,
    count: confirmed.length,
    penalty,
    penaltyPer1000: words === 0 ? null : (penalty / words) * REFERENCE_WORD_COUNT,
    rawScore,
    bySeverity,
    hasCritical,
    verdict: verdictOf(hasCritical, rawScore, policy),
    unconfirmed: {
      count: proposed.length,
      penalty: proposedPenalty,
      bySeverity: countBySeverity(proposed),
      rawScoreIfConfirmed: rawScoreOf(penalty + proposedPenalty, words),
    },
  };
}

function penaltyOf(corrections: readonly ScoredCorrection[]): number {
  return corrections.reduce((sum, c) => sum + severityWeight(c.severity), 0);
}

/** MSV x (1 - APT / EWC), written as MSV - MSV x APT / EWC so that whole-number cases come out exact. */
function rawScoreOf(penalty: number, words: number): number | null {
  // Guard: no words, no per-word rate: an empty article (or one of chrome only) has no score.
  if (words === 0) return null;
  return MAX_SCORE_VALUE - (MAX_SCORE_VALUE * penalty) / words;
}

/** Returns an article's verdict from its stored figures and a pass score (what scoreArticle and withOpenErrors decide). */
export function mqmVerdict(hasCritical: boolean, rawScore: number | null, passScore: number, openErrors = 0): MqmVerdict {
  return withOpenErrors(verdictOf(hasCritical, rawScore, { ...DEFAULT_MQM_POLICY, passScore }), openErrors);
}

/** Returns the verdict with the article's open error flags counted: a pass with any open is `open-errors`. */
export function withOpenErrors(verdict: MqmVerdict, openErrors: number): MqmVerdict {
  return verdict === 'pass' && openErrors > 0 ? 'open-errors' : verdict;
}

/** The words a page or a report prints for a verdict. */
export function verdictLabel(verdict: MqmVerdict, hasCritical: boolean, openErrors = 0): string {
  if (verdict === 'pass') return 'Pass';
  if (verdict === 'fail') return hasCritical ? 'Fail (critical error)' : 'Fail';
  if (verdict === 'open-errors') return `Not passed: ${openErrors} open error flag${openErrors === 1 ? '' : 's'}`;
  return 'Not scored';
}

function verdictOf(hasCritical: boolean, rawScore: number | null, policy: MqmPolicy): MqmVerdict {
  // A critical error fails the article whatever its length and score (issue 5).
  if (hasCritical) return 'fail';
  if (rawScore === null) return 'unscored';
  return rawScore >= policy.passScore - SCORE_TOLERANCE ? 'pass' : 'fail';
}

function countBySeverity(corrections: readonly ScoredCorrection[]): SeverityCounts {
  const counts = Object.fromEntries(MQM_SEVERITIES.map((s) => [s.id, 0])) as Record<MqmSeverity, number>;
  for (const c of corrections) counts[c.severity] += 1;
  return counts;
}
