/**
 * A paragraph of the print document read as a line breaker reads it: its letters, with white
 * space collapsed and soft hyphens left out (as the PDF's text spells a line), where each
 * letter is in the tree, and where a line may end. What `ragged-paragraphs.ts` sets ragged and
 * `line-keys.ts` keeps for the next build are found with it.
 */
import type { Element, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { articleAnchor } from './document.ts';
import { classesOf, hasClass } from '../render/classes.ts';

export const RAGGED_CLASS = 'ragged';
/** A forced break where a stretched line ended: the line before it is set ragged. */
export const LINE_END_CLASS = 'ragged-end';

/** A place in a paragraph's tree: a character of a text node, a `<br>` or a `<wbr>`. */
export interface Letter {
  parent: Element;
  node: Text | Element;
  offset: number;
}

/**
 * The paragraph's text as `comparable` spells it, with the places a line may have ended on:
 * a space or a `<br>` (by the letter's index), a `<wbr>` (by the index of the letter after it).
 * `form` (read only `asWritten`) is the text as the line breaker met it (white space as written,
 * soft hyphens, the markup around each letter) up to each letter: `form.slice(0, formEnd[index])`.
 */
export interface Letters {
  text: string;
  at: (Letter | undefined)[];
  opportunities: Map<number, Letter>;
  form: string;
  formEnd: number[];
}

const WHITE_SPACE = /\s/;
/** White space that CSS collapses; a no-break or thin space is a letter of its own width. */
const COLLAPSIBLE = /[ \t\n\r\f]/;

/**
 * With `asWritten`, the forced breaks `breakAt` made count for nothing (the text as it was),
 * and `form` is read (`line-keys.ts`); without, `setRagged` finds its lines.
 */
export function paragraphLetters(paragraph: Element, asWritten = false): Letters {
  const at: Letters['at'] = [];
  const opportunities: Letters['opportunities'] = new Map();
  const formEnd: number[] = [];
  // Both texts are built as parts, joined once: a paragraph has hundreds of letters.
  const text: string[] = [];
  const form: string[] = [];
  let formLength = 0;
  const addForm = (part: string) => {
    if (!asWritten) return;
    form.push(part);
    formLength += part.length;
  };
  let lastIsSpace = true;
  const push = (letter: string, place: Letter | undefined, written: string) => {
    text.push(letter);
    at.push(place);
    addForm(written);
    formEnd.push(formLength);
    lastIsSpace = letter === ' ';
  };
  const walk = (parent: Element) => {
    for (const node of parent.children) {
      if (node.type === 'text') {
        for (let offset = 0; offset < node.value.length; offset++) {
          const char = node.value[offset]!;
          const space = WHITE_SPACE.test(char);
          if (char === '\u00ad') addForm(char);
          else if (!(space && lastIsSpace))
            push(space ? ' ' : char, space ? { parent, node, offset } : undefined, char);
          else if (!COLLAPSIBLE.test(char)) addForm(char);
        }
      } else if (node.type !== 'element') continue;
      else if (node.tagName === 'wbr') {
        opportunities.set(at.length, { parent, node, offset: 0 });
        addForm('<wbr>');
      } else if (isLineEnd(node) && asWritten) continue;
      else if (node.tagName === 'br') {
        if (lastIsSpace && at.length > 0) {
          at[at.length - 1] = { parent, node, offset: 0 };
          addForm('<br>');
          formEnd[formEnd.length - 1] = formLength;
        } else push(' ', { parent, node, offset: 0 }, '<br>');
      } else {
        if (asWritten) addForm(`<${node.tagName}${propertiesForm(node)}>`);
        walk(node);
        addForm(`</${node.tagName}>`);
      }
    }
  };
  walk(paragraph);
  return { text: text.join(''), at, opportunities, form: form.join(''), formEnd };
}

/**
 * An element's properties as they may bear on how its text breaks: all but its id (the
 * placement's markers), its link (the print in parts points links across parts) and the
 * ragged setting, which the print sets after the keys are read.
 */
export function propertiesForm(element: Element): string {
  const { id: _id, href: _href, className: _className, ...rest } = element.properties;
  return JSON.stringify([classesOf(element).filter((name) => name !== RAGGED_CLASS), rest]);
}

/**
 * Text as both the PDF and the document spell it: no soft hyphens (nor the hyphen Chromium
 * shows for one at a line's end), single spaces.
 */
export function comparable(text: string): string {
  return text
    .replace(/\u00ad[-\u2010]?\s*$/, '')
    .replaceAll('\u00ad', '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Calls `each` for every article of the print document that `names` has, with its paragraphs. */
export function forEachArticle<T>(
  tree: Root,
  names: Record<string, T>,
  each: (name: string, value: T, paragraphs: Element[]) => void,
): void {
  visit(tree, 'element', (article) => {
    if (article.tagName !== 'article') return;
    const entry = Object.entries(names).find(([name]) => articleAnchor(name) === article.properties.id);
    if (entry) each(entry[0], entry[1], paragraphsOf(article));
    return SKIP;
  });
}

function paragraphsOf(article: Element): Element[] {
  const paragraphs: Element[] = [];
  visit(article, 'element', (node) => {
    if (node.tagName === 'p') paragraphs.push(node);
  });
  return paragraphs;
}

function isLineEnd(node: Element): boolean {
  return node.tagName === 'br' && hasClass(node, LINE_END_CLASS);
}

export function isRagged(node: Element): boolean {
  return hasClass(node, RAGGED_CLASS);
}
