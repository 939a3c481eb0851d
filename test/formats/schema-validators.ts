/**
 * Validates exports against the standards bodies' own schemas in test/schemas/ (see its
 * SOURCES.md; the setup follows test/schemas/VALIDATE.md): XSD, RELAX NG and DTD through libxml2-wasm,
 * the TBX-Basic Schematron through node-schematron. Each validator is built on first use and kept
 * for the test process; every function returns the problems as "line N: message" strings, [] when
 * the document is valid.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DtdValidator,
  RelaxNGValidator,
  XmlDocument,
  XmlDtd,
  XmlLibError,
  XsdValidator,
  xmlRegisterInputProvider,
} from 'libxml2-wasm';
import { fsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { Schema } from 'node-schematron';

const SCHEMAS_URL = new URL('../schemas/', import.meta.url);

/** The folder holding the official schemas, copied into the repository: test/schemas/ (origins in its SOURCES.md). */
export const SCHEMAS_DIR = fileURLToPath(SCHEMAS_URL);

/** Returns the absolute path of a file under SCHEMAS_DIR, e.g. schemaPath('tbx/TBXcoreStructV03.rng'). */
export function schemaPath(relative: string): string {
  return fileURLToPath(new URL(relative, SCHEMAS_URL));
}

/** Returns the problems TBX-Basic has with `xml`: the core RNG (structure) and the dialect Schematron, both needed (VALIDATE.md). */
export function validateTbx(xml: string): string[] {
  const core = validateTbxCore(xml);
  // The Schematron of a document that is not even well-formed would only repeat the parse error.
  if (core.some((p) => p.startsWith('not well-formed'))) return core;
  return [...core, ...validateTbxBasicSchematron(xml)];
}

/** Returns the problems the TBX core structure RNG (TBXcoreStructV03.rng) has with `xml`. */
export function validateTbxCore(xml: string): string[] {
  return withDocument(xml, (doc) => runValidator(() => cached('tbx-rng', loadTbxRng).validate(doc)));
}

/** Returns the failed asserts of the TBX-Basic DCA Schematron (TBX-Basic_DCA.sch, v1.2.1) on `xml`. */
export function validateTbxBasicSchematron(xml: string): string[] {
  try {
    return cached('tbx-sch', loadTbxSchematron)
      .validateString(xml)
      .map((r) => `${r.context.nodeName}: ${(r.message ?? '').trim().replace(/\s+/g, ' ')}`);
  } catch (err) {
    return [`not well-formed: ${err instanceof Error ? err.message : String(err)}`];
  }
}

/** Returns the problems the TMX 1.4 DTD (tmx14.dtd; 1.4b kept the DTD) has with `xml`. */
export function validateTmx(xml: string): string[] {
  return withDocument(xml, (doc) => runValidator(() => cached('tmx-dtd', loadTmxDtd).validate(doc)));
}

/** Returns the problems XLIFF 2.x has with `xml`: the core XSD, then matches.xsd, which checks `mtc:*` strictly (the core validates modules laxly). */
export function validateXliff2(xml: string): string[] {
  return withDocument(xml, (doc) => {
    const core = runValidator(() => cached('xliff2-core', () => loadXsd('xliff-2/xliff_core_2.0.xsd')).validate(doc));
    const matches = runValidator(() => cached('xliff2-matches', () => loadXsd('xliff-2/matches.xsd')).validate(doc));
    // matches.xsd imports the core, so a core problem is reported twice: keep one copy.
    return [...new Set([...core, ...matches])];
  });
}

/** Returns the problems the XLIFF 1.2 strict XSD (xliff-core-1.2-strict.xsd) has with `xml`. */
export function validateXliff12(xml: string): string[] {
  return withDocument(xml, (doc) =>
    runValidator(() => cached('xliff12', () => loadXsd('xliff-1.2/xliff-core-1.2-strict.xsd')).validate(doc)),
  );
}

// Test-process state: each schema is compiled once (the Schematron takes ~1 s), never at import time.
const validators = new Map<string, unknown>();

function cached<T>(key: string, load: () => T): T {
  if (!validators.has(key)) validators.set(key, load());
  return validators.get(key) as T;
}

function withDocument(xml: string, validate: (doc: XmlDocument) => string[]): string[] {
  registerInputProvider();
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (err) {
    return [`not well-formed: ${describe(err)}`];
  }
  try {
    return validate(doc);
  } finally {
    doc.dispose();
  }
}

function runValidator(validate: () => void): string[] {
  try {
    validate();
    return [];
  } catch (err) {
    if (err instanceof XmlLibError) return err.details.map((d) => `line ${d.line ?? '?'}: ${d.message.trim()}`);
    throw err;
  }
}

function describe(err: unknown): string {
  if (err instanceof XmlLibError && err.details.length > 0) {
    return err.details.map((d) => `line ${d.line ?? '?'}: ${d.message.trim()}`).join('; ');
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * The XLIFF 1.2 XSD imports the W3C xml.xsd by its http URL; serve the informative copy shipped with
 * the XLIFF 2 schemas instead (what test/schemas/xliff-1.2/catalog.xml maps it to), so
 * validation never touches the network.
 */
const REDIRECTS: Record<string, string> = {
  'http://www.w3.org/2001/xml.xsd': schemaPath('xliff-2/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd'),
};

let isProviderRegistered = false;

function registerInputProvider(): void {
  if (isProviderRegistered) return;
  isProviderRegistered = true;
  xmlRegisterInputProvider({
    match: (file) => file in REDIRECTS || fsInputProviders.match(file),
    open: (file) => fsInputProviders.open(REDIRECTS[file] ?? file),
    read: fsInputProviders.read,
    close: fsInputProviders.close,
  });
}

function loadSchemaDocument(relative: string): XmlDocument {
  registerInputProvider();
  const path = schemaPath(relative);
  // The url lets libxml2 resolve the schema's relative imports (matches.xsd -> xliff_core_2.0.xsd).
  return XmlDocument.fromBuffer(readFileSync(path), { url: path });
}

function loadXsd(relative: string): XsdValidator {
  return XsdValidator.fromDoc(loadSchemaDocument(relative));
}

function loadTbxRng(): RelaxNGValidator {
  return RelaxNGValidator.fromDoc(loadSchemaDocument('tbx/TBXcoreStructV03.rng'));
}

function loadTmxDtd(): DtdValidator {
  return new DtdValidator(XmlDtd.fromBuffer(readFileSync(schemaPath('tmx/tmx14.dtd'))));
}

function loadTbxSchematron(): Schema {
  // The .sch file starts with a UTF-8 BOM, which the Schematron reader does not skip.
  const text = readFileSync(schemaPath('tbx/TBX-Basic_DCA.sch'), 'utf8').replace(/^\uFEFF/, '');
  return Schema.fromString(text);
}
