/**
 * Our own rule over a drawing, applied before DOMPurify's: it loads nothing from outside itself.
 * DOMPurify keeps `http:` links, `<img src="http://…">` inside a label and any CSS, all of which
 * a reading system or a later change of how a drawing is shown could fetch. So every attribute
 * that names a resource may only point into the drawing (`#id`) or hold an embedded raster
 * picture, and every piece of CSS may load nothing (`css.ts`). What goes is described for the
 * editor's warning.
 */
import { isInnerReference, shorten, unsafeCss } from './css.ts';
import { SVG_NAMESPACE } from './xml.ts';

/** Attributes whose value a browser may load or follow, in any namespace (`xlink:href` too). */
const RESOURCE_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'background',
  'cite',
  'longdesc',
  'data',
  'base',
]);

const PICTURES = new Set(['img', 'image']);
const PICTURE_SOURCES = new Set(['src', 'href']);

/** Presentation attributes that take a url() (SVG 2, 6.3 and the masking and shapes specifications). */
const URL_PRESENTATION_ATTRIBUTES = new Set([
  'fill',
  'stroke',
  'filter',
  'clip-path',
  'mask',
  'marker-start',
  'marker-mid',
  'marker-end',
  'cursor',
  'color-profile',
  'shape-inside',
  'shape-subtract',
]);

/** Removes from `root`'s tree what would load something from outside; returns what it removed. */
export function removeOutsideReferences(root: Element): string[] {
  const removed: string[] = [];
  const elements = [root, ...root.querySelectorAll('*')];
  for (const element of elements) {
    if (element.localName === 'style') {
      const reason = unsafeCss(element.textContent ?? '', 'stylesheet');
      if (reason) {
        element.remove();
        removed.push(`a <style> with ${reason}`);
      }
      continue;
    }
    for (const attribute of [...element.attributes]) {
      const reason = unsafeAttribute(element, attribute);
      if (!reason) continue;
      element.removeAttributeNode(attribute);
      removed.push(`${attribute.name}="${shorten(attribute.value)}" on <${element.localName}> (${reason})`);
    }
    // A picture left without its source shows nothing, and an <img> without src is no valid XHTML.
    if (
      PICTURES.has(element.localName) &&
      ![...element.attributes].some((each) => PICTURE_SOURCES.has(each.localName))
    ) {
      element.remove();
    }
  }
  for (const link of root.querySelectorAll('a')) {
    if (!link.hasAttribute('href') && !link.hasAttribute('xlink:href')) ungroupLink(link);
  }
  return removed;
}

/**
 * A link without its target becomes a plain group (`<g>`, or `<span>` in a label) with the
 * same attributes and children: an `<a>` that leads nowhere is still announced as a link, and
 * EPUBCheck asks every SVG link for a title.
 */
function ungroupLink(link: Element): void {
  const name = link.namespaceURI === SVG_NAMESPACE ? 'g' : 'span';
  const group = link.ownerDocument.createElementNS(link.namespaceURI, name);
  for (const attribute of [...link.attributes]) {
    if (attribute.localName !== 'target') group.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
  }
  group.append(...link.childNodes);
  link.replaceWith(group);
}

function unsafeAttribute(element: Element, attribute: Attr): string | undefined {
  if (RESOURCE_ATTRIBUTES.has(attribute.localName)) {
    if (isInnerReference(attribute.value)) return undefined;
    // A link too: where a drawing is an image it cannot be followed, and EPUB asks a title of it.
    return element.localName === 'a' ? 'a link out of the drawing' : 'a reference outside the drawing';
  }
  if (attribute.localName === 'style') return unsafeCss(attribute.value, 'declarationList');
  // A presentation attribute is a CSS value (`fill="url(#verloop)"`), escapes and all.
  if (URL_PRESENTATION_ATTRIBUTES.has(attribute.localName)) return unsafeCss(attribute.value, 'value');
  return undefined;
}
