/**
 * A .zip sent to the import page (issue 13): each .txt inside becomes one input of the import, as
 * the files of a folder do for `copydesk import` (NAME.ko.txt beside NAME.txt is its Korean
 * original: pairSourceUploads pairs them). Nothing is written to disk: entries are inflated into
 * memory, within the upload's limits.
 *
 * yauzl reads the archive: it trusts only the central directory, checks that each entry inflates
 * to exactly the size the directory declares (so the declared sizes can be added up, and an
 * archive refused, before a byte is inflated), and inflates through zlib streams, on libuv's
 * thread pool rather than this thread. It refuses no entry name itself when told not to decode
 * names (decodeStrings: false): this module decodes and checks each name, so one entry named
 * `../x` is skipped and reported while the others are imported.
 */
import * as zlib from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ImportInput } from './prepare-import.js';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, type UploadOutcome } from './import-articles.js';
import { ServiceError } from './errors.js';

/**
 * Most entries (files and folders) an archive may list (range 100-10,000). Listing them costs
 * little, but each skipped one is a row on the results page; the articles themselves are held to
 * MAX_UPLOAD_FILES.
 */
export const MAX_ZIP_ENTRIES = 1000;

/** Returns true when an uploaded file is to be read as a .zip archive: by its name, as the import page asks. */
export function isZipUpload(name: string): boolean {
  return name.toLowerCase().endsWith('.zip');
}

/** The inputs of an upload with its archives unpacked, and each archive entry not imported with why. */
export interface UnpackedUpload {
  readonly inputs: ImportInput[];
  readonly skipped: UploadOutcome[];
}

/**
 * Returns the inputs with every .zip among them replaced by its .txt entries, in the order sent;
 * the other entries come back as skipped, with the reason. An archive that cannot be read throws
 * an invalid ServiceError, and articles past MAX_UPLOAD_FILES or MAX_UPLOAD_BYTES (counting what
 * was sent beside the archives) a too-large one, before anything is inflated: nothing is imported.
 */
export async function unpackZipUploads(sent: readonly ImportInput[]): Promise<UnpackedUpload> {
  const isZip = (input: ImportInput): input is ImportInput & { bytes: Uint8Array } => 'bytes' in input && isZipUpload(input.sourceName);
  let files = sent.filter((input) => !isZip(input)).length;
  let bytes = sent.reduce((sum, input) => sum + (!isZip(input) && 'bytes' in input ? input.bytes.byteLength : 0), 0);
  const inputs: ImportInput[] = [];
  const skipped: UploadOutcome[] = [];
  for (const input of sent) {
    if (!isZip(input)) {
      inputs.push(input);
      continue;
    }
    const archive = await readZipUpload(input.bytes, input.sourceName, { files: MAX_UPLOAD_FILES - files, bytes: MAX_UPLOAD_BYTES - bytes });
    files += archive.inputs.length;
    bytes += archive.bytes;
    inputs.push(...archive.inputs);
    skipped.push(...archive.skipped);
  }
  return { inputs, skipped };
}

/** What an archive may still add to the upload: files and uncompressed bytes. */
interface Allowance {
  readonly files: number;
  readonly bytes: number;
}

/** An archive's .txt entries as inputs, its other entries as skipped, and the bytes the inputs hold. */
interface ReadArchive extends UnpackedUpload {
  readonly bytes: number;
}

/** Returns the .txt entries of one archive within `allowance`; throws as unpackZipUploads says. */
async function readZipUpload(zip: Uint8Array, archive: string, allowance: Allowance): Promise<ReadArchive> {
  const cannotRead = (err: unknown) =>
    new ServiceError('invalid', `${archive} cannot be read as a zip archive (${reasonOf(err)}). Nothing was imported: check that it is a .zip file and that it was not cut short, or send the .txt files themselves.`);
  let zipfile: ZipFile;
  try {
    zipfile = await yauzl.fromBufferPromise(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), { decodeStrings: false, validateEntrySizes: true });
  } catch (err) {
    throw cannotRead(err);
  }
  if (zipfile.entryCount > MAX_ZIP_ENTRIES) {
    throw new ServiceError('too-large', `${archive} lists ${zipfile.entryCount.toLocaleString('en')} files and folders; an archive may list at most ${MAX_ZIP_ENTRIES.toLocaleString('en')}. Nothing was imported: split it into smaller archives, or unpack it and import the folder with \`copydesk import\`.`);
  }

  // First the directory alone (names and declared sizes), so the limits hold before anything is inflated.
  const articles: { entry: Entry; name: string }[] = [];
  const skipped: UploadOutcome[] = [];
  const skip = (name: string, message: string) => skipped.push({ ok: false, reason: 'skipped', sourceName: name, archive, message });
  try {
    for await (const entry of zipfile.eachEntry()) {
      const name = entryName(entry);
      const problem = entryProblem(name);
      if (problem === 'folder') continue;
      if (problem !== undefined) skip(shownName(name), problem);
      else articles.push({ entry, name });
    }
  } catch (err) {
    throw cannotRead(err);
  }
  const declared = articles.reduce((sum, a) => sum + a.entry.uncompressedSize, 0);
  if (articles.length > allowance.files) {
    throw new ServiceError('too-large', `${archive} holds ${articles.length} .txt files; with the rest of this import that is more than ${MAX_UPLOAD_FILES}, the most one import takes. Nothing was imported: split it into smaller archives, or unpack it and import the folder with \`copydesk import\`.`);
  }
  if (declared > allowance.bytes) {
    throw new ServiceError('too-large', `${archive} unpacks to ${megabytes(declared)} of .txt files; with the rest of this import that is more than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB, the most one import takes. Nothing was imported: split it into smaller archives, or unpack it and import the folder with \`copydesk import\`.`);
  }

  const inputs: ImportInput[] = [];
  let bytes = 0;
  for (const { entry, name } of articles) {
    const read = await readEntry(zipfile, entry);
    if (typeof read === 'string') {
      skipped.push({ ok: false, reason: 'damaged', sourceName: name, archive, message: read });
      continue;
    }
    bytes += read.byteLength;
    inputs.push({ bytes: read, sourceName: name, archive });
  }
  return { inputs, skipped, bytes };
}

/** Returns an entry's name: UTF-8 when the archive says so (or gives an Info-ZIP Unicode path), else CP437; backslashes read as folder separators. */
function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
}

/**
 * Returns why an entry is not imported as an article ('folder' for a folder, which is not listed),
 * or undefined for a .txt file to read. Its name is never used as a path: nothing is written to
 * disk, but a name that climbs out of the archive is a sign of a hostile one and is not read.
 */
function entryProblem(name: string): string | undefined {
  if (name.includes('\u0000') || name === '') return 'Its name is empty or holds a NUL character, which no file name has; it was not read.';
  if (yauzl.validateFileName(name) !== null) return 'Its name points outside the archive (an absolute path, or ../); it was not read.';
  if (name.endsWith('/')) return 'folder';
  const base = name.slice(name.lastIndexOf('/') + 1);
  // Finder adds __MACOSX/._NAME.txt resource files beside every NAME.txt: binary, never an article.
  if (name.startsWith('__MACOSX/') || base.startsWith('.')) return 'A hidden file or macOS metadata (__MACOSX), not an article.';
  if (!base.toLowerCase().endsWith('.txt')) return 'Not a .txt file: only plain-text articles (NAME.txt, and NAME.ko.txt for a Korean original) are imported from an archive.';
  return undefined;
}

/** Returns a name to list: a NUL shown as U+FFFD, cut when absurdly long (the results page prints it; a name can be 65,535 bytes). */
function shownName(name: string): string {
  const shown = name.replaceAll('\u0000', '\uFFFD');
  return shown.length > 200 ? `${shown.slice(0, 199)}…` : shown;
}

/**
 * Returns an entry's bytes, or a sentence saying why it cannot be read: encrypted, compressed
 * with a method other than deflate, or damaged (the inflated data is not the declared size or
 * does not match its checksum; yauzl stops such a stream as soon as it passes the declared size).
 */
async function readEntry(zipfile: ZipFile, entry: Entry): Promise<Uint8Array | string> {
  if (entry.isEncrypted()) return 'The file is encrypted in the archive. Unpack it yourself and send the .txt file.';
  if (!entry.canDecodeFileData()) return `The file is compressed with a method Copydesk cannot unpack (method ${entry.compressionMethod}). Make the archive again with ordinary (deflate) compression.`;
  try {
    const stream = await zipfile.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const data = Buffer.concat(chunks);
    if (crc32(data) !== entry.crc32) return 'The file is damaged in the archive (its content does not match its checksum). Make the archive again.';
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } catch (err) {
    return `The file is damaged in the archive (${reasonOf(err)}). Make the archive again.`;
  }
}

/** Returns the CRC-32 of `data`: zlib's (Node 20.15 and later), else computed here. */
function crc32(data: Uint8Array): number {
  // zlib.crc32 is native; a Node 20 before 20.15 lacks it (package.json asks for >=20).
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data) >>> 0;
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Returns yauzl's or zlib's sentence for an error, without its closing full stop (it is quoted in brackets). */
function reasonOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\.+$/u, '');
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
