/**
 * Where each article starts in a printed PDF. Chromium writes a named destination for every
 * id that an internal link points at; the contents page links to each article, so every
 * article's start is a named destination we can resolve to a page with pdfjs.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { StartPages } from './document.ts';

export interface PdfFacts {
  pageCount: number;
  startPages: StartPages;
}

export async function readStartPages(pdf: Uint8Array, anchors: Record<string, string>): Promise<PdfFacts> {
  const document = await getDocument({ data: pdf.slice(), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const startPages: StartPages = {};
    for (const [id, anchor] of Object.entries(anchors)) {
      const destination = await document.getDestination(anchor);
      const ref = destination?.[0];
      if (!ref || typeof ref !== 'object') throw new Error(`The printed PDF has no destination for article \`${id}\` (#${anchor})`);
      startPages[id] = (await document.getPageIndex(ref as { num: number; gen: number })) + 1;
    }
    return { pageCount: document.numPages, startPages };
  } finally {
    await document.destroy();
  }
}

export function samePages(a: StartPages | undefined, b: StartPages): boolean {
  if (!a) return false;
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}
