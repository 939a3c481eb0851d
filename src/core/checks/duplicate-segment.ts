import { describeSegment } from './place-names.js';
import { hashText, spanFingerprint } from './span-fingerprint.js';
import type { ArticleView, Check, CheckSegment, Flag } from './types.js';

const ID = 'duplicate-segment';

/**
 * Fewest words two segments must have to count as one repeated whole (range 2-10). Shorter repeats
 * are ordinary ("Minister Cho said." can open two paragraphs); four words or more, repeated as a
 * whole segment, is a scraper or MT join.
 */
export const MIN_REPEAT_WORDS = 4;

/**
 * Fewest words a segment must have to count as repeated inside a longer one (range 4-20). A lede
 * often holds a short headline's words ("Cho Tae-yul Meets Wang Yi" in "Foreign Minister Cho
 * Tae-yul meets Wang Yi in Beijing"); a headline of eight words or more, verbatim inside a caption
 * or paragraph, is a join (the corpus article's caption repeats its 14-word headline).
 */
export const MIN_PASSAGE_WORDS = 8;

/** Longest quotation of the repeated text in a message, in characters (range 20-200). */
const QUOTE_CHARS = 60;

/** Double quotes of every style, read as '"'; single quotes and primes as "'". */
const DOUBLE_QUOTES = /["“”„‟«»″〝〞＂]/u;
const SINGLE_QUOTES = /['‘’‚‛′`]/u;
const DOUBLE_QUOTES_ALL = new RegExp(DOUBLE_QUOTES.source, 'gu');
const SINGLE_QUOTES_ALL = new RegExp(SINGLE_QUOTES.source, 'gu');
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/**
 * White space that normalise makes one space: a run of two or more, or one character that is not a
 * plain space. The same text as replacing every /\s+/ run, without replacing each single space by
 * itself, the costliest step of normalise (issue 10).
 */
const SPACE_TO_FOLD = /\s{2,}|[^\S ]/gu;
const SPACE = /\s/u;

/** A text compared without case, whitespace or quote style, with where each of its code units came from. */
interface Normalised {
  readonly text: string;
  /** For each code unit of `text`, the offsets in the original of the character it came from (empty unless asked for). */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly words: number;
}

/**
 * `duplicate-segment`: a segment repeating another, whole or in part (issue 3: the corpus article's
 * caption begins with its headline). The span is the repeat in the later segment together with the
 * space that joins it to the rest, so the suggestion (delete: "") leaves the segment as it reads
 * without the repeat; suggestions replace the span (types.ts, Flag.suggestions).
 */
export const duplicateSegment = {
  id: ID,
  name: 'Repeated segment',
  description: 'A headline, paragraph or caption repeats another one, whole or in part (for instance a caption that begins with the headline).',
  severity: 'warning',
  run(article) {
    const content = article.segments.filter((s) => s.kind !== 'boilerplate');
    // Guard: one segment (or none) cannot repeat another.
    if (content.length < 2) return [];
    const edits = content.map((s) => normalise(s.edit));
    const mts = content.map((s) => (s.mt === s.edit ? undefined : normalise(s.mt)));
    const flags: Flag[] = [];
    content.forEach((later, j) => {
      const seen = new Set<string>();
      let mapped: Normalised | undefined;
      for (let i = 0; i < j; i += 1) {
        // The earlier segment's MT counts too: a headline corrected on its own still repeats in an unedited caption.
        for (const earlier of [edits[i], mts[i]]) {
          // Guard: the quick comparison finds nothing (the usual case), so no offset map is built.
          if (!earlier || !findRepeat(earlier, edits[j] as Normalised)) continue;
          mapped ??= normaliseWithMap(later.edit);
          const found = findRepeat(earlier, mapped);
          if (!found || seen.has(`${found.at}:${found.length}`)) continue;
          seen.add(`${found.at}:${found.length}`);
          const repeat = { start: mapped.starts[found.at] ?? 0, end: mapped.ends[found.at + found.length - 1] ?? 0, kind: found.kind };
          flags.push(flagFor(article, content[i] as CheckSegment, later, repeat));
        }
      }
    });
    return flags;
  },
} satisfies Check;

/** How a later segment repeats an earlier one: the same text, a passage of it, or the whole earlier text inside more. */
type RepeatKind = 'same' | 'passage' | 'contains';

/** Where the repeat stands in the later segment's original text, and how it repeats. */
interface Repeat {
  readonly start: number;
  readonly end: number;
  readonly kind: RepeatKind;
}

/** Returns where (in normalised code units) `earlier` repeats in `later`, or undefined when it does not. */
function findRepeat(earlier: Normalised, later: Normalised): { at: number; length: number; kind: RepeatKind } | undefined {
  const shorter = Math.min(earlier.words, later.words);
  // Guard: short segments ("Minister Cho said.") repeat by chance.
  if (shorter < MIN_REPEAT_WORDS) return undefined;
  const whole = { at: 0, length: later.text.length };
  if (earlier.text === later.text) return { ...whole, kind: 'same' };
  // Guard: a short segment's words inside a longer one are a summary (headline and lede), not a repeat.
  if (shorter < MIN_PASSAGE_WORDS) return undefined;
  // The later segment stands inside the earlier one: all of it repeats.
  if (findWholeWords(earlier.text, later.text) >= 0) return { ...whole, kind: 'passage' };
  const at = findWholeWords(later.text, earlier.text);
  // Guard: neither holds the other.
  if (at < 0) return undefined;
  return { at, length: earlier.text.length, kind: 'contains' };
}

/** Returns the first offset where `needle` stands in `text` as whole words, or -1. */
function findWholeWords(text: string, needle: string): number {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (isWholeWords(text, at, needle.length)) return at;
  }
  return -1;
}

/** Returns true when text.slice(at, at + length) neither starts nor ends inside a word. */
function isWholeWords(text: string, at: number, length: number): boolean {
  if (at < 0) return false;
  const end = at + length;
  const startsClean = at === 0 || !WORD_CHAR.test(text[at - 1] ?? '') || !WORD_CHAR.test(text[at] ?? '');
  const endsClean = end === text.length || !WORD_CHAR.test(text[end - 1] ?? '') || !WORD_CHAR.test(text[end] ?? '');
  return startsClean && endsClean;
}

function flagFor(article: ArticleView, earlier: CheckSegment, later: CheckSegment, repeat: Repeat): Flag {
  const edit = later.edit;
  const { start, end } = repeat;
  const [from, to] = repeat.kind === 'contains' ? withJoiningSpace(edit, start, end) : [start, end];
  const place = describeSegment(article, earlier.index);
  const message =
    repeat.kind === 'same'
      ? `This repeats ${place} word for word: delete one of them`
      : repeat.kind === 'passage'
        ? `This repeats a passage of ${place}: delete one of them`
        : `This repeats ${place} (“${quote(edit.slice(start, end))}”): delete the repeated text`;
  return {
    check: ID,
    severity: 'warning',
    segment: later.index,
    start: from,
    end: to,
    text: edit.slice(from, to),
    message,
    suggestions: [''],
    // The repeat as it stands here, normalised: stable when the earlier segment is corrected on its own.
    fingerprint: spanFingerprint(ID, [hashText(normalise(edit.slice(start, end)).text)], edit, start, end),
  };
}

/**
 * Returns the span widened by the whitespace that joins it to the rest of the segment: the run after
 * it, or, when it ends the segment, the run before it. Deleting the widened span leaves clean text.
 */
function withJoiningSpace(edit: string, start: number, end: number): [number, number] {
  const after = /^\s+/u.exec(edit.slice(end, end + 100))?.[0].length ?? 0;
  if (after > 0 && edit.slice(end).trim() !== '') return [start, end + after];
  const before = /\s+$/u.exec(edit.slice(Math.max(0, start - 100), start))?.[0].length ?? 0;
  return [start - before, end];
}

/** Returns the text cut to QUOTE_CHARS characters (at a space when there is one) with "…". */
function quote(text: string): string {
  const flat = text.replace(/\s+/gu, ' ');
  if (flat.length <= QUOTE_CHARS) return flat;
  const cut = flat.slice(0, QUOTE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > QUOTE_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * Returns the text as compared: lower-cased, trimmed, whitespace runs as one space, every double
 * quote as '"' and every single quote or prime as "'". Whole-string operations, since this runs
 * over every segment on every save; final sigma is folded to σ so that lower-casing a whole string
 * and one character at a time (normaliseWithMap) agree.
 */
function normalise(original: string): Normalised {
  const text = original
    .replace(SPACE_TO_FOLD, ' ')
    .trim()
    .toLowerCase()
    .replace(/ς/gu, 'σ')
    .replace(DOUBLE_QUOTES_ALL, '"')
    .replace(SINGLE_QUOTES_ALL, "'");
  let words = text === '' ? 0 : 1;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) words += 1;
  return { text, starts: [], ends: [], words };
}

/**
 * Returns the same normalised text as normalise, built one character at a time with, for each of
 * its code units, where it came from in the original; only for a segment about to be flagged.
 */
function normaliseWithMap(original: string): Normalised {
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let spaceAt = -1;
  let spaceEnd = -1;
  let words = 0;
  let index = 0;
  for (const ch of original) {
    const start = index;
    index += ch.length;
    if (SPACE.test(ch)) {
      // Leading whitespace is dropped; a run inside the text becomes one space, written when the next word starts.
      if (pieces.length > 0) {
        if (spaceAt < 0) spaceAt = start;
        spaceEnd = index;
      }
      continue;
    }
    if (spaceAt >= 0 || pieces.length === 0) words += 1;
    if (spaceAt >= 0) {
      pieces.push(' ');
      starts.push(spaceAt);
      ends.push(spaceEnd);
      spaceAt = -1;
    }
    const folded = DOUBLE_QUOTES.test(ch) ? '"' : SINGLE_QUOTES.test(ch) ? "'" : ch.toLowerCase().replace('ς', 'σ');
    for (let k = 0; k < folded.length; k += 1) {
      starts.push(start);
      ends.push(index);
    }
    pieces.push(folded);
  }
  return { text: pieces.join(''), starts, ends, words };
}
