import type { ConceptType, Provenance, TermStatus } from '../../core/glossary/types.js';
import { cleanOptional, cleanTerm, cleanText } from './text.js';
import { STATUS_HINT, isLanguageTag, isXsDate, normaliseLanguage, parseConceptType, parseStatus } from './values.js';
import { elementsOf, textOf, type XmlElement } from './xml-tree.js';

/** A file's problem that refuses the whole import, with the line it is on. */
export class TbxRefusal extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** What one entry of a TBX file gave, before ids and missing statuses are settled. */
export interface EntryDraft {
  readonly line: number;
  /** The id as written, or undefined when the entry has none. */
  readonly rawId: string | undefined;
  readonly type: ConceptType;
  readonly note: string | undefined;
  readonly terms: TermDraft[];
  readonly provenance: Partial<Provenance>;
}

/** One term as the file gave it; `status` is undefined when the file gave none. */
export interface TermDraft {
  readonly text: string;
  readonly lang: string;
  status: TermStatus | undefined;
  readonly note: string | undefined;
}

/** Tallies of what was adapted or left out while reading, for the warnings. */
export interface EntryTallies {
  /** Data categories Copydesk does not keep, by name ("termType", "xref"), with counts. */
  readonly dropped: Map<string, number>;
  /** Subject fields that are not concept types, kept in the concept note. */
  foreignSubjects: number;
  /** Terms marked supersededTerm-admn-sts, imported as deprecated. */
  superseded: number;
  /** Regional language tags folded into en/ko ("en-US" -> "en"). */
  readonly folded: Map<string, string>;
  /** Dates that are not xs:date/xs:dateTime, ignored. */
  badDates: number;
}

/** Returns empty tallies. */
export function newTallies(): EntryTallies {
  return { dropped: new Map(), foreignSubjects: 0, superseded: 0, folded: new Map(), badDates: 0 };
}

/**
 * Returns the draft of one concept: a TBX 2019 conceptEntry or a TBX 2008 termEntry (whose
 * langSet/tig/ntig are the 2019 langSec/termSec under older names, ISO 30042:2008). The mapping
 * mirrors writeTbx; categories with no place in the model are tallied, and definitions, contexts
 * and foreign subject fields are kept as labelled lines of the notes rather than lost.
 */
export function readEntry(entry: XmlElement, tallies: EntryTallies): EntryDraft {
  const notes: string[] = [];
  const extra: string[] = [];
  const sources: string[] = [];
  const terms: TermDraft[] = [];
  let type: ConceptType | undefined;
  let provenance: Partial<Provenance> = {};
  for (const child of flattenGroups(elementsOf(entry))) {
    const kind = child.attributes['type'] ?? '';
    if (child.local === 'descrip' && kind === 'subjectField') {
      const word = cleanText(textOf(child));
      const known = parseConceptType(word);
      if (known !== undefined && type === undefined) type = known;
      else if (word !== '') {
        extra.push(`Subject field: ${word}`);
        tallies.foreignSubjects += 1;
      }
    } else if (child.local === 'descrip' && kind === 'definition') extra.push(`Definition: ${cleanText(textOf(child))}`);
    else if (child.local === 'note') notes.push(textOf(child));
    else if (child.local === 'admin' && kind === 'source') sources.push(cleanText(textOf(child)));
    else if (child.local === 'transacGrp') provenance = readTransaction(child, provenance, tallies);
    else if (child.local === 'langSec' || child.local === 'langSet') terms.push(...readLanguage(child, tallies, extra));
    else tally(tallies, child);
  }
  const note = cleanOptional([...notes.map(cleanText), ...extra].filter((n) => n !== '').join('\n'));
  const source = cleanOptional(sources.filter((s) => s !== '').join('; '));
  return {
    line: entry.line,
    rawId: entry.attributes['id'],
    type: type ?? 'term',
    note,
    terms,
    provenance: source === undefined ? provenance : { ...provenance, source },
  };
}

function readLanguage(langSec: XmlElement, tallies: EntryTallies, conceptExtra: string[]): TermDraft[] {
  const written = langSec.attributes['xml:lang'] ?? langSec.attributes['lang'];
  if (written === undefined || !isLanguageTag(written.trim())) {
    const what = written === undefined ? 'has no xml:lang' : `has xml:lang="${written}", which is not a language tag`;
    throw new TbxRefusal(`Line ${langSec.line}: the <${langSec.name}> ${what}. Every language section needs one, such as "en" or "ko".`, langSec.line);
  }
  const lang = normaliseLanguage(written);
  if (lang !== written.trim()) tallies.folded.set(written.trim(), lang);
  const terms: TermDraft[] = [];
  for (const child of flattenGroups(elementsOf(langSec))) {
    if (child.local === 'termSec' || child.local === 'tig') terms.push(readTerm(child, child, lang, tallies));
    else if (child.local === 'ntig') terms.push(readNtig(child, lang, tallies));
    else if (child.local === 'descrip' && child.attributes['type'] === 'definition') {
      conceptExtra.push(`Definition (${lang}): ${cleanText(textOf(child))}`);
    } else tally(tallies, child);
  }
  return terms;
}

/** TBX 2008's ntig: the term and its termNotes sit in a termGrp, the rest beside it. */
function readNtig(ntig: XmlElement, lang: string, tallies: EntryTallies): TermDraft {
  const group = elementsOf(ntig).find((c) => c.local === 'termGrp');
  if (group === undefined) throw new TbxRefusal(`Line ${ntig.line}: this <ntig> has no <termGrp> holding its term.`, ntig.line);
  return readTerm(ntig, group, lang, tallies);
}

function readTerm(section: XmlElement, termHolder: XmlElement, lang: string, tallies: EntryTallies): TermDraft {
  const termElement = elementsOf(termHolder).find((c) => c.local === 'term');
  const text = termElement === undefined ? '' : cleanTerm(textOf(termElement));
  if (text === '') {
    const line = termElement?.line ?? section.line;
    throw new TbxRefusal(`Line ${line}: a term section has no term text. Give the term or delete the section.`, line);
  }
  let status: TermStatus | undefined;
  const notes: string[] = [];
  const children = section === termHolder ? elementsOf(section) : [...elementsOf(termHolder), ...elementsOf(section)];
  for (const child of flattenGroups(children)) {
    const kind = child.attributes['type'] ?? '';
    if (child === termElement || child.local === 'termGrp') continue;
    if (child.local === 'termNote' && (kind === 'administrativeStatus' || kind === 'normativeAuthorization')) {
      const word = cleanText(textOf(child));
      const parsed = parseStatus(word);
      if (parsed === undefined) {
        throw new TbxRefusal(`Line ${child.line}: "${word}" is not a status Copydesk knows for "${text}". Use ${STATUS_HINT}.`, child.line);
      }
      if (/superseded/i.test(word)) tallies.superseded += 1;
      status = parsed;
    } else if (child.local === 'termNote' && kind === 'partOfSpeech') {
      // Every Copydesk term is a noun (writeTbx); nothing to keep.
    } else if (child.local === 'note') notes.push(cleanText(textOf(child)));
    else if (child.local === 'descrip' && kind === 'context') notes.push(`Context: ${cleanText(textOf(child))}`);
    else tally(tallies, child);
  }
  return { text, lang, status, note: cleanOptional(notes.filter((n) => n !== '').join('\n')) };
}

/** Reads a transacGrp into the provenance: origination (or TBX 2008 "input") sets the creation, modification the last change. */
function readTransaction(group: XmlElement, provenance: Partial<Provenance>, tallies: EntryTallies): Partial<Provenance> {
  const children = elementsOf(group);
  const kind = cleanText(textOf(children.find((c) => c.local === 'transac') ?? group)).toLowerCase();
  const dateText = cleanOptional(textOf(children.find((c) => c.local === 'date') ?? emptyElement));
  const date = dateText !== undefined && isXsDate(dateText) ? dateText : undefined;
  if (dateText !== undefined && date === undefined) tallies.badDates += 1;
  const person = cleanOptional(textOf(children.find((c) => c.local === 'transacNote') ?? emptyElement));
  if (kind === 'origination' || kind === 'input') {
    // The first origination wins: a concept is created once.
    if (provenance.createdBy !== undefined || provenance.createdAt !== undefined) return provenance;
    const origin = cleanOptional(textOf(children.find((c) => c.local === 'note') ?? emptyElement));
    return { ...provenance, origin: origin ?? provenance.origin, createdBy: person, createdAt: date };
  }
  if (kind === 'modification') return { ...provenance, modifiedBy: person, modifiedAt: date };
  tally(tallies, group);
  return provenance;
}

const emptyElement: XmlElement = { name: '', local: '', attributes: {}, children: [], line: 0 };

/** Returns the elements with each *Grp (descripGrp, adminGrp, termNoteGrp) replaced by its members: the group only adds notes and references. */
function flattenGroups(elements: readonly XmlElement[]): XmlElement[] {
  return elements.flatMap((e) => (['descripGrp', 'adminGrp', 'termNoteGrp'].includes(e.local) ? elementsOf(e) : [e]));
}

function tally(tallies: EntryTallies, element: XmlElement): void {
  const kind = element.attributes['type'];
  const name = kind === undefined || kind === '' ? element.local : `${element.local} ${kind}`;
  tallies.dropped.set(name, (tallies.dropped.get(name) ?? 0) + 1);
}
