/**
 * Which of a person's spellings to suggest, in one documented order (issues 3 and 12), the same for
 * an article's flags and for the names page (`rankSpellings`):
 * 1. the glossary's form, when a person concept names them;
 * 2. the spelling an editor already corrected to;
 * 3. the reference table's standard and popular forms: the spelling with fewest given-name
 *    syllables outside the syllable variant table (korean-names.md section (b)), so a liaison form
 *    ("Seogyeol") or a slip loses to a listed one ("Seok-yeol", "Suk-yeol");
 * 4. the body's majority (article: body mentions, then all; names page: articles preferring it, then mentions);
 * then the first used. Never an ALL-CAPS form ("JANG HYEON-SU", a byline), a form used only inside a
 * quotation, or a form with capitals inside the given name ("Yun Seok-Yeol"), unless nothing else exists.
 */
import type { ArticleCorrection, GlossaryConcept } from '../checks/types.js';
import { areSameName, nameKeyOf, type NameReading } from './name-match.js';
import { spellingOf } from './normalise.js';
import { isKnownSyllable } from './syllable-key.js';
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
  /** Mentions inside a quotation (0 when not known). */
  readonly quotedCount?: number;
}

/** A spelling competing to be a person's preferred one. */
export interface SpellingCandidate {
  readonly spelling: string;
  readonly reading: NameReading;
  /** How often editors corrected to it (article: corrected mentions; names page: articles whose editor did). */
  readonly corrected: number;
  /** True when every use is inside a quotation. */
  readonly isQuotedOnly: boolean;
  /** The majority, compared item by item, larger first. */
  readonly weight: readonly number[];
  readonly firstOrder: number;
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
  const corrected = concept === undefined ? correctedSpellings(uses, corrections) : new Map<string, number>();
  // The majority counts body paragraphs first: headlines and captions are short texts MT translates
  // on their own, and the caption often repeats the headline word for word (the corpus article's
  // caption does), so they count only to break a tie.
  const candidates = uses.map((u): SpellingCandidate => ({
    spelling: u.spelling,
    reading: u.reading,
    corrected: corrected.get(u.spelling) ?? 0,
    isQuotedOnly: u.mentions.length > 0 && (u.quotedCount ?? 0) >= u.mentions.length,
    weight: [u.bodyCount, u.mentions.length],
    firstOrder: u.firstOrder,
  }));
  return rankSpellings(candidates, concept === undefined ? undefined : spellingOf(concept.preferred));
}

/** Returns the preferred spelling of the candidates and why, in the order this module's comment documents. */
export function rankSpellings(candidates: readonly SpellingCandidate[], glossaryForm?: string): PreferredChoice {
  if (glossaryForm !== undefined) return { preferred: glossaryForm, because: 'glossary' };
  const clean = candidates.filter((c) => !isUnfitSuggestion(c));
  const pool = clean.length > 0 ? clean : candidates;
  const byMajority = (a: SpellingCandidate, b: SpellingCandidate): number => compareWeights(b.weight, a.weight) || a.firstOrder - b.firstOrder;
  const corrected = pool.filter((c) => c.corrected > 0).sort((a, b) => b.corrected - a.corrected || byMajority(a, b))[0];
  if (corrected !== undefined) return { preferred: corrected.spelling, because: 'correction' };
  const fewestUnlisted = Math.min(...pool.map(unlistedSyllables));
  const listed = pool.filter((c) => unlistedSyllables(c) === fewestUnlisted).sort(byMajority)[0];
  const majority = [...pool].sort(byMajority)[0];
  if (listed === undefined || majority === undefined) return { preferred: '', because: 'frequency' };
  return { preferred: listed.spelling, because: listed === majority ? 'frequency' : 'table' };
}

/** True for a spelling never to suggest while another exists: ALL-CAPS, only inside quotations, or capitals inside the given name. */
export function isUnfitSuggestion(c: Pick<SpellingCandidate, 'spelling' | 'reading' | 'isQuotedOnly'>): boolean {
  return c.isQuotedOnly || isAllCapsName(c.spelling) || hasInnerCapitals(c.reading.given);
}

/** "JANG HYEON-SU", "KIM Min-su": a name part of two or more letters written in capitals. */
function isAllCapsName(spelling: string): boolean {
  return spelling.split(/[\s\-‐‑]+/u).some((part) => part.length > 1 && /\p{L}/u.test(part) && part === part.toUpperCase() && part !== part.toLowerCase());
}

/** "Seok-Yeol", "SeokYeol": a capital after the given name's first letter (a name after a hyphen is written lower-case, RR rule 3(4)). */
function hasInnerCapitals(given: string): boolean {
  if (given === given.toUpperCase()) return false;
  return given.split(/[\-‐‑]/u).some((part, i) => /\p{Lu}/u.test(i === 0 ? part.slice(1) : part));
}

/** Given-name syllables outside the syllable variant table (0 for Chinese and Japanese names, which it does not cover). */
function unlistedSyllables(c: SpellingCandidate): number {
  const reading = c.reading.reading;
  return reading.script === 'korean' ? reading.syllables.filter((s) => !isKnownSyllable(s)).length : 0;
}

function compareWeights(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
