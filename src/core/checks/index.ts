import type { Check } from './types.js';
import { nameVariant } from './name-variant.js';
import { surnameHomograph } from './surname-homograph.js';
import { headlineSubject } from './headline-subject.js';
import { correctionNotCarried } from './correction-not-carried.js';
import { correctionConflict } from './correction-conflict.js';
import { numberChanged } from './number-changed.js';
import { untranslated } from './untranslated.js';
import { duplicateSegment } from './duplicate-segment.js';
import { glossaryTerm } from './glossary-term.js';
import { sourceName } from './source-name.js';
import { sourceNumber } from './source-number.js';
import { sourceOmitted } from './source-omitted.js';

/** Every check, in the order their flags are listed; the registry is this explicit list (Weblate's CHECKS). */
export const ALL_CHECKS: readonly Check[] = [
  glossaryTerm,
  nameVariant,
  headlineSubject,
  surnameHomograph,
  sourceName,
  correctionNotCarried,
  correctionConflict,
  numberChanged,
  sourceNumber,
  untranslated,
  sourceOmitted,
  duplicateSegment,
];

/** Returns the checks by id; throws on a repeated id, since ids are stored with dismissals and must be unique. */
export function buildCheckMap(checks: readonly Check[]): ReadonlyMap<string, Check> {
  const map = new Map<string, Check>();
  for (const check of checks) {
    if (map.has(check.id)) throw new Error(`Two checks share the id "${check.id}"; ids must be unique.`);
    map.set(check.id, check);
  }
  return map;
}
