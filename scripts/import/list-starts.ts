/**
 * The HTML side of `lists.ts`: an ordered list is split before each item marked as starting a
 * list of its own, and each part starts at Word's number; the marker is taken out of the text.
 * Lists from Word are tight (Word has no blank line between items), unless an item holds more
 * than one paragraph.
 */
import type { Element, ElementContent, Text } from 'hast';
import type { List } from 'mdast';
import { startMarker } from './lists.ts';

/** The list's items in runs, each with the number it starts at (undefined: 1, as mammoth's). */
export function splitAtMarkedStarts(list: Element): Array<{ start?: number; list: Element }> {
  const parts: Array<{ start?: number; list: Element }> = [];
  let current: ElementContent[] = [];
  let start: number | undefined;
  const close = () => {
    if (current.length > 0) parts.push({ start, list: { ...list, children: current } });
  };
  for (const child of list.children) {
    const marked = child.type === 'element' ? takeMarker(child) : undefined;
    if (marked !== undefined) {
      close();
      current = [];
      start = marked;
    }
    current.push(child);
  }
  close();
  return parts;
}

/** The number a marked item starts at, with the marker removed from its text. */
function takeMarker(element: Element): number | undefined {
  const text = firstText(element);
  const match = text && startMarker.exec(text.value);
  if (!text || !match) return undefined;
  text.value = text.value.slice(match[0].length);
  return Number(match[1]);
}

function firstText(node: ElementContent): Text | undefined {
  if (node.type === 'text') return node;
  if (node.type !== 'element') return undefined;
  for (const child of node.children) {
    const found = firstText(child);
    if (found) return found;
  }
  return undefined;
}

export function tightened(list: List): List {
  const paragraphs = (item: List['children'][number]) =>
    item.children.filter((child) => child.type === 'paragraph').length;
  if (list.children.some((item) => paragraphs(item) > 1)) return list;
  list.spread = false;
  for (const item of list.children) item.spread = false;
  return list;
}
