import type { Concept, Provenance } from '../../core/glossary/types.js';

/**
 * What every glossary reader returns: all the concepts and what was adapted on the way, or one
 * refusal naming the line when there is one. Never part of a file: nothing is half-imported.
 */
export type GlossaryReadResult =
  | { readonly ok: true; readonly concepts: Concept[]; readonly warnings: string[] }
  | { readonly ok: false; readonly message: string; readonly line?: number };

/** Who imports, when, and from which file: fills the provenance a file does not carry. */
export interface ImportOptions {
  /** The editor importing the file; becomes createdBy when the file names no one. */
  readonly importedBy?: string | undefined;
  /** ISO 8601 time of the import; becomes createdAt when the file has no creation date. */
  readonly now?: string | undefined;
  /** The uploaded file's name; becomes the provenance source when the file gives none. */
  readonly sourceName?: string | undefined;
}

/** Who a concept is credited to when neither the file nor the caller names anyone. */
export const UNKNOWN_CREATOR = 'import';

/**
 * Returns the provenance of an imported concept. A concept whose file gives its origin (Copydesk's
 * own exports always do) keeps its provenance as written, so export -> import -> export is
 * identical. Any other concept is an import: origin "import", the source the file names or else the
 * file's name, and the creator and time the file gives or else the importing editor and `now`.
 */
export function importedProvenance(found: Partial<Provenance>, options: ImportOptions): Provenance {
  const isCopydesk = found.origin !== undefined;
  return {
    origin: found.origin ?? 'import',
    source: isCopydesk ? found.source : (found.source ?? options.sourceName),
    createdBy: found.createdBy ?? options.importedBy ?? UNKNOWN_CREATOR,
    // '' (no date) rather than an invented one: the writers then leave the date out.
    createdAt: found.createdAt ?? options.now ?? '',
    modifiedBy: found.modifiedBy,
    modifiedAt: found.modifiedAt,
  };
}

/** Returns a refusal; `message` names the line itself ("Line 7 has 4 fields…"), `line` repeats it for the UI. */
export function refuse(message: string, line?: number): GlossaryReadResult {
  return line === undefined ? { ok: false, message } : { ok: false, message, line };
}
