import { cleanText } from './clean-text.js';
import { toTmxDate } from './dates.js';
import { articleToken, segmentId } from './ids.js';
import { MT_LANG, SOURCE_LANG, TARGET_LANG } from './languages.js';
import { MONOLINGUAL_NOTE } from './monolingual-note.js';
import { editStatus, exportedSegments, hasOpenErrors } from './segments.js';
import type { ExportArticle, ExportMeta, ExportSegment } from './types.js';
import { newXmlDocument, serializeXml, XML_NS, type XmlNode, xmlAttribute, xmlText } from './xml.js';

/** TMX's "all languages" source marker (TMX 1.4b §3.1 header srclang), for a file whose units have different source languages. */
const ALL_LANGUAGES = '*all*';

/** Returns the source language of a segment's unit: `ko` when its Korean source is known, else `en-x-mt` (the MT is the source). */
function unitSourceLang(segment: ExportSegment): string {
  return segment.source !== undefined ? SOURCE_LANG : MT_LANG;
}

/**
 * Returns true when the segment belongs in a translation memory: reviewed by a person (saved with
 * no error flag left open, or in an article marked done; raw MT would teach the TM the MT's
 * mistakes) and with text on both sides (an empty variant matches nothing).
 */
function isMemorable(segment: ExportSegment, articleStatus: string): boolean {
  const isReviewed = articleStatus === 'done' || (editStatus(segment) !== 'unchanged' && !hasOpenErrors(segment));
  const sourceText = segment.source ?? segment.mt;
  return isReviewed && cleanText(sourceText).trim() !== '' && cleanText(segment.edit).trim() !== '';
}

/**
 * Returns the article as TMX 1.4b, valid against tmx14.dtd. One `<tu>` per reviewed headline,
 * standfirst, paragraph or caption (formats.md §1.2 option 1): the Korean source `tuv` and the
 * post-edited English `tuv`, the MT in a `<prop type="x-mt">` on the English one. Without the
 * Korean source a unit pairs the MT as `en-x-mt` with the post-edit as `en` (see MT_LANG). The
 * last save's author and time are the unit's and the English variant's changeid/changedate (TM
 * tools differ in which of the two they read); the import time is the unit's creationdate. Segments
 * nobody has reviewed and empty ones are left out, and a header note says how many.
 */
export function writeTmx(article: ExportArticle, meta: ExportMeta): string {
  const segments = exportedSegments(article);
  const units = segments.filter((s) => isMemorable(s, article.status));
  // The header names the units' source language; with no unit, the one they would have had
  // (and with no segment at all there is no Korean, as in the XLIFF).
  const languages = new Set((units.length > 0 ? units : segments).map(unitSourceLang));
  const srclang = languages.size > 1 ? ALL_LANGUAGES : ([...languages][0] ?? MT_LANG);

  // No <!DOCTYPE tmx SYSTEM "tmx14.dtd">: the DTD is not beside the file, Java parsers would try
  // to load it and .NET's XmlReader refuses any DTD by default; validity is checked against
  // tmx14.dtd all the same (formats.md §1.2's minimal document has none either).
  const doc = newXmlDocument();
  const root = doc.ele('tmx', { version: '1.4' });
  const header = root.ele('header', {
    creationtool: meta.tool.name,
    creationtoolversion: xmlAttribute(meta.tool.version),
    // A segment is a headline, paragraph or caption, not a sentence (TMX 1.4b §3.1 segtype).
    segtype: 'paragraph',
    'o-tmf': meta.tool.name,
    adminlang: TARGET_LANG,
    srclang,
    datatype: 'plaintext',
  });
  const created = toTmxDate(meta.now);
  if (created !== undefined) header.att('creationdate', created);
  const engine = xmlAttribute(meta.mtEngine ?? '');
  if (engine !== '') header.ele('prop', { type: 'x-mt-engine' }).txt(engine);
  if (languages.has(MT_LANG)) header.ele('note').txt(`${MONOLINGUAL_NOTE} Its language is tagged "${MT_LANG}", the post-edit's "${TARGET_LANG}".`);
  const leftOut = segments.length - units.length;
  if (leftOut > 0) {
    header.ele('note').txt(`${leftOut} ${leftOut === 1 ? 'segment was' : 'segments were'} left out: not yet reviewed, or empty.`);
  }

  const body = root.ele('body');
  for (const segment of units) writeUnit(body, segment, article, srclang === ALL_LANGUAGES);
  return serializeXml(doc);
}

function writeUnit(body: XmlNode, segment: ExportSegment, article: ExportArticle, isMixed: boolean): void {
  const lang = unitSourceLang(segment);
  const tu = body.ele('tu', { tuid: `${articleToken(article)}:${segmentId(segment.position)}` });
  if (isMixed) tu.att('srclang', lang);
  const created = toTmxDate(article.importedAt);
  if (created !== undefined) tu.att('creationdate', created);
  const change = changeAttributes(segment);
  for (const [name, value] of Object.entries(change)) tu.att(name, value);
  tu.ele('prop', { type: 'x-kind' }).txt(segment.kind);

  const isKorean = lang === SOURCE_LANG;
  tu.ele('tuv').att(XML_NS, 'xml:lang', lang).ele('seg').txt(xmlText(isKorean ? (segment.source ?? '') : segment.mt));
  const target = tu.ele('tuv').att(XML_NS, 'xml:lang', TARGET_LANG);
  for (const [name, value] of Object.entries(change)) target.att(name, value);
  if (isKorean) target.ele('prop', { type: 'x-mt' }).txt(xmlText(segment.mt));
  target.ele('seg').txt(xmlText(segment.edit));
}

/** Returns changeid/changedate from the latest revision, each only when known. */
function changeAttributes(segment: ExportSegment): Record<string, string> {
  const out: Record<string, string> = {};
  const author = xmlAttribute(segment.author ?? '');
  if (author !== '') out.changeid = author;
  const date = segment.savedAt === null ? undefined : toTmxDate(segment.savedAt);
  if (date !== undefined) out.changedate = date;
  return out;
}
