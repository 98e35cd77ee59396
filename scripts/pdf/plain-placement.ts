/**
 * Where the print sets a plain image or a table (the rules are in the editors' guide): what is
 * too wide to read in an 86 mm column spans both columns; the stylesheet keeps every image
 * within its column or the type area, and within the page's height.
 *
 * - A drawing or screenshot (PNG, SVG, GIF, WebP) wider than 700 px, or any image at least
 *   twice as wide as high, spans both columns: its lettering would be too small in one.
 * - A photo (JPEG) of ordinary proportions stays in the column.
 * - A table of four or more columns, or of three with more than 120 characters a row on
 *   average, spans both columns.
 * - A heading directly above a block that spans spans with it.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { ProcessedImage } from '../images/types.ts';
import { plainImagesOf } from '../render/plain-images.ts';
import { classesOf, hasClass } from '../render/classes.ts';
import { toString } from 'hast-util-to-string';

const WIDE_DRAWING_PX = 700;
const PANORAMA = 2;
const WIDE_TABLE_COLUMNS = 4;
/** Three columns of sentences are too narrow at a third of a column each. */
const LONG_ROW_CHARACTERS = 120;

export function placePlainBlocks(tree: Root, images: ReadonlyMap<string, ProcessedImage>): void {
  visit(tree, 'element', (node: Element) => {
    const plain = plainImagesOf(node as ElementContent);
    if (plain.length > 0) {
      const sources = plain.map((image) => images.get(String(image.properties.src ?? '')));
      if (sources.some((source) => source !== undefined && isWide(source))) addClass(node, 'span-wide');
      return;
    }
    if (node.tagName === 'table' && isWideTable(node)) addClass(node, 'span-wide');
  });
  // A heading right before a block that spans goes with it: left behind, it would end the
  // columns above on its own.
  visit(tree, 'element', (parent: Element) => {
    const blocks = parent.children.filter((child): child is Element => child.type === 'element');
    blocks.forEach((block, index) => {
      const before = blocks[index - 1];
      if (before && /^h[2-6]$/.test(before.tagName) && hasClass(block, 'span-wide')) addClass(before, 'span-wide');
    });
  });
}

function isWide(image: ProcessedImage): boolean {
  const photo = /\.jpe?g$/i.test(image.source);
  if (image.width >= image.height * PANORAMA) return true;
  return !photo && image.width > WIDE_DRAWING_PX;
}

function isWideTable(table: Element): boolean {
  let columns = 0;
  let rows = 0;
  visit(table, 'element', (row: Element) => {
    if (row.tagName !== 'tr') return;
    rows++;
    columns = Math.max(columns, row.children.filter((cell) => cell.type === 'element').length);
  });
  const perRow = toString(table).replace(/\s+/g, ' ').length / Math.max(1, rows);
  return columns >= WIDE_TABLE_COLUMNS || (columns >= 3 && perRow > LONG_ROW_CHARACTERS);
}

function addClass(node: Element, name: string): void {
  node.properties.className = [...classesOf(node), name];
}
