/**
 * Where each block landed, asked of the printed PDF itself. Chromium writes a named destination
 * (page and position) for every id that an internal link of the document points at, whether or
 * not the link is shown; so each block of an article body gets an id at its start and an empty
 * marker at its end, and one hidden list links to all of them (`../destination-links.ts`);
 * the markers are empty and draw nothing.
 */
import { h } from 'hastscript';
import type { Element } from 'hast';

/** The ids of one block's start and end; capitals, which heading slugs never contain. */
export function markerIds(anchor: string, index: number): { start: string; end: string } {
  return { start: `${anchor}--B${index}`, end: `${anchor}--E${index}` };
}

export const MARKER_PATTERN = /--[BE]\d+$|--H$/;
export const START_PATTERN = /--B\d+$/;

/** The article header's end, to tell whether its opening stands alone on a page. */
export const headerEndId = (anchor: string): string => `${anchor}--H`;

export function markBlock(element: Element, ids: { start: string; end: string }): void {
  // An element that already has an id (a heading) is found by a marker inside it instead.
  if (element.properties.id === undefined) element.properties.id = ids.start;
  else element.children.unshift(emptyMarker(element, ids.start));
  const holder = endHolder(element);
  if (holder) holder.children.push(emptyMarker(holder, ids.end));
}

export function markHeaderEnd(header: Element, anchor: string): void {
  header.children.push(h('div', { id: headerEndId(anchor) }));
}

const INLINE_HOLDERS = /^(p|h[1-6]|pre|li|td|th|dd|dt|figcaption|summary)$/;
const BLOCK_HOLDERS = /^(figure|aside|div|blockquote|section|details|article|dl)$/;

/** The element the end marker goes into: the block, or its last row or item. */
function endHolder(element: Element): Element | undefined {
  if (element.tagName === 'table' || element.tagName === 'ul' || element.tagName === 'ol') {
    const last = lastElement(element, /^(tr|li|tbody|thead|tfoot|td|th)$/);
    return last ? endHolder(last) : undefined;
  }
  if (element.tagName === 'tr' || element.tagName === 'tbody' || element.tagName === 'thead') {
    const last = lastElement(element, /^(tr|td|th)$/);
    return last ? endHolder(last) : undefined;
  }
  if (INLINE_HOLDERS.test(element.tagName) || BLOCK_HOLDERS.test(element.tagName)) return element;
  return undefined;
}

function lastElement(element: Element, names: RegExp): Element | undefined {
  return element.children
    .filter((child): child is Element => child.type === 'element' && names.test(child.tagName))
    .at(-1);
}

function emptyMarker(holder: Element, id: string): Element {
  return INLINE_HOLDERS.test(holder.tagName) ? h('span', { id }) : h('div', { id });
}
