/**
 * Finds person names in a segment's English text: a capitalised run whose surname token is in the
 * surname table, first or last (reference korean-names.md, "Matcher design facts" 2: both name
 * orders), with a given name that parses as romanization; and a surname alone right after a title
 * ("Minister Cho"). Offsets are exact: text === segmentText.slice(start, end), possessive excluded.
 */
import { readGivenName, hasNameCase, isNeverGivenName, MAX_GIVEN_SYLLABLES, type GivenReading } from './given-name.js';
import type { NameReading } from './name-match.js';
import { lookupSurname, type SurnameInfo } from './surname-lookup.js';
import { isKnownSyllable } from './syllable-key.js';
import { segmentJoined } from './syllabify.js';
import { isKoreanSyllable } from './syllable-grammar.js';
import { foldName } from './normalise.js';
import { PERSON_TITLES } from './titles.js';
import { areAdjacent, isCapitalised, tokenize, type Token } from './tokens.js';
import type { NameMention } from './types.js';

/** A name found in a segment: the mention, and how it was read. */
export interface SpottedName extends NameMention {
  readonly surname: string;
  readonly surnameKeys: readonly string[];
  /** The full name as read; undefined for a surname-only mention. */
  readonly name?: NameReading;
  /** True for given-name-first order ("Cheol-soo Ahn"). */
  readonly isGivenFirst: boolean;
}

/** How far back a title is looked for (range 20-60 characters; "chief of staff " is 15). */
const TITLE_LOOKBACK = 32;

/** A title phrase ending right before the surname; built once from PERSON_TITLES, longest first. */
const TITLE_BEFORE = new RegExp(
  `(?:^|[^\\p{L}.])(?:${[...PERSON_TITLES]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('|')})\\s+$`,
  'iu',
);

/** Returns true when a title ("Minister", "Chief of Staff", "Mrs.") ends right before `offset`. */
export function hasTitleBefore(text: string, offset: number): boolean {
  return TITLE_BEFORE.test(text.slice(Math.max(0, offset - TITLE_LOOKBACK), offset));
}

/** Returns the names in a segment's text, in order; `segment` is copied into each mention. */
export function spotNames(text: string, segment: number): SpottedName[] {
  return spot(text, segment, false);
}

/**
 * Returns the full name a short text is (an editor's "Park Jin", a glossary entry), read without
 * asking for stronger evidence after an English-word surname; undefined when it holds no full name.
 */
export function readName(text: string): NameReading | undefined {
  return spot(text.trim(), 0, true).find((m) => m.name !== undefined)?.name;
}

function spot(text: string, segment: number, isLenient: boolean): SpottedName[] {
  const tokens = tokenize(text);
  // Each token's surname is asked for up to three times (as a surname first, after a given name,
  // alone after a title): looked up once (null: no surname).
  const surnames: (SurnameInfo | null)[] = [];
  const surnameAt: SurnameAt = (i) => {
    const token = tokens[i];
    if (token === undefined) return undefined;
    let info = surnames[i];
    if (info === undefined) surnames[i] = info = surnameInfo(token) ?? null;
    return info ?? undefined;
  };
  const found: SpottedName[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (!isCapitalised(token.core)) continue;
    const hit =
      surnameFirst(text, tokens, i, segment, isLenient, surnameAt) ??
      givenFirst(text, tokens, i, segment, surnameAt) ??
      joinedCaps(text, tokens, i, segment) ??
      surnameOnly(text, tokens, i, segment, surnameAt);
    if (hit === undefined) continue;
    found.push(hit.name);
    i = hit.last;
  }
  return found;
}

interface Hit {
  readonly name: SpottedName;
  /** Index of the last token used. */
  readonly last: number;
}

/** The surname token i spells (surnameInfo), asked of one segment's tokens. */
type SurnameAt = (i: number) => SurnameInfo | undefined;

/** "Cho Tae-yul", "Kim Jong Un", "Wang Yi", "Kishida Fumio", "KIM Min-su". */
function surnameFirst(text: string, tokens: readonly Token[], i: number, segment: number, isLenient: boolean, surnameAt: SurnameAt): Hit | undefined {
  const surnameToken = tokens[i] as Token;
  const info = surnameAt(i);
  if (info === undefined || surnameToken.hasPossessive) return undefined;
  const isStrict = !isLenient && info.isEnglishWord && !hasTitleBefore(text, surnameToken.start);
  const first = tokens[i + 1];
  if (first === undefined || !isGivenToken(text, surnameToken, first)) return undefined;
  // Guard: a one-letter surname ("I Jun-yeong", "O Jeong-hun") is the pronoun or the letter unless a
  // hyphenated given name of listed syllables follows ("I Will", "O Canada", "Plan B" are no names).
  if (info.isOneLetter && !isOneLetterName(surnameToken, first)) return undefined;
  let reading = readGivenName(first.core, info.origins, isStrict);
  let last = i + 1;
  // Spaced syllables ("Kim Jong Un", "Hong Gil Dong"): a run of one-syllable listed spellings.
  const spaced = spacedSyllables(text, tokens, i + 1);
  if (spaced.length > 1 && (reading === undefined || reading.syllables.length === 1)) {
    reading = { syllables: spaced.map((t) => foldName(t.core)), script: 'korean' };
    last = i + spaced.length;
  }
  if (reading === undefined) return undefined;
  const lastToken = tokens[last] as Token;
  const given = text.slice(first.start, lastToken.coreEnd);
  return {
    last,
    name: mention(text, segment, surnameToken.start, lastToken.coreEnd, surnameToken.core, info, { given, reading }, false),
  };
}

/**
 * True when a one-letter surname is written upper-case and followed by a hyphenated given name of
 * two or three Korean syllables ("Bo-ram", "Jeong-hun"): the shape RR gives a given name (rule
 * 3(4)), which the English words after "I" or "O" almost never have.
 */
function isOneLetterName(surname: Token, given: Token): boolean {
  if (surname.core !== surname.core.toUpperCase() || surname.hasPossessive) return false;
  const parts = given.core.split(/[-‐‑]/u).map(foldName);
  return parts.length >= 2 && parts.length <= MAX_GIVEN_SYLLABLES && parts.every(isKoreanSyllable) && !isNeverGivenName(given.core);
}

/** "Cheol-soo Ahn", "Fumio Kishida": a hyphenated or all-listed given name, then a surname. */
function givenFirst(text: string, tokens: readonly Token[], i: number, segment: number, surnameAt: SurnameAt): Hit | undefined {
  const givenToken = tokens[i] as Token;
  const surnameToken = tokens[i + 1];
  if (givenToken.hasPossessive || surnameToken === undefined || !areAdjacent(text, givenToken, surnameToken)) return undefined;
  // The surname first: most capitalised pairs have none, and it is already known for the next token.
  const info = surnameAt(i + 1);
  // Guard: "Jun-yeong I" is too weak for a one-letter surname; it must come first.
  if (info === undefined || info.isOneLetter) return undefined;
  if (!hasNameCase(givenToken.core) || !hasNameCase(surnameToken.core)) return undefined;
  const reading = readGivenName(givenToken.core, info.origins, true);
  // Guard: one syllable before a surname ("Han Kim") is too weak to be read as a given name.
  if (reading === undefined || (reading.script !== 'japanese' && reading.syllables.length < 2)) return undefined;
  return {
    last: i + 1,
    name: mention(text, segment, givenToken.start, surnameToken.coreEnd, surnameToken.core, info, { given: givenToken.core, reading }, true),
  };
}

/** "KIMMINSU" in a speaker tag: an ALL-CAPS token made of a surname and a two-syllable listed given name. */
function joinedCaps(text: string, tokens: readonly Token[], i: number, segment: number): Hit | undefined {
  const token = tokens[i] as Token;
  const word = token.core;
  // Guard: only long ALL-CAPS words without separators; "KIMCHI" (one syllable after KIM) fails below.
  if (word.length < 6 || word.length > 16 || word !== word.toUpperCase() || /[^A-Z]/u.test(word)) return undefined;
  const folded = word.toLowerCase();
  for (let cut = 2; cut <= 5 && cut < folded.length; cut++) {
    const info = lookupSurname(folded.slice(0, cut));
    if (info === undefined || !info.origins.includes('korean')) continue;
    const split = segmentJoined(folded.slice(cut), 'korean');
    if (split === undefined || split.syllables.length !== 2 || !split.syllables.every(isKnownSyllable)) continue;
    const surname = word.slice(0, cut);
    const reading: GivenReading = { syllables: split.syllables, script: 'korean' };
    return { last: i, name: mention(text, segment, token.start, token.coreEnd, surname, info, { given: word.slice(cut), reading }, false) };
  }
  return undefined;
}

/** "Minister Cho", "Chief Chung", "President Xi": a surname alone right after a title. */
function surnameOnly(text: string, tokens: readonly Token[], i: number, segment: number, surnameAt: SurnameAt): Hit | undefined {
  const token = tokens[i] as Token;
  const info = surnameAt(i);
  // Guard: "the minister I met" is the pronoun; a one-letter surname alone is never read.
  if (info === undefined || info.isOneLetter || !hasTitleBefore(text, token.start)) return undefined;
  return { last: i, name: mention(text, segment, token.start, token.coreEnd, token.core, info, undefined, false) };
}

/** Returns the surname a token spells, when it is written like a name (Capitalised or ALL-CAPS, no hyphen). */
function surnameInfo(token: Token): SurnameInfo | undefined {
  // The table first: most words are no surname, and a lookup costs less than the two guards.
  const info = lookupSurname(token.core);
  if (info === undefined || /[-‐‑]/u.test(token.core) || !hasNameCase(token.core)) return undefined;
  return info;
}

/** A token that may follow a surname as its given name: adjacent, capitalised, name-cased. */
function isGivenToken(text: string, before: Token, token: Token): boolean {
  return areAdjacent(text, before, token) && isCapitalised(token.core) && hasNameCase(token.core);
}

/**
 * Returns the run (up to 3) of adjacent one-syllable tokens starting at `from` ("Jong", "Un";
 * "Il", "Sung"): each a Korean syllable and no English word, all but one of them listed spellings.
 * A run of one is returned only when it is a listed spelling.
 */
function spacedSyllables(text: string, tokens: readonly Token[], from: number): Token[] {
  const run: Token[] = [];
  for (let j = from; j < tokens.length && run.length < 3; j++) {
    const token = tokens[j] as Token;
    const previous = tokens[j - 1] as Token;
    if (previous.hasPossessive || !isGivenToken(text, previous, token)) break;
    const folded = foldName(token.core);
    if (/[-‐‑]/u.test(token.core) || !isKoreanSyllable(folded) || isNeverGivenName(folded)) break;
    run.push(token);
    if (token.hasPossessive) break;
  }
  const unknown = run.filter((t) => !isKnownSyllable(foldName(t.core))).length;
  return unknown > (run.length > 1 ? 1 : 0) ? [] : run;
}

function mention(
  source: string,
  segment: number,
  start: number,
  end: number,
  surname: string,
  info: SurnameInfo,
  given: { given: string; reading: GivenReading } | undefined,
  isGivenFirst: boolean,
): SpottedName {
  const text = source.slice(start, end);
  const name = given === undefined ? undefined : { surname, surnameKeys: info.keys, given: given.given, reading: given.reading };
  return { segment, start, end, text, isSurnameOnly: given === undefined, surname, surnameKeys: info.keys, isGivenFirst, ...(name ? { name } : {}) };
}
