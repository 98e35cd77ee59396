/**
 * One printed part as the joiner reads it: Chromium's PDF parsed once, with the pieces of its
 * catalog the join takes over (pages, structure tree, outline, named destinations).
 */
import { ParseSpeeds, type PDFDict, PDFDocument, PDFObjectCopier, type PDFRef } from '@cantoo/pdf-lib';
import { asDict, N } from '../../pdf-read/objects.ts';

export interface PrintedPart {
  /** For error messages: "the article art-foo". */
  name: string;
  pdf: Uint8Array;
}

export interface LoadedPart {
  name: string;
  doc: PDFDocument;
  /** Copies this part's objects into the joined document; shared objects are copied once. */
  copier: PDFObjectCopier;
  pageRefs: PDFRef[];
  structTreeRoot: PDFDict | undefined;
  outlines: PDFDict | undefined;
  dests: PDFDict | undefined;
}

/**
 * Parts already parsed, by their bytes: a part kept from an earlier print is the same bytes
 * object (`pdf/parts/print-parts.ts`), and is parsed once per process, not once per join. The
 * join only reads a part, but for edits that come out the same every time (links rewritten to
 * destinations, the top-level elements' and bookmarks' parents dropped before copying).
 */
const parsed = new WeakMap<Uint8Array, Promise<PDFDocument>>();

/** Parsed in one go, as the finishing's loadPdf does: no pause every hundred objects. */
export function parsePart(part: PrintedPart): Promise<PDFDocument> {
  if (!parsed.has(part.pdf))
    parsed.set(part.pdf, PDFDocument.load(part.pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));
  return parsed.get(part.pdf)!;
}

export function readPart(name: string, doc: PDFDocument, into: PDFDocument): LoadedPart {
  const { context, catalog } = doc;
  return {
    name,
    doc,
    copier: PDFObjectCopier.for(context, into.context),
    pageRefs: doc.getPages().map((page) => page.ref),
    structTreeRoot: asDict(context, catalog.get(N('StructTreeRoot'))),
    outlines: asDict(context, catalog.get(N('Outlines'))),
    dests: asDict(context, catalog.get(N('Dests'))),
  };
}
