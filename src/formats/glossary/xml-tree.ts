import { XMLParser } from 'fast-xml-parser';

/** An element as the glossary readers walk it: names, attributes, children and where it starts. */
export interface XmlElement {
  /** The qualified name as written ("tbx:term" or "term"). */
  readonly name: string;
  /** The name without its prefix ("term"). */
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlChild[];
  /** 1-based line of the start tag, for messages. */
  readonly line: number;
}

/** A child of an element: an element or a run of text (entities already decoded). */
export type XmlChild = XmlElement | string;

/** The document's top-level elements (one, if well-formed), or the parser's message. */
export type XmlTreeResult = { readonly ok: true; readonly roots: XmlElement[] } | { readonly ok: false; readonly message: string };

/**
 * Deepest nesting accepted. TBX nests at most 9 levels (tbx/text/body/conceptEntry/langSec/
 * termSec/termNoteGrp/termNote/hi); the margin is for foreign files' inline markup, the limit
 * keeps a hostile file of nested tags from exhausting the stack.
 */
const MAX_DEPTH = 64;

/**
 * Returns the element tree of `xml`, which guardXml has passed (no DTD, only predefined entities,
 * well-formed). Comments, processing instructions and the declaration are dropped; CDATA is text.
 * Entities are decoded here, in one pass, not by the parser, so "&amp;lt;" stays "&lt;".
 */
export function parseXmlTree(xml: string): XmlTreeResult {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    cdataPropName: '#cdata',
    ignoreDeclaration: true,
    ignorePiTags: true,
    captureMetaData: true,
    maxNestedTags: MAX_DEPTH,
  });
  let nodes: unknown;
  try {
    nodes = parser.parse(xml);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  const lineAt = lineLocator(xml);
  const roots = toChildren(nodes, lineAt).filter((c): c is XmlElement => typeof c !== 'string');
  return { ok: true, roots };
}

/** Returns the element children of `element` (text skipped). */
export function elementsOf(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string');
}

/** Returns the first element child named `local`, or undefined. */
export function childNamed(element: XmlElement, local: string): XmlElement | undefined {
  return elementsOf(element).find((c) => c.local === local);
}

/** Returns all the text inside `element`, inline markup (hi, foreign, ph…) flattened away. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

type ParsedNode = Record<string, unknown>;

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

function toChildren(nodes: unknown, lineAt: (index: number) => number, isCdata = false): XmlChild[] {
  if (!Array.isArray(nodes)) return [];
  const children: XmlChild[] = [];
  for (const node of nodes as ParsedNode[]) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (name === undefined) continue;
    const content = node[name];
    // CDATA is literal text (XML 1.0 §2.7): "&amp;" inside it stays "&amp;".
    if (name === '#text') children.push(isCdata ? String(content) : decodeEntities(String(content)));
    else if (name === '#cdata') children.push(...toChildren(content, lineAt, true));
    else children.push(toElement(name, node, lineAt));
  }
  return children;
}

function toElement(name: string, node: ParsedNode, lineAt: (index: number) => number): XmlElement {
  const raw = (node[':@'] ?? {}) as Record<string, unknown>;
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) attributes[key] = decodeEntities(String(value));
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
  const children = toChildren(node[name], lineAt);
  return { name, local: name.slice(name.indexOf(':') + 1), attributes, children, line: lineAt(meta?.startIndex ?? 0) };
}

/** XML 1.0 §4.6 predefined entities. */
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return PREDEFINED[name] ?? whole;
    const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    // A reference past U+10FFFF names no character (XML 1.0 §4.1 WFC: Legal Character): drop it.
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Returns a function from a character index to its 1-based line, by binary search over the line starts. */
function lineLocator(text: string): (index: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
