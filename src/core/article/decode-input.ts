import { findInvalidUtf8Offset, utf8ByteLength } from './utf8.js';

/**
 * The largest article accepted, in bytes: 2 MiB. A long feature is under 100 kB of text, so more
 * than this is almost always embedded data (base64 images, a whole page's HTML) or the wrong file.
 */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/**
 * Share of control characters (C0 other than \t \n \r \f) above which input is taken for binary
 * data (range 0-1). Text pasted from Word or a browser may carry a few stray ones; a file that is
 * not text carries many.
 */
export const BINARY_CONTROL_SHARE = 0.1;

/** Why input was refused: each reason has its own sentence for the editor. */
export type DecodeFailureReason = 'empty' | 'too-large' | 'binary' | 'not-utf8';

/** Article text ready to parse, or a refusal with a message for the editor. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: DecodeFailureReason; readonly message: string };

/** Options for the decoders. */
export interface DecodeOptions {
  /** Largest accepted size in UTF-8 bytes; defaults to MAX_ARTICLE_BYTES. */
  readonly maxBytes?: number;
}

/** How the input arrived, which decides the wording of the messages. */
type InputSource = 'file' | 'text';

const MEBIBYTE = 1024 * 1024;
const UTF16_LE_BOM = [0xff, 0xfe] as const;
const UTF16_BE_BOM = [0xfe, 0xff] as const;

/** Returns the text of an uploaded article file, or why it was refused. Strips a UTF-8 BOM. */
export function decodeArticleInput(bytes: Uint8Array, opts: DecodeOptions = {}): DecodeResult {
  const maxBytes = readMaxBytes(opts);
  if (bytes.length === 0) return refuse('empty', emptyMessage('file', false));
  if (bytes.length > maxBytes) return refuse('too-large', tooLargeMessage('file', bytes.length, maxBytes));
  // Notepad's "Unicode" is UTF-16: say so, rather than call its NUL-filled bytes binary.
  if (startsWith(bytes, UTF16_LE_BOM) || startsWith(bytes, UTF16_BE_BOM)) {
    return refuse('not-utf8', 'The file is UTF-16 text, not UTF-8. Save it as UTF-8 and try again.');
  }
  const binary = findBinaryEvidence(bytes.length, (i) => bytes[i] ?? 0);
  if (binary !== undefined) return refuse('binary', binaryMessage('file', binary));

  let text: string;
  try {
    // fatal: a bad byte must be refused, not silently become U+FFFD in the stored MT text.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('not-utf8', notUtf8Message(findInvalidUtf8Offset(bytes)));
  }
  // TextDecoder drops the BOM itself (ignoreBOM is false); a second one would be content.
  if (text.trim() === '') return refuse('empty', emptyMessage('file', true));
  return { ok: true, text };
}

/** Returns pasted article text without a leading BOM, or why it was refused. */
export function decodeArticleText(text: string, opts: DecodeOptions = {}): DecodeResult {
  const maxBytes = readMaxBytes(opts);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.length === 0) return refuse('empty', emptyMessage('text', false));
  const size = utf8ByteLength(body, maxBytes);
  if (size > maxBytes) return refuse('too-large', tooLargeMessage('text', utf8ByteLength(body), maxBytes));
  const binary = findBinaryEvidence(body.length, (i) => body.charCodeAt(i));
  if (binary !== undefined) return refuse('binary', binaryMessage('text', binary));
  if (body.trim() === '') return refuse('empty', emptyMessage('text', true));
  return { ok: true, text: body };
}

/** What made input look binary: a NUL at an offset, or the share of control characters. */
type BinaryEvidence = { readonly nulAt: number } | { readonly controlShare: number };

/**
 * Looks at code units (bytes for a file, UTF-16 units for pasted text); below 0x20 the two agree,
 * because UTF-8 never uses a byte under 0x80 inside a multi-byte character.
 */
function findBinaryEvidence(length: number, unitAt: (i: number) => number): BinaryEvidence | undefined {
  let controls = 0;
  for (let i = 0; i < length; i += 1) {
    const unit = unitAt(i);
    if (unit >= 0x20) continue;
    if (unit === 0) return { nulAt: i };
    if (unit !== 0x09 && unit !== 0x0a && unit !== 0x0d && unit !== 0x0c) controls += 1;
  }
  const share = controls / length;
  return share > BINARY_CONTROL_SHARE ? { controlShare: share } : undefined;
}

function readMaxBytes(opts: DecodeOptions): number {
  const maxBytes = opts.maxBytes ?? MAX_ARTICLE_BYTES;
  // Programmer misuse, not bad input: a limit must be a whole number of bytes.
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`maxBytes must be a non-negative integer, got ${String(maxBytes)}`);
  }
  return maxBytes;
}

function refuse(reason: DecodeFailureReason, message: string): DecodeResult {
  return { ok: false, reason, message };
}

function emptyMessage(source: InputSource, isWhitespace: boolean): string {
  const what = source === 'file' ? 'The file' : 'The text';
  const problem = isWhitespace ? `${what} holds only spaces and blank lines.` : `${what} is empty.`;
  const fix = source === 'file' ? 'Choose the file that holds the article text.' : 'Paste the article text and try again.';
  return `${problem} ${fix}`;
}

function tooLargeMessage(source: InputSource, size: number, maxBytes: number): string {
  const limit = formatSize(maxBytes);
  // Just over the limit rounds to the limit ("2 MB; over 2 MB"), so show exact bytes then.
  const shown = formatSize(size) === limit ? `${groupDigits(size)} bytes` : formatSize(size);
  const what = source === 'file' ? 'The file' : 'The text';
  return `${what} is ${shown}; articles over ${limit} are refused. Split it or remove embedded data.`;
}

function binaryMessage(source: InputSource, evidence: BinaryEvidence): string {
  const where = source === 'file' ? 'offset' : 'position';
  const detail =
    'nulAt' in evidence
      ? `a NUL byte at ${where} ${evidence.nulAt}`
      : `${Math.round(evidence.controlShare * 100)}% of its characters are control characters`;
  const what = source === 'file' ? 'The file' : 'The text';
  const fix = source === 'file' ? 'Save the article as plain UTF-8 text and try again.' : 'Paste the article as plain text and try again.';
  return `${what} looks like binary data, not text (${detail}). ${fix}`;
}

function notUtf8Message(offset: number): string {
  const where = offset >= 0 ? ` (invalid byte at offset ${offset})` : '';
  return `The file is not UTF-8 text${where}. Save it as UTF-8 and try again.`;
}

/** Sizes for editors: bytes, KB or MB with at most one decimal (1 KB = 1024 bytes, as file managers show). */
function formatSize(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  if (bytes < MEBIBYTE) return `${oneDecimal(bytes / 1024)} KB`;
  return `${oneDecimal(bytes / MEBIBYTE)} MB`;
}

function oneDecimal(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

/** 2097153 -> "2,097,153"; written out because toLocaleString depends on the ICU build. */
function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
