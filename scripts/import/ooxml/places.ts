/**
 * Where something stood in a Word document, said as an editor can find it there: the number of
 * its paragraph in the body and that paragraph's first words.
 */
import { firstWords } from '../warning.ts';
import { isInside, runText, type Element } from './xml.ts';

export class Places {
  private readonly numbers = new Map<Element, number>();

  constructor(paragraphs: Element[]) {
    for (const [index, paragraph] of paragraphs.entries()) this.numbers.set(paragraph, index + 1);
  }

  /** "in paragraph 12 (“Het begon …”)", for any element inside a paragraph (or the paragraph itself). */
  of(element: Element): string {
    const paragraph = enclosingParagraph(element);
    if (!paragraph) return 'in the document';
    const number = this.numbers.get(paragraph);
    const words = firstWords(runText(paragraph));
    const where = number === undefined ? 'in a note' : `in paragraph ${number}`;
    return words === '' ? where : `${where} (“${words}”)`;
  }
}

/** The outermost body paragraph holding `element`: a text box's paragraphs stand inside another. */
function enclosingParagraph(element: Element): Element | undefined {
  let found: Element | undefined;
  for (let node: Element | null = element; node; node = node.parentNode as Element | null) {
    if (node.nodeType === 1 && node.localName === 'p' && !isInside(node, 'txbxContent')) found = node;
  }
  return found;
}
