/**
 * Where links point. Link rules share one reading of a destination, so `#` is a placeholder
 * for one rule and never a missing anchor for another, and a reference link is checked once,
 * at its definition.
 */
import type { Definition, Link, LinkReference, Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export type Target =
  | { kind: 'empty' }
  | { kind: 'web'; url: string }
  /** mailto:, tel:, javascript: … — anything with a scheme that is not http(s). */
  | { kind: 'scheme'; scheme: string; rest: string }
  /** `//host/path`: a network path; it needs a scheme to work in an EPUB or PDF. */
  | { kind: 'network-path'; url: string }
  /** `#fragment` or `file.md#fragment` or `file.pdf`; `path` is '' for the same article. */
  | { kind: 'local'; path: string; fragment: string | undefined };

export function classify(url: string): Target {
  const trimmed = url.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.startsWith('//')) return { kind: 'network-path', url: trimmed };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  // A one-letter "scheme" is a Windows drive (`C:\map`), which is a local path.
  if (scheme && scheme[1]!.length > 1) {
    const name = scheme[1]!.toLowerCase();
    if (name === 'http' || name === 'https') return { kind: 'web', url: trimmed };
    return { kind: 'scheme', scheme: name, rest: trimmed.slice(scheme[0].length) };
  }
  const hash = trimmed.indexOf('#');
  const beforeQuery = (text: string) => text.replace(/\?.*$/, '');
  if (hash === -1) return { kind: 'local', path: beforeQuery(trimmed), fragment: undefined };
  return { kind: 'local', path: beforeQuery(trimmed.slice(0, hash)), fragment: trimmed.slice(hash + 1) };
}

/** Percent-decoding that never throws: a malformed escape is left as written. */
export function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Link reference definitions by normalised identifier; CommonMark: the first one wins. */
export function definitionsOf(tree: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    const key = normalizeIdentifier(node.identifier);
    if (!definitions.has(key)) definitions.set(key, node);
  });
  return definitions;
}

/** As micromark compares labels: whitespace collapsed, case folded. */
export function normalizeIdentifier(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase();
}

export interface Destination {
  /** Where to report: the link itself, or the definition a reference link uses. */
  node: Link | Definition;
  url: string;
}

/**
 * Every link destination in the tree, once: inline links and autolinks, and the definitions
 * that link references use (or that nothing uses). Definitions used only by image references
 * are image paths and belong to the image rules. Code has no link nodes, so code spans and
 * code blocks are never read here.
 */
export function linkDestinations(tree: Root): Destination[] {
  const usedByLinks = new Set<string>();
  const usedByImages = new Set<string>();
  visit(tree, (node: Nodes) => {
    if (node.type === 'linkReference') usedByLinks.add(normalizeIdentifier(node.identifier));
    if (node.type === 'imageReference') usedByImages.add(normalizeIdentifier(node.identifier));
  });
  const destinations: Destination[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'link') destinations.push({ node, url: node.url });
    if (node.type === 'definition') {
      const key = normalizeIdentifier(node.identifier);
      if (usedByLinks.has(key) || !usedByImages.has(key)) destinations.push({ node, url: node.url });
    }
  });
  return destinations;
}

/** Links whose text a reader sees: inline links, autolinks and reference links. */
export function linksWithText(tree: Root): (Link | LinkReference)[] {
  const links: (Link | LinkReference)[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'link' || node.type === 'linkReference') links.push(node);
  });
  return links;
}
