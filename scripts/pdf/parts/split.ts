/**
 * The print document cut into parts that Chromium prints one by one, several at a time: the
 * front (cover and contents) and each article. Each part keeps the whole document's head (the
 * stylesheet, the running heads) and starts its folios where its article starts in the issue
 * (`counter-set` on its first page). A link to an id in another part leaves through
 * `JOIN_LINK_PREFIX`, which the join turns back into a link inside the issue; an id that
 * another part links to gets a hidden link in its own part, since Chromium writes a named
 * destination only for an id that a link of the same document points at.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { Issue } from '../../issue/load.ts';
import { decode } from '../../markdown/links.ts';
import { destinationLinks, destinationTargets, isDestinationLinks } from '../destination-links.ts';
import { articleAnchor, type StartPages } from '../document.ts';

/** A link to another part: an address no document can reach, ended by the id it points to. */
export const JOIN_LINK_PREFIX = 'https://join.invalid/#';

export interface PartDocument {
  /** The article's anchor (`art-…`), or `front` for the cover and contents. */
  name: string;
  tree: Root;
}

export const FRONT = 'front';

/** Names a part for a reader of an error: its article's manuscript, or the front. */
export function partDescriber(issue: Issue): (name: string) => string {
  const files = new Map(issue.articles.map((article) => [articleAnchor(article.id), article.file.path]));
  return (name) => files.get(name) ?? 'the cover and contents';
}

export function splitParts(
  tree: Root,
  startPages: StartPages | undefined,
  anchors: Record<string, string>,
): PartDocument[] {
  const html = childElement(tree, 'html')!;
  const head = childElement(html, 'head')!;
  const body = childElement(html, 'body')!;
  const hiddenLinks: string[] = [];
  const groups: { name: string; children: ElementContent[] }[] = [{ name: FRONT, children: [] }];
  for (const child of body.children) {
    if (child.type === 'element' && isDestinationLinks(child)) hiddenLinks.push(...destinationTargets(child));
    else if (child.type === 'element' && child.tagName === 'article')
      groups.push({ name: String(child.properties.id), children: [child] });
    else groups[0]!.children.push(child);
  }
  const parts = groups.filter((group) => group.name !== FRONT || group.children.length > 0);
  const idsOf = parts.map((part) => idsIn(part.children));
  const wanted = parts.map((part) => new Set<string>(part.name === FRONT ? [] : [part.name]));
  const partOf = (id: string) => idsOf.findIndex((ids) => ids.has(id));
  for (const id of hiddenLinks) wanted[partOf(id)]?.add(id);
  parts.forEach((part, index) => {
    for (const id of leaveForOtherParts(part.children, idsOf[index]!, partOf)) wanted[partOf(id)]!.add(id);
  });
  const firstPages = new Map(Object.entries(anchors).map(([id, anchor]) => [anchor, startPages?.[id]]));
  return parts.map((part, index) => ({
    name: part.name,
    tree: partTree(part.name, tree, html, head, part.children, [...wanted[index]!], firstPages.get(part.name)),
  }));
}

function partTree(
  name: string,
  whole: Root,
  html: Element,
  head: Element,
  children: ElementContent[],
  targets: string[],
  firstPage: number | undefined,
): Root {
  const folios = firstPage === undefined ? [] : [h('style', `@page :first { counter-set: page ${firstPage}; }`)];
  // The running heads of the part's own page only: another article's title is not its concern.
  const ownHead = head.children.filter(
    (child) =>
      child.type !== 'element' || child.properties.dataPage === undefined || child.properties.dataPage === name,
  );
  const links = targets.length > 0 ? [destinationLinks(targets)] : [];
  return {
    type: 'root',
    children: [
      ...whole.children.filter((child) => child !== html),
      { ...html, children: [{ ...head, children: [...ownHead, ...folios] }, h('body', [...children, ...links])] },
    ],
  };
}

/**
 * Points the part's links to ids of other parts at `JOIN_LINK_PREFIX`; returns those ids. A
 * link to an id no part has (`#`, a typo) stays as it was, as in one document.
 */
function leaveForOtherParts(
  children: ElementContent[],
  own: ReadonlySet<string>,
  partOf: (id: string) => number,
): string[] {
  const leaving: string[] = [];
  for (const child of children) {
    if (child.type !== 'element') continue;
    visit(child, 'element', (node) => {
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href !== 'string' || !href.startsWith('#')) return;
      const id = decode(href.slice(1));
      if (own.has(id) || partOf(id) < 0) return;
      node.properties.href = JOIN_LINK_PREFIX + href.slice(1);
      leaving.push(id);
    });
  }
  return leaving;
}

function idsIn(children: ElementContent[]): Set<string> {
  const ids = new Set<string>();
  for (const child of children) {
    if (child.type !== 'element') continue;
    visit(child, 'element', (node) => {
      if (node.properties.id !== undefined) ids.add(String(node.properties.id));
    });
  }
  return ids;
}

function childElement(parent: Root | Element, tagName: string): Element | undefined {
  const children: (Root | Element)['children'][number][] = parent.children;
  return children.find((child): child is Element => child.type === 'element' && child.tagName === tagName);
}
