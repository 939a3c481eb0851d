/**
 * Which of a person's spellings to suggest (issue 3): the glossary's, if a person concept names
 * them; else the spelling an editor already corrected to; else the most frequent.
 */
import type { ArticleCorrection, GlossaryConcept } from '../checks/types.js';
import { areSameName, nameKeyOf, type NameReading } from './name-match.js';
import { spellingOf } from './normalise.js';
import { readName, spotNames, type SpottedName } from './spot-names.js';
import type { PreferredBecause } from './types.js';

/** One spelling of a person in an article, with where it is used. */
export interface SpellingUse {
  /** The spelling as compared for identity (`spellingOf`). */
  readonly spelling: string;
  readonly reading: NameReading;
  readonly mentions: readonly SpottedName[];
  /** Position of its first mention among all the article's mentions. */
  readonly firstOrder: number;
  /** Mentions in body paragraphs. */
  readonly bodyCount: number;
}

/** The chosen spelling and why. */
export interface PreferredChoice {
  readonly preferred: string;
  readonly because: PreferredBecause;
}

/** Returns the glossary person concept naming this person (any of its spellings), or undefined. */
export function findGlossaryPerson(uses: readonly SpellingUse[], glossary: readonly GlossaryConcept[]): GlossaryConcept | undefined {
  const keys = new Set(uses.map((u) => nameKeyOf(u.reading)));
  return glossary.find((concept) => {
    if (concept.type !== 'person') return false;
    return [concept.preferred, ...concept.admitted, ...concept.deprecated].some((text) => {
      const reading = readName(text);
      if (reading === undefined) return false;
      // The same written name, or a spelling the matcher takes for every one of the person's.
      return keys.has(nameKeyOf(reading)) || uses.every((u) => areSameName(u.reading, reading));
    });
  });
}

/**
 * Returns the spellings editors corrected this person's name to, with how many times: a
 * correction whose edited span overlaps a mention of spelling X, and whose MT side read as another
 * spelling of the same person ("Tae-yeol" -> "Tae-yul" inside "Cho Tae-yul").
 */
export function correctedSpellings(uses: readonly SpellingUse[], corrections: readonly ArticleCorrection[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const use of uses) {
    for (const m of use.mentions) {
      for (const c of corrections) {
        if (c.segment !== m.segment || c.editEnd <= m.start || c.editStart >= m.end || c.mtText === c.editText) continue;
        // The MT text of the mention: the edited span swapped back for the MT phrase.
        const before = m.text.slice(0, Math.max(0, c.editStart - m.start));
        const after = m.text.slice(Math.min(m.text.length, c.editEnd - m.start));
        const mtVersion = `${before}${c.mtText}${after}`;
        const wasOther = spotNames(mtVersion, m.segment).some(
          (x) => x.name !== undefined && spellingOf(x.text) !== use.spelling && areSameName(x.name, use.reading),
        );
        if (wasOther) counts.set(use.spelling, (counts.get(use.spelling) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Returns the preferred spelling of a person whose spellings are `uses` (in order of first use). */
export function choosePreferred(
  uses: readonly SpellingUse[],
  glossary: readonly GlossaryConcept[],
  corrections: readonly ArticleCorrection[],
): PreferredChoice {
  const concept = findGlossaryPerson(uses, glossary);
  if (concept !== undefined) return { preferred: spellingOf(concept.preferred), because: 'glossary' };
  const corrected = correctedSpellings(uses, corrections);
  if (corrected.size > 0) {
    const best = [...uses].filter((u) => corrected.has(u.spelling)).sort((a, b) => (corrected.get(b.spelling) ?? 0) - (corrected.get(a.spelling) ?? 0) || a.firstOrder - b.firstOrder)[0];
    if (best !== undefined) return { preferred: best.spelling, because: 'correction' };
  }
  return { preferred: mostFrequent(uses), because: 'frequency' };
}

/**
 * The most frequent spelling, counting body paragraphs first: headlines and captions are short
 * texts MT translates on their own, and the caption often repeats the headline word for word (the
 * corpus article's caption does), so they count only to break a tie; then the first used wins.
 */
function mostFrequent(uses: readonly SpellingUse[]): string {
  const sorted = [...uses].sort(
    (a, b) => b.bodyCount - a.bodyCount || b.mentions.length - a.mentions.length || a.firstOrder - b.firstOrder,
  );
  return sorted[0]?.spelling ?? '';
}
