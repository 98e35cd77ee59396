/**
 * One embedded font per face in the joined document, as one print has: each part embeds its
 * own subset of every face it uses, which would leave a face embedded once per article (a long
 * document several times its size, and a printer's font list pages long). The subsets of a
 * face (the same font program, by name and head table) are merged into the first of them
 * (`merged-face.ts`), and every font resource that named another subset names that one.
 */
import { createHash } from 'node:crypto';
import {
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
} from '@cantoo/pdf-lib';
import { asArray, asDict, asName, asNumber, deflatedStream, N, streamBytes } from '../../../pdf-read/objects.ts';
import { cidWidths } from '../../../pdf-read/widths.ts';
import { identityOf, type MergedFace, mergedFace, startJoin, type SubsetData } from './merged-face.ts';

/** A two-byte TrueType font (Type0 over CIDFontType2, glyph IDs as codes): what the join merges. */
interface Subset {
  ref: PDFRef;
  font: PDFDict;
  cidFont: PDFDict;
  descriptor: PDFDict;
  fileRef: PDFRef;
  /** The font's name without its subset tag. */
  name: string;
  data: SubsetData;
  /** The objects that are this subset's alone, dropped when it is merged into another. */
  own: PDFRef[];
}

export function mergeFontSubsets(context: PDFContext): void {
  startJoin();
  const faces = new Map<string, Subset[]>();
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const subset = readSubset(context, ref, object);
    const identity = subset && identityOf(subset.data);
    if (!subset || identity === undefined) continue;
    const face = `${subset.name} ${identity}`;
    faces.set(face, [...(faces.get(face) ?? []), subset]);
  }
  const redirect = new Map<PDFRef, PDFRef>();
  for (const [face, subsets] of faces) {
    const merged = subsets.length > 1 ? mergedFace(subsets.map((subset) => subset.data)) : undefined;
    if (!merged) continue;
    const [first, ...others] = subsets as [Subset, ...Subset[]];
    writeMerged(context, first, merged, `${subsetTag(face)}+${first.name}`);
    // What the merged font still holds (a descriptor two fonts of one part shared) stays.
    const kept = new Set(first.own);
    for (const other of others) {
      redirect.set(other.ref, first.ref);
      for (const ref of other.own) if (!kept.has(ref)) context.delete(ref);
    }
  }
  if (redirect.size > 0) pointAtMerged(context, redirect);
}

function readSubset(context: PDFContext, ref: PDFRef, object: PDFObject): Subset | undefined {
  const parts = fontParts(context, object);
  if (!parts) return undefined;
  const { font, cidFont, descriptor, fileRef, file } = parts;
  const toUnicode = context.lookup(font.get(N('ToUnicode')));
  const widths = cidFont.get(N('W'));
  const own = [
    ref,
    ...asArray(context, font.get(N('DescendantFonts')))!.asArray(),
    font.get(N('DescendantFonts')),
    cidFont.get(N('FontDescriptor')),
    fileRef,
    font.get(N('ToUnicode')),
    widths,
    descriptor.get(N('CIDSet')),
  ];
  let program: Uint8Array | undefined;
  return {
    ref,
    font,
    cidFont,
    descriptor,
    fileRef,
    name: asName(context, cidFont.get(N('BaseFont')))!.replace(/^[A-Z]{6}\+/, ''),
    own: own.filter((item): item is PDFRef => item instanceof PDFRef),
    data: {
      storedHash: createHash('sha1').update(file.contents).digest('hex'),
      program: () => (program ??= streamBytes(file)),
      storedToUnicode: toUnicode instanceof PDFRawStream ? toUnicode.contents : undefined,
      toUnicode: () => (toUnicode instanceof PDFStream ? streamBytes(toUnicode) : undefined),
      widths: () => cidWidths(context, cidFont),
      widthsText: String(context.lookup(widths) ?? ''),
      fallback: asNumber(context, cidFont.get(N('DW'))) ?? 1000,
      box: asArray(context, descriptor.get(N('FontBBox')))
        ?.asArray()
        .map((value) => asNumber(context, value) ?? 0) ?? [0, 0, 0, 0],
    },
  };
}

/** A Type0 font over one CIDFontType2 drawn by glyph ID, with its embedded program; else undefined. */
function fontParts(context: PDFContext, object: PDFObject) {
  if (!(object instanceof PDFDict) || asName(context, object.get(N('Subtype'))) !== 'Type0') return undefined;
  if (asName(context, object.get(N('Encoding'))) !== 'Identity-H') return undefined;
  const cidFont = asDict(context, asArray(context, object.get(N('DescendantFonts')))?.get(0));
  if (!cidFont || asName(context, cidFont.get(N('Subtype'))) !== 'CIDFontType2') return undefined;
  const gidMap = cidFont.get(N('CIDToGIDMap'));
  if (gidMap !== undefined && asName(context, gidMap) !== 'Identity') return undefined;
  const descriptor = asDict(context, cidFont.get(N('FontDescriptor')));
  const fileRef = descriptor?.get(N('FontFile2'));
  const file = fileRef instanceof PDFRef ? context.lookup(fileRef) : undefined;
  if (!descriptor || !(file instanceof PDFRawStream) || !(fileRef instanceof PDFRef)) return undefined;
  if (!asName(context, cidFont.get(N('BaseFont')))) return undefined;
  return { font: object, cidFont, descriptor, fileRef, file };
}

/** The first subset's objects become the merged font. */
function writeMerged(context: PDFContext, first: Subset, merged: MergedFace, name: string): void {
  first.font.set(N('BaseFont'), N(name));
  first.cidFont.set(N('BaseFont'), N(name));
  first.descriptor.set(N('FontName'), N(name));
  first.descriptor.set(N('FontBBox'), context.obj(merged.box.map((value) => PDFNumber.of(value))));
  // A CIDSet would list the first subset's glyphs only; it is optional.
  dropObject(context, first.descriptor.get(N('CIDSet')));
  first.descriptor.delete(N('CIDSet'));
  first.cidFont.set(N('DW'), PDFNumber.of(merged.fallback));
  const runs = merged.widthRuns.flatMap(([code, widths]) => [
    PDFNumber.of(code),
    context.obj(widths.map((width) => PDFNumber.of(width))),
  ]);
  first.cidFont.set(N('W'), context.obj(runs));
  const file = deflatedStream(context, merged.program, (context.lookup(first.fileRef) as PDFStream).dict);
  file.dict.set(N('Length1'), PDFNumber.of(merged.programLength));
  context.assign(first.fileRef, file);
  dropObject(context, first.font.get(N('ToUnicode')));
  first.font.set(N('ToUnicode'), context.register(deflatedStream(context, merged.toUnicode)));
}

/** An object the merged font no longer refers to, gone from the file. */
function dropObject(context: PDFContext, object: PDFObject | undefined): void {
  if (object instanceof PDFRef) context.delete(object);
}

/**
 * Six capitals from the face: one per face in the document, and the same whatever glyphs an
 * edit adds, so that a page unchanged is the same to the finishing's page memo.
 */
function subsetTag(face: string): string {
  const digest = createHash('sha256').update(face).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/** Every reference to a subset merged away now names the merged font. */
function pointAtMerged(context: PDFContext, redirect: Map<PDFRef, PDFRef>): void {
  const visit = (object: PDFObject | undefined) => {
    if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        const merged = value instanceof PDFRef ? redirect.get(value) : undefined;
        if (merged) object.set(key, merged);
        else if (!(value instanceof PDFRef)) visit(value);
      }
    } else if (object instanceof PDFArray) {
      object.asArray().forEach((value, index) => {
        const merged = value instanceof PDFRef ? redirect.get(value) : undefined;
        if (merged) object.set(index, merged);
        else if (!(value instanceof PDFRef)) visit(value);
      });
    } else if (object instanceof PDFStream) visit(object.dict);
  };
  for (const [, object] of context.enumerateIndirectObjects()) visit(object);
}
