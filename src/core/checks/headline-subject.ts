import type { ArticleView, Check, CheckContext, Flag } from './types.js';
import { findHeadlineSubjects, surnameOf, type HeadlineSubjectHit } from '../names/headline-subject.js';
import type { Person } from '../names/types.js';
import { surnameRowOf } from '../names/surname-lookup.js';
import { spanFields } from './flag-spans.js';
import { leaveSourceNameSpans } from './source-name.js';

/**
 * `headline-subject`: the headline's or standfirst's subject is an English word that MT made of a
 * surname, while the lede is about a person ("King to Meet Chinese Foreign Minister" over a lede
 * about Foreign Minister Cho; `One "Will Not…"` over a lede about Han; issue 12). The suggestion is
 * the lede person's surname, as Korean headlines write it ("Cho"). An error: the headline names the
 * wrong thing. It never reads a headline whose subject is a name, an organisation or a country,
 * and needs no one of the word's own surname in the article.
 */
export const headlineSubject = {
  id: 'headline-subject',
  name: 'Headline subject is not the lede person',
  description: "The headline's or standfirst's subject is a word machine translation made of a surname (\"King\", \"One\") while the lede is about a person; write that person's surname.",
  severity: 'error',
  run(article: ArticleView, ctx: CheckContext): Flag[] {
    // Guard: no segments, no headline.
    if (article.segments.length === 0) return [];
    const people = ctx.names.people;
    // With the Korean original, a span source-name reads from the Hangul is its flag (issue 12).
    const hits = findHeadlineSubjects(article, people);
    const placeFlags = leaveSourceNameSpans(article, ctx, hits.map((hit) => toFlag(article, hit, people)));
    return mergeSamePerson(article, placeFlags);
  },
} satisfies Check;

/**
 * Returns one flag per word and lede person (issue 12): a standfirst that repeats the headline's
 * "King" is one problem, counted once, its places in `spans`. Fingerprint: the check, the word and
 * the person, which survives edits around either place and fixing one of them.
 */
function mergeSamePerson(article: ArticleView, flags: readonly Flag[]): Flag[] {
  const byKey = new Map<string, Flag[]>();
  for (const f of flags) byKey.set(f.fingerprint, [...(byKey.get(f.fingerprint) ?? []), f]);
  return [...byKey.values()].map((same) => {
    const [first] = same as [Flag];
    if (same.length === 1) return first;
    const kinds = [...new Set(same.map((f) => (article.segments[f.segment]?.kind === 'standfirst' ? 'standfirst' : 'headline')))];
    return {
      ...first,
      ...spanFields(same.map((f) => ({ segment: f.segment, start: f.start, end: f.end, text: f.text }))),
      message: first.message.replace(/ is the (headline|standfirst)'s subject,/u, ` is the subject of ${kinds.map((k) => `the ${k}`).join(' and ')},`),
    };
  });
}

function toFlag(article: ArticleView, hit: HeadlineSubjectHit, people: readonly Person[]): Flag {
  // The lede person's surname first; then the surnames of people named whom the word can stand for ("Wang" for King).
  const others = people.filter((p) => p !== hit.person && (p.surnameKeys ?? [p.surnameKey]).some((k) => hit.surnameKeys.includes(k)));
  const suggestions = [...new Set([hit.surname, ...others.flatMap((p) => surnameOf(p) ?? [])])];
  const alternatives = suggestions.slice(1).map((s) => `“${s}”`).join(' or ');
  const where = article.segments[hit.segment]?.kind === 'standfirst' ? 'standfirst' : 'headline';
  const rows = hit.surnameKeys.flatMap((key) => {
    const row = surnameRowOf(key);
    return row === undefined ? [] : [`${row.hangul} ${capitalise(row.rr)}`];
  });
  const reading = hit.isTheirSurname
    ? `machine translation read their surname (${rows.join(' or ')}) as “${hit.word}”`
    : `machine translation makes “${hit.word}” of a surname (${rows.join(' or ')})`;
  return {
    check: headlineSubject.id,
    severity: headlineSubject.severity,
    segment: hit.segment,
    start: hit.start,
    end: hit.end,
    text: hit.word,
    message: `“${hit.word}” is the ${where}'s subject, but the lede is about ${hit.person.preferred}: ${reading}; write “${hit.surname}”${alternatives === '' ? '' : ` (or ${alternatives})`}.`,
    suggestions,
    fingerprint: [headlineSubject.id, hit.word, hit.person.id].join('|'),
  };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
