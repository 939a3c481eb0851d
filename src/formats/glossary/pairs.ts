import type { Concept } from '../../core/glossary/types.js';
import { utf8ByteLength } from '../../core/article/utf8.js';
import { exportableConcepts } from './exportable.js';
import { cleanTerm } from './text.js';

/** A source -> target pair of a two-column glossary, with the concept it came from. */
export interface TermPair {
  readonly source: string;
  readonly target: string;
  readonly conceptId: string;
}

/** Pairs for a two-column glossary and what was left out, as sentences. */
export interface TermPairs {
  readonly pairs: TermPair[];
  readonly warnings: string[];
}

/** Longest entry text DeepL accepts, in UTF-8 bytes (DeepL API v2 glossary reference, via formats.md §4). */
export const MAX_ENTRY_BYTES = 1024;

/**
 * Returns Korean form -> preferred English pairs, one per Korean term of each concept that has a
 * preferred English term: what a Korean-to-English MT glossary needs (DeepL applies every entry,
 * so only the preferred form may be a target; formats.md §4).
 */
export function koreanToPreferred(concepts: readonly Concept[]): TermPairs {
  const candidates: TermPair[] = [];
  let noKorean = 0;
  let noPreferred = 0;
  for (const concept of exportableConcepts(concepts)) {
    const korean = concept.terms.filter((t) => t.lang === 'ko');
    const preferred = preferredEnglish(concept);
    if (korean.length === 0) noKorean += 1;
    else if (preferred === undefined) noPreferred += 1;
    else for (const term of korean) candidates.push({ source: cleanTerm(term.text), target: preferred, conceptId: concept.id });
  }
  const warnings = [
    ...(noKorean > 0 ? [`${noKorean} ${noKorean === 1 ? 'concept has' : 'concepts have'} no Korean form and ${noKorean === 1 ? 'was' : 'were'} left out.`] : []),
    ...noPreferredWarning(noPreferred),
  ];
  return checked(candidates, warnings);
}

/**
 * Returns deprecated English -> preferred English pairs: the corrections an English post-editing
 * pass should make. Admitted forms may stand, so they are not included.
 */
export function deprecatedToPreferred(concepts: readonly Concept[]): TermPairs {
  const candidates: TermPair[] = [];
  let noPreferred = 0;
  for (const concept of exportableConcepts(concepts)) {
    const deprecated = concept.terms.filter((t) => t.lang === 'en' && t.status === 'deprecated');
    if (deprecated.length === 0) continue;
    const preferred = preferredEnglish(concept);
    if (preferred === undefined) noPreferred += 1;
    else for (const term of deprecated) candidates.push({ source: cleanTerm(term.text), target: preferred, conceptId: concept.id });
  }
  return checked(candidates, noPreferredWarning(noPreferred));
}

/** Returns the concept's first preferred English term, cleaned, or undefined. */
export function preferredEnglish(concept: Concept): string | undefined {
  const term = concept.terms.find((t) => t.lang === 'en' && t.status === 'preferred' && cleanTerm(t.text) !== '');
  return term === undefined ? undefined : cleanTerm(term.text);
}

function noPreferredWarning(count: number): string[] {
  return count > 0 ? [`${count} ${count === 1 ? 'concept has' : 'concepts have'} no preferred English term and ${count === 1 ? 'was' : 'were'} left out.`] : [];
}

/**
 * Drops what DeepL refuses (formats.md §4): an entry over MAX_ENTRY_BYTES, a source given twice
 * (the first concept keeps it, the warning names both), a pair whose source is its target.
 */
function checked(candidates: readonly TermPair[], warnings: string[]): TermPairs {
  const pairs: TermPair[] = [];
  const bySource = new Map<string, TermPair>();
  for (const pair of candidates) {
    if (pair.source === pair.target) continue;
    if (utf8ByteLength(pair.source) > MAX_ENTRY_BYTES || utf8ByteLength(pair.target) > MAX_ENTRY_BYTES) {
      warnings.push(`Concept ${pair.conceptId}: "${pair.source.slice(0, 40)}…" is longer than ${MAX_ENTRY_BYTES} bytes and was left out.`);
      continue;
    }
    const before = bySource.get(pair.source);
    if (before !== undefined) {
      if (before.target !== pair.target) {
        warnings.push(`"${pair.source}" is a form of concepts ${before.conceptId} and ${pair.conceptId}; a glossary can map it to one target only, so "${before.target}" (${before.conceptId}) was kept.`);
      }
      continue;
    }
    bySource.set(pair.source, pair);
    pairs.push(pair);
  }
  return { pairs, warnings };
}
