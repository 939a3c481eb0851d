/** What a concept names; decides how terms are matched (people by romanization, others exactly). */
export type ConceptType = 'person' | 'organisation' | 'place' | 'title' | 'term';

/** Every concept type, in the order the UI lists them. */
export const CONCEPT_TYPES: readonly ConceptType[] = ['person', 'organisation', 'place', 'title', 'term'];

/** A term's standing (TBX administrativeStatus): use it, it may stand, or it must be replaced. */
export type TermStatus = 'preferred' | 'admitted' | 'deprecated';

/** Every term status, preferred first. */
export const TERM_STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'deprecated'];

/** One term of a concept: a spelling in one language with its status. */
export interface Term {
  readonly text: string;
  /** BCP 47 language: 'en' for the English forms, 'ko' for the Korean source form. */
  readonly lang: string;
  readonly status: TermStatus;
  readonly note?: string | undefined;
}

/** Where a concept came from and who touched it last (TBX transactions). */
export interface Provenance {
  /** How it entered the glossary: 'names-page', 'flag', 'correction-memory', 'manual', 'import'. */
  readonly origin: string;
  /** A human-readable pointer: an article title, a correction ("King" -> "Cho" ×2), a file name. */
  readonly source?: string | undefined;
  readonly createdBy: string;
  /** ISO 8601 time. */
  readonly createdAt: string;
  readonly modifiedBy?: string | undefined;
  readonly modifiedAt?: string | undefined;
}

/** A glossary concept: one person, organisation, place, title or term, with all its terms. */
export interface Concept {
  /** Stable id, unique in the glossary, valid as an XML ID (starts with a letter): e.g. "c12". */
  readonly id: string;
  readonly type: ConceptType;
  readonly note?: string | undefined;
  /** English terms first (preferred, admitted, deprecated), then the Korean form(s). */
  readonly terms: readonly Term[];
  readonly provenance: Provenance;
}
