/**
 * Small tagged PDFs built by hand with pdf-lib, for shapes Chromium does not write today.
 */
import { type PDFDict, PDFDocument, PDFString, type PDFRef } from '@cantoo/pdf-lib';
import { N } from '../../scripts/pdf-read/objects.ts';

export interface Built {
  doc: PDFDocument;
  page: PDFDict;
  pageRef: PDFRef;
  elem(type: string, parent: PDFRef, extra?: Record<string, unknown>): PDFRef;
  setKids(ref: PDFRef, kids: unknown[]): void;
  root: PDFDict;
  document: PDFRef;
}

/** A one-page tagged document whose content stream and structure tree the test writes. */
export async function build(
  content: string,
  parentTreeNums: (tree: Built) => unknown[],
  shape: (tree: Built) => void,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 300]);
  const context = doc.context;
  page.node.set(N('Contents'), context.register(context.stream(content)));
  page.node.set(N('StructParents'), context.obj(0));
  const rootRef = context.register(context.obj({ Type: 'StructTreeRoot' }));
  const root = context.lookup(rootRef) as PDFDict;
  const documentRef = context.register(context.obj({ Type: 'StructElem', S: 'Document', P: rootRef }));
  root.set(N('K'), documentRef);
  const built: Built = {
    doc,
    page: page.node,
    pageRef: page.ref,
    root,
    document: documentRef,
    elem(type, parent, extra = {}) {
      return context.register(
        context.obj({ Type: 'StructElem', S: type, P: parent, ...(extra as Record<string, never>) }),
      );
    },
    setKids(ref, kids) {
      (context.lookup(ref) as PDFDict).set(N('K'), context.obj(kids as never[]));
    },
  };
  shape(built);
  root.set(N('ParentTree'), context.register(context.obj({ Nums: parentTreeNums(built) as never[] })));
  doc.catalog.set(N('StructTreeRoot'), rootRef);
  doc.catalog.set(N('MarkInfo'), context.obj({ Marked: true }));
  doc.catalog.set(N('Lang'), PDFString.of('nl'));
  doc.setTitle('Proef', { showInWindowTitleBar: true });
  return doc.save({ useObjectStreams: false });
}
