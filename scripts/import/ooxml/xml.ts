/**
 * The few XML reads the importer makes itself, where mammoth does not expose what it needs
 * (document properties, tracked changes, comments' ranges, objects it cannot carry, list
 * numbering). Elements are matched by local name, so that Transitional and Strict OOXML, whose
 * namespaces differ, read alike.
 */
import { DOMParser } from '@xmldom/xmldom';

// xmldom's types are the DOM's own, which its declaration brings in.
export type Element = globalThis.Element;
type Document = globalThis.Document;

export function parseXml(text: string): Document {
  // A malformed part is read as far as it goes: mammoth decides whether the document opens.
  return new DOMParser({ errorHandler: () => undefined }).parseFromString(text, 'application/xml');
}

/** Every element below `root` named `name` (without prefix), in document order. */
export function descendants(root: Document | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', name));
}

export function children(element: Element, name?: string): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (name === undefined || (node as Element).localName === name)) {
      found.push(node as Element);
    }
  }
  return found;
}

/** An attribute by local name (`w:val` → `val`), whatever its prefix. */
export function attribute(element: Element, name: string): string | undefined {
  for (const each of Array.from(element.attributes) as Attr[]) if (each.localName === name) return each.value;
  return undefined;
}

/**
 * The text of the Word runs below `element` (w:t, tabs and breaks as spaces), without deleted
 * text, and without a text box's when `element` is not inside that box itself.
 */
export function runText(element: Element): string {
  let text = '';
  const ownBox = isInside(element, 'txbxContent') || element.localName === 'txbxContent';
  for (const node of descendants(element, '*')) {
    if (!ownBox && isInside(node, 'txbxContent')) continue;
    if (node.localName === 't' && !isInside(node, 'del')) text += node.textContent ?? '';
    else if (node.localName === 'tab' || node.localName === 'br') text += ' ';
  }
  return text;
}

export function isInside(element: Element, name: string): boolean {
  for (let node = element.parentNode; node; node = node.parentNode) {
    if (node.nodeType === 1 && (node as Element).localName === name) return true;
  }
  return false;
}
