/**
 * The CPU half of an import: reading a file, decoding, segmenting and hashing it. No database, so
 * it runs the same on the app's thread (one upload) and on import-worker.ts's threads (a folder).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { NewArticle } from '../store/articles.js';
import { decodeArticleInput, decodeArticleText, MAX_ARTICLE_BYTES } from '../core/article/decode-input.js';
import { parseArticle } from '../core/article/parse-article.js';
import { countWords } from '../core/metrics/word-count.js';

/** Raw input to import: bytes from a file or upload, or text pasted into a form. */
export type ImportInput =
  | { readonly bytes: Uint8Array; readonly sourceName: string }
  | { readonly text: string; readonly sourceName: string };

/** An article decoded and segmented, ready to store; or why its input was refused. */
export type PreparedImport =
  | { readonly ok: true; readonly article: Omit<NewArticle, 'now' | 'importedBy' | 'mtEngine'>; readonly title: string; readonly segmentCount: number }
  | { readonly ok: false; readonly reason: string; readonly message: string };

/** Decodes and segments one input: what an import stores. */
export function prepareImport(input: ImportInput): PreparedImport {
  const decoded = 'bytes' in input ? decodeArticleInput(input.bytes) : decodeArticleText(input.text);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, message: decoded.message };
  const parsed = parseArticle(decoded.text);
  if (parsed.segments.every((s) => s.kind === 'boilerplate')) {
    return { ok: false, reason: 'no-content', message: 'The text holds only page chrome (navigation, copyright), no headline or paragraphs. Check that it is the whole article.' };
  }
  // The hash covers the segments, not the bytes, so a re-saved copy with other line ends
  // or trailing spaces is recognised as the same article.
  const contentHash = createHash('sha256').update(JSON.stringify(parsed.segments)).digest('hex');
  return {
    ok: true,
    title: parsed.title,
    segmentCount: parsed.segments.length,
    article: {
      title: parsed.title,
      sourceName: input.sourceName,
      contentHash,
      segments: parsed.segments.map((s) => ({ kind: s.kind, text: s.text, words: countWords(s.text) })),
    },
  };
}

/** Reads and prepares one article file; a file that cannot be read, or is over the size limit, is refused unread. */
export function prepareFile(file: string): PreparedImport {
  let bytes: Uint8Array;
  try {
    // Refuse oversized files before reading them whole.
    const size = statSync(file).size;
    if (size > MAX_ARTICLE_BYTES) {
      return { ok: false, reason: 'too-large', message: `The file is ${(size / 1048576).toFixed(1)} MB; articles over 2 MB are refused. Split it or remove embedded data.` };
    }
    bytes = readFileSync(file);
  } catch (err) {
    return { ok: false, reason: 'unreadable', message: err instanceof Error ? err.message : String(err) };
  }
  return prepareImport({ bytes, sourceName: basename(file) });
}
