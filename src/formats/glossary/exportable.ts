import type { Concept } from '../../core/glossary/types.js';
import { cleanTerm } from './text.js';

/**
 * Returns the concepts every writer exports: terms whose text is empty once cleaned are left out,
 * and so are concepts left with no term (no format can hold one: a TBX conceptEntry needs a
 * termSec, a CSV row needs a term, and the readers refuse both).
 */
export function exportableConcepts(concepts: readonly Concept[]): Concept[] {
  return concepts.flatMap((concept) => {
    const terms = concept.terms.filter((t) => cleanTerm(t.text) !== '');
    if (terms.length === 0) return [];
    return [terms.length === concept.terms.length ? concept : { ...concept, terms }];
  });
}

/** Returns one warning naming the concepts exportableConcepts leaves out, or none. */
export function skippedConceptWarnings(concepts: readonly Concept[]): string[] {
  const skipped = concepts.filter((c) => c.terms.every((t) => cleanTerm(t.text) === ''));
  if (skipped.length === 0) return [];
  const ids = skipped.map((c) => c.id).join(', ');
  return [`${skipped.length === 1 ? 'Concept' : 'Concepts'} ${ids} ${skipped.length === 1 ? 'has' : 'have'} no terms and ${skipped.length === 1 ? 'was' : 'were'} left out.`];
}
