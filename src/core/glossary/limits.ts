import type { Concept } from './types.js';

/**
 * The limits of one glossary concept, the same on every way in: the concept form, and TBX, CSV and
 * JSON imports from the web page or `copydesk glossary import` (security issue 11: a 5 MB term came
 * in through a file, which the form would have refused). Lengths are UTF-16 code units, as the
 * form's fields measure them.
 */

/** Longest term accepted (a name, an organisation, a title), in characters. */
export const MAX_TERM_CHARS = 200;
/** Most terms one concept may hold (English and Korean together). */
export const MAX_TERMS = 50;
/** Longest note kept, a concept's or a term's, in characters. */
export const MAX_NOTE_CHARS = 2000;

/** What in a concept is past a limit: the end of a sentence, and the index of the term it is about, if any. */
export interface ConceptLimitProblem {
  /** Starts lower-case: the reader puts the line or entry first ("Line 7: the term “Cho…” is …"). */
  readonly message: string;
  /** The term (index into `terms`) that is too long or has too long a note; undefined for the concept itself. */
  readonly term?: number;
}

/**
 * Returns the first thing in a concept that is past a limit (the number of terms, a term's length,
 * a note's length), or undefined when it is within every limit.
 */
export function conceptLimitProblem(concept: Pick<Concept, 'note' | 'terms'>): ConceptLimitProblem | undefined {
  if (concept.terms.length > MAX_TERMS) {
    return { message: `the concept has ${groupDigits(concept.terms.length)} terms; a concept holds at most ${MAX_TERMS}. Split it into several concepts.` };
  }
  const term = concept.terms.findIndex((t) => t.text.length > MAX_TERM_CHARS);
  const long = concept.terms[term];
  if (long !== undefined) {
    return {
      message: `the term “${preview(long.text)}” is ${groupDigits(long.text.length)} characters long; terms are limited to ${MAX_TERM_CHARS} characters. Shorten it or delete it.`,
      term,
    };
  }
  const note = concept.note ?? '';
  if (note.length > MAX_NOTE_CHARS) {
    return { message: `the concept's note is ${groupDigits(note.length)} characters long; notes are limited to ${groupDigits(MAX_NOTE_CHARS)} characters. Shorten it.` };
  }
  const noted = concept.terms.findIndex((t) => (t.note ?? '').length > MAX_NOTE_CHARS);
  const withNote = concept.terms[noted];
  if (withNote !== undefined) {
    return {
      message: `the note of the term “${preview(withNote.text)}” is ${groupDigits(withNote.note?.length ?? 0)} characters long; notes are limited to ${groupDigits(MAX_NOTE_CHARS)} characters. Shorten it.`,
      term: noted,
    };
  }
  return undefined;
}

/** Characters of an over-long term quoted in a message: enough to find it in the file. */
const PREVIEW_CHARS = 40;

function preview(text: string): string {
  if (text.length <= PREVIEW_CHARS) return text;
  // Never end on half of a surrogate pair.
  const cut = /[\uD800-\uDBFF]$/.test(text.slice(0, PREVIEW_CHARS)) ? PREVIEW_CHARS - 1 : PREVIEW_CHARS;
  return `${text.slice(0, cut)}…`;
}

/** 1000000 -> "1,000,000"; written out because toLocaleString depends on the ICU build. */
function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
