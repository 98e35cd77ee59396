/**
 * How wide the print layout sets a photo, in millimetres. The print stylesheet uses the same
 * numbers, so a photo is made at exactly the pixel width it is printed at (300 ppi) and
 * neither wastes bytes nor goes soft.
 */
import type { Placement } from '../markdown/placement.ts';

export type PrintPlacement = Placement | 'cover';

/** Placed widths on the A4 page (210 mm): the type area is 180 mm, a column 86 mm. */
export const PLACED_WIDTH_MM: Readonly<Record<PrintPlacement, number>> = {
  wide: 180,
  column: 86,
  portrait: 70,
  cover: 210,
};

/** Resolution of the press: photos are made at 300 pixels per inch of placed width. */
export const PRINT_PPI = 300;

const MM_PER_INCH = 25.4;

/** Pixel width of a photo placed `mm` wide at `ppi`: column 86 mm → 1016 px. */
export function pixelsFor(mm: number, ppi = PRINT_PPI): number {
  return Math.round((mm / MM_PER_INCH) * ppi);
}

/** The resolution a photo of `pixels` width actually prints at when placed `mm` wide. */
export function effectivePpi(pixels: number, mm: number): number {
  return Math.round(pixels / (mm / MM_PER_INCH));
}

/** The widest print variant: nothing needs more pixels than this. */
export const MAX_PRINT_PIXELS = Math.max(...Object.values(PLACED_WIDTH_MM).map((mm) => pixelsFor(mm)));
