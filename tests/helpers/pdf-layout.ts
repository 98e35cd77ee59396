/**
 * Where a PDF page draws its images and its text, read back from the page's content (pdf.js
 * operator list and text content), not from the HTML it was printed from.
 */
import { OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type Matrix, multiply } from '../../scripts/pdf-read/matrix.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  images: Box[];
  text: (Box & { str: string })[];
}

/** The unit square an image is painted into, through the current transformation matrix. */
function unitSquare(m: Matrix): Box {
  const xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]];
  const ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]];
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

export async function pageLayout(document: PDFDocumentProxy, pageNumber: number): Promise<PageLayout> {
  const page = await document.getPage(pageNumber);
  const [, , width, height] = page.view as [number, number, number, number];
  const operators = await page.getOperatorList();
  const images: Box[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  operators.fnArray.forEach((fn, index) => {
    const args = operators.argsArray[index] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject)
      images.push(unitSquare(ctm));
  });
  const content = await page.getTextContent();
  const text: PageLayout['text'] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [, , , , x, y] = item.transform as Matrix;
    text.push({ str: item.str, x0: x, y0: y, x1: x + item.width, y1: y + item.height });
  }
  return { page: pageNumber, width, height, images, text };
}

/** How far two boxes overlap, in points of width and height (0 when they do not). */
export function overlap(a: Box, b: Box): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)),
    height: Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)),
  };
}

/**
 * Problems of placement from `fromPage` on: an image drawn past the page's edge (beyond a
 * tolerance of half a point), or text drawn over an image (more than a point of overlap both
 * ways, so that a caption touching its image is not counted).
 */
export async function placementProblems(document: PDFDocumentProxy, fromPage = 3): Promise<string[]> {
  const problems: string[] = [];
  for (let number = fromPage; number <= document.numPages; number++) {
    const layout = await pageLayout(document, number);
    layout.images.forEach((image, index) => {
      const box = `${image.x0.toFixed(1)},${image.y0.toFixed(1)}–${image.x1.toFixed(1)},${image.y1.toFixed(1)}`;
      if (image.x0 < -0.5 || image.y0 < -0.5 || image.x1 > layout.width + 0.5 || image.y1 > layout.height + 0.5) {
        problems.push(
          `page ${number}: image ${index + 1} at ${box} runs past the page (${layout.width}×${layout.height})`,
        );
      }
      for (const item of layout.text) {
        const { width, height } = overlap(image, item);
        if (width > 1 && height > 1)
          problems.push(`page ${number}: text “${item.str.slice(0, 40)}” drawn over image ${index + 1} at ${box}`);
      }
    });
  }
  return problems;
}

/** Every image drawn from `fromPage` on, with its page's size, for tests of placement. */
export async function imagesFrom(
  document: PDFDocumentProxy,
  fromPage = 3,
): Promise<(Box & { page: number; pageWidth: number })[]> {
  const found: (Box & { page: number; pageWidth: number })[] = [];
  for (let number = fromPage; number <= document.numPages; number++) {
    const layout = await pageLayout(document, number);
    for (const image of layout.images) found.push({ ...image, page: number, pageWidth: layout.width });
  }
  return found;
}
