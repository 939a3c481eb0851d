/**
 * Surname spellings -> surnames. Surnames are matched through the surname table's per-surname
 * spelling sets, never through the loose consonant classes: the reference (korean-names.md,
 * "Matcher design facts" 3) warns that the classes merge different surnames (성 Sung vs 송 Song,
 * 정 Jung vs 종 Jong). A spelling may still belong to two surnames ("Sung" is 성 or 송); two
 * surname spellings match when they share a surname.
 */
import { CHINESE_SURNAMES, JAPANESE_SURNAMES } from './foreign-surnames.js';
import { foldName } from './normalise.js';
import { ENGLISH_WORD_SURNAMES, SURNAMES, type SurnameRow } from './surnames.js';

/** Where a surname comes from, which decides how the given name after it is read. */
export type SurnameOrigin = 'korean' | 'chinese' | 'japanese';

/** What a surname spelling can be. */
export interface SurnameInfo {
  /** Surname keys: the RR of each Korean surname it spells ("jo"), "cn:wang" / "jp:kishida" for foreign ones. */
  readonly keys: readonly string[];
  readonly origins: readonly SurnameOrigin[];
  /** True for a spelling that is also an everyday English word (Song, Moon, Park). */
  readonly isEnglishWord: boolean;
  /**
   * True for a one-letter Revised Romanization spelling (이 I, 오 O, 우 U): also the pronoun, the
   * letter and the interjection, so it is a surname only before a hyphenated given name (issue 12).
   */
  readonly isOneLetter: boolean;
}

const ENGLISH_WORDS = new Set(ENGLISH_WORD_SURNAMES);

/** Folded spelling -> what it spells; built once from the data tables. */
const SURNAME_BY_SPELLING: ReadonlyMap<string, SurnameInfo> = buildLookup();

function buildLookup(): Map<string, SurnameInfo> {
  const keys = new Map<string, string[]>();
  const origins = new Map<string, Set<SurnameOrigin>>();
  const add = (spelling: string, key: string, origin: SurnameOrigin): void => {
    // One-letter spellings come only from the Korean table (RR writes 이 I, 오 O, 우 U); spotting asks more of them.
    if (spelling.length < 2 && origin !== 'korean') return;
    const list = keys.get(spelling) ?? [];
    if (!list.includes(key)) list.push(key);
    keys.set(spelling, list);
    origins.set(spelling, (origins.get(spelling) ?? new Set<SurnameOrigin>()).add(origin));
  };
  for (const row of SURNAMES) {
    for (const spelling of [row.rr, row.mr, ...row.spellings]) add(spelling, row.rr, 'korean');
  }
  for (const spelling of CHINESE_SURNAMES) add(spelling, `cn:${spelling}`, 'chinese');
  for (const spelling of JAPANESE_SURNAMES) add(spelling, `jp:${spelling}`, 'japanese');
  const map = new Map<string, SurnameInfo>();
  for (const [spelling, list] of keys) {
    map.set(spelling, { keys: list, origins: [...(origins.get(spelling) ?? [])], isEnglishWord: ENGLISH_WORDS.has(spelling), isOneLetter: spelling.length === 1 });
  }
  return map;
}

/** Returns what a surname token spells (any case, MR diacritics and apostrophes allowed), or undefined when it is no surname. */
export function lookupSurname(token: string): SurnameInfo | undefined {
  return SURNAME_BY_SPELLING.get(foldName(token));
}

/** The one-letter surname spellings of the table (RR's I, O, U), upper-case: derived, so a new row adds its own. */
export const ONE_LETTER_SURNAMES: readonly string[] = [...SURNAME_BY_SPELLING.entries()].filter(([, info]) => info.isOneLetter).map(([s]) => s.toUpperCase());

/** Returns true when two surname spellings can be the same surname (their key sets meet). */
export function areSurnamesEquivalent(a: readonly string[], b: readonly string[]): boolean {
  return a.some((key) => b.includes(key));
}

/** Returns the Korean surname keys whose table row lists `word` as an MT meaning ("king" -> ["wang"]). */
export function surnamesMeaning(word: string): readonly string[] {
  return MEANING_TO_SURNAMES.get(word.toLowerCase()) ?? [];
}

/** English meaning -> the surnames MT may have read as it, skipping a word that is itself a spelling of that surname (Moon, Song). */
const MEANING_TO_SURNAMES: ReadonlyMap<string, readonly string[]> = buildMeanings();

function buildMeanings(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of SURNAMES) {
    const spellings = new Set([row.rr, row.mr, ...row.spellings]);
    for (const meaning of row.meanings) {
      if (spellings.has(meaning)) continue;
      map.set(meaning, [...(map.get(meaning) ?? []), row.rr]);
    }
  }
  return map;
}

const ROW_BY_KEY: ReadonlyMap<string, SurnameRow> = new Map(SURNAMES.map((row) => [row.rr, row]));

/** Returns the surname table row of a Korean surname key ("jo" -> 조), or undefined. */
export function surnameRowOf(key: string): SurnameRow | undefined {
  return ROW_BY_KEY.get(key);
}
