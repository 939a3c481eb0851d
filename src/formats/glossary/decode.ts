import { findInvalidUtf8Offset, utf8ByteLength } from '../../core/article/utf8.js';
import { MAX_GLOSSARY_BYTES, tooLargeMessage } from './limits.js';

/** A glossary file's text, or why it was refused (with the line when there is one). */
export type DecodedText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly message: string; readonly line?: number };

/**
 * Share of control characters (C0 other than tab, LF, CR, FF) above which a file is taken for
 * binary data (range 0-1), as for articles (core/article/decode-input.ts).
 */
const BINARY_CONTROL_SHARE = 0.1;

/**
 * Returns the text of an uploaded glossary file. The size is checked before anything else, so a
 * 50 MB upload is refused without being decoded. UTF-8 (a BOM is dropped) and UTF-16 with a BOM
 * (what MultiTerm and older Trados write TBX in) are read; anything else is refused with the line
 * of the first bad byte.
 */
export function decodeGlossaryBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_GLOSSARY_BYTES) return { ok: false, message: tooLargeMessage(bytes.length) };
  if (bytes.length === 0) return { ok: false, message: 'The file is empty. Choose the glossary file to import.' };
  const utf16 = utf16Encoding(bytes);
  if (utf16 !== undefined) {
    try {
      return checkGlossaryText(new TextDecoder(utf16, { fatal: true }).decode(bytes));
    } catch {
      return { ok: false, message: 'The file starts as UTF-16 text but holds bytes that are not UTF-16. Save it as UTF-8 and try again.' };
    }
  }
  // "PK\x03\x04": a ZIP archive, which is what an .xlsx workbook is.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { ok: false, message: 'The file is a ZIP archive (an Excel workbook is one), not a text file. In Excel, use File > Save As > "CSV UTF-8", then import the CSV.' };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return notText(lineOfByte(bytes, nul));
  const bad = findInvalidUtf8Offset(bytes);
  if (bad !== -1) {
    const line = lineOfByte(bytes, bad);
    return {
      ok: false,
      message: `Line ${line} holds a byte that is not UTF-8 (byte ${bad + 1} of the file). Save the glossary as UTF-8 (in Excel: "CSV UTF-8") and try again.`,
      line,
    };
  }
  // TextDecoder drops a leading UTF-8 BOM itself (ignoreBOM is false).
  return checkGlossaryText(new TextDecoder('utf-8').decode(bytes));
}

/**
 * Returns `text` without a leading BOM when it can be a glossary: not over MAX_GLOSSARY_BYTES as
 * UTF-8 (measured only as far as the limit), not empty, not binary. Readers given a string call this first.
 */
export function checkGlossaryText(text: string): DecodedText {
  // Every UTF-16 unit is at least one UTF-8 byte: a string this long is over the limit uncounted.
  if (text.length > MAX_GLOSSARY_BYTES) return { ok: false, message: tooLargeMessage(text.length) };
  const size = utf8ByteLength(text, MAX_GLOSSARY_BYTES);
  if (size > MAX_GLOSSARY_BYTES) return { ok: false, message: tooLargeMessage(utf8ByteLength(text)) };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') {
    return { ok: false, message: body === '' ? 'The file is empty. Choose the glossary file to import.' : 'The file holds only spaces and blank lines. Choose the glossary file to import.' };
  }
  let controls = 0;
  for (let i = 0; i < body.length; i += 1) {
    const unit = body.charCodeAt(i);
    if (unit >= 0x20) continue;
    if (unit === 0) return notText(lineOfIndex(body, i));
    if (unit !== 0x09 && unit !== 0x0a && unit !== 0x0d && unit !== 0x0c) controls += 1;
  }
  if (controls / body.length > BINARY_CONTROL_SHARE) return notText(undefined);
  return { ok: true, text: body };
}

/** Returns the 1-based line of the character at `index` (lines end at LF; CR LF counts once). */
export function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

function notText(line: number | undefined): DecodedText {
  const where = line === undefined ? 'It is full of control characters' : `Line ${line} holds a NUL byte`;
  const message = `The file is not a text file (${where}): it looks like a spreadsheet, archive or other binary file. Export the glossary as CSV (UTF-8), TBX or JSON and try again.`;
  return line === undefined ? { ok: false, message } : { ok: false, message, line };
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
