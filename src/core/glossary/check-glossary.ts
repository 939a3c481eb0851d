import type { Concept } from './types.js';
import type { GlossaryConcept } from '../checks/types.js';

/** Returns the glossary as the checks need it: each concept's English preferred, admitted and deprecated forms, and its Korean forms if any (concepts without an English preferred form are left out). */
export function toCheckGlossary(concepts: readonly Concept[]): GlossaryConcept[] {
  return concepts.flatMap((c) => {
    const english = c.terms.filter((t) => t.lang === 'en' || t.lang.startsWith('en-'));
    const preferred = english.find((t) => t.status === 'preferred');
    if (!preferred) return [];
    const korean = c.terms.filter((t) => (t.lang === 'ko' || t.lang.startsWith('ko-')) && t.status !== 'deprecated').map((t) => t.text);
    return [{
      id: c.id,
      type: c.type,
      preferred: preferred.text,
      admitted: english.filter((t) => t.status === 'admitted').map((t) => t.text),
      deprecated: english.filter((t) => t.status === 'deprecated').map((t) => t.text),
      // Only when there is one, so a glossary without Korean forms reads as before.
      ...(korean.length > 0 ? { korean } : {}),
    }];
  });
}
