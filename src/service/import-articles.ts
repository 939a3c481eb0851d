import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ServiceContext } from './context.js';
import { insertArticle } from '../store/articles.js';
import { decodeArticleInput, decodeArticleText, MAX_ARTICLE_BYTES } from '../core/article/decode-input.js';
import { parseArticle } from '../core/article/parse-article.js';
import { countWords } from '../core/metrics/word-count.js';
import { refreshAfterWrite } from './refresh.js';

/** Raw input to import: bytes from a file or upload, or text pasted into a form. */
export type ImportInput =
  | { readonly bytes: Uint8Array; readonly sourceName: string }
  | { readonly text: string; readonly sourceName: string };

/** What an import did: the article (new, or the identical one already stored), or why the input was refused. */
export type ImportOutcome =
  | { readonly ok: true; readonly id: number; readonly isNew: boolean; readonly title: string; readonly segmentCount: number }
  | { readonly ok: false; readonly reason: string; readonly message: string };

/** Who imports and with which engine. */
export interface ImportMeta {
  readonly importedBy: string;
  readonly mtEngine?: string | undefined;
  /** Derive the article's figures and flags at once (one article from a form); a bulk import leaves them to the background refresher. */
  readonly isRefreshedNow?: boolean;
}

/** Decodes, segments and stores one article; refuses empty, binary, non-UTF-8 or oversized input and then writes nothing. */
export async function importArticle(ctx: ServiceContext, input: ImportInput, meta: ImportMeta): Promise<ImportOutcome> {
  const decoded = 'bytes' in input ? decodeArticleInput(input.bytes) : decodeArticleText(input.text);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, message: decoded.message };
  const parsed = parseArticle(decoded.text);
  if (parsed.segments.every((s) => s.kind === 'boilerplate')) {
    return { ok: false, reason: 'no-content', message: 'The text holds only page chrome (navigation, copyright), no headline or paragraphs. Check that it is the whole article.' };
  }
  // The hash covers the segments, not the bytes, so a re-saved copy with other line ends
  // or trailing spaces is recognised as the same article.
  const contentHash = createHash('sha256').update(JSON.stringify(parsed.segments)).digest('hex');
  const { id, isNew } = await insertArticle(ctx.store, {
    title: parsed.title,
    sourceName: input.sourceName,
    contentHash,
    importedBy: meta.importedBy,
    mtEngine: meta.mtEngine,
    now: ctx.now(),
    segments: parsed.segments.map((s) => ({ kind: s.kind, text: s.text, words: countWords(s.text) })),
  });
  if (isNew && meta.isRefreshedNow !== false) await refreshAfterWrite(ctx.store, [id], ctx.decisionsOf);
  return { ok: true, id, isNew, title: parsed.title, segmentCount: parsed.segments.length };
}

/** The totals of a folder or file-list import, with each refused file and why. */
export interface CorpusImportResult {
  readonly added: number;
  readonly existing: number;
  readonly refused: readonly { readonly file: string; readonly message: string }[];
}

/** Returns the article files a path names: the file itself, or the `.txt` files of a folder (sorted, not recursive). */
export function listArticleFiles(path: string): string[] {
  const stat = statSync(path);
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(path, f));
}

/** Imports every file named, calling `onFile` after each; identical articles are skipped, bad files refused and reported. */
export async function importFiles(
  ctx: ServiceContext,
  files: readonly string[],
  meta: ImportMeta,
  onFile: (file: string) => void = () => {},
): Promise<CorpusImportResult> {
  let added = 0;
  let existing = 0;
  const refused: { file: string; message: string }[] = [];
  for (const file of files) {
    let bytes: Uint8Array | undefined;
    try {
      // Refuse oversized files before reading them whole.
      const size = statSync(file).size;
      if (size > MAX_ARTICLE_BYTES) throw new Error(`The file is ${(size / 1048576).toFixed(1)} MB; articles over 2 MB are refused. Split it or remove embedded data.`);
      bytes = readFileSync(file);
    } catch (err) {
      refused.push({ file, message: err instanceof Error ? err.message : String(err) });
    }
    if (bytes) {
      const outcome = await importArticle(ctx, { bytes, sourceName: basename(file) }, { ...meta, isRefreshedNow: false });
      if (!outcome.ok) refused.push({ file, message: outcome.message });
      else if (outcome.isNew) added += 1;
      else existing += 1;
    }
    onFile(file);
  }
  return { added, existing, refused };
}

/** Imports the corpus folder at start-up; a missing folder imports nothing. */
export async function importCorpus(ctx: ServiceContext, dir: string, meta: ImportMeta): Promise<CorpusImportResult> {
  let files: string[];
  try {
    files = listArticleFiles(dir);
  } catch {
    return { added: 0, existing: 0, refused: [] };
  }
  return importFiles(ctx, files, meta);
}
