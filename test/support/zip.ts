/**
 * Builds .zip archives for the import tests, byte by byte after the PKWARE APPNOTE (4.3.7 local
 * file header, 4.3.12 central directory header, 4.3.16 end of central directory record), so a
 * test can make what no zip tool writes: an entry named ../x, a size that lies, a bad checksum.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** One entry: its name and content; the rest bends the archive for a test. */
export interface ZipEntry {
  readonly name: string;
  /** Absent for a folder entry (its name ends in /). */
  readonly data?: Buffer | string;
  /** 0 stores the bytes, 8 deflates them (the default); another method is written as given, with the bytes stored. */
  readonly method?: number;
  /** The uncompressed size the archive declares, when it should lie. */
  readonly declaredSize?: number;
  /** The CRC-32 the archive declares, when it should lie. */
  readonly crc?: number;
  /** Set the traditional-encryption flag, with a blank encryption header (the bytes are not encrypted: a reader must refuse before it reads them). */
  readonly isEncrypted?: boolean;
}

/** Returns a .zip archive holding `entries` in order, names marked UTF-8. */
export function makeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data ?? '');
    const method = entry.method ?? (entry.data === undefined ? 0 : 8);
    const packed = method === 8 ? deflateRawSync(data) : data;
    // Traditional encryption puts a 12-byte header before the data (APPNOTE 6.1.3).
    const body = entry.isEncrypted ? Buffer.concat([Buffer.alloc(12), packed]) : packed;
    const crc = entry.crc ?? crc32(data);
    const size = entry.declaredSize ?? data.length;
    const flags = 0x0800 | (entry.isEncrypted ? 0x0001 : 0);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(entry.data === undefined ? 0x10 : 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
