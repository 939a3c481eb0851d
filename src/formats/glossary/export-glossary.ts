import type { Concept } from '../../core/glossary/types.js';
import { writeCsvRecords, writeGlossaryCsv } from './csv.js';
import { deeplPairs, DEFAULT_DEEPL_VARIANT, type DeeplVariant } from './deepl.js';
import { skippedConceptWarnings } from './exportable.js';
import { googleRecords, DEFAULT_GOOGLE_LAYOUT, type GoogleLayout } from './google.js';
import { writeGlossaryJson } from './json.js';
import { writeTbx } from './tbx.js';

/** The formats a glossary is exported in. */
export type GlossaryExportFormat = 'tbx' | 'csv' | 'deepl' | 'google' | 'json';

/** Every export format, in the order the export form lists them. */
export const GLOSSARY_EXPORT_FORMATS: readonly GlossaryExportFormat[] = ['tbx', 'csv', 'deepl', 'google', 'json'];

/** What an export needs besides the concepts. */
export interface GlossaryExportMeta {
  /** ISO 8601 time of the export (TBX header). */
  readonly now: string;
  /** TBX title; "Copydesk glossary" when not given. */
  readonly title?: string | undefined;
  /** DeepL pairs: Korean -> preferred (default) or deprecated -> preferred. */
  readonly deeplVariant?: DeeplVariant | undefined;
  /** Google layout: equivalent term sets (default) or unidirectional pairs. */
  readonly googleLayout?: GoogleLayout | undefined;
}

/** An exported file: its text, the Content-Type to serve it with, the file extension, and what was left out. */
export interface GlossaryExport {
  readonly body: string;
  readonly contentType: string;
  readonly extension: string;
  readonly warnings: readonly string[];
}

/**
 * Returns the glossary exported in `format`. CSV content types carry RFC 4180's `header`
 * parameter; TBX is served as application/xml (RFC 7303; TBX has no registered media type).
 */
export function exportGlossary(concepts: readonly Concept[], format: GlossaryExportFormat, meta: GlossaryExportMeta): GlossaryExport {
  const skipped = skippedConceptWarnings(concepts);
  switch (format) {
    case 'tbx':
      return { body: writeTbx(concepts, meta), contentType: 'application/xml; charset=utf-8', extension: 'tbx', warnings: skipped };
    case 'csv':
      return { body: writeGlossaryCsv(concepts), contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv', warnings: skipped };
    case 'deepl': {
      // What writeDeeplCsv writes, computed once so the warnings come with it.
      const { pairs, warnings } = deeplPairs(concepts, meta.deeplVariant ?? DEFAULT_DEEPL_VARIANT);
      const body = writeCsvRecords(pairs.map((p) => [p.source, p.target]));
      return { body, contentType: 'text/csv; charset=utf-8; header=absent', extension: 'csv', warnings: [...skipped, ...warnings] };
    }
    case 'google': {
      // What writeGoogleCsv writes, computed once so the warnings come with it.
      const layout = meta.googleLayout ?? DEFAULT_GOOGLE_LAYOUT;
      const { records, warnings } = googleRecords(concepts, layout);
      const header = layout === 'equivalent-terms' ? 'present' : 'absent';
      return { body: writeCsvRecords(records), contentType: `text/csv; charset=utf-8; header=${header}`, extension: 'csv', warnings: [...skipped, ...warnings] };
    }
    case 'json':
      return { body: writeGlossaryJson(concepts), contentType: 'application/json; charset=utf-8', extension: 'json', warnings: skipped };
  }
}
