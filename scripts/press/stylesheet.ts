/**
 * The press variant of the print document: the same document, with a stylesheet after
 * print.css that makes each page the trim plus the bleed on every side and grows every margin
 * by the bleed. The type area stays 180 × 257 mm where it was relative to the trim, so every
 * line falls on the same page as in the accessible PDF; only what touches the trim edge (the
 * cover photo, the cover's colour bands) reaches out into the bleed. Chromium cannot draw
 * outside its page, so the marks and the page boxes are added afterwards (`finish.ts`).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { h } from 'hastscript';
import type { Element, Root } from 'hast';
import { TRIM_MM } from './settings.ts';

export const PRESS_STYLESHEET = 'assets/press.css';

/**
 * Chromium rounds a page's size when it writes the PDF (A4 comes out 594.96 × 841.92 pt):
 * the press page is made this much wider and taller than trim plus bleed, on the right and at
 * the foot, so that what is painted always covers the whole bleed box. The type area keeps
 * its size: the margins on those sides grow by the same amount.
 */
export const ROUNDING_ROOM_MM = 0.5;

/**
 * The cover photo scaled to cover the page with its bleed, centred, the rest clipped by the
 * cover itself: what `object-fit: cover` does, but Chromium prints a photo clipped inside its
 * own box (object-fit) at half the speed of one clipped by its parent (≈ 1 s more here).
 */
function coverPhotoCss(
  widthMm: number,
  heightMm: number,
  photo: { width: number; height: number } | undefined,
): string {
  if (!photo) return '';
  const scale = Math.max(widthMm / photo.width, heightMm / photo.height);
  const [width, height] = [photo.width * scale, photo.height * scale];
  const mm = (value: number) => `${Number(value.toFixed(3))}mm`;
  const [left, top] = [mm((widthMm - width) / 2), mm((heightMm - height) / 2)];
  return `.cover-photo { object-fit: fill; width: ${mm(width)}; height: ${mm(height)}; left: ${left}; top: ${top}; }\n`;
}

export function pressCss(bleedMm: number, coverPhoto?: { width: number; height: number }): string {
  const pageMm = {
    width: TRIM_MM.width + 2 * bleedMm + ROUNDING_ROOM_MM,
    height: TRIM_MM.height + 2 * bleedMm + ROUNDING_ROOM_MM,
  };
  const b = `${bleedMm}mm`;
  const mm = (value: number) => `${Number(value.toFixed(3))}mm`;
  const near = (value: number) => mm(value + bleedMm);
  const far = (value: number) => mm(value + bleedMm + ROUNDING_ROOM_MM);
  const width = far(TRIM_MM.width + bleedMm);
  const height = far(TRIM_MM.height + bleedMm);
  return `/* The press edition: trim ${TRIM_MM.width} × ${TRIM_MM.height} mm plus ${b} bleed (written by the build). */
@page {
  size: ${width} ${height};
  margin: ${near(20)} ${far(15)} ${far(20)} ${near(15)};
  /* Margin boxes keep their place relative to the trim: the bleed is padding outside them. */
  @top-left { padding-top: ${b}; }
  @top-right { padding-top: ${b}; }
  @bottom-center { padding-bottom: ${mm(bleedMm + ROUNDING_ROOM_MM)}; }
}
@page cover { margin: 0; }
.cover, .cover-photo { width: ${width}; height: ${height}; }
.cover-top { padding: ${near(12)} ${far(15)} 10mm ${near(15)}; }
.cover-quote { left: ${near(15)}; top: ${near(120)}; }
.cover-teasers { padding: 8mm ${far(15)} ${far(14)} ${near(15)}; }
.cover-credit { right: ${far(4)}; bottom: ${far(3)}; }
${coverPhotoCss(pageMm.width, pageMm.height, coverPhoto)}`;
}

export async function writePressStylesheet(
  dir: string,
  bleedMm: number,
  coverPhoto?: { width: number; height: number },
): Promise<void> {
  await writeFile(path.join(dir, PRESS_STYLESHEET), pressCss(bleedMm, coverPhoto));
}

/** Adds the press stylesheet to a print document, after everything else in its head. */
export function usePressStylesheet(tree: Root): void {
  const html = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  const head = html?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'head');
  if (!head) throw new Error('The print document has no <head> for the press stylesheet');
  head.children.push(h('link', { rel: 'stylesheet', href: PRESS_STYLESHEET }));
}
