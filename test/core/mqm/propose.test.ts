import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentKind } from '../../../src/core/article/types.js';
import type { Check, Flag, Severity } from '../../../src/core/checks/types.js';
import { ALL_CHECKS } from '../../../src/core/checks/index.js';
import { duplicateSegment } from '../../../src/core/checks/duplicate-segment.js';
import { numberChanged } from '../../../src/core/checks/number-changed.js';
import { untranslated } from '../../../src/core/checks/untranslated.js';
import { diffSegment } from '../../../src/core/diff/diff-segment.js';
import { deriveCorrections } from '../../../src/core/diff/corrections.js';
import { FLAG_CATEGORIES, isMqmCategoryId, isMqmSeverity, proposeCategory, type CorrectionToCategorise, type ProposalFlags } from '../../../src/core/mqm/index.js';
import { articleOf, runOne } from '../checks/check-helpers.js';

/** The only correction of a one-segment edit, as the diff derives it. */
function correctionOf(mt: string, edit: string, kind: SegmentKind = 'body', segment = 0): CorrectionToCategorise {
  const pairs = deriveCorrections(mt, edit, diffSegment(mt, edit).parts);
  if (pairs.length !== 1) throw new Error(`expected one correction, got ${JSON.stringify(pairs)}`);
  return { segment, kind, ...(pairs[0] as (typeof pairs)[number]) };
}

interface FlagSpec {
  readonly check: string;
  /** The flagged text; found in `within` (its `nth` occurrence, 0 by default). */
  readonly text: string;
  readonly within: string;
  readonly nth?: number;
  readonly severity?: Severity;
  readonly message?: string;
  readonly segment?: number;
}

/** A flag on `text` inside `within` (the MT for MT flags, the edit for open ones). */
function flagOn({ check, text, within, nth = 0, severity = 'warning', message = `${text} is flagged`, segment = 0 }: FlagSpec): Flag {
  let start = -1;
  for (let i = 0; i <= nth; i += 1) start = within.indexOf(text, start + 1);
  if (start < 0) throw new Error(`"${text}" is not in "${within}"`);
  return { check, severity, segment, start, end: start + text.length, text, message, suggestions: [], fingerprint: `${check}|${text}` };
}

const HOMOGRAPH_MESSAGE = "King stands where a person is meant: machine translation may have read the surname 왕 (Wang) as a word; write the person's name (Wang Yi, Cho Tae-yul?).";
const VARIANT_MESSAGE = 'Cho Tae-yeol is spelled Cho Tae-yul in 2 other places (body ×2); use Cho Tae-yul, the spelling the body paragraphs use most.';
const PREFERRED_MESSAGE = 'Cho Tae-yul is the spelling the body paragraphs use most for this person; make the other places match.';

interface Row {
  readonly label: string;
  readonly mt: string;
  readonly edit: string;
  readonly kind?: SegmentKind;
  /** The segment's MT when it is not the only one (a caption after its headline); the correction is in the last segment. */
  readonly before?: readonly { readonly kind: SegmentKind; readonly mt: string }[];
  /** A real check to run on the MT and on the edit for the flags (the checks that need no name index). */
  readonly check?: Check;
  readonly mtFlags?: (mt: string) => Flag[];
  readonly openFlags?: (edit: string) => Flag[];
  /** `category severity confidence rule`. */
  readonly proposal: string;
  readonly reason?: string;
}

const standfirst = 'King Raises Issues at Meeting with Chinese Foreign Minister';
const homographOn = (mt: string) => [flagOn({ check: 'surname-homograph', text: 'King', within: mt, severity: 'error', message: HOMOGRAPH_MESSAGE })];

const rows: Row[] = [
  // Flags fixed (issue 5's rules).
  {
    label: 'fixes a surname-homograph flag: Accuracy / Mistranslation, major (the corpus standfirst)',
    mt: standfirst,
    edit: standfirst.replace('King', 'Cho'),
    kind: 'standfirst',
    mtFlags: homographOn,
    proposal: 'accuracy/mistranslation major high fixes-surname-homograph',
    reason: 'Fixes the flag ‘King stands where a person is meant’',
  },
  {
    label: 'fixes a surname-homograph flag in a headline: critical',
    mt: standfirst,
    edit: standfirst.replace('King', 'Cho'),
    kind: 'headline',
    mtFlags: homographOn,
    proposal: 'accuracy/mistranslation critical high fixes-surname-homograph',
    reason: 'Fixes the flag ‘King stands where a person is meant’; in the headline, so critical',
  },
  {
    label: 'fixes an untranslated flag: Accuracy / Untranslated, major',
    mt: 'Minister 조태열 held talks.',
    edit: 'Minister Cho Tae-yul held talks.',
    check: untranslated,
    proposal: 'accuracy/untranslated major high fixes-untranslated',
    reason: 'Fixes the flag ‘“조태열” is Korean (Hangul) left untranslated’',
  },
  {
    label: 'fixes a name-variant flag: Terminology / Inconsistent use, minor (the corrected name is now the preferred one, flagged at info)',
    mt: 'Cho Tae-yeol held talks.',
    edit: 'Cho Tae-yul held talks.',
    mtFlags: (mt) => [flagOn({ check: 'name-variant', text: 'Cho Tae-yeol', within: mt, message: VARIANT_MESSAGE })],
    openFlags: (edit) => [flagOn({ check: 'name-variant', text: 'Cho Tae-yul', within: edit, severity: 'info', message: PREFERRED_MESSAGE })],
    proposal: 'terminology/inconsistent-use minor high fixes-name-variant',
    reason: 'Fixes the flag ‘Cho Tae-yeol is spelled Cho Tae-yul in 2 other places (body ×2)’',
  },
  {
    label: 'fixes a name-variant flag in a headline: still minor (a romanization variant does not change who is meant)',
    mt: 'Cho Tae-yeol Criticizes Forced Repatriation',
    edit: 'Cho Tae-yul Criticizes Forced Repatriation',
    kind: 'headline',
    mtFlags: (mt) => [flagOn({ check: 'name-variant', text: 'Cho Tae-yeol', within: mt, message: VARIANT_MESSAGE })],
    proposal: 'terminology/inconsistent-use minor high fixes-name-variant',
  },
  {
    label: 'fixes a name-variant flag at info: the editor made the preferred spelling match the others',
    mt: 'Cho Tae-yul held talks.',
    edit: 'Cho Tae-yeol held talks.',
    mtFlags: (mt) => [flagOn({ check: 'name-variant', text: 'Cho Tae-yul', within: mt, severity: 'info', message: PREFERRED_MESSAGE })],
    proposal: 'terminology/inconsistent-use minor high fixes-name-variant',
  },
  {
    label: 'fixes a glossary-term flag: Terminology / Inconsistent with terminology resource, minor',
    mt: 'Cho Tae-yeol held talks.',
    edit: 'Cho Tae-yul held talks.',
    mtFlags: (mt) => [flagOn({ check: 'glossary-term', text: 'Cho Tae-yeol', within: mt, severity: 'error', message: 'Cho Tae-yeol is a spelling the glossary rejects; write Cho Tae-yul (the headline).' })],
    proposal: 'terminology/inconsistent-with-resource minor high fixes-glossary-term',
    reason: 'Fixes the flag ‘Cho Tae-yeol is a spelling the glossary rejects’',
  },
  {
    label: 'changes a figure the number-changed check reports: Accuracy / Mistranslation, major',
    mt: 'The budget is 677.4 billion won.',
    edit: 'The budget is 677.4 trillion won.',
    check: numberChanged,
    proposal: 'accuracy/mistranslation major high changes-number',
    reason: 'Changes a figure of the MT: “billion” → “trillion”',
  },
  {
    label: 'drops a figure (number-changed marks an empty span where it stood): Mistranslation, but low confidence',
    mt: 'The budget, 5 trillion won, was passed.',
    edit: 'The budget was passed.',
    check: numberChanged,
    proposal: 'accuracy/mistranslation major low changes-number',
    reason: 'Drops a figure of the MT (“, 5 trillion won,”); choose Style if the clause was cut for length',
  },
  {
    label: 'fixes a magnitude warning (470 trillion and 4.70 trillion): Mistranslation, major',
    mt: 'Exports reached 4.70 trillion won. Imports were 470 trillion won.',
    edit: 'Exports reached 470 trillion won. Imports were 470 trillion won.',
    check: numberChanged,
    proposal: 'accuracy/mistranslation major high fixes-number-changed',
    reason: 'Fixes the flag ‘“4.70 trillion” has the digits of “470 trillion” in this segment at another magnitude’',
  },
  {
    label: 'deletes a repeated headline (duplicate-segment): Design and markup, low (the corpus caption)',
    before: [{ kind: 'headline', mt: 'Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want"' }],
    mt: 'Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "Please Send Them Where They Want" Foreign Minister Cho Tae-yeol held talks.',
    edit: 'Foreign Minister Cho Tae-yeol held talks.',
    kind: 'caption',
    check: duplicateSegment,
    proposal: 'design-and-markup minor low fixes-duplicate-segment',
    reason:
      'Fixes the flag ‘This repeats the headline (“Cho Tae-yeol Criticizes Forced Repatriation of Defectors:…”)’; a repeat is most often two page elements joined by the scraper; choose Accuracy / Addition if the MT doubled the text',
  },
  {
    label: 'deletes a repeat holding a misspelt name: the repeat the flag spans whole explains it, not the name inside',
    mt: 'Cho Tae-yeol Criticizes Forced Repatriation of Defectors Foreign Minister Cho held talks.',
    edit: 'Foreign Minister Cho held talks.',
    kind: 'caption',
    mtFlags: (mt) => [
      flagOn({ check: 'name-variant', text: 'Cho Tae-yeol', within: mt, message: VARIANT_MESSAGE }),
      flagOn({ check: 'duplicate-segment', text: 'Cho Tae-yeol Criticizes Forced Repatriation of Defectors ', within: mt, message: 'This repeats the headline: delete the repeated text' }),
    ],
    proposal: 'design-and-markup minor low fixes-duplicate-segment',
  },
  {
    label: 'a correction fixing two flags that both span it gets the more severe proposal (homograph over name variant)',
    mt: 'King Tae-yul met Wang Yi.',
    edit: 'Cho Tae-yul met Wang Yi.',
    mtFlags: (mt) => [
      flagOn({ check: 'name-variant', text: 'King Tae-yul', within: mt, message: 'King Tae-yul is spelled Cho Tae-yul in 2 other places (body ×2); use Cho Tae-yul.' }),
      flagOn({ check: 'surname-homograph', text: 'King', within: mt, severity: 'error', message: HOMOGRAPH_MESSAGE }),
    ],
    proposal: 'accuracy/mistranslation major high fixes-surname-homograph',
  },
  {
    label: 'a correction fixing two flags, neither spanning all of it, gets the more severe proposal (homograph over untranslated)',
    mt: 'King 조태열 met.',
    edit: 'Wang Yi Cho Tae-yul met.',
    mtFlags: (mt) => [
      ...runOne(untranslated, articleOf([{ mt }])),
      flagOn({ check: 'surname-homograph', text: 'King', within: mt, severity: 'error', message: HOMOGRAPH_MESSAGE }),
    ],
    proposal: 'accuracy/mistranslation major high fixes-surname-homograph',
  },
  // Page chrome.
  { label: 'removes a boilerplate segment: Design and markup, minor', mt: 'Text Size', edit: '', kind: 'boilerplate', proposal: 'design-and-markup minor high page-chrome', reason: 'Removes page chrome (“Text Size”) that came with the scraped article' },
  { label: 'changes a boilerplate segment in place: Design and markup, low', mt: '본문 바로가기', edit: 'Skip to content', kind: 'boilerplate', proposal: 'design-and-markup minor low page-chrome' },
  {
    label: 'deletes a copyright line from a body paragraph: page chrome',
    mt: 'The talks ended. © The Asia Business Daily(www.asiae.co.kr). All rights reserved.',
    edit: 'The talks ended.',
    proposal: 'design-and-markup minor high page-chrome',
  },

  // The shape of the change.
  { label: 'a pure insertion: Accuracy / Omission, minor, low', mt: 'Minister Cho Tae-yul held talks.', edit: 'Foreign Minister Cho Tae-yul held talks.', proposal: 'accuracy/omission minor low insertion', reason: 'Adds “Foreign”, which the MT may have left out; choose Style if the Korean does not say it' },
  { label: 'case only: Linguistic conventions / Spelling, minor', mt: 'Talks with north korea resumed.', edit: 'Talks with North Korea resumed.', proposal: 'linguistic-conventions/spelling minor high case-only', reason: 'Changes only capitalisation: “north korea” → “North Korea”' },
  { label: 'punctuation only: Linguistic conventions / Punctuation, minor', mt: 'In Beijing he said it was true.', edit: 'In Beijing, he said it was true.', proposal: 'linguistic-conventions/punctuation minor high punctuation-only' },
  { label: 'quote style only: Punctuation, neutral', mt: "China's special attention", edit: 'China’s special attention', proposal: 'linguistic-conventions/punctuation neutral high typography-only' },
  {
    label: 'anything else: Style / Awkward style, minor, low (the issue 5 HTER example)',
    mt: 'Minister Cho also conveyed concerns to China',
    edit: 'Minister Cho also voiced concern to China',
    proposal: 'style/awkward minor low default',
    reason: 'No check explains “conveyed concerns” → “voiced concern”; Style is a guess: change it if the MT was wrong rather than clumsy',
  },
  { label: 'a pure deletion no check explains: the Style default, low', mt: 'He said that the talks were, in fact, useful.', edit: 'He said that the talks were useful.', proposal: 'style/awkward minor low default' },

  // Looks suspicious but is fine.
  {
    label: 'looks suspicious but is fine: a correction near a flag but not overlapping it does not fix it',
    mt: standfirst,
    edit: standfirst.replace('Raises', 'Raised'),
    kind: 'headline',
    mtFlags: homographOn,
    openFlags: (edit) => [flagOn({ check: 'surname-homograph', text: 'King', within: edit, severity: 'error', message: HOMOGRAPH_MESSAGE })],
    proposal: 'style/awkward minor low default',
  },
  {
    label: 'looks suspicious but is fine: a flag still there after the edit is not fixed (Tae-yeol -> Tae-yol, another variant)',
    mt: 'Cho Tae-yeol held talks.',
    edit: 'Cho Tae-yol held talks.',
    mtFlags: (mt) => [flagOn({ check: 'name-variant', text: 'Cho Tae-yeol', within: mt, message: VARIANT_MESSAGE })],
    openFlags: (edit) => [flagOn({ check: 'name-variant', text: 'Cho Tae-yol', within: edit, message: 'Cho Tae-yol is spelled Cho Tae-yul in 2 other places (body ×2); use Cho Tae-yul.' })],
    proposal: 'style/awkward minor low default',
  },
  {
    label: 'looks suspicious but is fine: a flag at the same offsets in another segment is not this correction’s',
    mt: standfirst,
    edit: standfirst.replace('King', 'Cho'),
    mtFlags: (mt) => [{ ...flagOn({ check: 'surname-homograph', text: 'King', within: mt, severity: 'error', message: HOMOGRAPH_MESSAGE }), segment: 3 }],
    proposal: 'style/awkward minor low default',
  },
  {
    label: 'looks suspicious but is fine: an insertion next to a flagged name fixes nothing',
    mt: 'Minister Cho Tae-yul held talks.',
    edit: 'Foreign Minister Cho Tae-yul held talks.',
    mtFlags: (mt) => [flagOn({ check: 'name-variant', text: 'Minister', within: mt, severity: 'info', message: PREFERRED_MESSAGE })],
    proposal: 'accuracy/omission minor low insertion',
  },
  {
    label: 'looks suspicious but is fine: deleting "Close" from "Close aides" is prose, not the chrome label "Close"',
    mt: 'Close aides said the talks went well.',
    edit: 'Aides said the talks went well.',
    proposal: 'style/awkward minor low default',
  },
  {
    label: 'looks suspicious but is fine: a magnitude warning still on the changed figure is not fixed (4.70 -> 4.7 trillion)',
    mt: 'Exports reached 4.70 trillion won. Imports were 470 trillion won.',
    edit: 'Exports reached 4.7 trillion won. Imports were 470 trillion won.',
    check: numberChanged,
    proposal: 'style/awkward minor low default',
  },
  {
    label: 'looks suspicious but is fine: 677.4 trillion won written the same way is no figure change',
    mt: 'The 677.4 trillion won budget was passed.',
    edit: 'The 677.4 trillion won budget was approved.',
    check: numberChanged,
    proposal: 'style/awkward minor low default',
  },
];

describe('proposeCategory', () => {
  it.each(rows)('$label', ({ mt, edit, kind = 'body', before = [], check, mtFlags, openFlags, proposal, reason }) => {
    const segment = before.length;
    const flags: ProposalFlags = check
      ? { mt: runOne(check, articleOf([...before, { kind, mt }])), open: runOne(check, articleOf([...before, { kind, mt, edit }])) }
      : { mt: mtFlags?.(mt) ?? [], open: openFlags?.(edit) ?? [] };
    const got = proposeCategory(correctionOf(mt, edit, kind, segment), flags);
    expect(`${got.category} ${got.severity} ${got.confidence} ${got.rule}`).toBe(proposal);
    if (reason !== undefined) expect(got.reason).toBe(reason);
  });

  it('names only checks that exist (docs/checks.md)', () => {
    const ids = new Set(ALL_CHECKS.map((c) => c.id));
    expect(FLAG_CATEGORIES.map((r) => r.check).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('gives every rule of the table a unique id', () => {
    const rules = FLAG_CATEGORIES.map((r) => r.rule);
    expect(new Set(rules).size).toBe(rules.length);
  });

  it('cuts a long flag message and a long correction in the reason', () => {
    const long = `${'word '.repeat(30)}end`;
    const c: CorrectionToCategorise = { segment: 0, kind: 'body', mtText: long, editText: 'short', mtStart: 0, mtEnd: long.length, editStart: 0, editEnd: 5 };
    const flag: Flag = { check: 'untranslated', severity: 'warning', segment: 0, start: 0, end: 4, text: 'word', message: `${'x'.repeat(120)}: do this`, suggestions: [], fingerprint: 'f' };
    expect(proposeCategory(c, { mt: [flag], open: [] }).reason).toBe(`Fixes the flag ‘${'x'.repeat(99)}…’`);
    expect(proposeCategory(c, { mt: [], open: [] }).reason).toBe(`No check explains “${'word '.repeat(7)}word…” → “short”; Style is a guess: change it if the MT was wrong rather than clumsy`);
  });

  it('never throws on awkward input and always proposes a known category and severity with a reason', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('', ' ', '조태열', '😀', 'שלום', '© x. All rights reserved.', 'Close'));
    const offset = fc.integer({ min: -2, max: 60 });
    const flag = fc.record({
      check: fc.constantFrom(...ALL_CHECKS.map((c) => c.id), 'unknown'),
      severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
      segment: fc.integer({ min: 0, max: 2 }),
      start: offset,
      end: offset,
      text,
      message: text,
      suggestions: fc.constant([]),
      fingerprint: fc.string(),
    });
    const correction = fc.record({
      segment: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom<SegmentKind>('headline', 'standfirst', 'body', 'caption', 'boilerplate'),
      mtText: text,
      editText: text,
      mtStart: offset,
      mtEnd: offset,
      editStart: offset,
      editEnd: offset,
    });
    fc.assert(
      fc.property(correction, fc.array(flag, { maxLength: 6 }), fc.array(flag, { maxLength: 6 }), (c, mt, open) => {
        const p = proposeCategory(c, { mt, open });
        return isMqmCategoryId(p.category) && isMqmSeverity(p.severity) && p.reason.length > 0;
      }),
    );
  });
});
