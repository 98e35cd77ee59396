/**
 * Facts of the raw HTML in a manuscript that the linter, the image stage and the renderer
 * share: which elements go with everything inside them, which references are local, which
 * photos an HTML node asks for, and where a part of a node is in the manuscript.
 */
import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

/** Elements removed with everything inside them: code, embedded documents, styles, foreign markup. */
export const STRIPPED = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'textarea',
  'title',
  'xmp',
  'plaintext',
  'svg',
  'math',
  'select',
] as const;

const stripped: ReadonlySet<string> = new Set(STRIPPED);

/** A path (relative or absolute), not a URL with a scheme and not a `//host` network path. */
export function isLocalReference(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed === '' || /^[/\\]{2}/.test(trimmed)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  // A one-letter "scheme" is a Windows drive (`C:\foto.jpg`): a path, refused later as absolute.
  return !scheme || scheme[1]!.length === 1;
}

/** A local `<img>` written in a raw HTML node, with its place in the manuscript. */
export interface RawImage {
  src: string;
  position: Position | undefined;
  /** Whether the element has an `alt` attribute at all (`alt=""` marks decoration). */
  hasAlt: boolean;
}

/**
 * The photos a raw HTML node asks for, for the image stage (which must make every `<img>`
 * the renderer keeps). Read per node, as the linter reads it; elements the renderer strips
 * are skipped, remote and `data:` images are never fetched. Listing a photo the page then
 * does not show (because an earlier node left the parser inside a `<textarea>`, say) costs
 * only its processing.
 */
export function rawHtmlImages(node: Html, file?: VFile): RawImage[] {
  if (!/<img\b/i.test(node.value)) return [];
  const images: RawImage[] = [];
  const fragment = fromHtml(node.value, { fragment: true });
  const stack: Nodes[] = [fragment];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'element') {
      if (stripped.has(current.tagName)) continue;
      const src = current.properties.src;
      if (current.tagName === 'img' && typeof src === 'string' && isLocalReference(src)) {
        images.push({
          src,
          position: positionInNode(node, current.position, file),
          hasAlt: 'alt' in current.properties,
        });
      }
    }
    if ('children' in current) stack.push(...[...current.children].reverse());
  }
  return images;
}

/** A link written as an `<a href>` in a raw HTML node, with its place in the manuscript. */
export interface RawLink {
  href: string;
  position: Position | undefined;
}

/** The links a raw HTML node writes (outside the elements the renderer strips), in order. */
export function rawHtmlLinks(node: Html, file?: VFile): RawLink[] {
  if (!/<a\b[^>]*\bhref/i.test(node.value)) return [];
  const links: RawLink[] = [];
  const stack: Nodes[] = [fromHtml(node.value, { fragment: true })];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'element') {
      if (stripped.has(current.tagName)) continue;
      const href = current.properties.href;
      if (current.tagName === 'a' && typeof href === 'string')
        links.push({ href, position: positionInNode(node, current.position, file) });
    }
    if ('children' in current) stack.push(...[...current.children].reverse());
  }
  return links;
}

/**
 * Where a part of a raw HTML node (positions counted inside `node.value`) is in the
 * manuscript. Exact when the node's text is written as-is; inside a block quote or list the
 * container's prefixes are not part of the value, so the line is kept and the column is the
 * node's own.
 */
export function positionInNode(node: Html, inner: Position | undefined, file?: VFile): Position | undefined {
  const start = node.position?.start;
  if (!start || !inner) return node.position;
  const source =
    file && start.offset !== undefined && node.position?.end.offset !== undefined
      ? String(file.value).slice(start.offset, node.position.end.offset)
      : undefined;
  const exact = source === node.value;
  const point = (at: Point): Point => ({
    line: start.line + at.line - 1,
    column: at.line === 1 ? start.column + at.column - 1 : exact ? at.column : start.column,
    offset: exact && start.offset !== undefined && at.offset !== undefined ? start.offset + at.offset : undefined,
  });
  return { start: point(inner.start), end: point(inner.end) };
}
