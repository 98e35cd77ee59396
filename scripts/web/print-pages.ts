/**
 * The print's pages on the web: `#p17` where print page 17 begins, so that a citation of the
 * paper issue ("p. 17") resolves online. The places are those of the EPUB's page markers, read
 * from the printed PDF (`render/print-pages.ts`).
 */
import { h } from 'hastscript';
import type { Element, Root } from 'hast';
import { insertPrintPages, type PrintedPages } from '../render/print-pages.ts';

/** The anchor of print page `page`: `p17`. */
export function printPageId(page: number): string {
  return `p${page}`;
}

/**
 * An anchor only: a page of the web edition is not a print page, and axe refuses an
 * `aria-label` on `doc-pagebreak` (aria-prohibited-attr), which the EPUB's markers need.
 */
export function printPageMarker(page: number): Element {
  return h('span.print-page', { id: printPageId(page) });
}

/** Marks the pages that begin inside the body of article `id`. */
export function markPrintPages(body: Root, printed: PrintedPages | undefined, id: string): void {
  const starts = printed?.pageStarts.filter((start) => start.article === id) ?? [];
  if (starts.length > 0) insertPrintPages(body, starts, printPageMarker);
}
