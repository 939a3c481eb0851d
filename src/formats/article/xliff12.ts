import { toXsdDateTime } from './dates.js';
import { describeCorrection } from './describe-correction.js';
import { articleToken, segmentId } from './ids.js';
import { SOURCE_LANG, TARGET_LANG } from './languages.js';
import { MONOLINGUAL_NOTE } from './monolingual-note.js';
import { editStatus, exportedSegments, hasOpenErrors, isBilingual, type EditStatus } from './segments.js';
import type { ExportArticle, ExportMeta, ExportSegment } from './types.js';
import { newXmlDocument, serializeXml, XML_NS, type XmlNode, xmlAttribute, xmlText } from './xml.js';

/** The XLIFF 1.2 namespace (XLIFF 1.2 §2.1). */
export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';

/** The `tool-id` of Copydesk's `<tool>` in the header; `file/@tool-id` must name one (strict XSD keyref KR_file_tool-id). */
const TOOL_ID = 'copydesk';

/** Added to the monolingual note when some (not all) segments have their Korean source. */
const PARTIAL_SOURCE_NOTE = 'Where the Korean source is known, it is in a note with xml:lang "ko".';

/** The target states Copydesk writes (XLIFF 1.2 §4.3.2 "state"). */
export type Xliff12State = 'translated' | 'needs-review-translation' | 'signed-off' | 'final';

/**
 * Returns the `<target>` state: `final` for every segment of an article marked done, `signed-off`
 * ("changes are reviewed and approved") for segments the editor saved, changed or not,
 * `needs-review-translation` for a saved segment where an error flag is still open, and
 * `translated` for MT nobody has reviewed yet.
 */
export function xliff12State(articleStatus: string, status: EditStatus, isOpen = false): Xliff12State {
  if (articleStatus === 'done') return 'final';
  if (status === 'unchanged') return 'translated';
  return isOpen ? 'needs-review-translation' : 'signed-off';
}

/**
 * Returns the article as XLIFF 1.2, valid against xliff-core-1.2-strict.xsd. One trans-unit per
 * headline, standfirst, paragraph or caption (id `s` + position, restype `x-` + kind, page chrome
 * left out); the post-edit is the `<target>`, the MT an `<alt-trans origin="MT">` proposal with
 * state-qualifier mt-suggestion, and each correction a note. Without the Korean source of every
 * segment the file is monolingual (en -> en, source = MT, no alt-trans) and says so in the header.
 */
export function writeXliff12(article: ExportArticle, meta: ExportMeta): string {
  const segments = exportedSegments(article);
  const isKorean = isBilingual(segments);
  const root = newXmlDocument().ele(XLIFF12_NS, 'xliff', { version: '1.2' });
  const file = root.ele(XLIFF12_NS, 'file', {
    original: xmlAttribute(article.sourceName) || articleToken(article),
    'source-language': isKorean ? SOURCE_LANG : TARGET_LANG,
    'target-language': TARGET_LANG,
    datatype: 'plaintext',
    'tool-id': TOOL_ID,
  });
  const date = toXsdDateTime(meta.now);
  if (date !== undefined) file.att('date', date);

  const header = file.ele(XLIFF12_NS, 'header');
  header.ele(XLIFF12_NS, 'tool', { 'tool-id': TOOL_ID, 'tool-name': meta.tool.name, 'tool-version': xmlAttribute(meta.tool.version) });
  if (!isKorean) {
    const hasSomeSource = segments.some((s) => s.source !== undefined);
    header.ele(XLIFF12_NS, 'note').txt(hasSomeSource ? `${MONOLINGUAL_NOTE} ${PARTIAL_SOURCE_NOTE}` : MONOLINGUAL_NOTE);
  }

  const body = file.ele(XLIFF12_NS, 'body');
  for (const segment of segments) writeTransUnit(body, segment, article.status, isKorean, meta);
  return serializeXml(root);
}

function writeTransUnit(body: XmlNode, segment: ExportSegment, articleStatus: string, isKorean: boolean, meta: ExportMeta): void {
  const status = editStatus(segment);
  const state = xliff12State(articleStatus, status, hasOpenErrors(segment));
  const unit = body.ele(XLIFF12_NS, 'trans-unit', { id: segmentId(segment.position), restype: `x-${segment.kind}` });
  if (state === 'final' || state === 'signed-off') unit.att('approved', 'yes');
  // Captions keep their line break before the photo credit (XML 1.0 §2.10; the default lets tools collapse it).
  unit.att(XML_NS, 'xml:space', 'preserve');
  unit.ele(XLIFF12_NS, 'source').txt(xmlText(isKorean ? (segment.source ?? '') : segment.mt));
  const target = unit.ele(XLIFF12_NS, 'target', { state });
  // The target is the raw MT until someone reviews it (§4.3.2 state-qualifier "leveraged-mt").
  if (state === 'translated') target.att('state-qualifier', 'leveraged-mt');
  target.txt(xmlText(segment.edit));
  if (isKorean) {
    const alt = unit.ele(XLIFF12_NS, 'alt-trans', { origin: xmlAttribute(meta.mtEngine ?? '') || 'MT', alttranstype: 'proposal' });
    alt.ele(XLIFF12_NS, 'target', { 'state-qualifier': 'mt-suggestion' }).att(XML_NS, 'xml:lang', TARGET_LANG).txt(xmlText(segment.mt));
  } else if (segment.source !== undefined) {
    unit.ele(XLIFF12_NS, 'note', { annotates: 'source' }).att(XML_NS, 'xml:lang', SOURCE_LANG).txt(xmlText(segment.source));
  }
  for (const c of segment.corrections) {
    unit.ele(XLIFF12_NS, 'note', { annotates: 'target' }).txt(xmlText(`Correction: ${describeCorrection(c)}`));
  }
}
