/**
 * Every place in an article a `#fragment` can name, as documents write them: heading ids (as
 * `heading-ids.ts` makes them), an `id` on any raw HTML element and a `name` on a raw `<a>`
 * (the old way of footnotes made by hand: `<a name="f18">`), which the renderer keeps as `id`.
 * The linter and the renderer read the same set, so both call the same links unresolved.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Nodes } from 'hast';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { headingIds } from './heading-ids.ts';
import { STRIPPED } from './raw-html.ts';

const stripped: ReadonlySet<string> = new Set(STRIPPED);
const anchorsOfTree = new WeakMap<Root, ReadonlySet<string>>();
/** A cheap test before parsing: most raw HTML names no anchor. */
const mayNameAnchor = /\b(?:id|name)\s*=/i;

/** The anchor ids of an article, computed once per parsed tree. */
export function anchorIds(tree: Root): ReadonlySet<string> {
  let ids = anchorsOfTree.get(tree);
  if (!ids) {
    ids = new Set([...headingIds(tree).values(), ...rawHtmlAnchors(tree)]);
    anchorsOfTree.set(tree, ids);
  }
  return ids;
}

function rawHtmlAnchors(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'html', (node) => {
    if (mayNameAnchor.test(node.value)) found.push(...htmlAnchors(node.value));
  });
  return found;
}

/** Ids (and `<a name>`s) in a piece of HTML, outside the elements the renderer strips. */
export function htmlAnchors(html: string): string[] {
  const found: string[] = [];
  const stack: Nodes[] = [fromHtml(html, { fragment: true })];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'element') {
      if (stripped.has(node.tagName)) continue;
      const id = anchorOf(node.tagName, node.properties);
      if (id !== undefined) found.push(id);
    }
    if ('children' in node) stack.push(...node.children);
  }
  return found;
}

/** The id an element is a link target by: its `id`, else the `name` of an `<a>`. */
export function anchorOf(tagName: string, properties: Record<string, unknown>): string | undefined {
  const id = properties.id ?? (tagName === 'a' ? properties.name : undefined);
  return typeof id === 'string' && /^\S+$/.test(id) ? id : undefined;
}
