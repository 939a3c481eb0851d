import type { ArticleView, Check, CheckContext, CheckSegment, Flag, GlossaryConcept } from './types.js';
import { spanFingerprint } from './span-fingerprint.js';
import { spotNames, type SpottedName } from '../names/spot-names.js';
import { surnamesMeaning } from '../names/surname-lookup.js';
import { tokenize, type Token } from '../names/tokens.js';
import { TITLE_QUALIFIERS, TITLE_WORDS } from '../names/titles.js';
import { findHangulNames, isGivenSpelling, isSurnameSpelling, popularSurname, romanizeName, surnameSpellings, type HangulName } from '../source/hangul-names.js';
import { glossaryByKorean, sourceSegmentsOf } from '../source/source-view.js';
import { hangulSyllables, romanizeSyllable } from '../source/hangul.js';

const ID = 'source-name';

/** A label before a headline proper ("[Exclusive]", "(LEAD)"), then a quotation that opens it: the subject comes after both. */
const HEADLINE_LEAD = /^\s*(?:[[(【][^\])】\n]{1,30}[\])】]\s*)*(?:(?:"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’)\s*(?:…|\.{2,3}|[,:;\-–—])?\s*)?/u;

/**
 * `source-name` (issue 12, the Korean original): a person the source names in Hangul is written in
 * the aligned MT in a way that spells no romanization of that Hangul (the RR, the reference table's
 * popular spellings, the glossary's forms), or not at all while an English word MT makes of a
 * surname stands in their place (source 조태열 "…", MT headline "King …"). Read from the Hangul
 * itself, so it needs no other mention of the person in the English (reference korean-names.md,
 * "Matcher design facts" 3). With the source there, headline-subject and surname-homograph leave
 * the spans this check flags to it: one flag per span.
 */
export const sourceName = {
  id: ID,
  name: 'Name does not match the Korean source',
  description: 'A person the Korean source names in Hangul is spelled in a way that is no romanization of that name (RR, the popular spellings, the glossary), or is written as an English word ("King" for 왕); write the name.',
  severity: 'warning',
  run(article: ArticleView, ctx: CheckContext): Flag[] {
    return findSourceNameFlags(article, ctx);
  },
} satisfies Check;

/**
 * Returns the source-name flags of an article ([] without a source). The headline-subject and
 * surname-homograph checks leave the spans found here to this check when the source is there: the
 * Hangul says who is meant, where they can only guess from the English.
 */
export function findSourceNameFlags(article: ArticleView, ctx: CheckContext): Flag[] {
  // Guard: without the Korean original there is nothing to read the names from.
  if (article.source === undefined || article.source.segments.length === 0) return [];
  const glossary = glossaryByKorean(ctx.glossary);
  const known = new Set(glossary.keys());
  const flags: Flag[] = [];
  for (const segment of article.segments) {
    // Guard: page chrome is not translated text.
    if (segment.kind === 'boilerplate') continue;
    const names = sourceSegmentsOf(article, segment.index).flatMap((s) => findHangulNames(s.text, known));
    // Guard: the source says nobody's name here.
    if (names.length === 0) continue;
    const spotted = spotNames(segment.edit, segment.index);
    // Words that may be names without a title to show it (김하늘 심의관): an English name that spells one is not misspelled.
    const maybe = sourceSegmentsOf(article, segment.index).flatMap((s) => findHangulNames(s.text, known, { isLenient: true }));
    flags.push(...misspelled(article, segment, names, maybe, spotted, glossary), ...homographs(segment, names, spotted, glossary));
  }
  return flags;
}

/** Returns the flags without those on a span `findSourceNameFlags` flags (when the article has a source): one flag per span. */
export function leaveSourceNameSpans(article: ArticleView, ctx: CheckContext, flags: Flag[]): Flag[] {
  // Guard: without a source, the checks work as before issue 12.
  if (article.source === undefined || flags.length === 0) return flags;
  const taken = findSourceNameFlags(article, ctx);
  return flags.filter((f) => !taken.some((t) => t.segment === f.segment && t.start < f.end && t.end > f.start));
}

/** Flags full names whose surname spells a source name's surname but whose given name spells none of the source's names. */
function misspelled(article: ArticleView, segment: CheckSegment, names: readonly HangulName[], maybe: readonly HangulName[], spotted: readonly SpottedName[], glossary: ReadonlyMap<string, GlossaryConcept>): Flag[] {
  const flags: Flag[] = [];
  for (const mention of spotted) {
    const reading = mention.name;
    // Guard: a surname alone says nothing about the given name; a Japanese reading is not romanized Korean.
    if (reading === undefined || reading.reading.script !== 'korean') continue;
    const same = names.filter((n) => isSurnameSpelling(n.surname, mention.surname) || glossaryForms(n, glossary).some((f) => sameSurnameForm(f, mention.surname)));
    // Guard: nobody of this surname in the source paragraph (the MT may add a name the source gives elsewhere).
    if (same.length === 0 || same.every((n) => n.given === '')) continue;
    if ([...same, ...maybe].some((n) => spellsName(n, mention, glossary))) continue;
    // Only a near miss is a misspelling: as many syllables, one of them right (Jae-hyun for 재훈);
    // a given name with nothing in common is someone else the source names in another way.
    const name = same.find((n) => n.given !== '' && isNearMiss(n, reading.reading.syllables));
    if (name === undefined) continue;
    const suggestions = suggestionsFor(article, name, glossary);
    const best = suggestions[0] ?? romanizeName(name);
    flags.push({
      check: ID,
      severity: 'warning',
      segment: segment.index,
      start: mention.start,
      end: mention.end,
      text: mention.text,
      message: `“${mention.text}” does not spell ${hangulOf(name)}, the name in the Korean source (${romanized(name)}): write “${best}”.`,
      suggestions,
      fingerprint: spanFingerprint(ID, [hangulOf(name), mention.text], segment.edit, mention.start, mention.end),
    });
  }
  return flags;
}

/** True when the written given name has the Hangul's syllable count and spells at least one of its syllables in place. */
function isNearMiss(name: HangulName, written: readonly string[]): boolean {
  const syllables = hangulSyllables(name.given);
  if (syllables.length !== written.length) return false;
  return syllables.some((syllable, i) => isGivenSpelling(syllable, [written[i] ?? '']));
}

/** Flags an English word MT made of a surname where the source names a person whose name the MT does not write at all. */
function homographs(segment: CheckSegment, names: readonly HangulName[], spotted: readonly SpottedName[], glossary: ReadonlyMap<string, GlossaryConcept>): Flag[] {
  const flags: Flag[] = [];
  const tokens = tokenize(segment.edit);
  const seen = new Set<string>();
  const isHeadline = segment.kind === 'headline' || segment.kind === 'standfirst';
  const subjectStart = isHeadline ? (HEADLINE_LEAD.exec(segment.edit)?.[0].length ?? 0) : -1;
  for (const name of names) {
    const key = hangulOf(name);
    if (seen.has(key)) continue;
    seen.add(key);
    // Guard: the name is written (any spelling of the surname, a glossary form): the other checks read how.
    if (isWritten(name, segment.edit, spotted, glossary)) continue;
    const ownKey = romanizeSyllable(name.surname.charAt(0));
    const hit = tokens.find((token, i) => {
      const meanings = surnamesMeaning(token.core);
      if (meanings.length === 0 || !/^\p{Lu}/u.test(token.core)) return false;
      // "1.2 Trillion Won": a word after a figure is the figure's.
      if (/\d[\d,.]*\s*$/u.test(segment.edit.slice(Math.max(0, token.start - 12), token.start))) return false;
      // The headline's subject may be any surname's word (the subject is the source's speaker);
      // elsewhere only a word of the person's own surname (한 총리 -> "One Prime Minister").
      if (isHeadline && token.start === subjectStart && (name.evidence === 'quotation' || isFirstName(name, names))) return true;
      // Elsewhere a word of the person's own surname stands before a title ("One Prime Minister",
      // "Trillion Representative") or opens a sentence as its subject ("King to meet …", not "One of …").
      return meanings.includes(ownKey) && (isBeforeTitle(tokens, i) || (isSentenceStart(segment.edit, token.start) && !NOT_SUBJECT_AFTER.has(tokens[i + 1]?.core.toLowerCase() ?? '')));
    });
    if (hit === undefined) continue;
    const surname = glossarySurname(name, glossary) ?? popularSurname(name.surname);
    const full = glossary.get(key)?.preferred ?? (name.given === '' ? undefined : romanizeName(name));
    const suggestions = [...new Set([surname, ...(full === undefined ? [] : [full])])];
    flags.push({
      check: ID,
      severity: isHeadline ? 'error' : 'warning',
      segment: segment.index,
      start: hit.start,
      end: hit.coreEnd,
      text: hit.core,
      message: `The Korean source names ${key} (${romanized(name)}) here, and the MT writes no spelling of the name but “${hit.core}”, a word machine translation makes of a surname: write “${surname}”.`,
      suggestions,
      fingerprint: spanFingerprint(ID, [key, hit.core], segment.edit, hit.start, hit.coreEnd),
    });
  }
  return flags;
}

/** True when the MT writes the person: a spelling of the surname as a capitalised word, a spotted name of it, or a glossary form. */
function isWritten(name: HangulName, edit: string, spotted: readonly SpottedName[], glossary: ReadonlyMap<string, GlossaryConcept>): boolean {
  if (spotted.some((m) => isSurnameSpelling(name.surname, m.surname))) return true;
  if (glossaryForms(name, glossary).some((form) => edit.toLowerCase().includes(form.toLowerCase()))) return true;
  // One-letter spellings (이 I, 오 O) would find the pronoun and the letter.
  const spellings = new Set(surnameSpellings(name.surname).filter((s) => s.length > 1));
  return tokenize(edit).some((t) => /^\p{Lu}/u.test(t.core) && spellings.has(t.core.toLowerCase()));
}

/** True when a title word follows the token, maybe after qualifiers ("Foreign Minister", "prime minister"). */
function isBeforeTitle(tokens: readonly Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k <= i + 3; k += 1) {
    const word = tokens[k]?.core.toLowerCase() ?? '';
    if (TITLES.has(word)) return true;
    if (!QUALIFIERS.has(word)) return false;
  }
  return false;
}

const TITLES = new Set(TITLE_WORDS);
/** Words after a sentence's first word that make it a quantity or a determiner, not a person ("One of the", "This and"). */
const NOT_SUBJECT_AFTER: ReadonlySet<string> = new Set(['of', 'or', 'and', 'the', 'a', 'an', 'in', 'more', 'year', 'years', 'day', 'days', 'is', 'was', 'time', '']);

/** True when the offset opens the text or a sentence. */
function isSentenceStart(text: string, offset: number): boolean {
  return /(?:^|[.!?]["”’]?\s+)["“]?$/u.test(text.slice(Math.max(0, offset - 4), offset)) || offset === 0;
}
const QUALIFIERS = new Set(TITLE_QUALIFIERS);

/** True when the name is the first the source segment gives (a headline's subject). */
function isFirstName(name: HangulName, names: readonly HangulName[]): boolean {
  return names[0] === name;
}

/** True when the spotted English name spells the Hangul name: a glossary form, or surname and given name syllable by syllable. */
function spellsName(name: HangulName, mention: SpottedName, glossary: ReadonlyMap<string, GlossaryConcept>): boolean {
  const written = mention.text.toLowerCase().replace(/\s+/gu, ' ');
  if (glossaryForms(name, glossary).some((form) => form.toLowerCase().replace(/\s+/gu, ' ') === written)) return true;
  const reading = mention.name;
  if (reading === undefined || name.given === '') return false;
  return isSurnameSpelling(name.surname, mention.surname) && isGivenSpelling(name.given, reading.reading.syllables);
}

/** Returns the suggestions for a Hangul name: the glossary's preferred form, a spelling of it the article already uses, then RR with the popular surname. */
function suggestionsFor(article: ArticleView, name: HangulName, glossary: ReadonlyMap<string, GlossaryConcept>): string[] {
  const concept = glossary.get(hangulOf(name));
  const used = article.segments.flatMap((s) => spotNames(s.edit, s.index)).find((m) => m.name !== undefined && isSurnameSpelling(name.surname, m.surname) && name.given !== '' && isGivenSpelling(name.given, m.name.reading.syllables));
  return [...new Set([...(concept ? [concept.preferred] : []), ...(used ? [used.text] : []), romanizeName(name)])];
}

function glossaryForms(name: HangulName, glossary: ReadonlyMap<string, GlossaryConcept>): string[] {
  const concept = glossary.get(hangulOf(name));
  return concept ? [concept.preferred, ...concept.admitted] : [];
}

/** The surname of the glossary's preferred form, when the glossary has the person: "Cho" of "Cho Tae-yul". */
function glossarySurname(name: HangulName, glossary: ReadonlyMap<string, GlossaryConcept>): string | undefined {
  const preferred = glossary.get(hangulOf(name))?.preferred;
  const first = preferred?.split(/\s+/u)[0];
  return first !== undefined && isSurnameSpelling(name.surname, first) ? first : undefined;
}

function sameSurnameForm(form: string, surname: string): boolean {
  return form.toLowerCase().split(/\s+/u).includes(surname.toLowerCase());
}

function hangulOf(name: HangulName): string {
  return `${name.surname}${name.given}`;
}

/** "Cho Tae-yeol" (RR given name, popular surname), for the message. */
function romanized(name: HangulName): string {
  return romanizeName(name);
}
