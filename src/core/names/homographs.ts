/**
 * Finds ordinary English words that MT produced from a Korean surname where a person is meant:
 * "King" for 왕 Wang, "One" for 한 Han, "Trillion" for 조 Cho (reference korean-names.md, section (c),
 * "MT homograph meanings"; the danger peaks when the surname is followed by a particle or a title).
 *
 * A word counts only when it is capitalised and stands where a person does:
 * - before a singular title ("Trillion Representative", "One prime minister", "King Foreign Minister"), or
 * - at the start of a headline or sentence, followed by a verb or "also"/"too" (the English of the
 *   particles 이/가/도: "King Raises Issues", "One also asked"), in an article that names a person
 *   with that surname.
 * It stays quiet after a determiner ("the king", "a trillion"), before "of" ("One of the officials"),
 * inside a proper-noun run ("King Charles", "Burger King", "Pear Tree Road", "King's College"), and
 * on lower-case words ("677.4 trillion won").
 */
import { ANIMATE_SINGULAR_VERBS, COLLECTIVE_NOUNS, DETERMINERS, ORDINARY_TITLE_QUALIFIERS, QUANTIFIER_WORDS, SUBJECT_CONTINUATIONS } from './english-words.js';
import { surnamesMeaning } from './surname-lookup.js';
import { TITLE_QUALIFIERS, TITLE_WORDS, UNIQUE_OFFICES } from './titles.js';
import { isCapitalised, tokenize, type Token } from './tokens.js';

/** One homograph found in a text. */
export interface HomographHit {
  readonly start: number;
  readonly end: number;
  /** The word exactly as written ("King"). */
  readonly word: string;
  /** Korean surname keys the word may stand for ("wang"). */
  readonly surnameKeys: readonly string[];
  /** The word and the two after it, lower-case: stable context for a fingerprint. */
  readonly context: string;
  /** What showed that a person is meant. */
  readonly evidence: 'title' | 'subject';
}

/** What the finder knows about the article. */
export interface HomographOptions {
  /** Surname keys of the people the article names ("wang", "jo"). */
  readonly surnameKeys: ReadonlySet<string>;
  /**
   * Surname keys of the people the lede (first body paragraph) names: a word read as a sentence
   * subject ("Door also said") counts only for them, since an article's unnamed subject is its
   * main actor, and a weather story that quotes a forecaster Woo has "Rain will continue" (issue 12).
   * Leave out to count every named person.
   */
  readonly subjectSurnameKeys?: ReadonlySet<string>;
  /** Spans already read as names in this text; a word inside one is part of a name. */
  readonly nameSpans: readonly { readonly start: number; readonly end: number }[];
}

const DETERMINER = new Set(DETERMINERS);
const CONTINUATION = new Set(SUBJECT_CONTINUATIONS);
const TITLE = new Set(TITLE_WORDS);
const QUALIFIER = new Set(TITLE_QUALIFIERS);
const ORDINARY_QUALIFIER = new Set(ORDINARY_TITLE_QUALIFIERS);
const UNIQUE_OFFICE = new Set(UNIQUE_OFFICES);
const ANIMATE = new Set(ANIMATE_SINGULAR_VERBS);
const COLLECTIVE = new Set(COLLECTIVE_NOUNS);
const QUANTIFIER = new Set(QUANTIFIER_WORDS);

/**
 * Words that are also English determiners or quantifiers ("One minister said", "This representative"):
 * they count only before a title, and then only with a person of that surname in the article or
 * an office one person holds ("One prime minister").
 */
const DETERMINER_LIKE = new Set(['one', 'this', 'most']);

/** Punctuation between two words that starts a new sentence or quotation. */
const SENTENCE_BREAK = /[.!?:;"“”‘(\[\n]|['’]\s*$|^\s*['’]/u;

/** Returns the homographs of a segment's text, in order. */
export function findHomographs(text: string, opts: HomographOptions): HomographHit[] {
  const tokens = tokenize(text);
  const hits: HomographHit[] = [];
  tokens.forEach((token, i) => {
    const word = token.text;
    // Guard: only a capitalised word that MT makes of a surname; the cheap tests first, as most words fail them.
    if (token.hasPossessive || !isCapitalised(word)) return;
    const surnameKeys = surnamesMeaning(word);
    if (surnameKeys.length === 0) return;
    // Guard: a compound ("One-on-one") is not a bare surname (a possessive, "King's College", went above).
    if (/[^\p{L}]/u.test(word)) return;
    if (opts.nameSpans.some((s) => token.start < s.end && token.end > s.start)) return;
    const evidence = personEvidence(text, tokens, i, surnameKeys, opts);
    if (evidence === undefined) return;
    const context = tokens.slice(i, i + 3).map((t) => t.text.toLowerCase()).join(' ');
    hits.push({ start: token.start, end: token.end, word, surnameKeys, context, evidence });
  });
  return hits;
}

function personEvidence(text: string, tokens: readonly Token[], i: number, surnameKeys: readonly string[], opts: HomographOptions): HomographHit['evidence'] | undefined {
  const token = tokens[i] as Token;
  const word = token.text.toLowerCase();
  const prev = tokens[i - 1];
  const isStart = prev === undefined || SENTENCE_BREAK.test(text.slice(prev.end, token.start));
  if (!isStart && prev !== undefined) {
    // "the King", "a Trillion": an ordinary noun. "Burger King", "Stephen King": part of a proper noun.
    if (DETERMINER.has(prev.text.toLowerCase()) || isCapitalised(prev.text)) return undefined;
  }
  const next = nextWord(text, tokens, i);
  // Guard: a word standing alone, or "One of the officials", "King of Thailand".
  if (next === undefined || next === 'of') return undefined;
  const hasPerson = surnameKeys.some((k) => opts.surnameKeys.has(k));
  const title = titleAfter(text, tokens, i);
  const subjectKeys = opts.subjectSurnameKeys ?? opts.surnameKeys;
  const isLedeSurname = surnameKeys.some((k) => subjectKeys.has(k));
  // "Five vows to…", "This urges…": a singular person's verb cannot agree with a numeral, a determiner or a thing.
  const isPersonVerb = isStart && ANIMATE.has(next) && isLedeSurname;
  if (DETERMINER_LIKE.has(word)) {
    // "This is", "One should", "Most have": ordinary English subjects, so only a title or a person's verb counts.
    if (title !== undefined && (hasPerson || UNIQUE_OFFICE.has(title))) return 'title';
    return isPersonVerb ? 'subject' : undefined;
  }
  if (ORDINARY_QUALIFIER.has(word)) {
    // "Gold Rises", "State Secretary Rubio", "Female lawmakers": ordinary English nouns and adjectives
    // prove nothing, except before a bare title in an article naming someone of that surname
    // ("South lawmaker also said" for 남 의원, issue 12): "South" qualifies no title in English.
    if (title !== undefined && hasPerson && !isTitleBeforeName(text, tokens, i)) return 'title';
    return isPersonVerb && !COLLECTIVE.has(word) ? 'subject' : undefined;
  }
  if (title !== undefined) return 'title';
  // "Five killed", "Two said": a plural numeral takes any verb; only a person's verb shows a surname.
  if (QUANTIFIER.has(word)) return isPersonVerb ? 'subject' : undefined;
  return isStart && CONTINUATION.has(next) && isLedeSurname ? 'subject' : undefined;
}

/** True when the title after token i is followed by a capitalised word: "Labor Minister Kang", "District Judge Park". */
function isTitleBeforeName(text: string, tokens: readonly Token[], i: number): boolean {
  const first = nextWord(text, tokens, i);
  const titleEnd = first !== undefined && TITLE.has(first) ? i + 1 : i + 2;
  const after = tokens[titleEnd + 1];
  const title = tokens[titleEnd];
  return after !== undefined && title !== undefined && text.slice(title.end, after.start).trim() === '' && isCapitalised(after.text);
}

/** Returns the next word lower-cased when only white space separates it from token i. */
export function nextWord(text: string, tokens: readonly Token[], i: number): string | undefined {
  const token = tokens[i] as Token;
  const next = tokens[i + 1];
  if (next === undefined || text.slice(token.end, next.start).trim() !== '') return undefined;
  return next.text.toLowerCase();
}

/**
 * Returns the first word of the singular title right after token i ("representative", "prime"
 * for "Prime Minister"), allowing one qualifier ("Foreign Minister"); undefined when there is none
 * or when the title is itself followed by a name-like capitalised word continuing a proper noun.
 */
function titleAfter(text: string, tokens: readonly Token[], i: number): string | undefined {
  const first = nextWord(text, tokens, i);
  if (first === undefined) return undefined;
  if (TITLE.has(first)) return first;
  if (!QUALIFIER.has(first)) return undefined;
  const second = nextWord(text, tokens, i + 1);
  return second !== undefined && TITLE.has(second) ? first : undefined;
}
