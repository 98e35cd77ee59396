/**
 * Chromium writes a named destination (page and position) for every id that a link of the
 * document points at, whether or not the link is shown. A hidden list of links asks for the
 * destinations of ids nothing else links to: placement's block markers, and the ids a part
 * printed on its own is linked to from other parts. The list is `display: none`: it draws
 * nothing and is not in the tag tree.
 */
import { h } from 'hastscript';
import type { Element } from 'hast';

export function destinationLinks(ids: readonly string[]): Element {
  return h(
    'nav',
    { style: 'display: none', ariaHidden: 'true' },
    ids.map((id) => h('a', { href: `#${id}` })),
  );
}

export function isDestinationLinks(element: Element): boolean {
  return element.tagName === 'nav' && element.properties.style === 'display: none';
}

/** The ids a list of `destinationLinks` points at. */
export function destinationTargets(list: Element): string[] {
  return list.children.flatMap((link) =>
    link.type === 'element' && typeof link.properties.href === 'string' ? [link.properties.href.slice(1)] : [],
  );
}
