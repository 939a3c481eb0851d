/**
 * A worker thread of a folder import (import-articles.ts runs it through piscina): reads and
 * prepares one batch of files while the calling thread stores the batch before it.
 */
import { prepareFile, type PreparedImport } from './prepare-import.js';

/** Prepares each file of the batch, in order. */
export default function prepareFiles(files: readonly string[]): PreparedImport[] {
  return files.map((file) => prepareFile(file));
}
