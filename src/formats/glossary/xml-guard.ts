import { XMLValidator } from 'fast-xml-parser';
import { lineOfIndex } from './decode.js';

/** XML a parser may be given safely, or the refusal with its line. */
export type XmlGuardResult = { readonly ok: true } | { readonly ok: false; readonly message: string; readonly line?: number };

/**
 * Returns whether `xml` is safe and well-formed enough to parse, checking in this order, all
 * before any parser expands anything:
 * 1. no `<!DOCTYPE` or `<!ENTITY`: glossary formats never need a DTD (TBX 2019 is validated by
 *    RELAX NG and Schematron, TBX 2008 files that name martif's DTD read the same without it),
 *    and a DTD is how an XML bomb ("billion laughs") or an external entity
 *    (`SYSTEM "file:///etc/passwd"`) gets in (OWASP XXE Prevention Cheat Sheet: disallow DTDs);
 * 2. no entity reference other than XML's five predefined ones and character references
 *    (XML 1.0 §4.1, §4.6): without a DTD any other is undefined and the file is not well-formed;
 * 3. well-formed (fast-xml-parser's XMLValidator, which reports line and column), with one root.
 */
export function guardXml(xml: string): XmlGuardResult {
  // Comments and CDATA may hold "<!DOCTYPE" or a bare "&" as plain text; look past them.
  const markup = maskCommentsAndCdata(xml);
  const declaration = /<!(DOCTYPE|ENTITY)\b/i.exec(markup);
  if (declaration) {
    const line = lineOfIndex(xml, declaration.index);
    return {
      ok: false,
      message:
        `Line ${line} declares a ${declaration[1]?.toUpperCase() ?? 'DOCTYPE'}. Glossary files never need one, and a DOCTYPE can define entities ` +
        'that expand to gigabytes ("billion laughs") or read files from the server (external entities), so files with one are refused ' +
        'before anything is read. Remove the DOCTYPE line (TBX files are checked without it) and try again.',
      line,
    };
  }
  const entity = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);)([^\s;<&]{0,40};?)/.exec(markup);
  if (entity) {
    const line = lineOfIndex(xml, entity.index);
    return {
      ok: false,
      message: `Line ${line} has "&${entity[1] ?? ''}", which XML does not know: write a literal & as &amp; (only &lt; &gt; &amp; &quot; &apos; and numeric references like &#233; are defined).`,
      line,
    };
  }
  const result = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (result !== true) {
    const { line, col, msg } = result.err;
    return { ok: false, message: `The XML is broken at line ${line}, column ${col}: ${msg} Fix the file (or export it again) and try again.`, line };
  }
  return { ok: true };
}

/** Returns `xml` with the insides of comments and CDATA sections blanked (line breaks kept, so offsets and lines still match). */
function maskCommentsAndCdata(xml: string): string {
  return xml.replace(/<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g, (block) => block.replace(/[^\n]/g, ' '));
}
