/**
 * The one way Copydesk reads a file it is given (an article for `check`, `metrics` and `import`, a
 * glossary for `glossary import`): only a regular file, and never more than a limit. Security
 * issue 11: `/dev/zero`, a FIFO or a 3 GB file must be refused with a sentence, not read until
 * memory runs out, block forever, or surface as Node's ERR_FS_FILE_TOO_LARGE.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { MAX_ARTICLE_BYTES } from '../core/article/decode-input.js';
import { MAX_GLOSSARY_BYTES } from '../formats/glossary/limits.js';

/** What a capped read found: the bytes, or why there are none, as a sentence for the person who named the file. */
export type InputFileRead =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'missing' | 'not-a-file' | 'too-large' | 'unreadable'; readonly message: string };

/** The limit of one read and the words of its refusal. */
export interface InputFileLimit {
  /** Largest accepted size in bytes (a whole number). */
  readonly maxBytes: number;
  /** What the limit is for, plural: "articles", "glossary files". */
  readonly what: string;
  /** A sentence saying what to do with a file over the limit. */
  readonly advice?: string;
}

/** An article file (`check`, `metrics`, `import`): what an upload may hold. */
export const ARTICLE_FILE_LIMIT: InputFileLimit = { maxBytes: MAX_ARTICLE_BYTES, what: 'articles', advice: 'Split it or remove embedded data.' };

/** A glossary file (`glossary import`): what an upload may hold. */
export const GLOSSARY_FILE_LIMIT: InputFileLimit = {
  maxBytes: MAX_GLOSSARY_BYTES,
  what: 'glossary files',
  advice: 'Split it into smaller files, or export only the concepts you need.',
};

/**
 * Opened without blocking, so a FIFO with no writer is refused rather than waited on (O_NONBLOCK
 * changes nothing for a regular file), and never as a controlling terminal (O_NOCTTY). Windows has
 * neither flag, nor FIFOs to block on.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Returns the bytes of the regular file at `path`, or why it is refused: missing, not a regular
 * file (a folder, a character device such as /dev/zero, a FIFO, a socket), over `limit.maxBytes`,
 * or unreadable. The size is taken from the opened file (fstat), and at most maxBytes + 1 bytes are
 * read, so a file that grows after it was measured is refused too.
 */
export function readInputFile(path: string, limit: InputFileLimit): InputFileRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    return openFailure(err);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file', message: notAFileMessage(stat) };
    if (stat.size > limit.maxBytes) return tooLarge(stat.size, limit);
    return readCapped(fd, stat.size, limit);
  } catch (err) {
    return { ok: false, reason: 'unreadable', message: `cannot read it (${errorCode(err)})` };
  } finally {
    closeSync(fd);
  }
}

/**
 * Returns the sentence for a path that exists but is not a regular file ("is a folder, …"), or
 * undefined for a regular file; `stat` may come from statSync, which never blocks on a FIFO.
 */
export function notAFileProblem(stat: Stats): string | undefined {
  return stat.isFile() ? undefined : notAFileMessage(stat);
}

function notAFileMessage(stat: Stats): string {
  if (stat.isDirectory()) return 'is a folder, not a file; name the file itself.';
  const what = stat.isFIFO()
    ? 'a named pipe (FIFO)'
    : stat.isCharacterDevice()
      ? 'a character device (such as /dev/zero or a terminal)'
      : stat.isBlockDevice()
        ? 'a block device (a disk)'
        : stat.isSocket()
          ? 'a socket'
          : 'not a regular file';
  return `is ${what}, not a regular file; Copydesk reads only regular files. Save the text to a file and name that file.`;
}

/** Reads at most limit.maxBytes + 1 bytes; one byte more than the limit means the file grew past it. */
function readCapped(fd: number, size: number, limit: InputFileLimit): InputFileRead {
  const cap = limit.maxBytes + 1;
  // The measured size plus one byte, so that growth shows; grown by doubling, never past the cap.
  let buffer = Buffer.alloc(Math.min(size + 1, cap));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= cap) break;
      const grown = Buffer.alloc(Math.min(buffer.length * 2, cap));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  if (length > limit.maxBytes) return tooLarge(undefined, limit);
  return { ok: true, bytes: buffer.subarray(0, length) };
}

function tooLarge(size: number | undefined, limit: InputFileLimit): InputFileRead {
  const max = formatSize(limit.maxBytes);
  // Just over the limit rounds to the limit ("2 MB; over 2 MB"): show the exact bytes then.
  const shown = size === undefined ? `over ${max} (it grew while it was read)` : formatSize(size) === max ? `${groupDigits(size)} bytes` : formatSize(size);
  const advice = limit.advice === undefined ? '' : ` ${limit.advice}`;
  return { ok: false, reason: 'too-large', message: `The file is too large: ${shown}; ${limit.what} over ${max} are refused.${advice}` };
}

function openFailure(err: unknown): InputFileRead {
  const code = errorCode(err);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', message: 'no such file' };
  // Windows refuses to open a folder rather than open it for fstat to see.
  if (code === 'EISDIR') return { ok: false, reason: 'not-a-file', message: 'is a folder, not a file; name the file itself.' };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'unreadable', message: 'permission denied' };
  // A FIFO or device that refuses a non-blocking open (ENXIO: a socket file; EAGAIN, EBUSY) is not a file either.
  if (code === 'ENXIO' || code === 'EAGAIN' || code === 'EBUSY') {
    return { ok: false, reason: 'not-a-file', message: 'is not a regular file; Copydesk reads only regular files. Save the text to a file and name that file.' };
  }
  return { ok: false, reason: 'unreadable', message: `cannot read it (${code})` };
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException | undefined)?.code ?? String(err);
}

const KIB = 1024;

/** Sizes for people: bytes, KB, MB or GB with at most one decimal (1 KB = 1,024 bytes, as the limits are counted). */
function formatSize(bytes: number): string {
  if (bytes < KIB) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'] as const;
  let value = bytes / KIB;
  let unit = 0;
  while (value >= KIB && unit < units.length - 1) {
    value /= KIB;
    unit += 1;
  }
  return `${value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
}

/** 2097153 -> "2,097,153"; written out because toLocaleString depends on the ICU build. */
function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
