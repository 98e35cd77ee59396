/**
 * Writes the EPUB container byte for byte the same for the same entries: `mimetype` first and
 * stored (the OCF rule that lets a reader sniff the type), then every other file in name order,
 * all stamped with one fixed time, deflated at a fixed level, no folder entries. Photos and
 * fonts are already compressed: storing them saves time and costs next to no space.
 *
 * Written here, as JSZip writes a DOS zip, rather than by JSZip: JSZip sums and deflates every
 * entry again on every pack, in small steps on the thread that also feeds Chromium. Here an
 * entry that is as it was in this process's last pack keeps its deflated bytes and its sum
 * (`watch` packs after every edit, and an edit changes one chapter); photos and fonts are
 * stored and only summed. Deflating is pako's, as
 * JSZip's is: the same bytes on every machine.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import pako from 'pako';
import type { ZipEntry } from './post-process.ts';

/** Zip (DOS) timestamps start in 1980 and count seconds in twos. */
const DOS_EPOCH = Date.UTC(1980, 0, 1);
const compressed = /\.(jpe?g|png|gif|webp|avif|woff2?)$/i;
const STORE = 0;
const DEFLATE = 8;

/** An entry as the zip holds it. */
interface PackedEntry {
  method: typeof STORE | typeof DEFLATE;
  crc: number;
  size: number;
  data: Uint8Array;
}

/** The deflated entries of the last pack, by their name and content. */
let lastPacked = new Map<string, PackedEntry>();

export async function reproducibleZip(entries: readonly ZipEntry[], time: Date): Promise<Buffer> {
  const date = new Date(Math.max(DOS_EPOCH, Math.floor(time.getTime() / 2000) * 2000));
  const mimetype = entries.find((entry) => entry.name === 'mimetype');
  if (!mimetype) throw new Error('EPUB without a mimetype entry');
  const rest = entries
    .filter((entry) => entry !== mimetype)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const packed = new Map<string, PackedEntry>();
  const pack = (entry: ZipEntry, method: PackedEntry['method']) => {
    // Summing a stored entry costs what looking it up would.
    if (method === STORE) return { name: entry.name, ...packEntry(entry.data, STORE) };
    const key = createHash('sha1').update(entry.name).update('\0').update(entry.data).digest('hex');
    const made = lastPacked.get(key) ?? packEntry(entry.data, method);
    packed.set(key, made);
    return { name: entry.name, ...made };
  };
  const files = [
    pack(mimetype, STORE),
    ...rest.map((entry) => pack(entry, compressed.test(entry.name) ? STORE : DEFLATE)),
  ];
  lastPacked = packed;
  return zipOf(files, date);
}

/** An empty entry is stored, as JSZip stores it. */
function packEntry(data: Uint8Array, wanted: PackedEntry['method']): PackedEntry {
  const method = data.length === 0 ? STORE : wanted;
  return {
    method,
    crc: crc32(data),
    size: data.length,
    data: method === DEFLATE ? pako.deflateRaw(data, { level: 9 }) : data,
  };
}

/** The zip: each entry's local header and data, the central directory, its end record. */
function zipOf(files: (PackedEntry & { name: string })[], date: Date): Buffer {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const { name, extra, flags } = encodedName(file.name);
    // What the local header and the directory entry share, from "version needed" on.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(10, 0);
    common.writeUInt16LE(flags, 2);
    common.writeUInt16LE(file.method, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(day, 8);
    common.writeUInt32LE(file.crc >>> 0, 10);
    common.writeUInt32LE(file.data.length, 14);
    common.writeUInt32LE(file.size, 18);
    common.writeUInt16LE(name.length, 22);
    common.writeUInt16LE(extra.length, 24);
    const local = Buffer.concat([signature(0x04034b50), common, name, extra]);
    locals.push(local, Buffer.from(file.data.buffer, file.data.byteOffset, file.data.length));
    // Made by: DOS, zip 2.0.
    const madeBy = Buffer.from([0x14, 0x00]);
    // After the shared part: comment length, disk, internal and external attributes, the offset.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    central.push(Buffer.concat([signature(0x02014b50), madeBy, common, tail, name, extra]));
    offset += local.length + file.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function signature(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value, 0);
  return bytes;
}

/** A name in UTF-8; one beyond ASCII is flagged so, and also given in the Unicode path field. */
function encodedName(text: string): { name: Buffer; extra: Buffer; flags: number } {
  const name = Buffer.from(text, 'utf8');
  if (name.length === text.length) return { name, extra: Buffer.alloc(0), flags: 0 };
  const field = Buffer.alloc(9);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + name.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(name) >>> 0, 5);
  return { name, extra: Buffer.concat([field, name]), flags: 0x0800 };
}
