import type { ArticleView, Check, CheckContext, Flag } from './types.js';
import type { SegmentKind } from '../article/types.js';
import type { NameMention, Person, PreferredBecause } from '../names/types.js';
import { spellingOf } from '../names/normalise.js';
import { spanFields } from './flag-spans.js';

/**
 * `name-variant`: one person's name spelled in more than one way in the article (issue 3). One
 * flag per person (issue 12: a cluster was a warning per variant occurrence plus an info per
 * preferred occurrence, which counted one problem several times): its spans are every occurrence
 * of every spelling but the preferred one, in reading order, the first being the flag's primary
 * span; `group` is the person's id and `variants` all the person's spellings, preferred first;
 * the suggestion is the preferred spelling. The fingerprint is the check and the person, so a
 * dismissal survives re-runs and edits that change which places are misspelled.
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
  // Guard: a person the glossary names is the glossary-term check's business.
  if (person.preferredBecause === 'glossary') return [];
  const full = person.mentions.filter((m) => !m.isSurnameOnly);
  // Each mention's spelling, worked out once: the message counts the places of every spelling.
  const spellings = full.map((m) => spellingOf(m.text));
  const used = new Set(spellings);
  // Guard: one spelling in use (a glossary form the article never uses is the glossary check's business).
  if (used.size < 2) return [];
  const variants = person.spellings.filter((s) => s.count > 0 || s.text === person.preferred).map((s) => s.text);
  const reason = REASON[person.preferredBecause ?? 'frequency'];
  const wrong = full.filter((_, i) => spellings[i] !== person.preferred);
  // Guard: every mention already uses the preferred spelling (spellings that differ only in ways spellingOf keeps apart).
  if (wrong.length === 0) return [];
  const others = variants.filter((v) => v !== person.preferred && used.has(v)).map((v) => `${v} (${places(full, spellings, v, kinds)})`);
  const preferredPlaces = used.has(person.preferred) ? ` is spelled ${person.preferred} ${places(full, spellings, person.preferred, kinds, 'in ')}` : '';
  const verb = others.length === 1 ? 'is' : 'are';
  const message = preferredPlaces === ''
    ? `${others.join(' and ')} ${verb} one person; use ${person.preferred}, ${reason}.`
    : `${others.join(' and ')}${others.length === 1 ? preferredPlaces : ` ${verb} one person, who${preferredPlaces}`}; use ${person.preferred}, ${reason}.`;
  return [{
    check: nameVariant.id,
    severity: 'warning',
    ...spanFields(wrong.map((m) => ({ segment: m.segment, start: m.start, end: m.end, text: m.text }))),
    message,
    suggestions: [person.preferred],
    fingerprint: `${nameVariant.id}:${person.id}`,
    group: person.id,
    variants,
  }];
}

/** "headline, caption ×2" (`prefix` "in " gives "in 3 places (headline, caption ×2)"): where and how often a spelling is used (`spellings`: each mention's). */
function places(mentions: readonly NameMention[], spellings: readonly string[], spelling: string, kinds: ReadonlyMap<number, SegmentKind>, prefix = ''): string {
  const where = mentions.filter((_, i) => spellings[i] === spelling);
  const byKind = new Map<string, number>();
  for (const m of where) {
    const kind = kinds.get(m.segment) ?? 'body';
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  const kindList = [...byKind.entries()].map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind)).join(', ');
  const count = `${where.length} ${where.length === 1 ? 'place' : 'places'}`;
  return prefix === '' ? kindList : `${prefix}${count} (${kindList})`;
}
