/**
 * The words of an article as each edition gives them to a reader: the web page's and the EPUB
 * chapter's article text, the PDF's text layer. Formulas are left out (their MathML reads as
 * single letters and carries the TeX annotation, which no print shows); they are checked on
 * their own.
 */
import { execFileSync } from 'node:child_process';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** Words of two or more letters, lower case. */
export function wordsOf(text: string): Set<string> {
  return new Set([...text.normalize('NFC').matchAll(/\p{L}{2,}/gu)].map((match) => match[0].toLowerCase()));
}

/** The article's text in a web page or an EPUB chapter (`.article`), without formulas. */
export function articleText(markup: string): string {
  const tree = fromHtml(markup);
  const article = find(tree, (element) => [element.properties.className].flat().includes('article'));
  if (!article) throw new Error('no article in the page');
  return textOf(article);
}

/** The PDF's text layer (poppler), with words broken at a line's hyphen joined again. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /[-\u00AD]\s*\n\s*/g,
    '',
  );
}

/** Elements that end a word: blocks, and a drawing's text runs. */
const BREAKS = new Set(['p', 'li', 'div', 'aside', 'details', 'summary', 'pre', 'td', 'th', 'br', 'text', 'tspan']);

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && ['math', 'script', 'style'].includes(node.tagName)) return ' ';
  if (!('children' in node)) return '';
  const inner = node.children.map((child) => textOf(child)).join('');
  return node.type === 'element' && (BREAKS.has(node.tagName) || /^h\d$/.test(node.tagName)) ? ` ${inner} ` : inner;
}

function find(node: Nodes, test: (element: Element) => boolean): Element | undefined {
  if (node.type === 'element' && test(node)) return node;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}
