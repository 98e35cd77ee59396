/**
 * Reading a joined PDF back with pdf-lib and poppler, for the join's tests: page texts, named
 * destinations, the outline's links, and the structure tree's marked content.
 */
import { spawnSync } from 'node:child_process';
import { type PDFContext, type PDFDict, PDFDocument, PDFRef } from '@cantoo/pdf-lib';
import { ParentTree } from '../../../scripts/pdf-read/parent-tree.ts';
import {
  asArray,
  asDict,
  asNumber,
  asText,
  N,
  nameText,
  pageContentBytes,
  refKey,
} from '../../../scripts/pdf-read/objects.ts';
import { kidsOf, walkElements } from '../../../scripts/pdf-read/tree.ts';

export const readPdf = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false });

/** Each page's text as poppler reads it. */
export function popplerPages(file: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, index) => {
    const page = String(index + 1);
    const result = spawnSync('pdftotext', ['-layout', '-f', page, '-l', page, file, '-'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    return result.stdout;
  });
}

export function pdfinfoPages(file: string): number {
  const result = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(result.stdout)?.[1]);
}

/** The catalog's named destinations: name → 0-based page. */
export function destinationPages(doc: PDFDocument): Map<string, number> {
  const pageOf = new Map(doc.getPages().map((page, index) => [refKey(page.ref), index]));
  const dests = asDict(doc.context, doc.catalog.get(N('Dests')));
  const out = new Map<string, number>();
  for (const [name, value] of dests?.entries() ?? []) {
    const target = asArray(doc.context, value)?.get(0);
    out.set(nameText(name), target instanceof PDFRef ? (pageOf.get(refKey(target)) ?? -1) : -1);
  }
  return out;
}

/** What is wrong with the outline's links: Parent, Prev/Next, First/Last and Count. */
export function outlineFaults(doc: PDFDocument): string[] {
  const { context } = doc;
  const faults: string[] = [];
  const visit = (parentRef: PDFRef, parent: PDFDict, path: string): number => {
    let item = parent.get(N('First')) as PDFRef | undefined;
    let previous: PDFRef | undefined;
    let open = 0;
    while (item) {
      const dict = asDict(context, item)!;
      const where = `${path} ${item}`;
      if (dict.get(N('Parent')) !== parentRef) faults.push(`${where}: /Parent`);
      if (dict.get(N('Prev')) !== previous) faults.push(`${where}: /Prev`);
      const below = dict.has(N('First')) ? visit(item, dict, where) : 0;
      if (below !== Math.abs(asNumber(context, dict.get(N('Count'))) ?? 0)) faults.push(`${where}: /Count`);
      open += 1 + below;
      previous = item;
      item = dict.get(N('Next')) as PDFRef | undefined;
    }
    if (parent.get(N('Last')) !== previous) faults.push(`${path}: /Last`);
    return open;
  };
  const rootRef = doc.catalog.get(N('Outlines')) as PDFRef;
  const root = asDict(context, rootRef)!;
  const open = visit(rootRef, root, 'outline');
  if (open !== asNumber(context, root.get(N('Count')))) faults.push('outline: root /Count');
  return faults;
}

/** The top of the structure tree: the root's kids, and the types of the Document's kids. */
export function structureTop(doc: PDFDocument): { top: string[]; kids: string[] } {
  const { context } = doc;
  const root = asDict(context, doc.catalog.get(N('StructTreeRoot')))!;
  const top = kidsOf(context, root).flatMap((kid) =>
    kid.kind === 'elem' ? [typeName(context, kid.elem)] : [kid.kind],
  );
  const document = kidsOf(context, root)[0];
  const kids = document?.kind === 'elem' ? kidsOf(context, document.elem) : [];
  return { top, kids: kids.map((kid) => (kid.kind === 'elem' ? typeName(context, kid.elem) : kid.kind)) };
}

function typeName(context: PDFContext, elem: PDFDict): string {
  return nameText(asDict(context, elem)!.get(N('S')) as never);
}

/**
 * The structure elements' IDs in the tree's order, the types of the elements the IDTree names
 * by them, and every ID a data cell's /Headers names.
 */
export function elementIds(doc: PDFDocument): { ids: string[]; treeTypes: Map<string, string>; headers: string[] } {
  const { context } = doc;
  const root = asDict(context, doc.catalog.get(N('StructTreeRoot')))!;
  const ids: string[] = [];
  const headers: string[] = [];
  walkElements(context, root, (elem) => {
    const id = asText(context, elem.get(N('ID')));
    if (id !== undefined) ids.push(id);
    const attributes = elem.get(N('A'));
    for (const owner of asArray(context, attributes)?.asArray() ?? [attributes])
      for (const header of asArray(context, asDict(context, owner)?.get(N('Headers')))?.asArray() ?? [])
        headers.push(asText(context, header)!);
  });
  const names = asArray(context, asDict(context, root.get(N('IDTree')))?.get(N('Names')))?.asArray() ?? [];
  const treeTypes = new Map<string, string>();
  for (let i = 0; i + 1 < names.length; i += 2)
    treeTypes.set(asText(context, names[i])!, typeName(context, asDict(context, names[i + 1])!));
  return { ids, treeTypes, headers };
}

/**
 * What is wrong with the structure tree against the pages: an element whose /P is not its
 * parent, a /Pg that is no page, a marked-content id drawn but owned by no element (or two),
 * one owned but not drawn, and a ParentTree entry that names another owner.
 */
export function structureFaults(doc: PDFDocument): string[] {
  const { context } = doc;
  const faults: string[] = [];
  const root = asDict(context, doc.catalog.get(N('StructTreeRoot')))!;
  const rootRef = doc.catalog.get(N('StructTreeRoot'));
  const pages = new Map(doc.getPages().map((page, index) => [refKey(page.ref), index]));
  const owners = new Map<string, PDFDict[]>();
  const own = (page: PDFRef | undefined, mcid: number, elem: PDFDict) => {
    const key = `${page ? pages.get(refKey(page)) : 'no page'}:${mcid}`;
    owners.set(key, [...(owners.get(key) ?? []), elem]);
  };
  const refs = new Map<PDFDict, PDFRef | undefined>([[root, rootRef as PDFRef]]);
  walkElements(context, root, (elem, ref, ancestors) => {
    refs.set(elem, ref);
    const parent = ancestors.at(-1) ?? root;
    if (elem.get(N('P')) !== refs.get(parent)) faults.push(`${ref}: /P is not its parent`);
    for (const kid of kidsOf(context, elem)) {
      if (kid.kind === 'elem') continue;
      if (!kid.page || !pages.has(refKey(kid.page))) faults.push(`${ref}: /Pg ${kid.page} is no page`);
      if (kid.kind === 'mcid') own(kid.page, kid.mcid, elem);
    }
  });
  const tree = ParentTree.read(context, root);
  faults.push(...markedContentFaults(doc, owners, tree), ...annotationFaults(doc, tree));
  return faults;
}

/** Each annotation's /StructParent names, in the ParentTree, the element whose OBJR is that annotation. */
function annotationFaults(doc: PDFDocument, tree: ParentTree): string[] {
  const { context } = doc;
  const faults: string[] = [];
  for (const [index, page] of doc.getPages().entries()) {
    for (const annot of asArray(context, page.node.get(N('Annots')))?.asArray() ?? []) {
      const key = asNumber(context, asDict(context, annot)?.get(N('StructParent')));
      const owner = key === undefined ? undefined : asDict(context, tree.objectOwner(key));
      const objrs = owner ? kidsOf(context, owner).filter((kid) => kid.kind === 'objr') : [];
      if (!objrs.some((kid) => kid.obj === annot && kid.page === page.ref))
        faults.push(`page ${index + 1}: annotation ${annot} is not its owner's OBJR`);
    }
  }
  return faults;
}

function markedContentFaults(doc: PDFDocument, owners: Map<string, PDFDict[]>, tree: ParentTree): string[] {
  const { context } = doc;
  const faults: string[] = [];
  const drawn = new Set<string>();
  for (const [index, page] of doc.getPages().entries()) {
    const content = Buffer.from(pageContentBytes(context, page.node)).toString('latin1');
    const key = asNumber(context, page.node.get(N('StructParents')));
    const inTree = key === undefined ? undefined : tree.pageOwners(key);
    for (const match of content.matchAll(/\/MCID\s+(\d+)/g)) {
      const mcid = Number(match[1]);
      const at = `${index}:${mcid}`;
      drawn.add(at);
      const elements = owners.get(at) ?? [];
      if (elements.length !== 1) faults.push(`page ${index + 1} MCID ${mcid}: ${elements.length} owners`);
      const listed = inTree && mcid < inTree.size() ? asDict(context, inTree.get(mcid)) : undefined;
      if (listed !== elements[0]) faults.push(`page ${index + 1} MCID ${mcid}: not its owner in the ParentTree`);
    }
    const listed = inTree?.asArray().filter((owner) => owner instanceof PDFRef).length ?? 0;
    const onPage = [...drawn].filter((at) => at.startsWith(`${index}:`)).length;
    if (listed !== onPage)
      faults.push(`page ${index + 1}: the ParentTree lists ${listed} MCIDs, the page draws ${onPage}`);
  }
  for (const at of owners.keys()) if (!drawn.has(at)) faults.push(`${at}: owned but not drawn`);
  return faults;
}
