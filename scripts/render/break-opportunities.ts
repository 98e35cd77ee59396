/**
 * Where an address may break: after `/`, `.`, `-`, `?`, `&` and `=`, as `<wbr>`, in every
 * edition. An address has no spaces, so a browser keeps it whole and either runs it past the
 * column or, in justified print, pushes it to the next line and stretches the line it left
 * into gaps. `<wbr>` adds no character: copied, searched and read-aloud text is the address
 * itself (a zero-width space or a soft hyphen would be in the PDF's text layer, and a hyphen
 * in an address makes it another address).
 *
 * Broken: link texts and inline code that read as an address or a path, and addresses written
 * in running text; never preformatted blocks (which wrap on their own) or very short words.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/** Shorter words fit any column of the editions; breaking them would only look fussy. */
const MIN_LENGTH = 16;
/** Characters kept together at either end of an address: `ind.` / `nl` is not worth a break. */
const MIN_PIECE = 3;
/** A break may follow a run of these (after `//`, not between its slashes). */
const BREAK_AFTER = /[/.\-?&=]+/g;
/** A word of running text that is an address even outside a link or code. */
const ADDRESS = /[a-z][a-z0-9+.-]*:\/\/|(?:^|\W)www\.|^mailto:|^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
/** In a link text or code, a word with one of these is an address or a path. */
const PATH_LIKE = /[/.?&=]/;
const UNTOUCHED = new Set(['pre', 'script', 'style', 'svg', 'math', 'textarea']);

export function addressBreaks(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (UNTOUCHED.has(node.tagName)) return SKIP;
    const addressOnly = (node.tagName === 'a' || node.tagName === 'code') && !/\s/.test(toString(node).trim());
    node.children = node.children.flatMap((child) =>
      child.type === 'text' ? breakText(child, addressOnly || node.tagName === 'code') : [child],
    );
    return undefined;
  });
}

/** A text node with `<wbr>` after the break characters of its address-like words. */
function breakText(text: Text, inAddress: boolean): ElementContent[] {
  const parts = text.value.split(/(\s+)/);
  const out: ElementContent[] = [];
  let pending = '';
  for (const word of parts) {
    const points = isAddress(word, inAddress) ? breakPoints(word) : [];
    let from = 0;
    for (const point of points) {
      out.push({ type: 'text', value: pending + word.slice(from, point) }, wbr());
      pending = '';
      from = point;
    }
    pending += word.slice(from);
  }
  if (pending || out.length === 0) out.push({ type: 'text', value: pending });
  return out;
}

function isAddress(word: string, inAddress: boolean): boolean {
  if (word.length < MIN_LENGTH) return false;
  return ADDRESS.test(word) || (inAddress && PATH_LIKE.test(word));
}

/** Offsets after each run of break characters, keeping MIN_PIECE characters at either end. */
export function breakPoints(word: string): number[] {
  const points: number[] = [];
  for (const match of word.matchAll(BREAK_AFTER)) {
    const point = match.index + match[0].length;
    if (point >= MIN_PIECE && word.length - point >= MIN_PIECE) points.push(point);
  }
  return points;
}

function wbr(): Element {
  return { type: 'element', tagName: 'wbr', properties: {}, children: [] };
}
