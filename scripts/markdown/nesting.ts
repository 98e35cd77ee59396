/**
 * How deep a manuscript nests. The unified tools walk trees recursively, and so does the
 * structured clone each edition makes of an article: an article nested a few thousand levels
 * deep (`>>>>…`, lists in lists, `<div>`s in `<div>`s) would overflow the stack in one of
 * them. The loader refuses such an article with the line where the nesting goes too deep;
 * 500 levels of lists (1000 tree levels) or 1000 of quotes still build.
 *
 * Raw HTML counts too: its open tags nest everything after them until they are closed (the
 * renderer parses the article's HTML as one document). Tags are counted, not parsed, so an
 * element left open on purpose (`<p>` without `</p>`) counts as a level: only a manuscript
 * with a thousand of those would be refused for it.
 */
import type { Nodes, Root } from 'mdast';
import type { Point } from 'unist';

/** Tree levels (plus open HTML tags) an article may reach; the editions' tools manage ~1250. */
export const MAX_NESTING = 1100;

const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

export interface TooDeep {
  depth: number;
  place: Point | undefined;
}

/** The first place where the article nests deeper than `limit`, or undefined. Iterative: any depth is safe. */
export function tooDeep(tree: Root, limit = MAX_NESTING): TooDeep | undefined {
  let openTags = 0;
  // Depth-first, in document order, so HTML tags open and close in the order they were written.
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.type === 'html') {
      const { balance, peak } = tagBalance(node.value);
      if (depth + openTags + peak > limit) return { depth: depth + openTags + peak, place: node.position?.start };
      openTags = Math.max(0, openTags + balance);
    }
    if (depth + openTags > limit) return { depth: depth + openTags, place: node.position?.start };
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--)
        stack.push({ node: node.children[index] as Nodes, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Start tags minus end tags in a piece of HTML (void and self-closed elements do not nest),
 * and the most that were open at once on the way.
 */
function tagBalance(html: string): { balance: number; peak: number } {
  let balance = 0;
  let peak = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*)?>/g)) {
    const [whole, closing, name] = match;
    if (voidElements.has(name!.toLowerCase()) || whole.endsWith('/>')) continue;
    balance += closing ? -1 : 1;
    peak = Math.max(peak, balance);
  }
  return { balance, peak };
}
