/** The names module's public face: romanization tables, name spotting and matching, the article and corpus name indexes. */
export type { NameIndex, NameMention, Person, PreferredBecause } from './types.js';
export { SYLLABLE_VARIANTS, type SyllableVariants } from './syllable-variants.js';
export { SURNAMES, ENGLISH_WORD_SURNAMES, type SurnameRow } from './surnames.js';
export { CHINESE_SURNAMES, JAPANESE_SURNAMES } from './foreign-surnames.js';
export { PERSON_TITLES, TITLE_WORDS } from './titles.js';
export { foldName, normaliseGivenName, spellingOf, slugOf } from './normalise.js';
export { syllabify, segmentJoined, type Syllabification, type NameScript } from './syllabify.js';
export { areSyllablesEquivalent, phoneticKey, syllableClasses, isKnownSyllable } from './syllable-key.js';
export { lookupSurname, areSurnamesEquivalent, surnamesMeaning, surnameRowOf, ONE_LETTER_SURNAMES, type SurnameInfo, type SurnameOrigin } from './surname-lookup.js';
export { readGivenName, type GivenReading } from './given-name.js';
export { areSameName, areGivenNamesEquivalent, nameKeyOf, undoLiaison, type NameReading } from './name-match.js';
export { spotNames, readName, hasTitleBefore, type SpottedName } from './spot-names.js';
export { findHomographs, type HomographHit, type HomographOptions } from './homographs.js';
export { findHeadlineSubjects, type HeadlineSubjectHit, type SubjectEvidence } from './headline-subject.js';
export { buildNameIndex, type NameIndexOptions } from './build-name-index.js';
export {
  buildCorpusNameIndex,
  type CorpusNameIndex,
  type CorpusNameIndexOptions,
  type CorpusPerson,
  type ArticleCount,
} from './build-corpus-name-index.js';
