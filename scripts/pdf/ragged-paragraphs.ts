/**
 * The print's answer to a stretched line (`stretched-lines.ts`): the paragraph that holds it is
 * set ragged right. Chromium breaks lines first and justifies them after, so a ragged
 * paragraph keeps its line breaks and its height, and nothing else on the page moves; its
 * word spaces are the font's own. A line is found again in the print document by its text,
 * within its article.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { articleAnchor } from './document.ts';

export const RAGGED_CLASS = 'ragged';

/** The text of stretched lines, by article id: what the next print sets ragged. */
export type StretchedTexts = Record<string, string[]>;

/**
 * Sets ragged every paragraph of `tree` that holds one of `lines`; returns how many were
 * justified until now (none: printing again would change nothing).
 */
export function setRagged(tree: Root, lines: StretchedTexts): number {
  let changed = 0;
  visit(tree, 'element', (node) => {
    const article = typeof node.properties.id === 'string' ? articleOf(node.properties.id, lines) : undefined;
    if (node.tagName !== 'article' || !article) return;
    const wanted = article.map(comparable).filter((text) => text.length > 0);
    visit(node, 'element', (paragraph) => {
      if (paragraph.tagName !== 'p' || isRagged(paragraph)) return;
      const text = comparable(toString(paragraph));
      if (!wanted.some((line) => text.includes(line))) return;
      paragraph.properties.className = [...classes(paragraph), RAGGED_CLASS];
      changed++;
    });
  });
  return changed;
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

function articleOf(id: string, lines: StretchedTexts): string[] | undefined {
  return Object.entries(lines).find(([article]) => articleAnchor(article) === id)?.[1];
}

/**
 * Text as both the PDF and the document spell it: no soft hyphens (nor the hyphen shown for
 * one at a line's end), single spaces.
 */
function comparable(text: string): string {
  return text
    .replace(/[-\u2010\u00ad]\s*$/, '')
    .replaceAll('\u00ad', '')
    .replace(/\s+/g, ' ')
    .trim();
}

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function isRagged(node: Element): boolean {
  return classes(node).includes(RAGGED_CLASS);
}
