/**
 * Where the blocks of each article landed, read from the printed PDF's named destinations
 * (see markers.ts). Chromium gives a destination's position in the page's content box, with
 * the top of the type area at the page's height: depth below the type area's top is
 * `pageHeight − y`, and the column is told by `x`.
 *
 * The positions are in layout units. When something is wider than the page, Chromium shrinks
 * the whole print to fit it, and a layout unit is then less than a point: the scale is found
 * from where the second column starts (every block there starts at its left edge) and the
 * positions are given in points of the page.
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
  /** Points per layout unit: below 1 when the print was shrunk to fit something too wide. */
  scale: number;
}

/** Type area of print.css: A4 with 20 mm head and foot margins, 15 mm sides, 8 mm gutter. */
const MM = 72 / 25.4;
export const TYPE_AREA = { height: (297 - 40) * MM, width: 180 * MM, secondColumn: 94 * MM };

/**
 * The named destinations that `wanted` picks; `startsBlock` tells the ones at a block's start,
 * which stand at their column's left edge.
 */
export function readDestinations(
  doc: PDFDocument,
  wanted: (name: string) => boolean,
  startsBlock: (name: string) => boolean,
): PrintedDestinations {
  const pages = doc.getPages();
  const pageOf = new Map(pages.map((page, index) => [page.ref.toString(), index + 1]));
  const pageHeight = pages[0]?.getHeight() ?? 0;
  const raw = new Map<string, { page: number; x: number; y: number }>();
  const edges: number[] = [];
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
    raw.set(name, { page, x, y });
    if (startsBlock(name)) edges.push(x);
  }
  const scale = printScale(edges);
  const spots = new Map<string, Spot>();
  for (const [name, { page, x, y }] of raw) {
    const column = x * scale >= TYPE_AREA.secondColumn - 1 ? 1 : 0;
    spots.set(name, atColumnHead({ page, column, depth: (pageHeight - y) * scale }));
  }
  return { spots, pageHeight, scale };
}

/** Points per layout unit: 1, unless the print was shrunk to fit something too wide. */
function printScale(xs: number[]): number {
  const secondColumn = Math.min(...xs.filter((x) => x > TYPE_AREA.width / 3));
  if (!Number.isFinite(secondColumn)) return 1;
  return Math.min(1, TYPE_AREA.secondColumn / secondColumn);
}

/** A block whose box starts at a column's very foot (its margin) starts at the next column's head. */
function atColumnHead(spot: Spot): Spot {
  if (spot.depth < TYPE_AREA.height - 1) return spot;
  return spot.column === 0 ? { ...spot, column: 1, depth: 0 } : { page: spot.page + 1, column: 0, depth: 0 };
}

/** Removes the measuring destinations from the document that is finished and shipped. */
export function dropDestinations(doc: PDFDocument, unwanted: (name: string) => boolean): void {
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return;
  for (const key of dests.keys()) if (unwanted(key.decodeText())) dests.delete(key);
}
