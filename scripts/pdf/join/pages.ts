/**
 * A part's pages, copied into the joined document's one page tree in order. Each page's
 * /StructParents, and the /StructParent of its annotations and form XObjects, move by the
 * part's offset in the joined ParentTree.
 */
import { type PDFDict, type PDFDocument, PDFNumber, type PDFPageLeaf, type PDFRef } from '@cantoo/pdf-lib';
import { asArray, asDict, N } from '../../pdf-read/objects.ts';
import type { LoadedPart } from './part.ts';

export function copyPages(part: LoadedPart, into: PDFDocument, keyOffset: number): void {
  const context = into.context;
  const tree = into.catalog.Pages();
  const treeRef = into.catalog.get(N('Pages')) as PDFRef;
  const moved = new Set<PDFDict>();
  for (const sourceRef of part.pageRefs) {
    const ref = part.copier.copy(sourceRef);
    const leaf = context.lookup(ref) as PDFPageLeaf;
    leaf.setParent(treeRef);
    tree.pushLeafNode(ref);
    if (keyOffset === 0) continue;
    moveKey(leaf, 'StructParents', keyOffset, moved);
    for (const annot of asArray(context, leaf.get(N('Annots')))?.asArray() ?? [])
      moveKey(asDict(context, annot), 'StructParent', keyOffset, moved);
    const resources = asDict(context, leaf.get(N('Resources')));
    for (const [, xobject] of asDict(context, resources?.get(N('XObject')))?.entries() ?? []) {
      const dict = asDict(context, xobject);
      moveKey(dict, 'StructParent', keyOffset, moved);
      moveKey(dict, 'StructParents', keyOffset, moved);
    }
  }
}

/** Adds the offset to a ParentTree key, once per object (form XObjects are shared by pages). */
function moveKey(
  dict: PDFDict | undefined,
  key: 'StructParent' | 'StructParents',
  offset: number,
  moved: Set<PDFDict>,
) {
  const value = dict?.get(N(key));
  if (!dict || !(value instanceof PDFNumber) || moved.has(dict)) return;
  dict.set(N(key), PDFNumber.of(value.asNumber() + offset));
  moved.add(dict);
}
