/**
 * A TrueType font file as its tables, read and written back (the OpenType table directory,
 * checksums and the head table's checksum adjustment as the specification has them).
 */

export interface Sfnt {
  version: number;
  tables: Map<string, Uint8Array>;
}

export function readSfnt(bytes: Uint8Array): Sfnt {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let index = 0; index < count; index++) {
    const record = 12 + 16 * index;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (offset + length > bytes.length) throw new Error(`The font's ${tag} table runs past its end`);
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return { version: view.getUint32(0), tables };
}

export function writeSfnt(font: Sfnt): Uint8Array {
  const tags = [...font.tables.keys()].sort();
  const headerLength = 12 + 16 * tags.length;
  const padded = (length: number) => (length + 3) & ~3;
  const total = tags.reduce((sum, tag) => sum + padded(font.tables.get(tag)!.length), headerLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint32(0, font.version);
  view.setUint16(4, tags.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tags.length * 16 - power * 16);
  let offset = headerLength;
  let headOffset = -1;
  tags.forEach((tag, index) => {
    const table = font.tables.get(tag)!;
    out.set(table, offset);
    if (tag === 'head') {
      headOffset = offset;
      // The adjustment is reckoned with itself as zero.
      view.setUint32(offset + 8, 0);
    }
    const record = 12 + 16 * index;
    for (let char = 0; char < 4; char++) out[record + char] = tag.charCodeAt(char);
    view.setUint32(record + 4, checksum(out, offset, table.length));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, table.length);
    offset += padded(table.length);
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out, 0, out.length)) >>> 0);
  return out;
}

function checksum(bytes: Uint8Array, offset: number, length: number): number {
  let sum = 0;
  for (let at = offset; at < offset + length; at += 4) {
    const word =
      ((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}
