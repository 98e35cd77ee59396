/**
 * Repairs to Chromium's structure tree so that it holds up as PDF/UA-1 (ISO 14289-1, 7.1–7.2):
 *
 * - PDF 2.0 type names in a PDF 1.7 file (Em, Strong, Aside, …) get RoleMap entries to their
 *   nearest PDF 1.7 type; the original names stay, for readers that know them.
 * - Chromium tags <figure> as a Figure without /Alt around the <img>'s own Figure (which has the
 *   alt) and the Caption; a Figure that groups other elements becomes a Div, so that only the
 *   image is a Figure and every Figure has an alternative text.
 * - List items hold Lbl plus loose content; PDF 1.7 (Table 336) wants LI → Lbl? LBody, so the
 *   loose content moves into a new LBody. MCIDs and OBJRs that change owner are re-pointed in
 *   the ParentTree.
 * - Link annotations get /Contents from the text of their Link element (or the URI).
 */
import { PDFArray, type PDFDict, PDFName, PDFNumber, PDFRef, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';
import { asArray, asDict, asName, asNumber, asText, N, refKey, resolve, textObject } from '../../pdf-read/objects.ts';
import { ParentTree } from '../../pdf-read/parent-tree.ts';
import type { PlacedText } from '../../pdf-read/text.ts';
import {
  elementText,
  kidsOf,
  rawKids,
  roleMapOf,
  setKids,
  standardTypeOf,
  STANDARD_TYPES,
  typeOf,
  walkElements,
  type ElementTextSource,
  type Kid,
} from '../../pdf-read/tree.ts';

/** PDF 2.0 (and HTML-ish) types Chromium may write, and the PDF 1.7 type each stands for. */
export const ROLE_DEFAULTS: Record<string, string> = {
  Em: 'Span',
  Strong: 'Span',
  Sub: 'Span',
  Mark: 'Span',
  Aside: 'Sect',
  DocumentFragment: 'Div',
  FENote: 'Note',
  Title: 'P',
  Artifact: 'NonStruct',
};

export interface StructureReport {
  roleMapped: Record<string, string>;
  figuresToDiv: number;
  lbodiesAdded: number;
  listItemsAdded: number;
  linkContents: number;
  /** Link elements with no annotation (a link Chromium could not resolve) turned into Span. */
  deadLinks: number;
}

export interface StructureInput extends ElementTextSource {
  context: PDFContext;
  structTreeRoot: PDFDict;
  /** Page object refs by 0-based index, and the page index of each page ref. */
  pageIndex: Map<string, number>;
  /** Text of an MCID on a page (0-based page index), decoded; undefined when unknown. */
  mcidText: (pageIndex: number, mcid: number) => PlacedText | undefined;
}

export function fixStructure(input: StructureInput): StructureReport {
  const { context, structTreeRoot } = input;
  const parentTree = ParentTree.read(context, structTreeRoot);
  const report: StructureReport = {
    roleMapped: {},
    figuresToDiv: 0,
    lbodiesAdded: 0,
    listItemsAdded: 0,
    linkContents: 0,
    deadLinks: 0,
  };

  // Element dict → its indirect ref, so new children can point /P at their parent.
  const refOf = new Map<PDFDict, PDFRef>();
  const elements: PDFDict[] = [];
  walkElements(context, structTreeRoot, (elem, ref) => {
    if (ref) refOf.set(elem, ref);
    elements.push(elem);
  });

  for (const elem of elements)
    if (typeOf(context, elem) === 'Figure' && isGroupingFigure(context, elem)) {
      elem.set(N('S'), N('Div'));
      report.figuresToDiv++;
    }

  const mover = new KidMover(context, parentTree, refOf);
  for (const elem of elements) {
    const type = resolvedType(context, structTreeRoot, elem);
    if (type === 'L') report.listItemsAdded += wrapLooseListKids(context, elem, mover);
  }
  // A second pass over list items, including any just made.
  const items = allElements(context, structTreeRoot).filter(
    (elem) => resolvedType(context, structTreeRoot, elem) === 'LI',
  );
  for (const li of items) if (wrapListItemBody(context, li, mover)) report.lbodiesAdded++;

  // The tree is complete now: the remaining passes share one walk of it.
  const final = allElements(context, structTreeRoot);
  report.roleMapped = addRoleMappings(context, structTreeRoot, final);
  report.linkContents = addLinkContents(input, final);
  report.deadLinks = unlinkDeadLinks(context, structTreeRoot, final);
  parentTree.write();
  return report;
}

/** Every element of the tree, in reading order. */
function allElements(context: PDFContext, root: PDFDict): PDFDict[] {
  const elements: PDFDict[] = [];
  walkElements(context, root, (elem) => void elements.push(elem));
  return elements;
}

function resolvedType(context: PDFContext, root: PDFDict, elem: PDFDict): string {
  const raw = typeOf(context, elem);
  return standardTypeOf(context, roleMapOf(context, root), raw).type ?? ROLE_DEFAULTS[raw] ?? raw;
}

function hasAltText(context: PDFContext, elem: PDFDict): boolean {
  return Boolean(asText(context, elem.get(N('Alt')))?.trim() || asText(context, elem.get(N('ActualText')))?.trim());
}

/** A Figure with no alternative text of its own that only groups other elements. */
function isGroupingFigure(context: PDFContext, elem: PDFDict): boolean {
  if (hasAltText(context, elem)) return false;
  return kidsOf(context, elem).some((kid) => kid.kind === 'elem');
}

/** Moves kids between structure elements, keeping /P, /Pg and the ParentTree right. */
class KidMover {
  constructor(
    private readonly context: PDFContext,
    private readonly parentTree: ParentTree,
    private readonly refOf: Map<PDFDict, PDFRef>,
  ) {}

  newElement(type: string, parent: PDFDict, page: PDFObject | undefined): { elem: PDFDict; ref: PDFRef } {
    const parentRef = this.refOf.get(parent);
    const elem = this.context.obj({ Type: 'StructElem', S: type }) as PDFDict;
    if (parentRef) elem.set(N('P'), parentRef);
    if (page) elem.set(N('Pg'), page);
    const ref = this.context.register(elem);
    this.refOf.set(elem, ref);
    return { elem, ref };
  }

  /** Re-parents `kids` under `to`, returning the raw entries for its /K. */
  adopt(to: PDFDict, kids: Kid[]): PDFObject[] {
    const toRef = this.refOf.get(to);
    const out: PDFObject[] = [];
    for (const kid of kids) {
      if (kid.kind === 'elem') {
        if (toRef) kid.elem.set(N('P'), toRef);
        out.push(kid.raw);
        continue;
      }
      if (kid.kind === 'mcid') {
        // An integer MCID takes its page from the element; if the new owner has no /Pg or a
        // different one, write it as an explicit MCR.
        const toPage = to.get(N('Pg'));
        const samePage = kid.page && toPage instanceof PDFRef && refKey(toPage) === refKey(kid.page);
        if (kid.raw instanceof PDFNumber && !samePage && kid.page) {
          out.push(this.context.obj({ Type: 'MCR', MCID: kid.mcid, Pg: kid.page }));
        } else out.push(kid.raw);
        if (toRef && kid.page) {
          const key = asNumber(this.context, asDict(this.context, kid.page)?.get(N('StructParents')));
          if (key !== undefined) this.parentTree.setMcidOwner(key, kid.mcid, toRef);
        }
        continue;
      }
      // OBJR: the annotation's (or XObject's) /StructParent entry names the owner.
      out.push(kid.raw);
      const target = asDict(this.context, kid.obj);
      const key = asNumber(this.context, target?.get(N('StructParent')));
      if (toRef && key !== undefined) this.parentTree.setObjectOwner(key, toRef);
    }
    return out;
  }
}

const LIST_ITEM_PARTS = new Set(['Lbl', 'LBody']);

/** Kids of an L that are not LI (nor Caption) go into a new LI > LBody. */
function wrapLooseListKids(context: PDFContext, list: PDFDict, mover: KidMover): number {
  const kids = kidsOf(context, list);
  const loose = (kid: Kid): boolean => {
    if (kid.kind !== 'elem') return kid.kind === 'mcid';
    const t = typeOf(context, kid.elem);
    return t !== 'LI' && t !== 'Caption' && t !== 'L';
  };
  if (!kids.some(loose)) return 0;
  let added = 0;
  const out: PDFObject[] = [];
  let batch: Kid[] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    const li = mover.newElement('LI', list, list.get(N('Pg')));
    const body = mover.newElement('LBody', li.elem, list.get(N('Pg')));
    setKids(context, body.elem, mover.adopt(body.elem, batch));
    setKids(context, li.elem, [body.ref]);
    out.push(li.ref);
    added++;
    batch = [];
  };
  for (const kid of kids) {
    if (loose(kid)) batch.push(kid);
    else {
      flush();
      out.push(kid.raw);
    }
  }
  flush();
  setKids(context, list, out);
  return added;
}

/** LI → Lbl* LBody: everything that is not Lbl or LBody moves into an LBody. */
function wrapListItemBody(context: PDFContext, li: PDFDict, mover: KidMover): boolean {
  const kids = kidsOf(context, li);
  const isPart = (kid: Kid): boolean => kid.kind === 'elem' && LIST_ITEM_PARTS.has(typeOf(context, kid.elem));
  const loose = kids.filter((kid) => !isPart(kid));
  if (loose.length === 0) return false;
  const existing = kids.find((kid) => kid.kind === 'elem' && typeOf(context, kid.elem) === 'LBody');
  if (existing && existing.kind === 'elem') {
    // Keep reading order: loose kids before the LBody go first in it, the rest after.
    const index = kids.indexOf(existing);
    const before = kids.slice(0, index).filter((kid) => !isPart(kid));
    const after = kids.slice(index + 1).filter((kid) => !isPart(kid));
    const current = rawKids(context, existing.elem);
    setKids(context, existing.elem, [
      ...mover.adopt(existing.elem, before),
      ...current,
      ...mover.adopt(existing.elem, after),
    ]);
    setKids(
      context,
      li,
      kids.filter(isPart).map((kid) => kid.raw),
    );
    return false;
  }
  const body = mover.newElement('LBody', li, li.get(N('Pg')));
  setKids(context, body.elem, mover.adopt(body.elem, loose));
  const out: PDFObject[] = [];
  let placed = false;
  for (const kid of kids) {
    if (isPart(kid)) out.push(kid.raw);
    else if (!placed) {
      out.push(body.ref);
      placed = true;
    }
  }
  setKids(context, li, out);
  return true;
}

/** Adds RoleMap entries for every non-standard type in use; drops remappings of standard types. */
function addRoleMappings(context: PDFContext, root: PDFDict, elements: readonly PDFDict[]): Record<string, string> {
  let roleMap = roleMapOf(context, root);
  const added: Record<string, string> = {};
  // Remapping a standard type is forbidden in PDF/UA-1 (Matterhorn 02-004).
  if (roleMap) for (const key of roleMap.keys()) if (STANDARD_TYPES.has(key.decodeText())) roleMap.delete(key);
  for (const elem of elements) {
    const type = typeOf(context, elem);
    if (STANDARD_TYPES.has(type) || added[type]) continue;
    if (standardTypeOf(context, roleMap, type).type) continue;
    const target =
      ROLE_DEFAULTS[type] ??
      (/^H\d+$/.test(type) ? 'P' : kidsOf(context, elem).some((k) => k.kind === 'elem') ? 'Div' : 'Span');
    if (!roleMap) {
      roleMap = context.obj({}) as PDFDict;
      root.set(N('RoleMap'), roleMap);
    }
    roleMap.set(N(type), N(target));
    added[type] = target;
  }
  return added;
}

/** Gives every Link annotation in the tree a /Contents: its link text, else its target. */
function addLinkContents(input: StructureInput, elements: readonly PDFDict[]): number {
  const { context, structTreeRoot } = input;
  let count = 0;
  for (const elem of elements) {
    if (resolvedType(context, structTreeRoot, elem) !== 'Link') continue;
    const text = elementText(input, elem);
    for (const kid of kidsOf(context, elem)) {
      if (kid.kind !== 'objr') continue;
      const annot = asDict(context, kid.obj);
      if (!annot || asName(context, annot.get(N('Subtype'))) !== 'Link') continue;
      if (asText(context, annot.get(N('Contents')))?.trim()) continue;
      const contents = text || linkTarget(context, annot);
      if (!contents) continue;
      annot.set(N('Contents'), textObject(contents));
      count++;
    }
  }
  return count;
}

/**
 * The MCIDs whose text the structure repairs will need (those under Link elements), by
 * 0-based page, so that the content pass only keeps those.
 */
export function linkTextMcids(
  context: PDFContext,
  root: PDFDict,
  pageIndex: Map<string, number>,
): Map<number, Set<number>> {
  const wanted = new Map<number, Set<number>>();
  const collect = (elem: PDFDict, seen: Set<PDFDict>): void => {
    if (seen.has(elem)) return;
    seen.add(elem);
    for (const kid of kidsOf(context, elem)) {
      if (kid.kind === 'elem') collect(kid.elem, seen);
      else if (kid.kind === 'mcid' && kid.page) {
        const index = pageIndex.get(refKey(kid.page));
        if (index === undefined) continue;
        let set = wanted.get(index);
        if (!set) wanted.set(index, (set = new Set()));
        set.add(kid.mcid);
      }
    }
  };
  walkElements(context, root, (elem) => {
    if (resolvedType(context, root, elem) === 'Link') collect(elem, new Set());
  });
  return wanted;
}

/**
 * A Link element without an annotation is what Chromium writes for an <a href="#missing">: the
 * text is tagged as a link, but nothing can be activated. It is a Span in all but name.
 */
function unlinkDeadLinks(context: PDFContext, root: PDFDict, elements: readonly PDFDict[]): number {
  let count = 0;
  for (const elem of elements) {
    if (resolvedType(context, root, elem) !== 'Link') continue;
    if (kidsOf(context, elem).some((kid) => kid.kind === 'objr')) continue;
    elem.set(N('S'), N('Span'));
    count++;
  }
  return count;
}

/**
 * Annotations the structure pass could not reach (no StructParent) still need /Contents, and
 * pages with annotations need /Tabs /S (ISO 14289-1, 7.18.1 and 7.18.3). Returns how many
 * annotations got a description.
 */
export function fixPageAnnotations(context: PDFContext, pages: readonly PDFDict[]): number {
  let described = 0;
  for (const page of pages) {
    const annots = asArray(context, page.get(N('Annots')));
    if (!annots || annots.size() === 0) continue;
    page.set(N('Tabs'), N('S'));
    for (const raw of annots.asArray()) {
      const annot = asDict(context, raw);
      if (!annot || asName(context, annot.get(N('Subtype'))) !== 'Link') continue;
      if (asText(context, annot.get(N('Contents')))?.trim()) continue;
      const target = linkTarget(context, annot);
      if (!target) continue;
      annot.set(N('Contents'), textObject(target));
      described++;
    }
  }
  return described;
}

function linkTarget(context: PDFContext, annot: PDFDict): string | undefined {
  const action = asDict(context, annot.get(N('A')));
  const uri = asText(context, action?.get(N('URI')));
  if (uri) return uri;
  const dest = resolve(context, annot.get(N('Dest'))) ?? resolve(context, action?.get(N('D')));
  if (dest instanceof PDFName) return `#${dest.decodeText()}`;
  const named = asText(context, dest);
  if (named) return `#${named}`;
  if (dest instanceof PDFArray) return 'Link within this document';
  return undefined;
}
