/** The article export's public face: one function per format, and `exportArticle` to pick one by name. */
import { writeJsonl } from './jsonl.js';
import { writeCorrectedMarkdown } from './markdown.js';
import { writeCorrectedText } from './text.js';
import { writeTmx } from './tmx.js';
import { ARTICLE_EXPORT_FORMATS, type ArticleExportFormat, type ExportArticle, type ExportedFile, type ExportMeta } from './types.js';
import { writeXliff12 } from './xliff12.js';
import { writeXliff2 } from './xliff2.js';

export { writeCorrectedText } from './text.js';
export { writeCorrectedMarkdown } from './markdown.js';
export { writeXliff2, xliff2State, XLIFF2_NS, MATCHES_NS, type Xliff2State } from './xliff2.js';
export { writeXliff12, xliff12State, XLIFF12_NS, type Xliff12State } from './xliff12.js';
export { writeTmx } from './tmx.js';
export { writeJsonl, buildJsonlRecords, type JsonlRecord } from './jsonl.js';
export { cleanText, cleanAttribute, REPLACEMENT_CHARACTER } from './clean-text.js';
export { editStatus, exportedSegments, isBilingual, type EditStatus } from './segments.js';
export { SOURCE_LANG, TARGET_LANG, MT_LANG } from './languages.js';
export {
  ARTICLE_EXPORT_FORMATS,
  type ArticleExportFormat,
  type ExportArticle,
  type ExportCorrection,
  type ExportedFile,
  type ExportMeta,
  type ExportSegment,
} from './types.js';

/**
 * Media types and extensions. text/markdown: RFC 7763. application/xliff+xml: registered with
 * IANA for XLIFF 2 (XLIFF 2.1 Appendix "Media Type"); XLIFF 1.2 and TMX have no registered type,
 * so the common `x-` forms. application/jsonl: jsonlines.org's suggestion (not registered).
 */
const FILE_TYPES: Record<ArticleExportFormat, { contentType: string; extension: string }> = {
  txt: { contentType: 'text/plain; charset=utf-8', extension: 'txt' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  xliff: { contentType: 'application/xliff+xml; charset=utf-8', extension: 'xlf' },
  xliff12: { contentType: 'application/x-xliff+xml; charset=utf-8', extension: 'xlf' },
  tmx: { contentType: 'application/x-tmx+xml; charset=utf-8', extension: 'tmx' },
  jsonl: { contentType: 'application/jsonl; charset=utf-8', extension: 'jsonl' },
};

/** Returns true when `name` is one of ARTICLE_EXPORT_FORMATS (for validating a `--format` or a query parameter). */
export function isArticleExportFormat(name: string): name is ArticleExportFormat {
  return (ARTICLE_EXPORT_FORMATS as readonly string[]).includes(name);
}

/** Returns the article exported in `format`: the file's text, its media type and its extension (no dot). Throws on a format not in ARTICLE_EXPORT_FORMATS. */
export function exportArticle(article: ExportArticle, format: ArticleExportFormat, meta: ExportMeta): ExportedFile {
  const body = writeBody(article, format, meta);
  return { body, ...FILE_TYPES[format] };
}

function writeBody(article: ExportArticle, format: ArticleExportFormat, meta: ExportMeta): string {
  switch (format) {
    case 'txt': return writeCorrectedText(article);
    case 'md': return writeCorrectedMarkdown(article);
    case 'xliff': return writeXliff2(article, meta);
    case 'xliff12': return writeXliff12(article, meta);
    case 'tmx': return writeTmx(article, meta);
    case 'jsonl': return writeJsonl(article);
    default:
      // Programmer misuse only: callers check the name with isArticleExportFormat first.
      throw new Error(`exportArticle: unknown format ${String(format)}`);
  }
}
