import type { ArticleView, Check, CheckContext, Flag } from './types.js';
import { findHomographs, type HomographHit } from '../names/homographs.js';
import { findHeadlineSubjects } from '../names/headline-subject.js';
import { surnameRowOf } from '../names/surname-lookup.js';
import type { NameMention, Person } from '../names/types.js';
import { spanFields } from './flag-spans.js';
import { describeSegments } from './place-names.js';
import { leaveSourceNameSpans } from './source-name.js';

/**
 * `surname-homograph`: an ordinary English word that MT produced from a Korean surname where a
 * person is meant ("King Raises Issues" for 왕 Wang, "One Prime Minister" for 한 Han, "Trillion
 * Representative" for 조 Cho; issue 3 and reference korean-names.md section (c)). An error: the
 * sentence names the wrong thing. The suggestions are the people who could be meant: those in the
 * article with that surname, then the article's most-mentioned people.
 */
export const surnameHomograph = {
  id: 'surname-homograph',
  name: 'Surname read as a word',
  description: 'An English word stands where a person is meant, most likely a Korean surname that machine translation took for a word ("King" for Wang, "One" for Han); write the name.',
  severity: 'error',
  run(article: ArticleView, ctx: CheckContext): Flag[] {
    // Guard: no segments, nothing to read.
    if (article.segments.length === 0) return [];
    const people = ctx.names.people;
    // A headline's or standfirst's subject read against the lede is the headline-subject check's flag (issue 12).
    const subjects = findHeadlineSubjects(article, people);
    const surnameKeys = new Set(people.flatMap(keysOf));
    const lede = article.segments.find((s) => s.kind === 'body')?.index;
    const subjectSurnameKeys = new Set(people.filter((p) => p.mentions.some((m) => m.segment === lede)).flatMap(keysOf));
    // The people's mentions by segment, gathered once rather than filtered again for every segment.
    const spansBySegment = new Map<number, NameMention[]>();
    for (const m of people.flatMap((p) => p.mentions)) {
      const spans = spansBySegment.get(m.segment);
      if (spans) spans.push(m);
      else spansBySegment.set(m.segment, [m]);
    }
    // With the Korean original, a span source-name reads from the Hangul is its flag (issue 12).
    const placeFlags = leaveSourceNameSpans(article, ctx, article.segments.flatMap((segment) => {
      // Guard: page chrome is not article text.
      if (segment.kind === 'boilerplate') return [];
      const nameSpans = spansBySegment.get(segment.index) ?? [];
      return findHomographs(segment.edit, { surnameKeys, subjectSurnameKeys, nameSpans })
        .filter((hit) => !subjects.some((s) => s.segment === segment.index && s.start === hit.start))
        .map((hit) => toFlag(segment.index, hit, people));
    }));
    return mergeByWord(article, placeFlags);
  },
} satisfies Check;

/**
 * Returns one flag per word (issue 12: every place MT wrote "King" for 왕 is one problem, counted
 * once), carrying every place in `spans`, fingerprinted by the check and the word: a dismissal
 * holds through edits around it and through fixing some of its places.
 */
function mergeByWord(article: ArticleView, flags: readonly Flag[]): Flag[] {
  const byWord = new Map<string, Flag[]>();
  for (const f of flags) byWord.set(f.text, [...(byWord.get(f.text) ?? []), f]);
  return [...byWord.entries()].map(([word, same]) => {
    const [first] = same as [Flag];
    if (same.length === 1) return first;
    const where = describeSegments(article, same.map((f) => f.segment));
    return {
      ...first,
      ...spanFields(same.map((f) => ({ segment: f.segment, start: f.start, end: f.end, text: f.text }))),
      message: first.message.replace(`${word} stands where`, `${word} (${same.length} places: ${where}) stands where`),
      suggestions: [...new Set(same.flatMap((f) => f.suggestions))].slice(0, MAX_SUGGESTIONS),
    };
  });
}

/** Most suggestions offered (range 1-6): the people with the surname, then the main actors. */
export const MAX_SUGGESTIONS = 4;

function toFlag(segment: number, hit: HomographHit, people: readonly Person[]): Flag {
  const suggestions = candidates(hit.surnameKeys, people);
  const surnames = hit.surnameKeys
    .map((key) => surnameRowOf(key))
    .flatMap((row) => (row === undefined ? [] : [`${row.hangul} (${[...new Set([row.rr, row.mr])].map(capitalise).join('/')})`]))
    .join(' or ');
  const who = suggestions.length > 0 ? ` (${suggestions.join(', ')}?)` : '';
  return {
    check: surnameHomograph.id,
    severity: surnameHomograph.severity,
    segment,
    start: hit.start,
    end: hit.end,
    text: hit.word,
    message: `${hit.word} stands where a person is meant: machine translation may have read the surname ${surnames} as a word; write the person's name${who}.`,
    suggestions,
    fingerprint: `${surnameHomograph.id}:${hit.word}`,
  };
}

/** The article's people with one of the surnames first, then the most-mentioned people; preferred spellings. */
function candidates(surnameKeys: readonly string[], people: readonly Person[]): string[] {
  const withSurname = people.filter((p) => keysOf(p).some((k) => surnameKeys.includes(k)));
  const byMentions = [...people].sort((a, b) => b.mentions.length - a.mentions.length);
  return [...new Set([...withSurname, ...byMentions].map((p) => p.preferred))].slice(0, MAX_SUGGESTIONS);
}

function keysOf(person: Person): readonly string[] {
  return person.surnameKeys ?? [person.surnameKey];
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
