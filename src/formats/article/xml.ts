import { create } from 'xmlbuilder2';
import { cleanAttribute, cleanText } from './clean-text.js';

/** An xmlbuilder2 node: what `create()` and `.ele()` return. */
export type XmlNode = ReturnType<typeof create>;

/** The namespace of the `xml:` prefix (Namespaces in XML 1.0 §3), for `xml:lang` and `xml:space`. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The namespace of `xmlns:` declarations (Namespaces in XML 1.0 §3). */
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Returns a new document with the XML 1.0 declaration, `encoding="UTF-8"`. */
export function newXmlDocument(): XmlNode {
  return create({ version: '1.0', encoding: 'UTF-8' });
}

/**
 * Returns text to hand to xmlbuilder2's `.txt()`: cleaned (cleanText), with every `&` already
 * written as `&amp;`. xmlbuilder2 escapes `&` only where it does not look like a reference
 * (lib/constants.js `nonEntityAmpersandRegex`, /&(?![A-Za-z]+;|#\d+;)/; oozcitak/xmlbuilder2
 * issues #110, #117), so article text "&amp;" would come out as "&" and "&#0;" or "&nbsp;" as a
 * reference that breaks the file. Pre-escaped, every `&` is followed by `amp;` and is left alone.
 * The round-trip tests fail if a later xmlbuilder2 starts escaping these itself.
 */
export function xmlText(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;');
}

/** Returns an attribute value for xmlbuilder2: one line (cleanAttribute), every `&` pre-escaped as in xmlText. */
export function xmlAttribute(text: string): string {
  return cleanAttribute(text).replace(/&/g, '&amp;');
}

/**
 * Returns the document as text, indented by two spaces, with a final newline. Indenting is safe
 * because every text-bearing element holds text only (xmlbuilder2 never indents inside those).
 */
export function serializeXml(node: XmlNode): string {
  return `${node.end({ prettyPrint: true, indent: '  ' })}\n`;
}
