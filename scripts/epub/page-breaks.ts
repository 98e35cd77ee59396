/**
 * Page-break markers: an empty `<span role="doc-pagebreak">` where a printed page begins, named
 * by its number, so assistive technology can announce "pagina 16" and the page-list can link to
 * it. Placed between the body's top-level blocks, never inside a paragraph.
 */
import { h } from 'hastscript';
import type { Element, ElementContent, Root } from 'hast';
import { pageId, type PageBreak } from './page-map.ts';

export function pageBreakMarker(page: number): Element {
  // epub:type for reading systems that predate the DPUB-ARIA role; the label is what is read.
  return h('span', { 'epub:type': 'pagebreak', role: 'doc-pagebreak', id: pageId(page), ariaLabel: String(page) });
}

/** The blocks `afterBlock` counts: the body's top-level elements (whitespace text aside). */
export function bodyBlocks(body: Root): Element[] {
  return body.children.filter((node): node is Element => node.type === 'element');
}

/** Inserts the markers of breaks inside the body (those with `afterBlock`) into `body`. */
export function insertPageBreaks(body: Root, breaks: readonly PageBreak[]): void {
  const inside = breaks.filter((pageBreak) => pageBreak.afterBlock !== undefined);
  if (inside.length === 0) return;
  const children: Root['children'] = [];
  let blocks = 0;
  const markersAfter = (count: number) =>
    inside.filter((pageBreak) => pageBreak.afterBlock === count).map((pageBreak) => pageBreakMarker(pageBreak.page));
  children.push(...markersAfter(0));
  for (const node of body.children) {
    children.push(node);
    if (node.type !== 'element') continue;
    blocks++;
    children.push(...markersAfter(blocks));
  }
  body.children = children as ElementContent[];
}
