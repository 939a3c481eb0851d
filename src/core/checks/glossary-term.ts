import type { ArticleView, Check, CheckContext, Flag, GlossaryConcept } from './types.js';
import { readName } from '../names/spot-names.js';
import { areSameName, type NameReading } from '../names/name-match.js';
import { spellingOf } from '../names/normalise.js';
import { findWholePhrase } from './correction-phrases.js';
import { spanFingerprint } from './span-fingerprint.js';
import { describeSegment } from './place-names.js';

/** Flags deprecated glossary forms and romanization variants of a glossary person's preferred form (issue 4). */
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

/** Flags every full mention of a glossary person that is neither the preferred nor an admitted form. */
function personFlags(article: ArticleView, ctx: CheckContext): Flag[] {
  const people = personConcepts(ctx.glossary);
  // Guard: the glossary names no person.
  if (people.length === 0) return [];
  const flags: Flag[] = [];
  for (const person of ctx.names.people) {
    for (const mention of person.mentions) {
      if (mention.isSurnameOnly) continue;
      const spelling = spellingOf(mention.text);
      const reading = readName(mention.text);
      const match = people.find(
        (p) => p.deprecated.has(spelling) || (reading !== undefined && !p.accepted.has(spelling) && p.readings.some((r) => areSameName(r, reading))),
      );
      if (!match || match.accepted.has(spelling)) continue;
      const isDeprecated = match.deprecated.has(spelling);
      flags.push({
        check: glossaryTerm.id,
        severity: isDeprecated ? 'error' : 'warning',
        segment: mention.segment,
        start: mention.start,
        end: mention.end,
        text: mention.text,
        message: isDeprecated
          ? `${mention.text} is a spelling the glossary rejects; write ${match.concept.preferred} (${describeSegment(article, mention.segment)}).`
          : `${mention.text} is another romanization of ${match.concept.preferred}, the glossary's form; write ${match.concept.preferred}.`,
        suggestions: [match.concept.preferred],
        fingerprint: `glossary-term:${match.concept.id}:${spelling}`,
        group: match.concept.id,
        variants: [match.concept.preferred, ...match.concept.admitted],
      });
    }
  }
  return flags;
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
