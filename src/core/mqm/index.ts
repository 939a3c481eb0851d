// The public API of the MQM module: the MQM-Core typology and severities, proposals from the diff and the flags, and article scores (issue 5).
export {
  MQM_DIMENSIONS,
  MQM_ERROR_TYPES,
  isMqmCategoryId,
  mqmCategoryLabel,
  mqmDimensionOf,
  type MqmCategoryId,
  type MqmDimension,
  type MqmDimensionId,
  type MqmErrorType,
  type MqmErrorTypeId,
} from './typology.js';
export { MQM_SEVERITIES, isMqmSeverity, severityWeight, type MqmSeverity, type MqmSeverityLevel } from './severities.js';
export { shapeOfChange, type ChangeShape } from './change-shape.js';
export {
  FLAG_CATEGORIES,
  proposeCategories,
  proposeCategory,
  type CorrectionToCategorise,
  type FlagCategory,
  type FlagEvidence,
  type Proposal,
  type ProposalConfidence,
  type ProposalFlags,
} from './propose.js';
export {
  DEFAULT_MQM_POLICY,
  MAX_SCORE_VALUE,
  REFERENCE_WORD_COUNT,
  countEvaluationWords,
  scoreArticle,
  type MqmPolicy,
  type MqmScore,
  type MqmVerdict,
  type ScoredCorrection,
  type SeverityCounts,
  type UnconfirmedTally,
  type WordCountSegment,
} from './score.js';
