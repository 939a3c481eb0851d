import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from './open-db.js';
import { importArticle } from './import-article.js';
import { MAX_ARTICLE_BYTES } from '../core/article/decode-input.js';

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

/** Imports every file named (files or folders), calling `onFile` after each; identical articles are skipped, bad files refused and reported. */
export function importFiles(
  db: Db,
  files: readonly string[],
  meta: { importedBy: string; now: () => string; mtEngine?: string | undefined },
  onFile: (file: string) => void = () => {},
): CorpusImportResult {
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
      const outcome = importArticle(db, { bytes, sourceName: basename(file) }, { importedBy: meta.importedBy, now: meta.now(), mtEngine: meta.mtEngine });
      if (!outcome.ok) refused.push({ file, message: outcome.message });
      else if (outcome.isNew) added += 1;
      else existing += 1;
    }
    onFile(file);
  }
  return { added, existing, refused };
}

/** Imports the corpus folder at start-up; a missing folder imports nothing. */
export function importCorpus(db: Db, dir: string, meta: { importedBy: string; now: () => string }): CorpusImportResult {
  let files: string[];
  try {
    files = listArticleFiles(dir);
  } catch {
    return { added: 0, existing: 0, refused: [] };
  }
  return importFiles(db, files, meta);
}
