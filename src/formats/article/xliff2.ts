import { describeCorrection } from './describe-correction.js';
import { articleToken, segmentId, unitId } from './ids.js';
import { SOURCE_LANG, TARGET_LANG } from './languages.js';
import { MONOLINGUAL_NOTE } from './monolingual-note.js';
import { editStatus, exportedSegments, hasOpenErrors, isBilingual, type EditStatus } from './segments.js';
import type { ExportArticle, ExportMeta, ExportSegment } from './types.js';
import { newXmlDocument, serializeXml, XML_NS, XMLNS_NS, type XmlNode, xmlAttribute, xmlText } from './xml.js';

/** The XLIFF 2 core namespace, the same for 2.0 and 2.1 (XLIFF 2.1 §4.1). */
export const XLIFF2_NS = 'urn:oasis:names:tc:xliff:document:2.0';

/** The Translation Candidates module namespace (XLIFF 2.1 §5.1), for the MT as `mtc:match`. */
export const MATCHES_NS = 'urn:oasis:names:tc:xliff:matches:2.0';

/** XLIFF 2 segment states (core §4.3.1.31): the four values the core XSD allows. */
export type Xliff2State = 'initial' | 'translated' | 'reviewed' | 'final';

/** Added to the monolingual note when some (not all) segments have their Korean source. */
const PARTIAL_SOURCE_NOTE = 'Where the Korean source is known, it is in a note of category "source".';

/**
 * Returns a segment's state: `final` for every segment of an article marked done (the editor
 * signed it off), else `reviewed` for segments the editor saved (changed or confirmed) and
 * `translated` for MT nobody has reviewed yet and for a segment where an error flag is still open.
 * The subState says which (`copydesk:edited`, `copydesk:confirmed`, `copydesk:unchanged`,
 * `copydesk:open-errors`; core §4.3.1.32 requires a prefix).
 */
export function xliff2State(articleStatus: string, status: EditStatus, isOpen = false): Xliff2State {
  if (articleStatus === 'done') return 'final';
  return status === 'unchanged' || isOpen ? 'translated' : 'reviewed';
}

/**
 * Returns the article as XLIFF 2.1, valid against xliff_core_2.0.xsd and matches.xsd. When every
 * content segment has its Korean source: srcLang ko, the source in `<source>`, the post-edit in
 * `<target>` and the MT as an `<mtc:match type="mt">` of the segment. Otherwise a monolingual file
 * (srcLang and trgLang en, source = MT, target = post-edit) that says so in a file-level note.
 * One unit per headline, standfirst, paragraph or caption (`u` + position; page chrome is left
 * out), with the corrections as notes of category "correction".
 */
export function writeXliff2(article: ExportArticle, meta: ExportMeta): string {
  const segments = exportedSegments(article);
  const isKorean = isBilingual(segments);
  const root = newXmlDocument().ele(XLIFF2_NS, 'xliff', {
    version: '2.1',
    srcLang: isKorean ? SOURCE_LANG : TARGET_LANG,
    trgLang: TARGET_LANG,
  });
  if (isKorean) root.att(XMLNS_NS, 'xmlns:mtc', MATCHES_NS);
  const file = root.ele(XLIFF2_NS, 'file', { id: articleToken(article) });
  const original = xmlAttribute(article.sourceName);
  if (original !== '') file.att('original', original);
  // Captions keep their line break before the photo credit (XML 1.0 §2.10).
  file.att(XML_NS, 'xml:space', 'preserve');

  const fileNotes: string[] = [];
  if (!isKorean) {
    const hasSomeSource = segments.some((s) => s.source !== undefined);
    fileNotes.push(hasSomeSource ? `${MONOLINGUAL_NOTE} ${PARTIAL_SOURCE_NOTE}` : MONOLINGUAL_NOTE);
  }
  if (segments.length === 0) fileNotes.push('The article has no headline, standfirst, paragraph or caption to export.');
  addNotes(file, fileNotes.map((text) => ({ category: 'post-edit', text })));

  // Guard: a file needs at least one unit or group (core XSD); an empty group says "nothing here".
  if (segments.length === 0) file.ele(XLIFF2_NS, 'group', { id: 'empty' });
  for (const segment of segments) writeUnit(file, segment, article.status, isKorean, meta);
  return serializeXml(root);
}

function writeUnit(file: XmlNode, segment: ExportSegment, articleStatus: string, isKorean: boolean, meta: ExportMeta): void {
  const unit = file.ele(XLIFF2_NS, 'unit', { id: unitId(segment.position), type: `copydesk:${segment.kind}` });
  const id = segmentId(segment.position);
  if (isKorean) {
    const match = unit.ele(MATCHES_NS, 'mtc:matches').ele(MATCHES_NS, 'mtc:match', { ref: `#${id}`, type: 'mt' });
    const origin = xmlAttribute(meta.mtEngine ?? '');
    if (origin !== '') match.att('origin', origin);
    match.ele(XLIFF2_NS, 'source').txt(xmlText(segment.source ?? ''));
    match.ele(XLIFF2_NS, 'target').txt(xmlText(segment.mt));
  }
  const notes = segment.corrections.map((c) => ({ category: 'correction', text: describeCorrection(c) }));
  if (!isKorean && segment.source !== undefined) notes.unshift({ category: 'source', text: segment.source });
  addNotes(unit, notes);

  const status = editStatus(segment);
  const isOpen = hasOpenErrors(segment);
  const seg = unit.ele(XLIFF2_NS, 'segment', { id, state: xliff2State(articleStatus, status, isOpen), subState: `copydesk:${isOpen ? 'open-errors' : status}` });
  seg.ele(XLIFF2_NS, 'source').txt(xmlText(isKorean ? (segment.source ?? '') : segment.mt));
  seg.ele(XLIFF2_NS, 'target').txt(xmlText(segment.edit));
}

/** Adds `<notes>` with one `<note>` each (none when the list is empty: `<notes>` needs one or more). */
function addNotes(parent: XmlNode, notes: readonly { category: string; text: string }[]): void {
  if (notes.length === 0) return;
  const container = parent.ele(XLIFF2_NS, 'notes');
  for (const note of notes) container.ele(XLIFF2_NS, 'note', { category: note.category }).txt(xmlText(note.text));
}
