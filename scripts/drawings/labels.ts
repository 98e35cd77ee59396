/**
 * Which parts of a drawing's HTML labels (inside `<foreignObject>`) are not XHTML an EPUB may
 * hold. draw.io writes rich labels with HTML 4's `<font color face size>` and `align`, which
 * browsers draw but EPUBCheck refuses; such a drawing goes into the EPUB as a picture instead.
 * Kept to what labels use: anything else is reported, and the drawing is pictured rather than risked.
 */
const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

const LABEL_ELEMENTS = new Set([
  ...['div', 'span', 'p', 'br', 'b', 'i', 'u', 's', 'em', 'strong', 'small', 'sub', 'sup', 'code', 'pre', 'hr'],
  ...['ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'td', 'th'],
]);
const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'style', 'title', 'lang', 'dir']);
const ELEMENT_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  td: new Set(['colspan', 'rowspan']),
  th: new Set(['colspan', 'rowspan']),
  ol: new Set(['start', 'reversed']),
};

/** The label markup EPUB's XHTML does not allow ("<font>", "align on <div>"), once each. */
export function nonXhtmlLabels(root: Element): string[] {
  const found = new Set<string>();
  for (const element of root.querySelectorAll('*')) {
    if (element.namespaceURI !== XHTML_NAMESPACE) continue;
    const name = element.localName;
    if (!LABEL_ELEMENTS.has(name)) found.add(`<${name}>`);
    for (const attribute of element.attributes) {
      if (attribute.namespaceURI === XMLNS_NAMESPACE || attribute.name === 'xmlns') continue;
      const allowed =
        GLOBAL_ATTRIBUTES.has(attribute.name) ||
        attribute.name.startsWith('data-') ||
        ELEMENT_ATTRIBUTES[name]?.has(attribute.name);
      if (!allowed) found.add(`${attribute.name} on <${name}>`);
    }
  }
  return [...found];
}
