/**
 * The print's answer to a stretched line (`stretched-lines.ts`): that line is set ragged right,
 * by a forced break where it ended (a line before a forced break is not justified), or, where
 * it ended inside a word, its whole paragraph. Chromium breaks lines first and justifies them
 * after, so either way the line breaks, the paragraph's height and everything after it stay
 * where they were; only the word spaces of that line shrink to the font's own. A line is found
 * again in the print document by its text, within its article.
 */
import type { Element, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { hashOf } from '../util/fingerprint.ts';
import { articleAnchor } from './document.ts';

export const RAGGED_CLASS = 'ragged';
/** A forced break where a stretched line ended: the line before it is set ragged. */
export const LINE_END_CLASS = 'ragged-end';
/** A piece of a long paragraph justifies its last line (`long-paragraphs.ts`), forced breaks too. */
const RUNS_ON_CLASS = 'piece-runs-on';

/** The text of stretched lines, by article id: what the next print sets ragged. */
export type StretchedTexts = Record<string, string[]>;

/**
 * Ends each of `lines` where it ended in the print, so that it is set ragged and the rest of
 * its paragraph stays justified; sets the whole paragraph ragged where the line cannot be
 * ended so (it ends inside a word or an address). Returns how many lines or paragraphs
 * changed (none: printing again would change nothing).
 */
export function setRagged(tree: Root, lines: StretchedTexts): number {
  let changed = 0;
  forEachArticle(tree, lines, (_, texts, paragraphs) => {
    // Each paragraph's letters are read once, and again only after a line in it was ended;
    // lines come in reading order, so the search goes on from the last paragraph found.
    const letters = new Map<Element, Letters>();
    const lettersFor = (paragraph: Element) => {
      if (!letters.has(paragraph)) letters.set(paragraph, lettersOf(paragraph));
      return letters.get(paragraph)!;
    };
    let from = 0;
    for (const line of texts.map(comparable).filter((text) => text.length > 0)) {
      const found = findFrom(paragraphs, from, (candidate) => lettersFor(candidate).text.includes(line));
      if (found === undefined) continue;
      from = found;
      const paragraph = paragraphs[found]!;
      if (raggedLine(paragraph, line, lettersFor(paragraph))) {
        changed++;
        letters.delete(paragraph);
      }
    }
  });
  return changed;
}

/** The index of the first item from `start` on, then from the beginning, that `matches`. */
function findFrom<T>(items: T[], start: number, matches: (item: T) => boolean): number | undefined {
  for (let step = 0; step < items.length; step++) {
    const index = (start + step) % items.length;
    if (matches(items[index]!)) return index;
  }
  return undefined;
}

/** Sets the line ragged (or its paragraph); false when it already is. */
function raggedLine(paragraph: Element, line: string, letters: Letters): boolean {
  if (isRagged(paragraph)) return false;
  const position = letters.text.indexOf(line) + line.length;
  const end = letters.at[position] ?? letters.opportunities.get(position);
  if (end?.node.type === 'element' && end.node.tagName === 'br') return false;
  if (end && !classes(paragraph).includes(RUNS_ON_CLASS)) {
    breakAt(end);
    return true;
  }
  paragraph.properties.className = [...classes(paragraph), RAGGED_CLASS];
  return true;
}

const WHITE_SPACE = /\s/;

/** A place in a paragraph's tree: a character of a text node, a `<br>` or a `<wbr>`. */
interface Letter {
  parent: Element;
  node: Text | Element;
  offset: number;
}

/**
 * The paragraph's text as `comparable` spells it, with the places a line may have ended on:
 * a space or a `<br>` (by the letter's index), a `<wbr>` (by the index of the letter after it).
 */
interface Letters {
  text: string;
  at: (Letter | undefined)[];
  opportunities: Map<number, Letter>;
}

/** With `asWritten`, the forced breaks `breakAt` made count for nothing: the text as it was. */
function lettersOf(paragraph: Element, asWritten = false): Letters {
  let text = '';
  const at: (Letter | undefined)[] = [];
  const opportunities = new Map<number, Letter>();
  const walk = (parent: Element) => {
    for (const node of parent.children) {
      if (node.type === 'element' && node.tagName === 'wbr')
        opportunities.set(text.length, { parent, node, offset: 0 });
      else if (asWritten && node.type === 'element' && isLineEnd(node)) continue;
      else if (node.type === 'element' && node.tagName === 'br') {
        if (text.endsWith(' ')) at[text.length - 1] = { parent, node, offset: 0 };
        else {
          text += ' ';
          at.push({ parent, node, offset: 0 });
        }
      } else if (node.type === 'element') walk(node);
      else if (node.type === 'text') addText(parent, node);
    }
  };
  const addText = (parent: Element, node: Text) => {
    const parts: string[] = [];
    let lastIsSpace = text === '' || text.endsWith(' ');
    for (let offset = 0; offset < node.value.length; offset++) {
      const char = node.value[offset]!;
      const space = WHITE_SPACE.test(char);
      if (char === '\u00ad' || (space && lastIsSpace)) continue;
      parts.push(space ? ' ' : char);
      at.push(space ? { parent, node, offset } : undefined);
      lastIsSpace = space;
    }
    text += parts.join('');
  };
  walk(paragraph);
  return { text, at, opportunities };
}

/**
 * Replaces the space or the break opportunity a line ended on with a forced break: the line
 * before it is not justified.
 */
function breakAt({ parent, node, offset }: Letter): void {
  const index = parent.children.indexOf(node);
  const lineEnd: Element = {
    type: 'element',
    tagName: 'br',
    properties: { className: [LINE_END_CLASS] },
    children: [],
  };
  if (node.type === 'element') {
    parent.children.splice(index, 1, lineEnd);
    return;
  }
  // The space stays before the break (where white space collapses away at a line's end), so
  // that the paragraph's text, and with it its key (`paragraphKeys`), is what it was.
  const after = node.value.slice(offset + 1).replace(/^\s+/, '');
  parent.children.splice(
    index,
    1,
    { type: 'text', value: node.value.slice(0, offset + 1) },
    lineEnd,
    ...(after ? [{ type: 'text', value: after } satisfies Text] : []),
  );
}

/**
 * The key of the paragraph each line is in, by article: a column's width is the same wherever
 * a paragraph lands, so a line breaks where its own paragraph's text puts it and is stretched
 * again after an edit in any other paragraph. A line not found has no key (`''`).
 */
export function paragraphKeys(tree: Root, lines: StretchedTexts): Record<string, string[]> {
  const keys: Record<string, string[]> = {};
  forEachArticle(tree, lines, (name, texts, paragraphs) => {
    const written = paragraphs.map(writtenText);
    keys[name] = texts.map((line) => {
      const text = written.find((candidate) => candidate.includes(comparable(line)));
      return text === undefined ? '' : hashOf(text);
    });
  });
  return keys;
}

/** The keys of every paragraph of the article named `name` in the print document. */
export function paragraphKeysOf(tree: Root, name: string): Set<string> {
  const keys = new Set<string>();
  forEachArticle(tree, { [name]: [] }, (_, __, paragraphs) => {
    for (const paragraph of paragraphs) keys.add(hashOf(writtenText(paragraph)));
  });
  return keys;
}

/** A paragraph's text as written: the line ends a print set count for nothing. */
function writtenText(paragraph: Element): string {
  return lettersOf(paragraph, true).text;
}

/** Calls `each` for every article of the print document that `lines` names, with its paragraphs. */
function forEachArticle(
  tree: Root,
  lines: StretchedTexts,
  each: (name: string, texts: string[], paragraphs: Element[]) => void,
): void {
  visit(tree, 'element', (article) => {
    if (article.tagName !== 'article') return;
    const entry = Object.entries(lines).find(([name]) => articleAnchor(name) === article.properties.id);
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

/** Adds what a print found to what earlier prints found. */
export function withStretched(known: StretchedTexts, found: { article?: string; text: string }[]): StretchedTexts {
  const merged: StretchedTexts = { ...known };
  for (const { article, text } of found) {
    if (article === undefined) continue;
    const texts = merged[article] ?? [];
    if (!texts.includes(text)) merged[article] = [...texts, text];
  }
  return merged;
}

/**
 * Text as both the PDF and the document spell it: no soft hyphens (nor the hyphen Chromium
 * shows for one at a line's end), single spaces.
 */
function comparable(text: string): string {
  return text
    .replace(/\u00ad[-\u2010]?\s*$/, '')
    .replaceAll('\u00ad', '')
    .replace(/\s+/g, ' ')
    .trim();
}

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function isLineEnd(node: Element): boolean {
  return node.tagName === 'br' && classes(node).includes(LINE_END_CLASS);
}

function isRagged(node: Element): boolean {
  return classes(node).includes(RAGGED_CLASS);
}
