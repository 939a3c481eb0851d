import type { CsvMapping } from './csv-mapping.js';
import { readGlossaryCsv } from './csv-read.js';
import { decodeGlossaryBytes } from './decode.js';
import { readGlossaryJson } from './json.js';
import type { GlossaryReadResult, ImportOptions } from './read-result.js';
import { readTbx } from './tbx-read.js';

/** The formats a glossary is imported from (DeepL and Google files are CSV). */
export type GlossaryImportFormat = 'tbx' | 'csv' | 'json';

/** How to read an uploaded glossary: the format (sniffed when absent), the CSV mapping, and the provenance to fill in. */
export interface GlossaryImportOptions extends ImportOptions {
  readonly format?: GlossaryImportFormat | undefined;
  /** The CSV column roles chosen in the import form; the suggested mapping when absent. */
  readonly mapping?: CsvMapping | undefined;
}

/** What importGlossary returns: a reader's result, and on success the format that was read. */
export type GlossaryImportResult = GlossaryReadResult & { readonly format?: GlossaryImportFormat };

/**
 * Returns the concepts of an uploaded glossary file (bytes, or text already decoded), or one
 * refusal naming the line; nothing is half-imported. The size is checked first, so an oversized
 * upload is refused without decoding or parsing.
 */
export function importGlossary(input: Uint8Array | string, options: GlossaryImportOptions = {}): GlossaryImportResult {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeGlossaryBytes(input);
    if (!decoded.ok) return decoded.line === undefined ? { ok: false, message: decoded.message } : { ok: false, message: decoded.message, line: decoded.line };
    text = decoded.text;
  }
  const format = options.format ?? sniffGlossaryFormat(text);
  const result = read(text, format, options);
  return result.ok ? { ...result, format } : result;
}

/**
 * Returns the format a glossary text looks like: XML ("<" first) is TBX, "{" first is JSON,
 * anything else CSV. Only the first non-blank character is looked at.
 */
export function sniffGlossaryFormat(text: string): GlossaryImportFormat {
  const first = /\S/.exec(text.startsWith('\uFEFF') ? text.slice(1) : text)?.[0];
  if (first === '<') return 'tbx';
  if (first === '{') return 'json';
  return 'csv';
}

function read(text: string, format: GlossaryImportFormat, options: GlossaryImportOptions): GlossaryReadResult {
  if (format === 'tbx') return readTbx(text, options);
  if (format === 'json') return readGlossaryJson(text);
  return readGlossaryCsv(text, options.mapping, options);
}
