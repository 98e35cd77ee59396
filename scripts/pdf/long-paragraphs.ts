/**
 * Chromium breaks a paragraph into lines in time that grows much faster than its length (one
 * paragraph of 200 kB: 10 s to print; 500 kB: 110 s; 3 MB: past any deadline), while the same
 * text in many paragraphs prints in linear time. The print therefore sets a paragraph longer
 * than CHARACTERS_PER_PIECE as consecutive pieces, cut after a sentence (or else between words),
 * that read as one: the pieces after the first have no indent, those before the last justify
 * their last line. Ordinary paragraphs are left exactly as they are.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { classesOf } from '../render/classes.ts';

export const CHARACTERS_PER_PIECE = 10_000;

export function splitLongParagraphs(tree: Root | Element): void {
  const children: (typeof tree.children)[number][] = [];
  for (const child of tree.children) {
    if (child.type === 'element' && child.tagName === 'p' && toString(child).length > CHARACTERS_PER_PIECE) {
      children.push(...pieces(child));
      continue;
    }
    if (child.type === 'element') splitLongParagraphs(child);
    children.push(child);
  }
  tree.children = children as typeof tree.children;
}

function pieces(paragraph: Element): Element[] {
  const groups: ElementContent[][] = [[]];
  let length = 0;
  const push = (node: ElementContent, size: number) => {
    if (length > 0 && length + size > CHARACTERS_PER_PIECE) {
      groups.push([]);
      length = 0;
    }
    groups.at(-1)!.push(node);
    length += size;
  };
  for (const child of paragraph.children) {
    if (child.type !== 'text') {
      push(child, toString(child as Element).length);
      continue;
    }
    for (const part of cut(child.value, CHARACTERS_PER_PIECE - length))
      push({ type: 'text', value: part } satisfies Text, part.length);
  }
  return groups.map((children, index) => {
    const classes = classesOf(paragraph);
    if (index > 0) classes.push('piece-continued');
    if (index < groups.length - 1) classes.push('piece-runs-on');
    const properties = index === 0 ? { ...paragraph.properties } : { ...paragraph.properties, id: undefined };
    return { ...paragraph, properties: { ...properties, className: classes }, children };
  });
}

/** A text cut into parts: the first fits in `room`, the others in a whole piece each. */
function cut(text: string, room: number): string[] {
  const parts: string[] = [];
  let rest = text;
  let space = room > 0 ? room : CHARACTERS_PER_PIECE;
  while (rest.length > space) {
    const window = rest.slice(0, space);
    const sentence = window.search(/[.!?…]\s(?=[^.!?…]*$)/);
    const word = window.lastIndexOf(' ');
    const at = sentence > space * 0.6 ? sentence + 2 : word > 0 ? word + 1 : space;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
    space = CHARACTERS_PER_PIECE;
  }
  parts.push(rest);
  return parts;
}
