/**
 * Proposes an MQM category and severity for a correction, for the editor to confirm or change
 * (issue 5, "Error categories (MQM)"). The evidence, strongest first: the correction removes page
 * chrome; it fixes a flag the checks raised on the MT (the flag stood on the MT where the
 * correction is, and the check no longer warns about the corrected text); it makes a change a
 * check reports as information (a changed figure); failing those, the shape of the change (case or
 * punctuation only, a pure insertion). What none of these explains is proposed as Style / Awkward
 * style with low confidence. The flag rules run from the most severe proposal to the mildest, so a
 * correction that fixes two flags is not under-rated.
 */
import type { SegmentKind } from '../article/types.js';
import { isBoilerplateLine } from '../article/boilerplate.js';
import type { ArticleCorrection, Flag } from '../checks/types.js';
import { flagPerSpan } from '../checks/flag-spans.js';
import { shapeOfChange, type ChangeShape } from './change-shape.js';
import type { MqmSeverity } from './severities.js';
import type { MqmCategoryId } from './typology.js';

/** A correction with the kind of the segment it is in. */
export interface CorrectionToCategorise extends ArticleCorrection {
  readonly kind: SegmentKind;
}

/** The article's flags before and after editing. */
export interface ProposalFlags {
  /** The checks' flags on the MT alone (the article run with every edit equal to its MT): offsets into the MT. */
  readonly mt: readonly Flag[];
  /** The checks' flags now: offsets into the current edit. */
  readonly open: readonly Flag[];
}

/** `high`: a flag or page chrome explains the correction; `low`: a guess from the shape of the change. */
export type ProposalConfidence = 'high' | 'low';

/** A proposed category for one correction, with the sentence that tells the editor why. */
export interface Proposal {
  readonly category: MqmCategoryId;
  readonly severity: MqmSeverity;
  /** One sentence for the editor: "Fixes the flag ‘King stands where a person is meant’". */
  readonly reason: string;
  readonly confidence: ProposalConfidence;
  /**
   * Which rule proposed it, stable for reports of how often editors change each rule's proposals:
   * `page-chrome`, a FLAG_CATEGORIES rule, `typography-only`, `case-only`, `punctuation-only`,
   * `insertion` or `default`.
   */
  readonly rule: string;
}

/**
 * How a flag shows what the MT got wrong. `fixed`: a flag of the check stood on the MT where the
 * correction is and none stands on the corrected text. `open`: an information flag of the check
 * stands on the corrected text, because the check reports the change itself.
 */
export type FlagEvidence = 'fixed' | 'open';

/** One row of FLAG_CATEGORIES: a check's flag as evidence, and what it makes the correction. */
export interface FlagCategory {
  readonly rule: string;
  readonly check: string;
  readonly evidence: FlagEvidence;
  readonly category: MqmCategoryId;
  readonly severity: MqmSeverity;
  /** The severity in a headline, where the error misleads every reader of a listing. */
  readonly headlineSeverity?: MqmSeverity;
  readonly confidence: ProposalConfidence;
  /** Added to the reason when the category needs a word for the editor. */
  readonly note?: string;
}

/**
 * Flags as evidence, most severe proposal first (check ids: docs/checks.md). The mappings named
 * by issue 5: name-variant -> Terminology / Inconsistent use; surname-homograph -> Accuracy /
 * Mistranslation, major, critical in a headline (and so headline-subject, the same error in a
 * headline's subject, issue 12); untranslated -> Accuracy / Untranslated. Ours:
 * glossary-term -> Inconsistent with terminology resource, the MQM type for "differs from the
 * glossary" (the glossary is the terminology resource); a changed figure -> Mistranslation, major
 * (a wrong number misinforms); a deleted repeat (duplicate-segment) -> Design and markup, low
 * confidence: the repeats seen so far are two page elements joined by the scraper (the corpus
 * caption begins with the headline), which the MT translated faithfully, so no Accuracy error;
 * when the MT itself doubled the text it is Accuracy / Addition, and the reason says so.
 */
export const FLAG_CATEGORIES: readonly FlagCategory[] = [
  { rule: 'fixes-surname-homograph', check: 'surname-homograph', evidence: 'fixed', category: 'accuracy/mistranslation', severity: 'major', headlineSeverity: 'critical', confidence: 'high' },
  { rule: 'fixes-headline-subject', check: 'headline-subject', evidence: 'fixed', category: 'accuracy/mistranslation', severity: 'major', headlineSeverity: 'critical', confidence: 'high' },
  { rule: 'fixes-untranslated', check: 'untranslated', evidence: 'fixed', category: 'accuracy/untranslated', severity: 'major', confidence: 'high' },
  { rule: 'fixes-number-changed', check: 'number-changed', evidence: 'fixed', category: 'accuracy/mistranslation', severity: 'major', confidence: 'high' },
  { rule: 'changes-number', check: 'number-changed', evidence: 'open', category: 'accuracy/mistranslation', severity: 'major', confidence: 'high' },
  { rule: 'fixes-glossary-term', check: 'glossary-term', evidence: 'fixed', category: 'terminology/inconsistent-with-resource', severity: 'minor', confidence: 'high' },
  { rule: 'fixes-name-variant', check: 'name-variant', evidence: 'fixed', category: 'terminology/inconsistent-use', severity: 'minor', confidence: 'high' },
  {
    rule: 'fixes-duplicate-segment',
    check: 'duplicate-segment',
    evidence: 'fixed',
    category: 'design-and-markup',
    severity: 'minor',
    confidence: 'low',
    note: 'a repeat is most often two page elements joined by the scraper; choose Accuracy / Addition if the MT doubled the text',
  },
];

/** One word of letters only: never taken for chrome inside article text. */
const SINGLE_WORD = /^\p{L}+$/u;

/** Longest quotation of a correction's text in a reason, in characters (range 20-120). */
const QUOTE_CHARS = 40;
/** Longest flag message quoted in a reason, in characters (range 40-200): room for a quoted name or figure in it. */
const FLAG_SUMMARY_CHARS = 100;
/** A message's first clause is quoted only when at least this long (range 5-30), so "Confirm: …" is not cut to "Confirm". */
const MIN_CLAUSE_CHARS = 12;

/** Returns the proposal for each correction, in order. */
export function proposeCategories(corrections: readonly CorrectionToCategorise[], flags: ProposalFlags): Proposal[] {
  return corrections.map((c) => proposeCategory(c, flags));
}

/** Returns the proposed category, severity, reason and confidence of one correction. */
export function proposeCategory(correction: CorrectionToCategorise, flags: ProposalFlags): Proposal {
  return pageChrome(correction) ?? byFlag(correction, spreadSpans(flags)) ?? byShape(correction);
}

/**
 * Removed boilerplate (issue 5): a correction in a boilerplate segment, or one deleting a stretch
 * that is a line of page chrome. The category is the dimension "Design and markup" itself, since no
 * MQM-Core error type names page elements scraped into the text.
 */
function pageChrome(c: CorrectionToCategorise): Proposal | undefined {
  const isRemoval = c.editText.trim() === '';
  const removed: Proposal = { category: 'design-and-markup', severity: 'minor', reason: `Removes page chrome (${quote(c.mtText)}) that came with the scraped article`, confidence: 'high', rule: 'page-chrome' };
  if (c.kind === 'boilerplate') {
    return isRemoval ? removed : { ...removed, reason: `Changes page chrome (${quote(c.mtText)} → ${quote(c.editText)}), which is not article text`, confidence: 'low' };
  }
  // Guard: in article text, only a deleted stretch that reads as a whole chrome line is chrome.
  if (!isRemoval || !isBoilerplateLine(c.mtText, { isBeforeContent: false })) return undefined;
  // Guard: a single plain word ("Close aides", "Top officials") is prose that happens to match a chrome label.
  return SINGLE_WORD.test(c.mtText.trim()) ? undefined : removed;
}

/** The flags with each place of a several-place flag as a flag of its own: a correction is judged against the place it touches. */
function spreadSpans(flags: ProposalFlags): ProposalFlags {
  return { mt: flagPerSpan(flags.mt), open: flagPerSpan(flags.open) };
}

/**
 * The first row of FLAG_CATEGORIES whose evidence the flags show, as a proposal. Flags whose span
 * holds the whole correction come first: deleting a caption's repeated headline also removes the
 * misspelt name inside it, but it is the repeat that the deletion fixes, not the spelling.
 */
function byFlag(c: CorrectionToCategorise, flags: ProposalFlags): Proposal | undefined {
  const candidates = FLAG_CATEGORIES.flatMap((row) => {
    const found = row.evidence === 'fixed' ? fixedFlags(c, flags, row.check) : openInfoFlags(c, flags.open, row.check);
    const [start, end] = row.evidence === 'fixed' ? [c.mtStart, c.mtEnd] : [c.editStart, c.editEnd];
    const covering = found.find((f) => f.start <= start && end <= f.end);
    const flag = covering ?? found[0];
    return flag ? [{ row, flag, isCovering: covering !== undefined }] : [];
  });
  const best = candidates.find((x) => x.isCovering) ?? candidates[0];
  return best ? fromRow(best.row, c, best.flag) : undefined;
}

/**
 * Returns the flags of `check` that stood on the MT where the correction is, unless the check
 * still flags the corrected text (a warning or error there: info flags do not count, since
 * name-variant marks the preferred spelling at info, which is what a fixed variant becomes). A pure
 * insertion covers no MT text, so it fixes no flag.
 */
function fixedFlags(c: CorrectionToCategorise, flags: ProposalFlags, check: string): Flag[] {
  const before = flags.mt.filter((f) => f.check === check && f.segment === c.segment && overlaps(f.start, f.end, c.mtStart, c.mtEnd));
  // Guard: nothing of this check stood where the correction is.
  if (before.length === 0) return [];
  const isStillThere = flags.open.some(
    (f) => f.check === check && f.segment === c.segment && f.severity !== 'info' && meets(f.start, f.end, c.editStart, c.editEnd),
  );
  return isStillThere ? [] : before;
}

/** Returns the info flags of `check` standing on the corrected text now (a deletion's empty span counts where it touches). */
function openInfoFlags(c: CorrectionToCategorise, open: readonly Flag[], check: string): Flag[] {
  return open.filter((f) => f.check === check && f.segment === c.segment && f.severity === 'info' && meets(f.start, f.end, c.editStart, c.editEnd));
}

function fromRow(row: FlagCategory, c: CorrectionToCategorise, flag: Flag): Proposal {
  const isRaised = c.kind === 'headline' && row.headlineSeverity !== undefined;
  const severity = isRaised ? (row.headlineSeverity as MqmSeverity) : row.severity;
  const isDrop = row.evidence === 'open' && c.editText.trim() === '';
  const evidence =
    row.evidence === 'fixed'
      ? `Fixes the flag ‘${summaryOf(flag.message)}’`
      : isDrop
        ? `Drops a figure of the MT (${quote(c.mtText)}); choose Style if the clause was cut for length`
        : `Changes a figure of the MT: ${quote(c.mtText)} → ${quote(c.editText)}`;
  const parts = [evidence, isRaised ? `in the headline, so ${severity}` : undefined, row.note].filter((p) => p !== undefined);
  return { category: row.category, severity, reason: parts.join('; '), confidence: isDrop ? 'low' : row.confidence, rule: row.rule };
}

/** What the change's shape alone suggests, with the low-confidence default last. */
const SHAPE_PROPOSALS: Readonly<Record<ChangeShape, (c: CorrectionToCategorise) => Proposal>> = {
  // MQM "neutral": recorded, not an error; straight vs curly quotes is the house's choice, not the MT's fault.
  typography: (c) => ({ category: 'linguistic-conventions/punctuation', severity: 'neutral', reason: `Changes only the style of quotes, dashes or spaces (${quote(c.mtText)} → ${quote(c.editText)}): a house-style preference, so neutral`, confidence: 'high', rule: 'typography-only' }),
  // MQM-Full files capitalisation under Spelling.
  case: (c) => ({ category: 'linguistic-conventions/spelling', severity: 'minor', reason: `Changes only capitalisation: ${quote(c.mtText)} → ${quote(c.editText)}`, confidence: 'high', rule: 'case-only' }),
  punctuation: (c) => ({ category: 'linguistic-conventions/punctuation', severity: 'minor', reason: `Changes only punctuation: ${quote(c.mtText)} → ${quote(c.editText)}`, confidence: 'high', rule: 'punctuation-only' }),
  insertion: (c) => ({ category: 'accuracy/omission', severity: 'minor', reason: `Adds ${quote(c.editText)}, which the MT may have left out; choose Style if the Korean does not say it`, confidence: 'low', rule: 'insertion' }),
  deletion: (c) => ({ category: 'style/awkward', severity: 'minor', reason: `No check explains removing ${quote(c.mtText)}; Style is a guess: choose Accuracy / Addition if the Korean does not say it`, confidence: 'low', rule: 'default' }),
  other: (c) => ({ category: 'style/awkward', severity: 'minor', reason: `No check explains ${quote(c.mtText)} → ${quote(c.editText)}; Style is a guess: change it if the MT was wrong rather than clumsy`, confidence: 'low', rule: 'default' }),
};

function byShape(c: CorrectionToCategorise): Proposal {
  return SHAPE_PROPOSALS[shapeOfChange(c.mtText, c.editText)](c);
}

/** Returns true when two non-empty spans share at least one character. */
function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

/** Returns true when two spans overlap, or when one is empty (a deletion, a dropped figure) and touches or lies inside the other. */
function meets(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aStart === aEnd || bStart === bEnd) return aStart <= bEnd && bStart <= aEnd;
  return overlaps(aStart, aEnd, bStart, bEnd);
}

/** Returns the flag message's first clause (before ": " or "; "), without a final full stop, cut to FLAG_SUMMARY_CHARS. */
function summaryOf(message: string): string {
  const cuts = [message.indexOf(': '), message.indexOf('; ')].filter((i) => i >= MIN_CLAUSE_CHARS);
  return cut((cuts.length > 0 ? message.slice(0, Math.min(...cuts)) : message).trim().replace(/\.$/u, ''), FLAG_SUMMARY_CHARS);
}

/** Returns the text in curly quotes, white space collapsed, cut to QUOTE_CHARS. */
function quote(text: string): string {
  return `“${cut(text.replace(/\s+/gu, ' ').trim(), QUOTE_CHARS)}”`;
}

/** Returns the text cut to `max` code points with "…" (never inside a surrogate pair). */
function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
