import type { ArticleView, Check, CheckContext, Flag } from './types.js';
import type { SegmentKind } from '../article/types.js';
import type { NameMention, Person, PreferredBecause } from '../names/types.js';
import { spellingOf } from '../names/normalise.js';

/**
 * `name-variant`: one person's name spelled in more than one way in the article (issue 3). Every
 * occurrence of every spelling is flagged; the flags about one person share `group` (the person's
 * id) and list all the person's spellings in `variants`, preferred first. The preferred spelling's
 * own occurrences are flagged at `info`, so the panel shows where it stands; the others at `warning`,
 * with the preferred spelling as the suggestion.
 */
export const nameVariant = {
  id: 'name-variant',
  name: 'Name spelled two ways',
  description: "A person's name is spelled in more than one way in the article (romanization variants such as Tae-yul / Tae-yeol); use one spelling.",
  severity: 'warning',
  run(article: ArticleView, ctx: CheckContext): Flag[] {
    // Guard: no segments, nothing to compare.
    if (article.segments.length === 0) return [];
    const kinds = new Map(article.segments.map((s) => [s.index, s.kind]));
    return ctx.names.people.flatMap((person) => flagsFor(person, kinds));
  },
} satisfies Check;

/** How the message names the reason for the suggestion. */
const REASON: Readonly<Record<PreferredBecause, string>> = {
  glossary: "the glossary's spelling",
  correction: 'the spelling already corrected to',
  table: "the reference table's standard or popular form",
  frequency: 'the spelling the body paragraphs use most',
};

function flagsFor(person: Person, kinds: ReadonlyMap<number, SegmentKind>): Flag[] {
  // Guard: a person the glossary names is the glossary-term check's business (one flag per span).
  if (person.preferredBecause === 'glossary') return [];
  const full = person.mentions.filter((m) => !m.isSurnameOnly);
  // Each mention's spelling, worked out once: every flag's message counts the places of every spelling.
  const spellings = full.map((m) => spellingOf(m.text));
  const used = new Set(spellings);
  // Guard: one spelling in use (a glossary form the article never uses is the glossary check's business).
  if (used.size < 2) return [];
  const variants = person.spellings.filter((s) => s.count > 0 || s.text === person.preferred).map((s) => s.text);
  const reason = REASON[person.preferredBecause ?? 'frequency'];
  return full.map((m, i): Flag => {
    const spelling = spellings[i] as string;
    const isPreferred = spelling === person.preferred;
    const others = variants.filter((v) => v !== spelling).map((v) => `${v} ${places(full, spellings, v, kinds)}`);
    const message = isPreferred
      ? `${m.text} is ${reason} for this person, who is also written ${others.join(' and ')}; make the other places match.`
      : `${m.text} is spelled ${others.join(' and ')}; use ${person.preferred}, ${reason}.`;
    return {
      check: nameVariant.id,
      severity: isPreferred ? 'info' : 'warning',
      segment: m.segment,
      start: m.start,
      end: m.end,
      text: m.text,
      message,
      suggestions: isPreferred ? [] : [person.preferred],
      fingerprint: `${nameVariant.id}:${person.id}:${spelling}`,
      group: person.id,
      variants,
    };
  });
}

/** "in 2 other places (body ×2)" / "in 1 other place (caption)": how often and where a spelling is used (`spellings`: each mention's). */
function places(mentions: readonly NameMention[], spellings: readonly string[], spelling: string, kinds: ReadonlyMap<number, SegmentKind>): string {
  const where = mentions.filter((_, i) => spellings[i] === spelling);
  if (where.length === 0) return 'in the glossary';
  const byKind = new Map<string, number>();
  for (const m of where) {
    const kind = kinds.get(m.segment) ?? 'body';
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  const kindList = [...byKind.entries()].map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind)).join(', ');
  return `in ${where.length} other ${where.length === 1 ? 'place' : 'places'} (${kindList})`;
}
