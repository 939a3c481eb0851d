import { z } from 'zod';
import { MAX_NOTE_CHARS, MAX_TERM_CHARS, MAX_TERMS } from '../../core/glossary/limits.js';
import { CONCEPT_TYPES, type ConceptType, type Term } from '../../core/glossary/types.js';
import type { ConceptInput } from '../../service/types.js';

// The limits live in core, where every glossary import enforces them too (security issue 11).
export { MAX_NOTE_CHARS, MAX_TERM_CHARS, MAX_TERMS };

/** The concept form as the editor typed it (kept for re-rendering after a refusal). */
export interface ConceptFormValues {
  readonly type: string;
  readonly preferred: string;
  readonly admitted: string;
  readonly deprecated: string;
  readonly korean: string;
  readonly note: string;
}

const Field = z.string().optional().default('');
const FormSchema = z.object({ type: Field, preferred: Field, admitted: Field, deprecated: Field, korean: Field, note: Field });

/** Returns the form values from a request body (missing fields empty). */
export function readConceptForm(body: unknown): ConceptFormValues {
  const parsed = FormSchema.safeParse(body ?? {});
  return parsed.success ? parsed.data : { type: '', preferred: '', admitted: '', deprecated: '', korean: '', note: '' };
}

/** Returns the form values that show an existing concept. */
export function conceptFormValues(input: ConceptInput): ConceptFormValues {
  const en = (status: Term['status']) => input.terms.filter((t) => t.lang !== 'ko' && t.status === status).map((t) => t.text);
  return {
    type: input.type,
    preferred: en('preferred')[0] ?? '',
    admitted: en('admitted').join('\n'),
    deprecated: en('deprecated').join('\n'),
    korean: input.terms.filter((t) => t.lang === 'ko').map((t) => t.text).join('\n'),
    note: input.note ?? '',
  };
}

function lines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/u).map((l) => l.replace(/\s+/gu, ' ').trim()).filter(Boolean))];
}

/** Returns the concept the form describes, or the sentence that says what to fix. */
export function parseConceptForm(values: ConceptFormValues): { ok: true; input: ConceptInput } | { ok: false; message: string } {
  const type = values.type as ConceptType;
  if (!CONCEPT_TYPES.includes(type)) return { ok: false, message: `Choose a type: ${CONCEPT_TYPES.join(', ')}.` };
  const preferred = values.preferred.replace(/\s+/gu, ' ').trim();
  if (!preferred) return { ok: false, message: 'Enter the preferred form: the spelling every article should use.' };
  const admitted = lines(values.admitted).filter((t) => t !== preferred);
  const deprecated = lines(values.deprecated);
  const korean = lines(values.korean);
  const clash = deprecated.find((t) => t === preferred || admitted.includes(t));
  if (clash) return { ok: false, message: `“${clash}” cannot be both accepted and rejected: remove it from one of the lists.` };
  const all = [preferred, ...admitted, ...deprecated, ...korean];
  const tooLong = all.find((t) => t.length > MAX_TERM_CHARS);
  if (tooLong) return { ok: false, message: `A term is longer than ${MAX_TERM_CHARS} characters (“${tooLong.slice(0, 40)}…”).` };
  if (all.length > MAX_TERMS) return { ok: false, message: `A concept can hold at most ${MAX_TERMS} terms.` };
  if (values.note.length > MAX_NOTE_CHARS) return { ok: false, message: `The note is longer than ${MAX_NOTE_CHARS} characters.` };
  const terms: Term[] = [
    { text: preferred, lang: 'en', status: 'preferred' },
    ...admitted.map((text): Term => ({ text, lang: 'en', status: 'admitted' })),
    ...deprecated.map((text): Term => ({ text, lang: 'en', status: 'deprecated' })),
    ...korean.map((text, i): Term => ({ text, lang: 'ko', status: i === 0 ? 'preferred' : 'admitted' })),
  ];
  return { ok: true, input: { type, note: values.note.trim() || undefined, terms } };
}
