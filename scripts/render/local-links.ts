/**
 * Links stay inside the issue. A link in a manuscript may name a web address, an e-mail
 * address, an anchor, an article or a file of the issue; a link to anywhere else on the disk
 * (`../../etc/passwd`, `/etc/passwd`, a symbolic link that leads out of the issue folder) or
 * with a scheme that runs or embeds something (`javascript:`, `data:`, `file:`) would be a
 * working link to the build machine in the PDF (Chromium makes relative links absolute
 * `file://` URLs) and a leak of its layout everywhere.
 *
 * Such a link is rendered as its text, without the link: the words the editor wrote stay,
 * the destination goes. The linter (`local-path-inside`, `no-placeholder-link`) reports it as
 * an error at its line; this is the build's own guard, for when lint was not run.
 */
import type { Element, ElementContent, Root } from 'hast';
import { linkProblem, type LinkScope } from '../markdown/link-scope.ts';

export type { LinkScope };

/** Replaces every link whose destination may not be linked by its content, in place. */
export function confineLinks(tree: Root, scope: LinkScope): void {
  tree.children = confine(tree.children, scope) as Root['children'];
}

function confine(nodes: ElementContent[] | Root['children'], scope: LinkScope): ElementContent[] {
  const result: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'element') {
      result.push(node as ElementContent);
      continue;
    }
    node.children = confine(node.children, scope);
    if (node.tagName === 'a' && !followableLink(node, scope)) result.push(...node.children);
    else result.push(node);
  }
  return result;
}

function followableLink(node: Element, scope: LinkScope): boolean {
  const href = node.properties.href;
  // `<a name="f18">` (an `id` by now) is a link target, not a link: it stays, to be linked to.
  if (href === undefined) return typeof node.properties.id === 'string';
  return typeof href === 'string' && linkProblem(href, scope) === undefined;
}

/**
 * For a document that stands alone (the PDF): a link to a file of the issue other than an
 * article cannot travel with it, and Chromium would write it as a `file://` link into the
 * build folder. Such links become their text; call after issue links became `#anchors`.
 */
export function unlinkLocalFiles(tree: Root): void {
  tree.children = unlinkLocal(tree.children) as Root['children'];
}

function unlinkLocal(nodes: ElementContent[] | Root['children']): ElementContent[] {
  const result: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'element') {
      result.push(node as ElementContent);
      continue;
    }
    node.children = unlinkLocal(node.children);
    const href = node.properties.href;
    const local =
      node.tagName === 'a' &&
      typeof href === 'string' &&
      !href.startsWith('#') &&
      !/^[a-z][a-z0-9+.-]+:/i.test(href.trim());
    if (local) result.push(...node.children);
    else result.push(node);
  }
  return result;
}
