/**
 * Dutch hyphenation for the print edition, inserted at build time as soft hyphens: headless
 * Chromium on Linux ships no hyphenation dictionaries, so `hyphens: auto` alone does nothing
 * and justified columns would gape. Patterns from the `hyphen` package (nl); an exceptions
 * list in styles/ overrides bad breaks. Only running text is touched — never headings,
 * captions, names, link texts (an address broken by a hyphen is a wrong address) or code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import hyphenNl from 'hyphen/nl/index.js';

const { hyphenateSync } = hyphenNl;
import { SKIP, visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';

const SOFT_HYPHEN = '\u00AD';
const MIN_WORD = 7;
const skipTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'a', 'code', 'pre', 'kbd', 'samp', 'script', 'style']);
const skipClasses = new Set(['speaker', 'credit', 'box-title']);

const exceptionsFile = path.resolve(import.meta.dirname, '../../styles/hyphenation-nl.txt');

/** `amb-te-lijk` allows exactly those breaks; a word without hyphens is never broken. */
function loadExceptions(): Map<string, string> {
  const exceptions = new Map<string, string>();
  for (const line of readFileSync(exceptionsFile, 'utf8').split('\n')) {
    const entry = line.replace(/#.*/, '').trim();
    if (entry) exceptions.set(entry.replace(/-/g, '').toLowerCase(), entry);
  }
  return exceptions;
}

let exceptions: Map<string, string> | undefined;

export function hyphenateWord(word: string): string {
  exceptions ??= loadExceptions();
  // Names and acronyms are not broken: a capital first letter is taken as a name.
  if (word.length < MIN_WORD || word[0] !== word[0]!.toLowerCase()) return word;
  const exception = exceptions.get(word.toLowerCase());
  if (exception !== undefined) return applyPattern(word, exception);
  return hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: MIN_WORD });
}

export function hyphenateText(text: string): string {
  return text.replace(/\p{L}[\p{L}\p{M}]*/gu, hyphenateWord);
}

export function hyphenateTree(tree: Root): void {
  visit(tree, (node) => {
    if (node.type === 'element') {
      const element = node as Element;
      const classes = (element.properties.className as string[] | undefined) ?? [];
      if (skipTags.has(element.tagName) || classes.some((name) => skipClasses.has(name))) return SKIP;
      return undefined;
    }
    if (node.type === 'text') node.value = hyphenateText(node.value);
    return undefined;
  });
}

/** Copies the break points of `pattern` onto `word`, keeping the word's own letter case. */
function applyPattern(word: string, pattern: string): string {
  let result = '';
  let index = 0;
  for (const char of pattern) {
    if (char === '-') result += SOFT_HYPHEN;
    else result += word[index++] ?? '';
  }
  return result + word.slice(index);
}
