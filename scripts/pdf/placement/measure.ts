/**
 * Where the blocks of each article landed, read from the printed PDF's named destinations
 * (see markers.ts). Chromium gives a destination's position in the page's content box, with
 * the top of the type area at the page's height: depth below the type area's top is
 * `pageHeight − y`, and the column is told by `x`.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFDocument } from 'pdf-lib';

export interface Spot {
  page: number;
  column: 0 | 1;
  /** Points below the top of the type area. */
  depth: number;
}

export interface PrintedDestinations {
  spots: Map<string, Spot>;
  /** The page box height in points (the origin of the destinations' y). */
  pageHeight: number;
}

/** Type area of print.css: A4 with 20 mm head and foot margins, 15 mm sides, 8 mm gutter. */
const MM = 72 / 25.4;
export const TYPE_AREA = { height: (297 - 40) * MM, width: 180 * MM, secondColumn: 94 * MM };

export function readDestinations(doc: PDFDocument, wanted: (name: string) => boolean): PrintedDestinations {
  const pages = doc.getPages();
  const pageOf = new Map(pages.map((page, index) => [page.ref.toString(), index + 1]));
  const pageHeight = pages[0]?.getHeight() ?? 0;
  const spots = new Map<string, Spot>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) {
    const name = key.decodeText();
    if (!wanted(name)) continue;
    const destination = value instanceof PDFArray ? value : dests!.lookupMaybe(key, PDFArray);
    const target = destination?.get(0);
    const page = target instanceof PDFRef ? pageOf.get(target.toString()) : undefined;
    const x = destination?.lookupMaybe(2, PDFNumber)?.asNumber();
    const y = destination?.lookupMaybe(3, PDFNumber)?.asNumber();
    if (page === undefined || x === undefined || y === undefined) continue;
    spots.set(name, { page, column: x >= TYPE_AREA.secondColumn - 1 ? 1 : 0, depth: pageHeight - y });
  }
  return { spots, pageHeight };
}

/** Removes the measuring destinations from the document that is finished and shipped. */
export function dropDestinations(doc: PDFDocument, unwanted: (name: string) => boolean): void {
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return;
  for (const key of dests.keys()) if (unwanted(key.decodeText())) dests.delete(key);
}
