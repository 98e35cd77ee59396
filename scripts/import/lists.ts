/**
 * Lists that start where Word starts them. mammoth puts list paragraphs that follow each other
 * in one list; where Word's number (`ooxml/list-numbers.ts`) is not the one that list would
 * show next, the paragraph is given a style of ours that opens a new list there, with its
 * number as a class (`ol.from-4`), which `to-markdown.ts` makes the Markdown list's start.
 */
import type { ListNumber } from './ooxml/list-numbers.ts';

/** The part of mammoth's document model read here. */
export interface MammothElement {
  type: string;
  children?: MammothElement[];
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string | number; isOrdered: boolean } | null;
}

const restartStyle = (number: number) => `persklaar-list-from-${number}`;

/** The style rules for every mark `markListStarts` may make (the map is given before it runs). */
export function listStartRules(numbers: ListNumber[]): string[] {
  return [...new Set(numbers.filter((each) => each.ordered).map((each) => restartRule(each.level, each.number)))];
}

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
    if (paragraph.numbering.isOrdered && word.number !== next) {
      paragraph.styleName = restartStyle(word.number);
      paragraph.styleId = null;
    }
    shown[level] = paragraph.numbering.isOrdered ? word.number : next;
  }
}

function restartRule(level: number, number: number): string {
  const parents = 'ul|ol > li > '.repeat(level);
  return `p[style-name='${restartStyle(number)}']:ordered-list(${level + 1}) => ${parents}ol.from-${number}:fresh > li:fresh`;
}

function paragraphsOf(element: MammothElement): MammothElement[] {
  if (element.type === 'paragraph') return [element];
  return (element.children ?? []).flatMap(paragraphsOf);
}
