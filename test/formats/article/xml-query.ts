/** Reads exported XML back with libxml2 (the validators' parser) and XPath, so tests assert what a tool would read. */
import { XmlDocument } from 'libxml2-wasm';

/** Prefixes for the XPath queries: x = XLIFF 2 core, mtc = matches module, x12 = XLIFF 1.2. */
export const NS = {
  x: 'urn:oasis:names:tc:xliff:document:2.0',
  mtc: 'urn:oasis:names:tc:xliff:matches:2.0',
  x12: 'urn:oasis:names:tc:xliff:document:1.2',
} as const;

/** Returns the text content of every node `xpath` selects (elements' text, attributes' values), in document order. */
export function xpathTexts(xml: string, xpath: string): string[] {
  const doc = XmlDocument.fromString(xml);
  try {
    return doc.root.find(xpath, NS).map((node) => node.content);
  } finally {
    doc.dispose();
  }
}

/** Returns the one text `xpath` selects; throws unless exactly one node matches. */
export function xpathText(xml: string, xpath: string): string {
  const texts = xpathTexts(xml, xpath);
  if (texts.length !== 1) throw new Error(`${xpath} matched ${texts.length} nodes, expected 1`);
  return texts[0] as string;
}
