/**
 * The subject of a headline or standfirst read against the person the lede is about (issue 12).
 * Korean headlines put the person's bare surname first, then a quotation, a comma or a title
 * (조태열 "…", 한 총리 "…", 남 의원 …), or a verb; machine translation may turn that surname into an
 * English word ("King to Meet Chinese Foreign Minister", "One "Will Not Accept…"", "South Lawmaker
 * …"). An editor reads the headline's subject against the lede's main person, whatever the surname
 * is, so the finder does not need anyone of the word's surname to be named.
 *
 * Facts used (reference korean-names.md, section (c)): the "Common-noun meanings MT might produce"
 * column (`surnamesMeaning`), and the note that the danger peaks when the surname is followed by a
 * particle (이/가/은/는/도: the English verb right after) or a title (대표, 장관, 의원, 회장…).
 */
import { ANIMATE_SINGULAR_VERBS, COLLECTIVE_NOUNS, ORDINARY_TITLE_QUALIFIERS, QUANTIFIER_WORDS, SUBJECT_CONTINUATIONS } from './english-words.js';
import { nextWord } from './homographs.js';
import { TITLE_QUALIFIERS, TITLE_WORDS } from './titles.js';
import { readName } from './spot-names.js';
import { lookupSurname, surnamesMeaning } from './surname-lookup.js';
import { isCapitalised, tokenize, type Token } from './tokens.js';
import type { NameMention, Person } from './types.js';
import type { ArticleView, CheckSegment } from '../checks/types.js';

/** A headline or standfirst whose subject is a surname read as a word. */
export interface HeadlineSubjectHit {
  readonly segment: number;
  readonly start: number;
  readonly end: number;
  /** The word as written ("King"). */
  readonly word: string;
  /** The person the lede is about. */
  readonly person: Person;
  /** The person's surname as their preferred spelling writes it ("Cho"): the suggestion. */
  readonly surname: string;
  /** True when the reference table lists the word as an MT rendering of the person's own surname. */
  readonly isTheirSurname: boolean;
  /** Korean surname keys the word may stand for ("wang" for King). */
  readonly surnameKeys: readonly string[];
  /** What after the word shows that a person is meant. */
  readonly evidence: SubjectEvidence;
}

/**
 * `quotation`: `Word "…"` or `Word, "…"`; `title`: `Word Minister`; `comma`: `Word, Declares…` (a comma,
 * then a verb with no subject of its own); `verb`: `Word Raises`, `Word to Meet`.
 */
export type SubjectEvidence = 'quotation' | 'title' | 'verb' | 'comma';

const CONTINUATION = new Set(SUBJECT_CONTINUATIONS);
const ORDINARY = new Set(ORDINARY_TITLE_QUALIFIERS);
const QUANTIFIER = new Set(QUANTIFIER_WORDS);
const ANIMATE = new Set(ANIMATE_SINGULAR_VERBS);
const COLLECTIVE = new Set(COLLECTIVE_NOUNS);
const TITLE = new Set(TITLE_WORDS);
const QUALIFIER = new Set(TITLE_QUALIFIERS);

/** A label before the headline proper: "[Exclusive]", "(LEAD)", "[Column]". */
const LEADING_LABEL = /^\s*(?:[[(【][^\])】\n]{1,30}[\])】]\s*)+/u;

/**
 * A quotation that opens the headline, then "…", "...", a comma or a colon: Korean headlines also put
 * the quotation first and the speaker after it ("북송 중단해야"…조태열 → "Stop the Repatriations"… Cho Urges).
 */
const LEADING_QUOTATION = /^\s*(?:"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’)\s*(?:…|\.{2,3}|[,:;\-–—])?\s*/u;

/** A quotation right after the subject, maybe after a comma or colon: the commonest Korean headline form. */
const QUOTATION_AFTER = /^\s*[,:]?\s*["“'‘]/u;

/** Returns the headline and standfirst subjects that are surnames read as words, when the lede is about someone. */
export function findHeadlineSubjects(article: ArticleView, people: readonly Person[]): HeadlineSubjectHit[] {
  const lede = article.segments.find((s) => s.kind === 'body');
  // Guard: no lede paragraph, nobody to read the headline against.
  if (lede === undefined) return [];
  const person = ledePerson(lede.index, people);
  // Guard: a lede that names nobody is about a thing or an event (weather, prices).
  if (person === undefined) return [];
  const surname = surnameOf(person);
  if (surname === undefined) return [];
  const mentionsBySegment = (segment: number): NameMention[] => people.flatMap((p) => p.mentions.filter((m) => m.segment === segment));
  return article.segments.flatMap((segment) => {
    if (segment.kind !== 'headline' && segment.kind !== 'standfirst') return [];
    const hit = subjectHit(segment, lede, person, surname, mentionsBySegment);
    return hit === undefined ? [] : [hit];
  });
}

/** Returns the hit when the segment's first word is a surname read as a word standing for the lede person. */
function subjectHit(
  segment: CheckSegment,
  lede: CheckSegment,
  person: Person,
  surname: string,
  mentionsOf: (segment: number) => NameMention[],
): HeadlineSubjectHit | undefined {
  const text = segment.edit;
  const from = subjectStart(text);
  const tokens = tokenize(text);
  const i = tokens.findIndex((t) => t.start >= from);
  const token = tokens[i];
  // Guard: the subject is the first word, written as a name would be (no possessive, no hyphen).
  if (token === undefined || token.hasPossessive || !isCapitalised(token.text) || /[^\p{L}]/u.test(token.text)) return undefined;
  const surnameKeys = surnamesMeaning(token.text);
  // Guard: only a word the reference table lists as an MT rendering of a surname.
  if (surnameKeys.length === 0) return undefined;
  // Guard: a word that is itself a surname spelling ("Moon", "Song") or starts a spotted name is a person named correctly.
  if (lookupSurname(token.text) !== undefined) return undefined;
  const ownMentions = mentionsOf(segment.index);
  if (ownMentions.some((m) => token.start < m.end && token.end > m.start)) return undefined;
  const evidence = evidenceAfter(text, tokens, i, ownMentions);
  if (evidence === undefined) return undefined;
  const word = token.text.toLowerCase();
  const isTheirSurname = surnameKeys.some((k) => keysOf(person).includes(k));
  const isStrong = evidence !== 'verb';
  const next = nextWord(text, tokens, i);
  const isAnimate = next !== undefined && ANIMATE.has(next);
  // Numerals and determiners head English headlines with a verb ("Five Killed", "Most Say", "This Is
  // Why"); only a singular person's verb ("Five Vows…") cannot agree with them.
  if (QUANTIFIER.has(word) && !isStrong && !isAnimate) return undefined;
  // Places, countries and bodies of people vow and urge in English ("Korea Vows…", "Hospital Apologizes").
  if (COLLECTIVE.has(word) && !isStrong) return undefined;
  // A thing the lede itself talks about ("Rain to Continue" over "Rain will continue…", "Korea to Host" over "Korea would host").
  if (!isStrong && usesWord(lede, word, mentionsOf(lede.index))) return undefined;
  if (!isTheirSurname) {
    // Another surname's word can still be the MT of the lede person's surname ("King to Meet…" over a lede about Cho),
    // but an everyday noun ("Gold Rises", "State Secretary") or a word the lede uses is what it says.
    if (ORDINARY.has(word) || usesWord(lede, word, mentionsOf(lede.index))) return undefined;
  } else if (ORDINARY.has(word) && !isStrong && !isAnimate) {
    // "River Rises", "Summer Ends": an everyday noun with a verb a thing can do is the thing.
    return undefined;
  } else if (ORDINARY.has(word) && evidence === 'title' && isOfficeInLede(text, tokens, i, lede)) {
    // "Labor Minister …" over a lede that says "Labor Minister …": an office, not a surname.
    return undefined;
  }
  return { segment: segment.index, start: token.start, end: token.end, word: token.text, person, surname, isTheirSurname, surnameKeys, evidence };
}

/** Returns where the headline's subject starts: after a leading label ("[Exclusive]") and a leading quotation with its separator. */
function subjectStart(text: string): number {
  const label = LEADING_LABEL.exec(text)?.[0].length ?? 0;
  const quotation = LEADING_QUOTATION.exec(text.slice(label));
  // Guard: a quotation that is the whole headline leaves no speaker after it.
  if (quotation === null || quotation[0].length >= text.length - label) return label;
  return label + quotation[0].length;
}

/** What follows the subject word: a quotation, a title (not itself before a name), a verb or a comma. */
function evidenceAfter(text: string, tokens: readonly Token[], i: number, mentions: readonly NameMention[]): SubjectEvidence | undefined {
  const token = tokens[i] as Token;
  const rest = text.slice(token.end);
  if (QUOTATION_AFTER.test(rest)) return 'quotation';
  if (/^\s*,/u.test(rest)) {
    // "Fatherland, Declares New Party" (조국, …): after the comma a verb whose subject is the word.
    const after = tokens[i + 1];
    return after !== undefined && isCapitalised(after.text) && CONTINUATION.has(after.text.toLowerCase()) ? 'comma' : undefined;
  }
  const last = titleEndIndex(text, tokens, i);
  if (last !== undefined) {
    // "State Secretary Kim Says": the word qualifies a title before a name; the name is the subject.
    const after = tokens[last + 1];
    const isBeforeName = after !== undefined && mentions.some((m) => m.start === after.start);
    return isBeforeName ? undefined : 'title';
  }
  const next = nextWord(text, tokens, i);
  return next !== undefined && CONTINUATION.has(next) ? 'verb' : undefined;
}

/** Index of the last token of the singular title right after token i ("Minister", "Foreign Minister"), or undefined. */
function titleEndIndex(text: string, tokens: readonly Token[], i: number): number | undefined {
  const first = nextWord(text, tokens, i);
  if (first === undefined) return undefined;
  if (TITLE.has(first)) return i + 1;
  if (!QUALIFIER.has(first)) return undefined;
  const second = nextWord(text, tokens, i + 1);
  return second !== undefined && TITLE.has(second) ? i + 2 : undefined;
}

/** The person the lede is about: the first person it names (full name or a surname after a title). */
function ledePerson(lede: number, people: readonly Person[]): Person | undefined {
  let best: { person: Person; start: number } | undefined;
  for (const person of people) {
    for (const m of person.mentions) {
      if (m.segment === lede && (best === undefined || m.start < best.start)) best = { person, start: m.start };
    }
  }
  return best?.person;
}

/** Returns the surname as the person's preferred spelling writes it, in name case ("JANG" -> "Jang"). */
export function surnameOf(person: Person): string | undefined {
  const written = readName(person.preferred)?.surname;
  if (written === undefined || written === '') return undefined;
  return written === written.toUpperCase() ? written.charAt(0) + written.slice(1).toLowerCase() : written;
}

/** True when the segment uses the word (or its plural) outside the names it holds: the word in its ordinary sense. */
function usesWord(segment: CheckSegment, word: string, mentions: readonly NameMention[]): boolean {
  return tokenize(segment.edit).some((t) => {
    const w = t.core.toLowerCase();
    return (w === word || w === `${word}s`) && !mentions.some((m) => t.start < m.end && t.end > m.start);
  });
}

/** True when the lede repeats the word and its title ("Labor Minister") as a phrase, case-insensitively. */
function isOfficeInLede(text: string, tokens: readonly Token[], i: number, lede: CheckSegment): boolean {
  const last = tokens[titleEndIndex(text, tokens, i) ?? i] as Token;
  const phrase = text.slice((tokens[i] as Token).start, last.end).toLowerCase();
  return lede.edit.toLowerCase().includes(phrase);
}

function keysOf(person: Person): readonly string[] {
  return person.surnameKeys ?? [person.surnameKey];
}
