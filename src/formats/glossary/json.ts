import { z } from 'zod';
import { conceptLimitProblem } from '../../core/glossary/limits.js';
import { CONCEPT_TYPES, TERM_STATUSES, type Concept, type Provenance, type Term } from '../../core/glossary/types.js';
import { checkGlossaryText, lineOfIndex } from './decode.js';
import { exportableConcepts } from './exportable.js';
import { refuse, type GlossaryReadResult } from './read-result.js';
import { cleanOptional, cleanTerm, cleanText } from './text.js';
import { isConceptId, isLanguageTag, isXsDate } from './values.js';

/** The value of the file's "format" key. */
export const GLOSSARY_JSON_FORMAT = 'copydesk-glossary';

/** The version written; a reader refuses other versions rather than guess. */
export const GLOSSARY_JSON_VERSION = 1;

/**
 * Returns the glossary as Copydesk JSON: `{"format":"copydesk-glossary","version":1,"concepts":[…]}`,
 * two-space indent, a final newline. Keys come in a fixed order (concept: id, type, note, terms,
 * provenance; term: text, lang, status, note; provenance: origin, source, createdBy, createdAt,
 * modifiedBy, modifiedAt) and absent optional keys are left out, so equal glossaries give equal files.
 */
export function writeGlossaryJson(concepts: readonly Concept[]): string {
  const document = {
    format: GLOSSARY_JSON_FORMAT,
    version: GLOSSARY_JSON_VERSION,
    concepts: exportableConcepts(concepts).map(orderConcept),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function orderConcept(concept: Concept): Concept {
  return {
    id: concept.id,
    type: concept.type,
    ...optional('note', cleanOptional(concept.note)),
    terms: concept.terms.filter((t) => cleanTerm(t.text) !== '').map(orderTerm),
    provenance: orderProvenance(concept.provenance),
  };
}

function orderTerm(term: Term): Term {
  return { text: cleanTerm(term.text), lang: term.lang, status: term.status, ...optional('note', cleanOptional(term.note)) };
}

function orderProvenance(p: Provenance): Provenance {
  return {
    origin: cleanText(p.origin),
    ...optional('source', cleanOptional(p.source)),
    createdBy: cleanText(p.createdBy),
    createdAt: cleanText(p.createdAt),
    ...optional('modifiedBy', cleanOptional(p.modifiedBy)),
    ...optional('modifiedAt', cleanOptional(p.modifiedAt)),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

const date = z.string().refine((v) => v === '' || isXsDate(v), { message: 'must be an ISO 8601 date such as 2026-11-29 or 2026-11-29T10:00:00Z' });

const termSchema = z.strictObject({
  text: z.string().refine((v) => cleanTerm(v) !== '', { message: 'must not be empty' }),
  lang: z.string().refine(isLanguageTag, { message: 'must be a language code such as "en" or "ko"' }),
  status: z.enum(TERM_STATUSES as [string, ...string[]]),
  note: z.string().optional(),
});

const provenanceSchema = z.strictObject({
  origin: z.string(),
  source: z.string().optional(),
  createdBy: z.string(),
  createdAt: date,
  modifiedBy: z.string().optional(),
  modifiedAt: date.optional(),
});

const conceptSchema = z.strictObject({
  id: z.string().refine(isConceptId, { message: 'must start with a letter and hold only letters, digits, ".", "-" and "_"' }),
  type: z.enum(CONCEPT_TYPES as [string, ...string[]]),
  note: z.string().optional(),
  terms: z.array(termSchema).min(1, { message: 'must hold at least one term' }),
  provenance: provenanceSchema,
});

const documentSchema = z.strictObject({
  format: z.literal(GLOSSARY_JSON_FORMAT),
  version: z.literal(GLOSSARY_JSON_VERSION),
  concepts: z.array(conceptSchema),
});

/**
 * Returns the concepts of a Copydesk JSON glossary, or the first problem: broken JSON (with its
 * line when the parser gives a position), the wrong format or version, a missing, unknown or
 * invalid key (named by its path, e.g. `concepts[2] (c7).terms[0].status`), a repeated id, a
 * concept past the concept form's limits (term length, number of terms, note length).
 */
export function readGlossaryJson(text: string): GlossaryReadResult {
  const checked = checkGlossaryText(text);
  if (!checked.ok) return refuse(checked.message, checked.line);
  let data: unknown;
  try {
    data = JSON.parse(checked.text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const position = /position (\d+)/.exec(reason);
    const line = position ? lineOfIndex(checked.text, Number(position[1])) : undefined;
    return refuse(`${line === undefined ? 'The file' : `Line ${line}`} is not valid JSON (${reason}). Export the glossary as JSON again, or choose the CSV or TBX file.`, line);
  }
  const parsed = documentSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? 'The file' : describePath(issue.path, data);
    return refuse(`${where}: ${issue?.message ?? 'is not a Copydesk glossary'}. ${hint(issue?.path ?? [])}`.trim());
  }
  const seen = new Set<string>();
  for (const [i, concept] of parsed.data.concepts.entries()) {
    if (seen.has(concept.id)) return refuse(`concepts[${i}]: the id "${concept.id}" is used twice. Every concept needs its own id.`);
    seen.add(concept.id);
  }
  // The schema checked every value against the model's unions; the cast only narrows string to them.
  // orderConcept puts each into the writers' normal form, so JSON round-trips through every format.
  const concepts = parsed.data.concepts.map((c) => orderConcept(c as Concept));
  // The concept form's limits hold for files too (security issue 11).
  for (const [i, concept] of concepts.entries()) {
    const problem = conceptLimitProblem(concept);
    if (problem !== undefined) return refuse(`concepts[${i}] (${concept.id})${problem.term === undefined ? '' : `.terms[${problem.term}]`}: ${problem.message}`);
  }
  return { ok: true, concepts, warnings: concepts.length === 0 ? ['The file holds no concepts.'] : [] };
}

function describePath(path: readonly PropertyKey[], data: unknown): string {
  if (path.length === 0) return 'The file';
  const parts = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
  // Name the concept by its id too: "concepts[2] (c7)" is what an editor can find.
  if (path[0] === 'concepts' && typeof path[1] === 'number') {
    const concepts = (data as { concepts?: unknown[] }).concepts;
    const id = (concepts?.[path[1]] as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') return parts.replace(`concepts[${path[1]}]`, `concepts[${path[1]}] (${id})`);
  }
  return parts;
}

function hint(path: readonly PropertyKey[]): string {
  if (path[0] === 'format') return `A Copydesk glossary starts with {"format": "${GLOSSARY_JSON_FORMAT}", "version": ${GLOSSARY_JSON_VERSION}, …}.`;
  if (path[0] === 'version') return `This Copydesk reads version ${GLOSSARY_JSON_VERSION}.`;
  return '';
}
