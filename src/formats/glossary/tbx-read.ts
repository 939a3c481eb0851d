import { conceptLimitProblem } from '../../core/glossary/limits.js';
import type { Concept, Term } from '../../core/glossary/types.js';
import { checkGlossaryText } from './decode.js';
import { importedProvenance, refuse, type GlossaryReadResult, type ImportOptions } from './read-result.js';
import { TBX_NAMESPACE } from './tbx.js';
import { newTallies, readEntry, TbxRefusal, type EntryDraft, type EntryTallies, type TermDraft } from './tbx-entry.js';
import { fillMissingStatuses, idAllocator, normaliseConceptId } from './values.js';
import { guardXml } from './xml-guard.js';
import { elementsOf, parseXmlTree, type XmlElement } from './xml-tree.js';

/**
 * Returns the concepts of a TBX file, TBX-Basic 2019 (`<tbx>`, what writeTbx writes) or the
 * older TBX 2008 (`<martif>` with termEntry/langSet/tig), or one refusal naming the line.
 *
 * Refused before any parsing: over MAX_GLOSSARY_BYTES, empty or binary, a DOCTYPE or ENTITY
 * declaration (XML bombs, external entities), an undefined entity, broken XML. Refused after: a
 * root other than tbx/martif, an entry without terms, an empty term, an unknown
 * administrativeStatus, an unusable or repeated id, an entry past the concept form's limits (term
 * length, number of terms, note length: core/glossary/limits.ts). Nothing is half-imported.
 * Adapted with a warning: categories Copydesk does not keep (listed), a term without a status
 * (the first of its language section becomes preferred if the section has none, the others
 * admitted), supersededTerm-admn-sts (deprecated), en-US/ko-KR (en/ko), numeric ids ("12" -> "c12").
 * `options` fills the provenance a file does not give (creator, time, source file).
 */
export function readTbx(xml: string, options: ImportOptions = {}): GlossaryReadResult {
  const checked = checkGlossaryText(xml);
  if (!checked.ok) return refuse(checked.message, checked.line);
  const guard = guardXml(checked.text);
  if (!guard.ok) return refuse(guard.message, guard.line);
  const tree = parseXmlTree(checked.text);
  if (!tree.ok) return refuse(`The XML could not be read: ${tree.message}`);
  const [root, second] = tree.roots;
  if (root === undefined) return refuse('The file holds no XML element. Choose a TBX file.');
  if (second !== undefined) {
    return refuse(`Line ${second.line}: a second top-level element <${second.name}> follows the root. An XML file has exactly one root element.`, second.line);
  }
  if (root.local !== 'tbx' && root.local !== 'martif') {
    return refuse(
      `Line ${root.line}: the root element is <${root.name}>, so this is not a TBX file (TBX 2019 starts with <tbx>, TBX 2008 with <martif>). Export the glossary as TBX and try again.`,
      root.line,
    );
  }
  const warnings: string[] = [];
  if (root.local === 'tbx' && namespaceOf(root) !== TBX_NAMESPACE) {
    warnings.push(`The <tbx> root is not in the TBX 2019 namespace (${TBX_NAMESPACE}); it was read as TBX 2019.`);
  }
  const entries = entriesOf(root);
  const tallies = newTallies();
  try {
    const drafts = entries.map((entry) => readEntry(entry, tallies));
    const concepts = settle(drafts, options, warnings);
    warnings.push(...talliedWarnings(tallies));
    if (concepts.length === 0) warnings.push('The file holds no concepts.');
    return { ok: true, concepts, warnings };
  } catch (err) {
    // TbxRefusal is the entry reader's way of stopping at the first bad line; anything else is a bug.
    if (err instanceof TbxRefusal) return refuse(err.message, err.line);
    throw err;
  }
}

function namespaceOf(root: XmlElement): string | undefined {
  const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : undefined;
  return root.attributes[prefix === undefined ? 'xmlns' : `xmlns:${prefix}`];
}

/** Returns the concept entries: tbx|martif > text > body > conceptEntry|termEntry. */
function entriesOf(root: XmlElement): XmlElement[] {
  const text = elementsOf(root).find((e) => e.local === 'text');
  const body = text === undefined ? undefined : elementsOf(text).find((e) => e.local === 'body');
  if (body === undefined) return [];
  return elementsOf(body).filter((e) => e.local === 'conceptEntry' || e.local === 'termEntry');
}

/** Returns the concepts of the drafts: ids checked, made usable or given, statuses filled in. */
function settle(drafts: readonly EntryDraft[], options: ImportOptions, warnings: string[]): Concept[] {
  const ids = drafts.map((draft) => settleId(draft));
  const seen = new Map<string, number>();
  drafts.forEach((draft, i) => {
    const id = ids[i];
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined) {
      throw new TbxRefusal(`Line ${draft.line}: the id "${id}" was already used by the entry on line ${first}. Every concept needs its own id.`, draft.line);
    }
    seen.set(id, draft.line);
  });
  const nextId = idAllocator(new Set(seen.keys()));
  const renamed = drafts.filter((d, i) => d.rawId !== undefined && ids[i] !== d.rawId.trim()).length;
  if (renamed > 0) warnings.push(`${renamed} numeric ${renamed === 1 ? 'id was' : 'ids were'} prefixed with "c" ("12" became "c12"): TBX ids must start with a letter.`);
  let given = 0;
  let filled = 0;
  const concepts = drafts.map((draft, i): Concept => {
    if (draft.terms.length === 0) {
      throw new TbxRefusal(`Line ${draft.line}: this concept entry has no terms. Every concept needs at least one term; add one or delete the entry.`, draft.line);
    }
    const id = ids[i] ?? nextId();
    if (ids[i] === undefined) given += 1;
    filled += fillMissingStatuses(draft.terms);
    const concept: Concept = {
      id,
      type: draft.type,
      note: draft.note,
      terms: draft.terms.map(toTerm),
      provenance: importedProvenance(draft.provenance, options),
    };
    // The concept form's limits hold for files too (security issue 11).
    const problem = conceptLimitProblem(concept);
    if (problem !== undefined) throw new TbxRefusal(`Line ${draft.line}: ${problem.message}`, draft.line);
    return concept;
  });
  if (given > 0) warnings.push(`${given} ${given === 1 ? 'entry had' : 'entries had'} no id and ${given === 1 ? 'was' : 'were'} given one.`);
  if (filled > 0) {
    warnings.push(
      `${filled} ${filled === 1 ? 'term had' : 'terms had'} no administrativeStatus: the first in a language section without a preferred term was taken as preferred, the others as admitted.`,
    );
  }
  return concepts;
}

function settleId(draft: EntryDraft): string | undefined {
  if (draft.rawId === undefined || draft.rawId.trim() === '') return undefined;
  const id = normaliseConceptId(draft.rawId);
  if (id === undefined) {
    throw new TbxRefusal(
      `Line ${draft.line}: the id "${draft.rawId}" cannot be a concept id: it must start with a letter and hold only letters, digits, ".", "-" and "_".`,
      draft.line,
    );
  }
  return id;
}

function toTerm(draft: TermDraft): Term {
  return { text: draft.text, lang: draft.lang, status: draft.status ?? 'admitted', note: draft.note };
}

function talliedWarnings(tallies: EntryTallies): string[] {
  const warnings: string[] = [];
  if (tallies.dropped.size > 0) {
    const list = [...tallies.dropped].map(([name, count]) => `${name} ×${count}`).join(', ');
    warnings.push(`Left out, as Copydesk has no place for them: ${list}.`);
  }
  if (tallies.foreignSubjects > 0) {
    warnings.push(`${tallies.foreignSubjects} subject ${tallies.foreignSubjects === 1 ? 'field is' : 'fields are'} not a Copydesk concept type (person, organisation, place, title, term): kept in the concept note.`);
  }
  if (tallies.superseded > 0) warnings.push(`${tallies.superseded} superseded ${tallies.superseded === 1 ? 'term was' : 'terms were'} imported as deprecated.`);
  for (const [from, to] of tallies.folded) warnings.push(`Language "${from}" was read as "${to}".`);
  if (tallies.badDates > 0) warnings.push(`${tallies.badDates} ${tallies.badDates === 1 ? 'date is' : 'dates are'} not ISO 8601 dates and ${tallies.badDates === 1 ? 'was' : 'were'} ignored.`);
  return warnings;
}
