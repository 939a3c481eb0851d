/**
 * A worker thread of an import (import-articles.ts runs it through piscina): for a folder, reads
 * and prepares one batch of files while the calling thread stores the batch before it; for a web
 * import, decodes and segments the uploaded articles (prepareInputs) off the app's event loop.
 */
import { prepareFile, prepareImport, type ImportInput, type PreparedImport } from './prepare-import.js';

/** Prepares each file of the batch, in order. */
export default function prepareFiles(files: readonly string[]): PreparedImport[] {
  return files.map((file) => prepareFile(file));
}

/** Prepares each uploaded article (bytes or pasted text, with its Korean original), in order. */
export function prepareInputs(inputs: readonly ImportInput[]): PreparedImport[] {
  return inputs.map((input) => prepareImport(input));
}
