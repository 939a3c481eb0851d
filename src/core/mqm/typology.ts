/**
 * The MQM-Core error typology (themqm.org, "The MQM Core typology", MQM 2.0, aligned with ASTM
 * WK46396 "Analytic Evaluation of Translation Quality"): seven dimensions and their 38 error types,
 * with the MQM names as labels. MQM-Core is the two top levels of MQM-Full and is meant to be used
 * as is "for maximum comparability", so the whole of it is here, not a newsroom selection; the
 * editor's picker may put the common ones first. Descriptions are ours, written for an editor of
 * Korean -> English news; the definitions they paraphrase are MQM's (CC BY 4.0).
 *
 * Ids are stored with every categorised correction: never rename or reuse one. An id is the
 * dimension's id, a slash and the kebab-case MQM name without the dimension's own word
 * ("Inconsistent use of terminology" -> `terminology/inconsistent-use`). A dimension's own id is a
 * category too: "every node (including very high-level ones like Accuracy and Fluency) can serve as
 * an issue type" (Lommel, Uszkoreit and Burchardt 2014, "Multidimensional Quality Metrics (MQM)",
 * Tradumàtica 12, p. 458), for an error no error type fits.
 */

/** One of the seven top-level MQM dimensions. */
export interface MqmDimension {
  readonly id: string;
  /** The MQM name, shown to editors. */
  readonly label: string;
  /** One sentence for an editor. */
  readonly description: string;
}

/** One MQM-Core error type: a subtype of a dimension. */
export interface MqmErrorType {
  readonly id: string;
  readonly dimension: string;
  /** The MQM name, shown to editors. */
  readonly label: string;
  /** One sentence for an editor. */
  readonly description: string;
}

/** The seven MQM dimensions, in MQM's order. */
export const MQM_DIMENSIONS = [
  { id: 'terminology', label: 'Terminology', description: 'A term or name is not the agreed or correct one for what it names.' },
  { id: 'accuracy', label: 'Accuracy', description: 'The English does not say what the Korean says: meaning distorted, left out or added.' },
  { id: 'linguistic-conventions', label: 'Linguistic conventions', description: 'The English is not well formed: grammar, spelling, punctuation, legibility.' },
  { id: 'style', label: 'Style', description: 'The English is correct but reads wrongly for the newsroom: clumsy, unidiomatic, off-register or against house style.' },
  { id: 'locale-conventions', label: 'Locale conventions', description: 'A number, amount, date, time or other data element is formatted the Korean way rather than the English way.' },
  { id: 'audience-appropriateness', label: 'Audience appropriateness', description: 'Content that is wrong for English-language readers: unexplained references or offensive wording.' },
  { id: 'design-and-markup', label: 'Design and markup', description: 'The presentation is wrong: page elements, layout, markup, links or text lost in layout.' },
] as const satisfies readonly MqmDimension[];

/** The MQM-Core error types, grouped by dimension in MQM's order. */
export const MQM_ERROR_TYPES = [
  { id: 'terminology/inconsistent-with-resource', dimension: 'terminology', label: 'Inconsistent with terminology resource', description: 'A term or name differs from the form the glossary prescribes (a spelling the glossary rejects).' },
  { id: 'terminology/inconsistent-use', dimension: 'terminology', label: 'Inconsistent use of terminology', description: 'One term or name is written more than one way in the article (Cho Tae-yul and Cho Tae-yeol).' },
  { id: 'terminology/wrong-term', dimension: 'terminology', label: 'Wrong term', description: 'A term that is not the right one for the concept, though no glossary entry covers it.' },

  { id: 'accuracy/mistranslation', dimension: 'accuracy', label: 'Mistranslation', description: 'The English says something other than the Korean ("King" for the surname Wang, a wrong figure).' },
  { id: 'accuracy/overtranslation', dimension: 'accuracy', label: 'Overtranslation', description: 'The English is more specific than the Korean.' },
  { id: 'accuracy/undertranslation', dimension: 'accuracy', label: 'Undertranslation', description: 'The English is vaguer than the Korean ("Minister" for the Foreign Minister).' },
  { id: 'accuracy/addition', dimension: 'accuracy', label: 'Addition', description: 'The English contains something the Korean does not.' },
  { id: 'accuracy/omission', dimension: 'accuracy', label: 'Omission', description: 'Something the Korean says is missing from the English.' },
  { id: 'accuracy/do-not-translate', dimension: 'accuracy', label: 'Do not translate', description: 'Text that should have been kept as is (a brand, a code, an English title) was translated.' },
  { id: 'accuracy/untranslated', dimension: 'accuracy', label: 'Untranslated', description: 'Korean (Hangul or Hanja) left in the English where it should have been translated.' },

  { id: 'linguistic-conventions/grammar', dimension: 'linguistic-conventions', label: 'Grammar', description: 'A grammatical error: agreement, tense, word form or word order.' },
  { id: 'linguistic-conventions/punctuation', dimension: 'linguistic-conventions', label: 'Punctuation', description: 'Punctuation missing, extra or wrong for English.' },
  { id: 'linguistic-conventions/spelling', dimension: 'linguistic-conventions', label: 'Spelling', description: 'A misspelt word, including wrong capitalisation.' },
  { id: 'linguistic-conventions/unintelligible', dimension: 'linguistic-conventions', label: 'Unintelligible', description: 'Text so garbled that its meaning cannot be made out.' },
  { id: 'linguistic-conventions/character-encoding', dimension: 'linguistic-conventions', label: 'Character encoding', description: 'Characters shown wrongly because of an encoding fault (mojibake).' },
  { id: 'linguistic-conventions/textual-conventions', dimension: 'linguistic-conventions', label: 'Textual conventions', description: 'A breach of English text conventions other than grammar, spelling and punctuation.' },

  { id: 'style/organization', dimension: 'style', label: 'Organization style', description: "Against the newsroom's own style guide." },
  { id: 'style/third-party', dimension: 'style', label: 'Third-party style', description: 'Against an outside style guide the newsroom follows (AP, Reuters).' },
  { id: 'style/inconsistent-with-external-reference', dimension: 'style', label: 'Inconsistent with external reference', description: 'Does not match an outside reference it should follow (an official English name, a published quotation).' },
  { id: 'style/language-register', dimension: 'style', label: 'Language register', description: 'Too formal, too colloquial or too bureaucratic for news.' },
  { id: 'style/awkward', dimension: 'style', label: 'Awkward style', description: 'Correct but clumsy or hard to read.' },
  { id: 'style/unidiomatic', dimension: 'style', label: 'Unidiomatic style', description: 'Grammatical but not how an English writer would put it (a calque of the Korean).' },
  { id: 'style/inconsistent', dimension: 'style', label: 'Inconsistent style', description: 'One thing styled two ways in the article (titles, dates or figures written differently).' },

  { id: 'locale-conventions/number-format', dimension: 'locale-conventions', label: 'Number format', description: 'A number written the Korean way (units of 10,000, separators) rather than the English way.' },
  { id: 'locale-conventions/currency-format', dimension: 'locale-conventions', label: 'Currency format', description: 'An amount of money in the wrong format or without the currency an English reader needs.' },
  { id: 'locale-conventions/measurement-format', dimension: 'locale-conventions', label: 'Measurement format', description: 'A measurement in units or a format English readers do not expect.' },
  { id: 'locale-conventions/time-format', dimension: 'locale-conventions', label: 'Time format', description: 'A time of day in the wrong format or time zone convention.' },
  { id: 'locale-conventions/date-format', dimension: 'locale-conventions', label: 'Date format', description: 'A date in the wrong format ("the 13th" with no month, year-month-day order).' },
  { id: 'locale-conventions/address-format', dimension: 'locale-conventions', label: 'Address format', description: 'An address in the wrong order or format.' },
  { id: 'locale-conventions/telephone-format', dimension: 'locale-conventions', label: 'Telephone format', description: 'A telephone number in the wrong format.' },
  { id: 'locale-conventions/shortcut-key', dimension: 'locale-conventions', label: 'Shortcut key', description: 'A keyboard shortcut that does not fit the English locale.' },

  { id: 'audience-appropriateness/culture-specific-reference', dimension: 'audience-appropriateness', label: 'Culture-specific reference', description: 'A reference English readers will not understand without explanation.' },
  { id: 'audience-appropriateness/offensive', dimension: 'audience-appropriateness', label: 'Offensive', description: 'Wording that readers would find offensive.' },

  { id: 'design-and-markup/layout', dimension: 'design-and-markup', label: 'Layout', description: 'The arrangement of the text on the page is wrong.' },
  { id: 'design-and-markup/markup-tag', dimension: 'design-and-markup', label: 'Markup tag', description: 'Markup missing, extra or broken.' },
  { id: 'design-and-markup/truncation-text-expansion', dimension: 'design-and-markup', label: 'Truncation/text expansion', description: 'Text cut off, or too long for the space it must fit.' },
  { id: 'design-and-markup/missing-text', dimension: 'design-and-markup', label: 'Missing text', description: 'Text present in the article but lost from the laid-out page.' },
  { id: 'design-and-markup/link-cross-reference', dimension: 'design-and-markup', label: 'Link/cross-reference', description: 'A link or cross-reference that is broken or points to the wrong place.' },
] as const satisfies readonly MqmErrorType[];

/** A dimension's id. */
export type MqmDimensionId = (typeof MQM_DIMENSIONS)[number]['id'];
/** An error type's id. */
export type MqmErrorTypeId = (typeof MQM_ERROR_TYPES)[number]['id'];
/** What a correction can be categorised as: an error type, or a dimension when no error type fits. */
export type MqmCategoryId = MqmDimensionId | MqmErrorTypeId;

const DIMENSIONS_BY_ID: ReadonlyMap<string, MqmDimension> = new Map(MQM_DIMENSIONS.map((d) => [d.id, d]));
const ERROR_TYPES_BY_ID: ReadonlyMap<string, MqmErrorType> = new Map(MQM_ERROR_TYPES.map((t) => [t.id, t]));

/** Returns true when `value` is a dimension or error type id (for stored or posted values). */
export function isMqmCategoryId(value: string): value is MqmCategoryId {
  return DIMENSIONS_BY_ID.has(value) || ERROR_TYPES_BY_ID.has(value);
}

/** Returns the dimension a category belongs to (a dimension belongs to itself). */
export function mqmDimensionOf(category: MqmCategoryId): MqmDimensionId {
  return (ERROR_TYPES_BY_ID.get(category)?.dimension ?? category) as MqmDimensionId;
}

/** Returns the category as an editor reads it: "Accuracy / Mistranslation", or "Design and markup" for a dimension. */
export function mqmCategoryLabel(category: MqmCategoryId): string {
  const type = ERROR_TYPES_BY_ID.get(category);
  const dimension = DIMENSIONS_BY_ID.get(type?.dimension ?? category);
  // Guard: the id type rules this out; a cast value from elsewhere is shown as it is rather than thrown on.
  if (!dimension) return category;
  return type ? `${dimension.label} / ${type.label}` : dimension.label;
}
