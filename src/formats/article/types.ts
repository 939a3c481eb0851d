import type { SegmentKind } from '../../core/article/types.js';

/** One correction of a segment: an MT phrase and the phrase the editor put in its place ('' for a pure insertion or deletion). */
export interface ExportCorrection {
  readonly mtText: string;
  readonly editText: string;
}

/** One segment as the exports see it: its MT, the editor's current text and who last saved it. */
export interface ExportSegment {
  /** 0-based reading order in the article, unique within it (the store's `segments.position`). */
  readonly position: number;
  readonly kind: SegmentKind;
  /** The machine translation, never modified. */
  readonly mt: string;
  /** The editor's current text: the latest revision's, or the MT when the segment was never saved. */
  readonly edit: string;
  /** The Korean source text, when it is known; undefined when only the English MT exists. */
  readonly source?: string | undefined;
  /** The latest revision number; 0 when the segment was never saved. */
  readonly revision: number;
  /** Who saved the latest revision; null when never saved. */
  readonly author: string | null;
  /** When the latest revision was saved (ISO 8601); null when never saved. */
  readonly savedAt: string | null;
  /** The corrections of the current edit against the MT, in text order. */
  readonly corrections: readonly ExportCorrection[];
  /** Error flags of the checks still open (neither fixed nor dismissed) in this segment; unknown (undefined) counts as none. */
  readonly openErrors?: number;
}

/** An article to export: its record and every segment in reading order (page chrome included; the writers leave it out). */
export interface ExportArticle {
  readonly id: number | string;
  readonly title: string;
  /** The file name it was imported from, or 'pasted text'. */
  readonly sourceName: string;
  /** The review status ('not-started' | 'in-review' | 'done' in the store). */
  readonly status: string;
  /** When it was imported (ISO 8601). */
  readonly importedAt: string;
  readonly segments: readonly ExportSegment[];
}

/** What an export needs besides the article: the time (core and formats never read the clock) and who wrote the file. */
export interface ExportMeta {
  /** The export time (ISO 8601). */
  readonly now: string;
  readonly tool: { readonly name: 'Copydesk'; readonly version: string };
  /** The MT engine's name, when known (XLIFF `origin`, TMX header prop). */
  readonly mtEngine?: string | undefined;
}

/** The article export formats, as the CLI's `--format` and the web's download links name them. */
export const ARTICLE_EXPORT_FORMATS = ['txt', 'md', 'xliff', 'xliff12', 'tmx', 'jsonl'] as const;

/** One article export format. */
export type ArticleExportFormat = (typeof ARTICLE_EXPORT_FORMATS)[number];

/** An export ready to send or save: the file's text, its media type and its file-name extension (no dot). */
export interface ExportedFile {
  readonly body: string;
  readonly contentType: string;
  readonly extension: string;
}
