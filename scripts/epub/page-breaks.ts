/**
 * Page-break markers: an empty `<span role="doc-pagebreak">` where a printed page begins, named
 * by its number, so assistive technology can announce "pagina 16" and the page-list can link to
 * it. Placed in the text where the page's first word is (`render/print-pages.ts`).
 */
import { h } from 'hastscript';
import type { Element, Root } from 'hast';
import { insertPrintPages } from '../render/print-pages.ts';
import { pageId, type PageBreak } from './page-map.ts';

export function pageBreakMarker(page: number): Element {
  // epub:type for reading systems that predate the DPUB-ARIA role; the label is what is read.
  return h('span', { 'epub:type': 'pagebreak', role: 'doc-pagebreak', id: pageId(page), ariaLabel: String(page) });
}

/** The blocks a place counts in: the body's top-level elements (whitespace text aside). */
export function bodyBlocks(body: Root): Element[] {
  return body.children.filter((node): node is Element => node.type === 'element');
}

/** Inserts the markers of breaks inside the body (those with a place) into `body`. */
export function insertPageBreaks(body: Root, breaks: readonly PageBreak[]): void {
  const inside = breaks.flatMap(({ page, place }) => (place ? [{ page, ...place }] : []));
  if (inside.length > 0) insertPrintPages(body, inside, pageBreakMarker);
}
