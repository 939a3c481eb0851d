import { createHash } from 'node:crypto';
import type { Db } from './open-db.js';
import { insertArticle } from './articles.js';
import { decodeArticleInput, decodeArticleText } from '../core/article/decode-input.js';
import { parseArticle } from '../core/article/parse-article.js';
import { countWords } from '../core/metrics/word-count.js';

/** Raw input to import: bytes from a file or upload, or text pasted into a form. */
export type ImportInput =
  | { readonly bytes: Uint8Array; readonly sourceName: string }
  | { readonly text: string; readonly sourceName: string };

/** What an import did: the article (new, or the identical one already stored), or why the input was refused. */
export type ImportOutcome =
  | { readonly ok: true; readonly id: number; readonly isNew: boolean; readonly title: string; readonly segmentCount: number }
  | { readonly ok: false; readonly reason: string; readonly message: string };

/** Decodes, segments and stores one article; refuses empty, binary, non-UTF-8 or oversized input and then writes nothing. */
export function importArticle(db: Db, input: ImportInput, meta: { importedBy: string; now: string; mtEngine?: string | undefined }): ImportOutcome {
  const decoded = 'bytes' in input ? decodeArticleInput(input.bytes) : decodeArticleText(input.text);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, message: decoded.message };
  const parsed = parseArticle(decoded.text);
  if (parsed.segments.every((s) => s.kind === 'boilerplate')) {
    return { ok: false, reason: 'no-content', message: 'The text holds only page chrome (navigation, copyright), no headline or paragraphs. Check that it is the whole article.' };
  }
  // The hash covers the segments, not the bytes, so a re-saved copy with other line ends
  // or trailing spaces is recognised as the same article.
  const contentHash = createHash('sha256').update(JSON.stringify(parsed.segments)).digest('hex');
  const { id, isNew } = insertArticle(db, {
    title: parsed.title,
    sourceName: input.sourceName,
    contentHash,
    importedBy: meta.importedBy,
    mtEngine: meta.mtEngine,
    now: meta.now,
    segments: parsed.segments.map((s) => ({ kind: s.kind, text: s.text, words: countWords(s.text) })),
  });
  return { ok: true, id, isNew, title: parsed.title, segmentCount: parsed.segments.length };
}
