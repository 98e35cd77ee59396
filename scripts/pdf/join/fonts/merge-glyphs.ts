/**
 * Subsets of one TrueType font merged into one: Chromium subsets a font for each print keeping
 * every glyph's ID (a glyph it leaves out is empty), so the subsets of the same font made by
 * different parts can be laid over one another, glyph by glyph. The merged font holds what
 * a PDF reader draws with (outlines, metrics, hinting); the layout tables (GSUB, GPOS…), which
 * a PDF never uses, are left out, and glyph names with them.
 */
import { readSfnt, type Sfnt, writeSfnt } from './sfnt.ts';

/**
 * The tables kept as the first subset has them: hinting, line metrics, names, and its cmap
 * (which PDF readers do not use for a font drawn by glyph ID).
 */
const KEPT = ['cvt ', 'fpgm', 'prep', 'gasp', 'OS/2', 'name', 'cmap'];

interface Subset {
  font: Sfnt;
  glyphs: Uint8Array[];
  advances: number[];
  sideBearings: number[];
}

/**
 * What identifies a font whatever its subset: its head table's revision, dates and units. Two
 * subsets with the same name and the same identity come from the same font file.
 */
export function fontIdentity(bytes: Uint8Array): string {
  const head = readSfnt(bytes).tables.get('head');
  if (!head || head.length < 54) return '';
  return Buffer.from(head.subarray(4, 8)).toString('hex') + Buffer.from(head.subarray(18, 36)).toString('hex');
}

export interface MergedGlyphs {
  program: Uint8Array;
  /** Each glyph's advance, in thousandths of the em (as a PDF's widths are). */
  widths: number[];
}

/**
 * The merged font, or undefined when the subsets disagree about a glyph or one cannot be read
 * (they are then left apart).
 */
export function mergeGlyphs(fonts: Uint8Array[]): MergedGlyphs | undefined {
  let subsets: Subset[];
  try {
    subsets = fonts.map(readSubset);
  } catch {
    return undefined;
  }
  const count = Math.max(...subsets.map((subset) => subset.glyphs.length));
  const glyphs: Uint8Array[] = [];
  const advances: number[] = [];
  const sideBearings: number[] = [];
  for (let gid = 0; gid < count; gid++) {
    const holders = subsets.filter((subset) => (subset.glyphs[gid]?.length ?? 0) > 0);
    const glyph = holders[0]?.glyphs[gid] ?? new Uint8Array(0);
    if (holders.some((holder) => !sameGlyph(holder.glyphs[gid]!, glyph))) return undefined;
    // A glyph without an outline (a space) has its advance only where a subset drew it.
    const metrics = holders[0] ?? subsets.find((subset) => (subset.advances[gid] ?? 0) > 0) ?? subsets[0]!;
    glyphs.push(glyph);
    advances.push(metrics.advances[gid] ?? 0);
    sideBearings.push(metrics.sideBearings[gid] ?? 0);
  }
  const base = subsets[0]!.font;
  const tables = new Map<string, Uint8Array>();
  for (const tag of KEPT) if (base.tables.has(tag)) tables.set(tag, base.tables.get(tag)!);
  const { glyf, loca } = glyphTables(glyphs);
  tables.set('glyf', glyf);
  tables.set('loca', loca);
  tables.set('hmtx', metricsTable(advances, sideBearings));
  tables.set('head', headTable(subsets));
  tables.set('hhea', hheaTable(subsets, advances, count));
  tables.set('maxp', maxpTable(subsets, count));
  tables.set('post', postTable(base));
  const unitsPerEm = new DataView(tables.get('head')!.buffer).getUint16(18) || 1000;
  return {
    program: writeSfnt({ version: base.version, tables }),
    widths: advances.map((advance) => (advance * 1000) / unitsPerEm),
  };
}

/** The same glyph: the same bytes, but for the padding a short glyph offset table adds. */
function sameGlyph(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length === b.length) return Buffer.compare(a, b) === 0;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return (
    long.length - short.length < 4 &&
    long.subarray(short.length).every((byte) => byte === 0) &&
    Buffer.compare(short, long.subarray(0, short.length)) === 0
  );
}

function readSubset(bytes: Uint8Array): Subset {
  const font = readSfnt(bytes);
  const table = (tag: string) => {
    const found = font.tables.get(tag);
    if (!found) throw new Error(`The font has no ${tag} table`);
    return new DataView(found.buffer, found.byteOffset, found.byteLength);
  };
  const head = table('head');
  const count = table('maxp').getUint16(4);
  const loca = table('loca');
  const glyf = font.tables.get('glyf');
  const long = head.getInt16(50) === 1;
  if (!glyf || loca.byteLength < (count + 1) * (long ? 4 : 2)) throw new Error('The font has no glyphs to merge');
  const offset = (gid: number) => (long ? loca.getUint32(gid * 4) : loca.getUint16(gid * 2) * 2);
  const glyphs = Array.from({ length: count }, (_, gid) => glyf.subarray(offset(gid), offset(gid + 1)));
  const metricCount = table('hhea').getUint16(34);
  const hmtx = table('hmtx');
  if (metricCount === 0 || hmtx.byteLength < metricCount * 4 + Math.max(0, count - metricCount) * 2)
    throw new Error('The font has too few metrics for its glyphs');
  const advances: number[] = [];
  const sideBearings: number[] = [];
  for (let gid = 0; gid < count; gid++) {
    const full = gid < metricCount;
    advances.push(full ? hmtx.getUint16(gid * 4) : (advances[metricCount - 1] ?? 0));
    sideBearings.push(full ? hmtx.getInt16(gid * 4 + 2) : hmtx.getInt16(metricCount * 4 + (gid - metricCount) * 2));
  }
  return { font, glyphs, advances, sideBearings };
}

function glyphTables(glyphs: Uint8Array[]): { glyf: Uint8Array; loca: Uint8Array } {
  const padded = glyphs.map((glyph) => (glyph.length + 3) & ~3);
  const glyf = new Uint8Array(padded.reduce((sum, length) => sum + length, 0));
  const loca = new DataView(new ArrayBuffer((glyphs.length + 1) * 4));
  let offset = 0;
  glyphs.forEach((glyph, gid) => {
    loca.setUint32(gid * 4, offset);
    glyf.set(glyph, offset);
    offset += padded[gid]!;
  });
  loca.setUint32(glyphs.length * 4, offset);
  return { glyf, loca: new Uint8Array(loca.buffer) };
}

function metricsTable(advances: number[], sideBearings: number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(advances.length * 4));
  advances.forEach((advance, gid) => {
    view.setUint16(gid * 4, advance);
    view.setInt16(gid * 4 + 2, sideBearings[gid]!);
  });
  return new Uint8Array(view.buffer);
}

/** The first subset's head, with long glyph offsets and the bounding box of every subset's glyphs. */
function headTable(subsets: Subset[]): Uint8Array {
  const head = copyOf(subsets[0]!.font.tables.get('head')!);
  const view = new DataView(head.buffer);
  const boxes = subsets.map(({ font }) => new DataView(copyOf(font.tables.get('head')!).buffer));
  view.setInt16(36, Math.min(...boxes.map((box) => box.getInt16(36))));
  view.setInt16(38, Math.min(...boxes.map((box) => box.getInt16(38))));
  view.setInt16(40, Math.max(...boxes.map((box) => box.getInt16(40))));
  view.setInt16(42, Math.max(...boxes.map((box) => box.getInt16(42))));
  view.setInt16(50, 1);
  return head;
}

function hheaTable(subsets: Subset[], advances: number[], count: number): Uint8Array {
  const hhea = copyOf(subsets[0]!.font.tables.get('hhea')!);
  const view = new DataView(hhea.buffer);
  const all = subsets.map(({ font }) => new DataView(copyOf(font.tables.get('hhea')!).buffer));
  view.setUint16(10, Math.max(...advances));
  view.setInt16(12, Math.min(...all.map((table) => table.getInt16(12))));
  view.setInt16(14, Math.min(...all.map((table) => table.getInt16(14))));
  view.setInt16(16, Math.max(...all.map((table) => table.getInt16(16))));
  view.setUint16(34, count);
  return hhea;
}

/** The first subset's maxp with the merged glyph count, and each limit the largest of any subset. */
function maxpTable(subsets: Subset[], count: number): Uint8Array {
  const maxp = copyOf(subsets[0]!.font.tables.get('maxp')!);
  const view = new DataView(maxp.buffer);
  view.setUint16(4, count);
  const all = subsets.map(({ font }) => new DataView(copyOf(font.tables.get('maxp')!).buffer));
  for (let offset = 6; offset + 2 <= maxp.length; offset += 2)
    view.setUint16(
      offset,
      Math.max(...all.map((table) => (offset + 2 <= table.byteLength ? table.getUint16(offset) : 0))),
    );
  return maxp;
}

/** Version 3: the font's line and pitch facts, no glyph names. */
function postTable(base: Sfnt): Uint8Array {
  const post = new Uint8Array(32);
  const source = base.tables.get('post');
  if (source) post.set(source.subarray(0, Math.min(32, source.length)));
  new DataView(post.buffer).setUint32(0, 0x00030000);
  return post;
}

function copyOf(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
