/**
 * Which stretched lines of the last build still end where they did. Chromium breaks body text
 * greedily, line after line, and a column is as wide wherever a paragraph lands: a line ends
 * where it did when everything the breaker had read by then is unchanged. That is the
 * paragraph's place (its own properties, the elements around it, its article's kind, the
 * element before it, which decides the first line's indent), its text and markup from its
 * start through the line, and the word after the line, which did not fit. The key of that is kept with each line found
 * stretched; an edit later in the paragraph leaves the line's key as it was.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { hashOf } from '../util/fingerprint.ts';
import { articleAnchor } from './document.ts';
import { comparable, type Letters, paragraphLetters, propertiesForm } from './paragraph-letters.ts';
import { classesOf } from '../render/classes.ts';

/** White space a line may not end on. */
const NO_BREAK_SPACE = /[\u00a0\u2007\u202f]/;
/** What a line may not begin with even after a space (UAX #14, LB13), and not end with (LB14). */
const NO_BREAK_BEFORE = /[!?,.:;)\]}/]/;
const NO_BREAK_AFTER = /[([{]/;

/**
 * The key of each line in `lines` (by article), in `tree`, the print document it was found
 * in; a line not found, or one whose key could not say how it breaks, has none (`''`).
 */
export function lineKeys(tree: Root, lines: Record<string, string[]>): Record<string, string[]> {
  const keys: Record<string, string[]> = {};
  for (const [name, texts] of Object.entries(lines)) {
    const paragraphs = articleParagraphs(tree, name);
    keys[name] = texts.map((line) => keyIn(paragraphs, line));
  }
  return keys;
}

/** Those of `lines` of the article `name` that have their kept key, `keys[index]`, in `tree`. */
export function linesWithKeys(tree: Root, name: string, lines: string[], keys: string[]): string[] {
  const paragraphs = articleParagraphs(tree, name);
  return lines.filter((line, index) => keys[index] !== '' && keyIn(paragraphs, line) === keys[index]);
}

/** The line's key in the first of the paragraphs it is in, or `''`. */
function keyIn(paragraphs: PlacedParagraph[], line: string): string {
  const text = comparable(line);
  for (const paragraph of paragraphs) {
    const key = lineKey(paragraph, text);
    if (key !== undefined) return key;
  }
  return '';
}

/** A paragraph of the print document, with its place in it. */
interface PlacedParagraph {
  letters: Letters;
  place: string;
}

/** The article's paragraphs as written (the line ends a print set count for nothing). */
function articleParagraphs(tree: Root, name: string): PlacedParagraph[] {
  const paragraphs: PlacedParagraph[] = [];
  const anchor = articleAnchor(name);
  visit(tree, 'element', (article) => {
    if (article.tagName !== 'article') return;
    if (article.properties.id === anchor) {
      // Its kind may set its columns (the colophon has one); `tight` sets only spaces between blocks.
      const kind = classesOf(article).filter((name) => name !== 'tight');
      visitParents(article, 'element', (node, ancestors) => {
        if (node.tagName === 'p')
          paragraphs.push({
            letters: paragraphLetters(node, true),
            place: `${kind.join(' ')} ${placeOf(node, ancestors as Element[])}`,
          });
      });
    }
    return SKIP;
  });
  return paragraphs;
}

/**
 * The paragraph's own properties, those of the elements it is in within its article (`within`,
 * the article first), and the element before it.
 */
function placeOf(paragraph: Element, within: Element[]): string {
  const siblings = within.at(-1)!.children.filter((child): child is Element => child.type === 'element');
  const before = siblings[siblings.indexOf(paragraph) - 1];
  const form = (element: Element) => `${element.tagName}${propertiesForm(element)}`;
  return [...within.slice(1).map(form), before ? form(before) : '(first)', form(paragraph)].join(' ');
}

/**
 * The key of `line` (as `comparable` spells it) in the paragraph, if the line is in it: `''`
 * when what it reads holds an image, whose file the print names after the key is read.
 */
function lineKey({ letters, place }: PlacedParagraph, line: string): string | undefined {
  const start = line.length > 0 ? letters.text.indexOf(line) : -1;
  if (start < 0) return undefined;
  const read = endOfNextWord(letters, start + line.length);
  const form = read === 0 ? '' : letters.form.slice(0, letters.formEnd[read - 1]);
  return form.includes('<img') ? '' : hashOf(place, form);
}

/** Where the word after `position` ends: the next space a line may end on, or the paragraph's end. */
function endOfNextWord(letters: Letters, position: number): number {
  const { text } = letters;
  let end = position;
  while (end < text.length && text[end] === ' ') end++;
  while (end < text.length && !(text[end] === ' ' && mayEndLine(letters, end))) end++;
  return end;
}

/** Whether a line may end on the space at `index`. */
function mayEndLine({ text, at }: Letters, index: number): boolean {
  const letter = at[index];
  if (letter?.node.type === 'text' && NO_BREAK_SPACE.test(letter.node.value[letter.offset]!)) return false;
  return !NO_BREAK_BEFORE.test(text[index + 1] ?? '') && !NO_BREAK_AFTER.test(text[index - 1] ?? '');
}
