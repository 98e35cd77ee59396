/**
 * Lists that start where Word starts them. mammoth puts list paragraphs that follow each other
 * in one list; where Word's number (`ooxml/list-numbers.ts`) is not the one that list would
 * show next, the item is marked here, in mammoth's document before it becomes HTML, with a
 * marker at the start of its text; `list-starts.ts` splits the HTML list there and gives the
 * new list Word's number. (A style of ours cannot do it: mammoth continues a list only in an
 * element with the very same attributes, which would cut off the items after the marked one.)
 */
import type { ListNumber } from './ooxml/list-numbers.ts';

/** The part of mammoth's document model read here. */
export interface MammothElement {
  type: string;
  value?: string;
  children?: MammothElement[];
  numbering?: { level: string | number; isOrdered: boolean } | null;
}

/** Characters of Unicode's private use area, which no document's text means as ours. */
export const startMarker = /^\uE000(\d+)\uE001/;
const marker = (number: number) => `\uE000${number}\uE001`;

/**
 * Marks the numbered paragraphs of `document` that begin a list of their own. When mammoth and
 * Word's XML do not count the same numbered paragraphs, nothing is marked (mammoth's own
 * grouping stays).
 */
export function markListStarts(document: MammothElement, numbers: ListNumber[]): void {
  const paragraphs = paragraphsOf(document);
  const numbered = paragraphs.filter((paragraph) => paragraph.numbering);
  if (numbered.length !== numbers.length) return;
  const shown: number[] = [];
  let index = 0;
  for (const paragraph of paragraphs) {
    if (!paragraph.numbering) {
      // mammoth leaves empty paragraphs out: they do not end a list.
      if ((paragraph.children?.length ?? 0) > 0) shown.length = 0;
      continue;
    }
    const word = numbers[index++]!;
    const level = Number(paragraph.numbering.level);
    shown.length = level + 1;
    const next = (shown[level] ?? 0) + 1;
    const text = firstText(paragraph);
    if (paragraph.numbering.isOrdered && word.number !== next && text) {
      text.value = `${marker(word.number)}${text.value}`;
    }
    shown[level] = paragraph.numbering.isOrdered && text ? word.number : next;
  }
}

function firstText(element: MammothElement): MammothElement | undefined {
  if (element.type === 'text' && typeof element.value === 'string') return element;
  for (const child of element.children ?? []) {
    const found = firstText(child);
    if (found) return found;
  }
  return undefined;
}

function paragraphsOf(element: MammothElement): MammothElement[] {
  if (element.type === 'paragraph') return [element];
  return (element.children ?? []).flatMap(paragraphsOf);
}
