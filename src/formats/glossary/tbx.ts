import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Concept, Provenance, Term } from '../../core/glossary/types.js';
import { exportableConcepts } from './exportable.js';
import { cleanOptional, cleanTerm, cleanText } from './text.js';
import { TBX_STATUS, isXsDate } from './values.js';

/** The TBX 2019 namespace (ISO 30042:2019, TBXcoreStructV03.rng). */
export const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';

/** What the TBX header says besides the concepts. */
export interface TbxMeta {
  /** The file's title (titleStmt); "Copydesk glossary" when not given. */
  readonly title?: string | undefined;
  /** ISO 8601 time of the export, printed in the header's source description. */
  readonly now: string;
}

/**
 * Returns the concepts as a TBX-Basic 1.2.1 file (TBX 2019, DCA style, xml:lang="en"), valid
 * against the core structure RNG and the TBX-Basic Schematron (test/schemas/tbx/).
 *
 * How the model maps, for a terminologist reading the file:
 * - concept → `conceptEntry id=…`; its type → `descrip type="subjectField"` (TBX-Basic has no
 *   concept-type category; subjectField is its only concept-level classifier, and term-base tools
 *   show and filter on it: memoQ "Subject", MultiTerm "Subject field"); concept note → `note`;
 * - provenance → `admin type="source"` (the article, correction or file it came from) and
 *   `transacGrp`s: `transac type="transactionType"` origination / modification, `date`,
 *   `transacNote type="responsibility"` (the editor), and for origination a `note` holding the
 *   origin ("names-page", "flag", "correction-memory", "manual", "import");
 * - terms → one `langSec` per language in the order the concept first uses it ("en" first, then
 *   "ko" for the Korean form), each term a `termSec` with `termNote type="partOfSpeech"` noun
 *   (names and newsroom terms are nouns; TBX-Basic has no properNoun) and
 *   `termNote type="administrativeStatus"` preferredTerm/admittedTerm/deprecatedTerm-admn-sts,
 *   then the term's `note`.
 * Empty terms, and concepts left without terms, are left out (exportableConcepts).
 * Text goes through cleanText, so the file reads back to exactly what was written.
 */
export function writeTbx(concepts: readonly Concept[], meta: TbxMeta): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(TBX_NAMESPACE, 'tbx', {
    type: 'TBX-Basic',
    style: 'dca',
    'xml:lang': 'en',
  });
  const fileDesc = root.ele('tbxHeader').ele('fileDesc');
  fileDesc.ele('titleStmt').ele('title').txt(cleanText(meta.title ?? '') || 'Copydesk glossary');
  const exported = exportableConcepts(concepts);
  fileDesc
    .ele('sourceDesc')
    .ele('p')
    .txt(`Exported from Copydesk on ${cleanText(meta.now)}: ${exported.length} ${exported.length === 1 ? 'concept' : 'concepts'}.`);
  const text = root.ele('text');
  // <body> needs one conceptEntry or more (TBXcoreStructV03.rng): an empty glossary is an empty <text/>.
  if (exported.length > 0) {
    const body = text.ele('body');
    for (const concept of exported) writeConcept(body, concept);
  }
  return `${root.end({ prettyPrint: true, indent: '  ', newline: '\n' })}\n`;
}

function writeConcept(body: XMLBuilder, concept: Concept): void {
  const entry = body.ele('conceptEntry', { id: concept.id });
  entry.ele('descrip', { type: 'subjectField' }).txt(concept.type);
  const note = cleanOptional(concept.note);
  if (note !== undefined) entry.ele('note').txt(note);
  writeProvenance(entry, concept.provenance);
  for (const [lang, terms] of groupByLanguage(concept.terms)) {
    const langSec = entry.ele('langSec', { 'xml:lang': lang });
    for (const term of terms) writeTerm(langSec, term);
  }
}

function writeProvenance(entry: XMLBuilder, provenance: Provenance): void {
  const source = cleanOptional(provenance.source);
  if (source !== undefined) entry.ele('admin', { type: 'source' }).txt(source);
  writeTransaction(entry, 'origination', provenance.createdAt, provenance.createdBy, provenance.origin);
  if (provenance.modifiedAt !== undefined || provenance.modifiedBy !== undefined) {
    writeTransaction(entry, 'modification', provenance.modifiedAt, provenance.modifiedBy, undefined);
  }
}

function writeTransaction(
  entry: XMLBuilder,
  kind: 'origination' | 'modification',
  date: string | undefined,
  person: string | undefined,
  origin: string | undefined,
): void {
  const group = entry.ele('transacGrp');
  group.ele('transac', { type: 'transactionType' }).txt(kind);
  const when = cleanOptional(date);
  if (when !== undefined) {
    // <date> is xs:date or xs:dateTime (TBXcoreStructV03.rng); every reader checks dates, so
    // another value here is a caller's bug, not a file's.
    if (!isXsDate(when)) throw new TypeError(`provenance date "${when}" is not an ISO 8601 date or date-time`);
    group.ele('date').txt(when);
  }
  const who = cleanOptional(person);
  if (who !== undefined) group.ele('transacNote', { type: 'responsibility' }).txt(who);
  const how = cleanOptional(origin);
  if (how !== undefined) group.ele('note').txt(how);
}

function writeTerm(langSec: XMLBuilder, term: Term): void {
  const termSec = langSec.ele('termSec');
  termSec.ele('term').txt(cleanTerm(term.text));
  termSec.ele('termNote', { type: 'partOfSpeech' }).txt('noun');
  termSec.ele('termNote', { type: 'administrativeStatus' }).txt(TBX_STATUS[term.status]);
  const note = cleanOptional(term.note);
  if (note !== undefined) termSec.ele('note').txt(note);
}

/** Returns the terms grouped by language, languages in the order the concept first uses them. */
function groupByLanguage(terms: readonly Term[]): Map<string, Term[]> {
  const groups = new Map<string, Term[]>();
  for (const term of terms) groups.set(term.lang, [...(groups.get(term.lang) ?? []), term]);
  return groups;
}
