/**
 * The CPU half of an import: reading a file, decoding, segmenting and hashing it. No database, so
 * it runs the same on the app's thread (one upload) and on import-worker.ts's threads (a folder).
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { NewArticle } from '../store/articles.js';
import type { NewSource } from '../store/sources.js';
import { buildArticleSource } from '../core/source/build-source.js';
import { decodeArticleInput, decodeArticleText } from '../core/article/decode-input.js';
import { parseArticle } from '../core/article/parse-article.js';
import { countWords } from '../core/metrics/word-count.js';
import { ARTICLE_FILE_LIMIT, readInputFile } from './read-input-file.js';

/**
 * Longest source name kept (range 20-1,000 characters): a name is a label, and a browser, an API
 * client or a deep path may send a very long one (security issue 11: 10,004 characters were stored).
 * Every import goes through prepareImport, which cuts a longer name (see fitSourceName).
 */
export const MAX_SOURCE_NAME_CHARS = 200;

/** Longest ending kept whole when a name is cut (".txt", ".html"; range 2-20 characters with the dot). */
const MAX_EXTENSION_CHARS = 10;

/** Raw text: bytes from a file or upload, or text pasted into a form, with the name it came under. */
export type RawInput =
  | { readonly bytes: Uint8Array; readonly sourceName: string }
  | { readonly text: string; readonly sourceName: string };

/**
 * Raw input to import: the MT article, its Korean original when the editor has it (issue 12), and
 * the .zip it was unpacked from when it came in one (issue 13; its name is then the entry's path).
 */
export type ImportInput = RawInput & { readonly source?: RawInput | undefined; readonly archive?: string | undefined };

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
  // The Korean original is held to the article's limits; a refused one refuses the import (nothing half-stored).
  let source: NewSource | undefined;
  if (input.source !== undefined) {
    const original = 'bytes' in input.source ? decodeArticleInput(input.source.bytes) : decodeArticleText(input.source.text);
    if (!original.ok) return { ok: false, reason: `source-${original.reason}`, message: `The Korean source: ${lowerFirst(original.message)}` };
    const mt = parsed.segments.map((s, position) => ({ position, kind: s.kind, text: s.text }));
    source = { sourceName: fitSourceName(input.source.sourceName), text: original.text, source: buildArticleSource(original.text, mt) };
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
      sourceName: fitSourceName(input.sourceName),
      contentHash,
      segments: parsed.segments.map((s) => ({ kind: s.kind, text: s.text, words: countWords(s.text) })),
      source,
    },
  };
}

/**
 * Reads and prepares one article file; a file that cannot be read, is not a regular file (a
 * folder, /dev/zero, a FIFO) or is over the size limit is refused unread.
 */
export function prepareFile(file: string, sourceFile: string | undefined = siblingSource(file)): PreparedImport {
  const read = readInputFile(file, ARTICLE_FILE_LIMIT);
  // The messages follow the file's name where they are shown ("a.txt: refused: is a folder, …").
  if (!read.ok) return { ok: false, reason: read.reason, message: read.message };
  let source: RawInput | undefined;
  if (sourceFile !== undefined) {
    const original = readInputFile(sourceFile, ARTICLE_FILE_LIMIT);
    if (!original.ok) return { ok: false, reason: `source-${original.reason}`, message: `its Korean source ${basename(sourceFile)}: ${original.message}` };
    source = { bytes: original.bytes, sourceName: basename(sourceFile) };
  }
  return prepareImport({ bytes: read.bytes, sourceName: basename(file), source });
}

/** The ending of a Korean original beside its article: NAME.ko.txt for NAME.txt (issue 12). */
export const SOURCE_SUFFIX = '.ko.txt';

/** Returns true when a file name is a Korean original (NAME.ko.txt), not an article. */
export function isSourceFile(file: string): boolean {
  return file.toLowerCase().endsWith(SOURCE_SUFFIX);
}

/** Returns NAME.ko.txt beside NAME.txt when it exists as a regular file, else undefined. */
export function siblingSource(file: string): string | undefined {
  if (!file.toLowerCase().endsWith('.txt') || isSourceFile(file)) return undefined;
  const candidate = `${file.slice(0, -'.txt'.length)}${SOURCE_SUFFIX}`;
  try {
    return statSync(candidate).isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Returns the name cut to MAX_SOURCE_NAME_CHARS, keeping a short extension (".txt") so the kind
 * of file still shows; a name within the limit is returned as it is. Cuts between characters,
 * never inside a surrogate pair.
 */
export function fitSourceName(name: string): string {
  if (name.length <= MAX_SOURCE_NAME_CHARS) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= MAX_EXTENSION_CHARS ? name.slice(dot) : '';
  return cutAt(name.slice(0, name.length - extension.length), MAX_SOURCE_NAME_CHARS - extension.length) + extension;
}

/** Returns the first `max` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair. */
function cutAt(text: string, max: number): string {
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
