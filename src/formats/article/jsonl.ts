import { cleanText } from './clean-text.js';
import { editStatus, exportedSegments, type EditStatus } from './segments.js';
import type { ExportArticle } from './types.js';

/** One JSON Lines record: one segment's MT and post-edit, keys in this order (the training-data contract). */
export interface JsonlRecord {
  readonly article: number | string;
  /** The segment's 0-based position in the article. */
  readonly segment: number;
  readonly kind: string;
  /** The Korean source; null when unknown (every record has every key, so loaders infer one schema). */
  readonly source: string | null;
  readonly mt: string;
  readonly post_edit: string;
  /** True when the post-edit differs from the MT. */
  readonly edited: boolean;
  /** 'edited', 'confirmed' (saved unchanged: a human-approved MT) or 'unchanged' (never reviewed: not a human label). */
  readonly status: EditStatus;
  readonly corrections: readonly { readonly mt: string; readonly post_edit: string }[];
}

/**
 * Separators that are not JSON's but split lines in common readers (Python's str.splitlines
 * splits on U+0085, U+2028 and U+2029; pre-ES2019 JavaScript refused the last two in string
 * literals). JSON.stringify leaves them raw; escaping them keeps one record per line for everyone.
 */
const LINE_SEPARATORS = /[\u0085\u2028\u2029]/g;

/** Returns the records of the article's non-boilerplate segments, in reading order. */
export function buildJsonlRecords(article: ExportArticle): JsonlRecord[] {
  return exportedSegments(article).map((s) => {
    const status = editStatus(s);
    return {
      article: article.id,
      segment: s.position,
      kind: s.kind,
      source: s.source === undefined ? null : cleanText(s.source),
      mt: cleanText(s.mt),
      post_edit: cleanText(s.edit),
      edited: status === 'edited',
      status,
      corrections: s.corrections.map((c) => ({ mt: cleanText(c.mtText), post_edit: cleanText(c.editText) })),
    };
  });
}

/**
 * Returns the article as JSON Lines (jsonlines.org): one compact JSON object per non-boilerplate
 * segment, each line ending in `\n` ('' for no segments), with U+0085/U+2028/U+2029 escaped.
 */
export function writeJsonl(article: ExportArticle): string {
  return buildJsonlRecords(article)
    .map((record) => `${JSON.stringify(record).replace(LINE_SEPARATORS, escapeCodeUnit)}\n`)
    .join('');
}

function escapeCodeUnit(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
