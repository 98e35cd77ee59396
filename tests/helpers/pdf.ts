import { readFileSync } from 'node:fs';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function openPdf(file: string): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
}

export interface Line {
  text: string;
  /** Baseline height from the bottom of the page, in points. */
  y: number;
}

/** A page's text as lines, joined the way pdf.js marks line ends. */
export async function pageLines(document: PDFDocumentProxy, pageNumber: number): Promise<Line[]> {
  const page = await document.getPage(pageNumber);
  const content = await page.getTextContent();
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    if (!current) current = { text: '', y: item.transform[5] as number };
    current.text += item.str;
    if (item.hasEOL) {
      if (current.text.trim()) lines.push(current);
      current = undefined;
    }
  }
  if (current?.text.trim()) lines.push(current);
  return lines;
}

export interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

export function walkStruct(node: StructNode | null | undefined, visit: (node: StructNode) => void): void {
  if (!node) return;
  visit(node);
  for (const child of node.children ?? []) walkStruct(child, visit);
}
