import type { ArticleView, Check, CheckContext, Flag, GlossaryConcept } from './types.js';
import { readName } from '../names/spot-names.js';
import { areSameName, type NameReading } from '../names/name-match.js';
import { spellingOf } from '../names/normalise.js';
import { findWholePhrase } from './correction-phrases.js';
import { spanFingerprint } from './span-fingerprint.js';
import { describeSegments } from './place-names.js';
import { spanFields } from './flag-spans.js';
import type { NameMention } from '../names/types.js';

/** Flags deprecated glossary forms and romanization variants of a glossary person's preferred form (issue 4): one flag per person, one per place of a rejected term. */
export const glossaryTerm = {
  id: 'glossary-term',
  name: 'Glossary term not followed',
  description:
    'A form the glossary rejects (a deprecated spelling such as Cho Tae-yeol), or another romanization of a person the glossary names, stands where the glossary has a preferred form.',
  severity: 'error',
  run(article: ArticleView, ctx: CheckContext): Flag[] {
    // Guard: nothing decided yet, nothing to enforce.
    if (ctx.glossary.length === 0) return [];
    // Guard: no text to check.
    if (article.segments.length === 0) return [];
    return [...personFlags(article, ctx), ...termFlags(article, ctx)];
  },
} satisfies Check;

/** One glossary person with the readings of all its forms. */
interface PersonConcept {
  readonly concept: GlossaryConcept;
  readonly accepted: ReadonlySet<string>;
  readonly deprecated: ReadonlySet<string>;
  readonly readings: readonly NameReading[];
}

function personConcepts(glossary: readonly GlossaryConcept[]): PersonConcept[] {
  return glossary
    .filter((c) => c.type === 'person')
    .map((concept) => {
      const forms = [concept.preferred, ...concept.admitted, ...concept.deprecated];
      return {
        concept,
        accepted: new Set([concept.preferred, ...concept.admitted].map(spellingOf)),
        deprecated: new Set(concept.deprecated.map(spellingOf)),
        readings: forms.flatMap((f) => readName(f) ?? []),
      };
    });
}

/**
 * Flags the full mentions of each glossary person that are neither the preferred nor an admitted
 * form: one flag per person (issue 12), with every such mention as a span; an error when one of
 * them is a rejected form, else a warning. Fingerprint: the check and the concept.
 */
function personFlags(article: ArticleView, ctx: CheckContext): Flag[] {
  const people = personConcepts(ctx.glossary);
  // Guard: the glossary names no person.
  if (people.length === 0) return [];
  const found = new Map<PersonConcept, { mention: NameMention; spelling: string }[]>();
  for (const person of ctx.names.people) {
    for (const mention of person.mentions) {
      if (mention.isSurnameOnly) continue;
      const spelling = spellingOf(mention.text);
      const reading = readName(mention.text);
      const match = people.find(
        (p) => p.deprecated.has(spelling) || (reading !== undefined && !p.accepted.has(spelling) && p.readings.some((r) => areSameName(r, reading))),
      );
      if (!match || match.accepted.has(spelling)) continue;
      found.set(match, [...(found.get(match) ?? []), { mention, spelling }]);
    }
  }
  return [...found.entries()].map(([match, mentions]): Flag => {
    const preferred = match.concept.preferred;
    const bySpelling = new Map<string, NameMention[]>();
    for (const { mention, spelling } of mentions) bySpelling.set(spelling, [...(bySpelling.get(spelling) ?? []), mention]);
    const describe = (spelling: string, at: readonly NameMention[]): string =>
      `${at[0]?.text ?? spelling} (${describeSegments(article, at.map((m) => m.segment))})`;
    const rejected = [...bySpelling].filter(([spelling]) => match.deprecated.has(spelling)).map(([spelling, at]) => describe(spelling, at));
    const other = [...bySpelling].filter(([spelling]) => !match.deprecated.has(spelling)).map(([spelling, at]) => describe(spelling, at));
    const parts = [
      ...(rejected.length > 0 ? [`${rejected.join(' and ')} ${rejected.length === 1 ? 'is a spelling' : 'are spellings'} the glossary rejects`] : []),
      ...(other.length > 0 ? [`${other.join(' and ')} ${other.length === 1 ? 'is another romanization' : 'are other romanizations'} of ${preferred}, the glossary's form`] : []),
    ];
    return {
      check: glossaryTerm.id,
      severity: rejected.length > 0 ? 'error' : 'warning',
      ...spanFields(mentions.map(({ mention: m }) => ({ segment: m.segment, start: m.start, end: m.end, text: m.text }))),
      message: `${parts.join('; ')}; write ${preferred}.`,
      suggestions: [preferred],
      fingerprint: `glossary-term:${match.concept.id}`,
      group: match.concept.id,
      variants: [preferred, ...match.concept.admitted],
    };
  });
}

/** Flags every whole-word occurrence of a deprecated form of a non-person concept (exact and case-sensitive: terms are not names). */
function termFlags(article: ArticleView, ctx: CheckContext): Flag[] {
  const concepts = ctx.glossary.filter((c) => c.type !== 'person' && c.deprecated.length > 0);
  // Guard: no rejected terms outside people.
  if (concepts.length === 0) return [];
  const flags: Flag[] = [];
  for (const segment of article.segments) {
    if (segment.kind === 'boilerplate') continue;
    for (const concept of concepts) {
      for (const rejected of concept.deprecated) {
        for (const [start, end] of findWholePhrase(segment.edit, rejected)) {
          flags.push({
            check: glossaryTerm.id,
            severity: 'error',
            segment: segment.index,
            start,
            end,
            text: segment.edit.slice(start, end),
            message: `“${rejected}” is a form the glossary rejects; write “${concept.preferred}”.`,
            suggestions: [concept.preferred],
            fingerprint: spanFingerprint(glossaryTerm.id, [concept.id, rejected], segment.edit, start, end),
            group: concept.id,
          });
        }
      }
    }
  }
  return flags;
}
