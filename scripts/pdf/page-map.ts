/**
 * Where each article starts in a printed PDF. Chromium writes a named destination for every
 * id that an internal link points at; the contents page links to each article, so every
 * article's start is an entry of the Catalog's /Dests. Read with pdf-lib from the document the
 * finishing step then edits: one parse serves both.
 */
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument } from '@cantoo/pdf-lib';
import type { StartPages } from './document.ts';

export interface PdfFacts {
  pageCount: number;
  startPages: StartPages;
}

export function readStartPages(doc: PDFDocument, anchors: Record<string, string>): PdfFacts {
  const pages = doc.getPages();
  const pageOf = new Map(pages.map((page, index) => [page.ref.toString(), index + 1]));
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const startPages: StartPages = {};
  for (const [id, anchor] of Object.entries(anchors)) {
    const destination = dests?.lookupMaybe(PDFName.of(anchor), PDFArray);
    const target = destination?.get(0);
    const page = target instanceof PDFRef ? pageOf.get(target.toString()) : undefined;
    if (page === undefined) throw new Error(`The printed PDF has no destination for article \`${id}\` (#${anchor})`);
    startPages[id] = page;
  }
  return { pageCount: pages.length, startPages };
}
