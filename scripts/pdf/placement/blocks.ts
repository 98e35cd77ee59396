/**
 * The blocks of an article body as placement sees them: the top-level elements in manuscript
 * order, which of them may float (move later in the flow when they do not fit where they
 * stand) and which span both columns. Only the print edition moves blocks; the web edition and
 * the EPUB keep the manuscript's order.
 */
import type { Element, ElementContent } from 'hast';
import { classesOf } from '../../render/classes.ts';

export type BlockKind = 'text' | 'heading' | 'float';

/** What placement knows of a block, in the print and in the measurement alike. */
export interface BlockTraits {
  /** The element's index among the body's elements in manuscript order. */
  index: number;
  kind: BlockKind;
  /** Spans both columns (`column-span: all` in print.css). */
  spans: boolean;
  /** Text that can break across columns (a box or a table), unlike a photo. */
  breakable: boolean;
  /** The editor keeps it where it stands (`plaats="hier"`): placement never moves it. */
  pinned: boolean;
  /** Its end marker sits at the top of its last line (text), not below it (a box, a figure). */
  endInline: boolean;
}

export interface Block extends BlockTraits {
  element: Element;
}

const INLINE_END = /^(p|h[1-6]|pre|ul|ol|table)$/;

const FLOAT_CLASSES = ['figure', 'plain-figure', 'plain-image', 'kader', 'meer-info', 'pullquote'];
const SPANNING_CLASSES = ['figure--wide', 'span-wide', 'pullquote'];

export function blocksOf(children: readonly ElementContent[]): Block[] {
  return children
    .filter((child): child is Element => child.type === 'element')
    .map((element, index) => ({
      index,
      element,
      kind: kindOf(element),
      spans: spans(element),
      breakable: element.tagName === 'table' || element.tagName === 'aside',
      pinned: element.properties.dataPrintPosition === 'here',
      endInline: INLINE_END.test(element.tagName),
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
