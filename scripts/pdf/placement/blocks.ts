/**
 * The blocks of an article body as placement sees them: the top-level elements in manuscript
 * order, which of them may float (move later in the flow when they do not fit where they
 * stand) and which span both columns. Only the print edition moves blocks; the web edition and
 * the EPUB keep the manuscript's order.
 */
import type { Element, ElementContent } from 'hast';

export type BlockKind = 'text' | 'heading' | 'float';

export interface Block {
  /** The element's index among the body's elements in manuscript order. */
  index: number;
  element: Element;
  kind: BlockKind;
  /** Spans both columns (`column-span: all` in print.css). */
  spans: boolean;
  /** Text that can break across columns (a box or a table), unlike a photo. */
  breakable: boolean;
}

const FLOAT_CLASSES = ['figure', 'plain-figure', 'plain-image', 'kader', 'meer-info', 'pullquote'];
const SPANNING_CLASSES = ['figure--wide', 'span-wide', 'pullquote'];

export function classesOf(element: Element): string[] {
  const classes = element.properties.className;
  return Array.isArray(classes) ? classes.map(String) : [];
}

export function blocksOf(children: readonly ElementContent[]): Block[] {
  return children
    .filter((child): child is Element => child.type === 'element')
    .map((element, index) => ({
      index,
      element,
      kind: kindOf(element),
      spans: spans(element),
      breakable: element.tagName === 'table' || element.tagName === 'aside',
    }));
}

function kindOf(element: Element): BlockKind {
  if (/^h[1-6]$/.test(element.tagName)) return 'heading';
  const classes = classesOf(element);
  if (element.tagName === 'table' || FLOAT_CLASSES.some((name) => classes.includes(name))) return 'float';
  return 'text';
}

function spans(element: Element): boolean {
  const classes = classesOf(element);
  return SPANNING_CLASSES.some((name) => classes.includes(name));
}
