/**
 * The print's answer to a stretched line (`stretched-lines.ts`): that line is set ragged right,
 * by a forced break where it ended (a line before a forced break is not justified), or, where
 * it ended inside a word, its whole paragraph. Chromium breaks lines first and justifies them
 * after, so either way the line breaks, the paragraph's height and everything after it stay
 * where they were; only the word spaces of that line shrink to the font's own. A line is found
 * again in the print document by its text, within its article.
 */
import type { Element, Root, Text } from 'hast';
import {
  comparable,
  forEachArticle,
  isRagged,
  LINE_END_CLASS,
  type Letter,
  type Letters,
  paragraphLetters,
  RAGGED_CLASS,
} from './paragraph-letters.ts';
import { classesOf, hasClass } from '../render/classes.ts';

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
    // Every line is found in the paragraphs as they were, and each paragraph's lines are set
    // together: what is set does not hang on the order the lines were found in.
    const letters = new Map<Element, Letters>();
    const lettersFor = (paragraph: Element) => {
      if (!letters.has(paragraph)) letters.set(paragraph, paragraphLetters(paragraph));
      return letters.get(paragraph)!;
    };
    const ends = new Map<Element, LineEnd[]>();
    let from = 0;
    for (const line of texts.map(comparable).filter((text) => text.length > 0)) {
      // Lines come in reading order, so the search goes on from the last paragraph found.
      const found = findFrom(paragraphs, from, (candidate) => lettersFor(candidate).text.includes(line));
      if (found === undefined) continue;
      from = found;
      const paragraph = paragraphs[found]!;
      const { text, at, opportunities } = lettersFor(paragraph);
      const position = text.indexOf(line) + line.length;
      const end = { position, letter: at[position] ?? opportunities.get(position) };
      ends.set(paragraph, [...(ends.get(paragraph) ?? []), end]);
    }
    for (const [paragraph, lineEnds] of ends) changed += raggedLines(paragraph, lineEnds);
  });
  return changed;
}

/** Where a stretched line ended in its paragraph's letters, and the place a break can go. */
interface LineEnd {
  position: number;
  letter: Letter | undefined;
}

/** The index of the first item from `start` on, then from the beginning, that `matches`. */
function findFrom<T>(items: T[], start: number, matches: (item: T) => boolean): number | undefined {
  for (let step = 0; step < items.length; step++) {
    const index = (start + step) % items.length;
    if (matches(items[index]!)) return index;
  }
  return undefined;
}

/**
 * Ends each line with a forced break, or sets the paragraph ragged when one of them cannot be
 * ended so; returns how many lines or paragraphs changed (none where they already were).
 */
function raggedLines(paragraph: Element, lineEnds: LineEnd[]): number {
  if (isRagged(paragraph)) return 0;
  const open = lineEnds.filter(({ letter }) => !(letter?.node.type === 'element' && letter.node.tagName === 'br'));
  if (open.length === 0) return 0;
  if (open.some(({ letter }) => letter === undefined) || hasClass(paragraph, RUNS_ON_CLASS)) {
    paragraph.properties.className = [...classesOf(paragraph), RAGGED_CLASS];
    return 1;
  }
  // From the last to the first: a break leaves the places before it in its text node as they were.
  const positions = [...new Set(open.map(({ position }) => position))].sort((a, b) => b - a);
  for (const position of positions) breakAt(open.find((end) => end.position === position)!.letter!);
  return positions.length;
}

/**
 * Puts a forced break where a line ended: after the space it ended on, or after the break
 * opportunity (`<wbr>`). The line before it is not justified; the paragraph's text and markup,
 * and with them its lines' keys (`line-keys.ts`), are what they were.
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
    parent.children.splice(index + 1, 0, lineEnd);
    return;
  }
  // The space stays before the break (where white space collapses away at a line's end); what
  // would collapse at the next line's start goes, a no-break space stays.
  const after = node.value.slice(offset + 1).replace(/^[ \t\n\r\f]+/, '');
  node.value = node.value.slice(0, offset + 1);
  parent.children.splice(index + 1, 0, lineEnd, ...(after ? [{ type: 'text', value: after } satisfies Text] : []));
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
