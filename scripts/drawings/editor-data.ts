/**
 * What drawing programs keep in an SVG for themselves: draw.io's editable copy of the diagram
 * (the `content` attribute), Inkscape's and Sodipodi's settings, Illustrator's and Sketch's,
 * RDF metadata and the namespace declarations for them. None of it is drawn, so it goes before
 * the sanitiser looks, without a warning: a warning is for what changes the drawing or what
 * was an attack, and an export from Inkscape would otherwise bring a dozen of them.
 */
const EDITOR_NAMESPACES = new Set([
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://inkscape.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://ns.adobe.com/AdobeIllustrator/10.0/',
  'http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/',
  'http://ns.adobe.com/Extensibility/1.0/',
  'http://ns.adobe.com/Graphs/1.0/',
  'http://ns.adobe.com/SaveForWeb/1.0/',
  'http://ns.adobe.com/Variables/1.0/',
  'http://www.bohemiancoding.com/sketch/ns',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
]);
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export function removeEditorData(root: Element): void {
  root.removeAttribute('content');
  for (const element of [root, ...root.querySelectorAll('*')]) {
    if (element !== root && (element.localName === 'metadata' || EDITOR_NAMESPACES.has(element.namespaceURI ?? ''))) {
      element.remove();
      continue;
    }
    for (const attribute of [...element.attributes]) {
      if (isEditorDeclaration(attribute) || EDITOR_NAMESPACES.has(attribute.namespaceURI ?? '')) {
        element.removeAttributeNode(attribute);
      }
    }
  }
}

/**
 * A namespace declaration other than SVG's and XLink's: the serialiser declares again any
 * other namespace still in use (as `ns1:`), so only these two are worth keeping by name.
 */
function isEditorDeclaration(attribute: Attr): boolean {
  return attribute.namespaceURI === XMLNS_NAMESPACE && attribute.name !== 'xmlns' && attribute.name !== 'xmlns:xlink';
}
