/**
 * The bookmarks' titles as the headings read. Chromium builds the outline from the headings
 * but joins a heading's lines without a space ("verdwijntde essentie") and repeats the text of
 * some ("In dit nummerIn dit nummer"); its items come in the document's order, one per
 * heading, so each gets the text of its heading in the print document.
 */
import { type PDFDict, PDFHexString, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { asDict, N } from '../pdf-read/objects.ts';

const HEADING = /^h[1-6]$/;

/** Every heading's text in document order: lines joined by a space, no soft hyphens. */
export function headingTitles(tree: Root): string[] {
  const titles: string[] = [];
  visit(tree, 'element', (node) => {
    if (!HEADING.test(node.tagName)) return;
    titles.push(readable(node));
  });
  return titles;
}

/**
 * Sets the outline's titles, depth first, from `titles`; only when there is one title for every
 * item (else the outline is left as Chromium wrote it). Returns whether it did.
 */
export function retitleOutline(doc: PDFDocument, titles: string[]): boolean {
  const items = outlineItems(doc);
  if (items.length === 0 || items.length !== titles.length) return false;
  for (const [index, item] of items.entries()) item.set(N('Title'), PDFHexString.fromText(titles[index]!));
  return true;
}

function outlineItems(doc: PDFDocument): PDFDict[] {
  const { context } = doc;
  const items: PDFDict[] = [];
  const walk = (first: PDFObject | undefined) => {
    for (let item = asDict(context, first); item; item = asDict(context, item.get(N('Next')))) {
      items.push(item);
      walk(item.get(N('First')));
    }
  };
  walk(asDict(context, doc.catalog.get(N('Outlines')))?.get(N('First')));
  return items;
}

function readable(heading: Element): string {
  let text = '';
  visit(heading, (node) => {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element' && node.tagName === 'br') text += ' ';
  });
  return text.replaceAll('\u00ad', '').replace(/\s+/g, ' ').trim();
}
