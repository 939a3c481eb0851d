/**
 * When two written names are one person's: the surnames share a surname in the table, and the
 * given names have the same number of syllables with every pair equivalent. Conservative on
 * purpose (issue 3): a given name that differs by a whole syllable is another person (Kim Jong-un
 * and Kim Jong-nam, Park Geun-hye and Park Chung-hee, Ahn Cheol-soo and Ahn Jung-geun).
 */
import type { GivenReading } from './given-name.js';
import { foldName, normaliseGivenName } from './normalise.js';
import { parseKoreanSyllable } from './syllable-grammar.js';
import { areSyllablesEquivalent, isKnownSyllable } from './syllable-key.js';
import { areSurnamesEquivalent } from './surname-lookup.js';

/** A full name as read: the surname's keys and the given name's syllables. */
export interface NameReading {
  readonly surname: string;
  readonly surnameKeys: readonly string[];
  readonly given: string;
  readonly reading: GivenReading;
}

/** Consonants that MR and journalists carry into the next syllable (석열 -> Seo-gyeol). */
const LIAISON_CONSONANTS = ['g', 'k', 'b', 'p', 'd', 't', 'j', 's', 'l', 'r', 'n', 'm'];

/**
 * Returns the syllables with each liaison undone where the result is two listed spellings:
 * "seo" + "gyeol" -> "seog" + "yeol" (reference "Matcher design facts" 4: MR and MT apply
 * assimilation inside given names, RR does not). The input itself comes first.
 */
export function undoLiaison(syllables: readonly string[]): (readonly string[])[] {
  const out: (readonly string[])[] = [syllables];
  for (let i = 0; i + 1 < syllables.length; i++) {
    const before = syllables[i] ?? '';
    const after = syllables[i + 1] ?? '';
    const consonant = LIAISON_CONSONANTS.find((c) => after.startsWith(c));
    if (consonant === undefined || parseKoreanSyllable(before)?.coda !== '') continue;
    const moved = before + consonant;
    const rest = after.slice(consonant.length);
    if (!isKnownSyllable(moved) || !isKnownSyllable(rest)) continue;
    out.push([...syllables.slice(0, i), moved, rest, ...syllables.slice(i + 2)]);
  }
  return out;
}

/** Returns true when two given names can be one person's (same syllable count, every pair equivalent, liaison undone). */
export function areGivenNamesEquivalent(a: GivenReading, b: GivenReading): boolean {
  if (a.script === 'japanese' || b.script === 'japanese') {
    return a.syllables.join('') === b.syllables.join('');
  }
  const formsA = undoLiaison(a.syllables);
  const formsB = undoLiaison(b.syllables);
  return formsA.some((x) => formsB.some((y) => x.length === y.length && x.every((s, i) => areSyllablesEquivalent(s, y[i] ?? ''))));
}

/** Returns true when two full names can be one person: the surnames share a table surname and the given names are equivalent. */
export function areSameName(a: NameReading, b: NameReading): boolean {
  return areSurnamesEquivalent(a.surnameKeys, b.surnameKeys) && areGivenNamesEquivalent(a.reading, b.reading);
}

/** Returns the order-free key of a name for identity ("Cheol-soo Ahn" and "AHN Cheolsoo" -> "ahn cheolsoo"). */
export function nameKeyOf(name: Pick<NameReading, 'surname' | 'given'>): string {
  return `${foldName(name.surname)} ${normaliseGivenName(name.given)}`;
}
