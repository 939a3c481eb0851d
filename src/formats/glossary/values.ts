import { CONCEPT_TYPES, type ConceptType, type TermStatus } from '../../core/glossary/types.js';

/** TBX administrativeStatus picklist values (TBX-Basic_DCA.sch, module.min.termNote) for each status. */
export const TBX_STATUS: Readonly<Record<TermStatus, string>> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
};

/**
 * Status words accepted on import, lower-cased: ours, the TBX picklist, the TBX 2008
 * normativeAuthorization values, and what other tools call them (Lokalise "forbidden", memoQ
 * "forbidden", Crowdin "not recommended").
 */
const STATUS_WORDS: Readonly<Record<string, TermStatus>> = {
  preferred: 'preferred',
  'preferredterm-admn-sts': 'preferred',
  preferredterm: 'preferred',
  standardizedterm: 'preferred',
  approved: 'preferred',
  admitted: 'admitted',
  'admittedterm-admn-sts': 'admitted',
  admittedterm: 'admitted',
  allowed: 'admitted',
  accepted: 'admitted',
  permitted: 'admitted',
  deprecated: 'deprecated',
  'deprecatedterm-admn-sts': 'deprecated',
  deprecatedterm: 'deprecated',
  // Superseded: replaced by a newer form, so not to be used: for an editor that is deprecated.
  'supersededterm-admn-sts': 'deprecated',
  supersededterm: 'deprecated',
  forbidden: 'deprecated',
  rejected: 'deprecated',
  'not recommended': 'deprecated',
  avoid: 'deprecated',
};

/** Returns the status a file's status word stands for, or undefined when it is not one we know. */
export function parseStatus(word: string): TermStatus | undefined {
  return STATUS_WORDS[word.trim().toLowerCase()];
}

/** The status words to list in a message about an unknown one. */
export const STATUS_HINT = 'preferred, admitted or deprecated (or the TBX values preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts)';

/** Type words accepted on import, lower-cased: ours plus the US spelling and common synonyms. */
const TYPE_WORDS: Readonly<Record<string, ConceptType>> = {
  ...Object.fromEntries(CONCEPT_TYPES.map((t) => [t, t])),
  organization: 'organisation',
  org: 'organisation',
  people: 'person',
  name: 'person',
  location: 'place',
  'job title': 'title',
  position: 'title',
  terminology: 'term',
};

/** Returns the concept type a file's type word stands for, or undefined when it is not one we know. */
export function parseConceptType(word: string): ConceptType | undefined {
  return TYPE_WORDS[word.trim().toLowerCase()];
}

/** The type words to list in a message about an unknown one. */
export const TYPE_HINT = CONCEPT_TYPES.join(', ');

/**
 * An XML ID (an NCName, Namespaces in XML §3): what TBX needs for conceptEntry/@id. Approximated
 * with Unicode classes: a letter or underscore, then letters, digits, marks, '.', '-', '_'.
 */
const XML_ID = /^[\p{L}_][\p{L}\p{N}\p{M}._-]*$/u;

/** Returns whether `id` can be a concept id (a conceptEntry's xs:ID). */
export function isConceptId(id: string): boolean {
  return XML_ID.test(id);
}

/**
 * Returns a file's concept id as one TBX accepts: kept when it is an XML ID, prefixed with "c" when
 * it is a number (memoQ and MultiTerm number their entries), undefined when neither works.
 */
export function normaliseConceptId(raw: string): string | undefined {
  const id = raw.trim();
  if (isConceptId(id)) return id;
  if (/^\d+$/.test(id)) return `c${id}`;
  return undefined;
}

/** Returns ids "c1", "c2", … that are not in `taken`, in order, one per call. */
export function idAllocator(taken: ReadonlySet<string>): () => string {
  let n = 0;
  return () => {
    let id: string;
    do {
      n += 1;
      id = `c${n}`;
    } while (taken.has(id));
    return id;
  };
}

/** xs:language (XML Schema Part 2 §3.3.3), the type of TBX's xml:lang: BCP 47 tags fit it. */
const LANGUAGE = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/** Returns whether `lang` is a language tag TBX's xml:lang accepts. */
export function isLanguageTag(lang: string): boolean {
  return LANGUAGE.test(lang);
}

/**
 * xs:date or xs:dateTime (XML Schema Part 2 §3.2.9, §3.2.7), what TBX's `<date>` accepts; ISO
 * 8601's extended format with a four-digit year, e.g. 2026-11-29 or 2026-11-29T10:00:00.000Z.
 */
const XS_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?$/;

/** Returns whether `value` is a date or date-time TBX's `<date>` accepts (a real calendar day). */
export function isXsDate(value: string): boolean {
  const m = XS_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over into March: a mismatch means the day does not exist.
  const isDay = calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  if (!isDay) return false;
  if (m[4] === undefined) return true;
  return Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 59;
}

/**
 * Returns the language tag Copydesk files a term under: English and Korean regional tags
 * (en-US, en-GB, ko-KR) become "en" and "ko", because the checks match on those two
 * (core/glossary/types.ts); other tags are kept as written.
 */
export function normaliseLanguage(tag: string): string {
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  if (primary === 'en' || primary === 'ko') return primary;
  return tag.trim();
}

/**
 * Gives each term without a status one, since neither TBX nor CSV has a default: the first such
 * term of a language with no preferred term becomes preferred, the others admitted. Returns how
 * many were filled (for a warning).
 */
export function fillMissingStatuses(terms: { readonly lang: string; status: TermStatus | undefined }[]): number {
  const hasPreferred = new Set(terms.filter((t) => t.status === 'preferred').map((t) => t.lang));
  let filled = 0;
  for (const term of terms) {
    if (term.status !== undefined) continue;
    term.status = hasPreferred.has(term.lang) ? 'admitted' : 'preferred';
    hasPreferred.add(term.lang);
    filled += 1;
  }
  return filled;
}
