/**
 * Reading the structure tree: what a /K entry holds, which types are standard in PDF 1.7, and
 * how a type resolves through the RoleMap. Shared by the finishing step and the checker.
 */
import { PDFArray, type PDFDict, PDFNumber, PDFRef, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';
import { asDict, asName, asNumber, asText, N, refKey, resolve } from './objects.ts';
import { joinPlaced, tidy, type PlacedText } from './text.ts';

/** ISO 32000-1:2008, 14.8.4: the standard structure types of PDF 1.7. */
export const STANDARD_TYPES = new Set([
  'Document',
  'Part',
  'Art',
  'Sect',
  'Div',
  'BlockQuote',
  'Caption',
  'TOC',
  'TOCI',
  'Index',
  'NonStruct',
  'Private',
  'P',
  'H',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'L',
  'LI',
  'Lbl',
  'LBody',
  'Table',
  'TR',
  'TH',
  'TD',
  'THead',
  'TBody',
  'TFoot',
  'Span',
  'Quote',
  'Note',
  'Reference',
  'BibEntry',
  'Code',
  'Link',
  'Annot',
  'Ruby',
  'RB',
  'RT',
  'RP',
  'Warichu',
  'WT',
  'WP',
  'Figure',
  'Formula',
  'Form',
]);

export type Kid =
  | { kind: 'mcid'; mcid: number; page: PDFRef | undefined; raw: PDFObject }
  | { kind: 'objr'; obj: PDFRef | undefined; page: PDFRef | undefined; raw: PDFObject }
  | { kind: 'elem'; ref: PDFRef | undefined; elem: PDFDict; raw: PDFObject };

function pageRef(obj: PDFObject | undefined): PDFRef | undefined {
  return obj instanceof PDFRef ? obj : undefined;
}

/** The raw entries of an element's /K, as an array. */
export function rawKids(context: PDFContext, elem: PDFDict): PDFObject[] {
  const k = elem.get(N('K'));
  if (k === undefined) return [];
  const v = resolve(context, k);
  if (v instanceof PDFArray) return v.asArray();
  return [k];
}

export function classifyKid(context: PDFContext, parent: PDFDict, raw: PDFObject): Kid | undefined {
  const inheritedPage = pageRef(parent.get(N('Pg')));
  if (raw instanceof PDFNumber) return { kind: 'mcid', mcid: raw.asNumber(), page: inheritedPage, raw };
  const dict = asDict(context, raw);
  if (!dict) return undefined;
  const type = asName(context, dict.get(N('Type')));
  if (type === 'MCR') {
    const mcid = asNumber(context, dict.get(N('MCID')));
    if (mcid === undefined) return undefined;
    return { kind: 'mcid', mcid, page: pageRef(dict.get(N('Pg'))) ?? inheritedPage, raw };
  }
  if (type === 'OBJR') {
    return { kind: 'objr', obj: pageRef(dict.get(N('Obj'))), page: pageRef(dict.get(N('Pg'))) ?? inheritedPage, raw };
  }
  if (dict.has(N('S'))) return { kind: 'elem', ref: raw instanceof PDFRef ? raw : undefined, elem: dict, raw };
  return undefined;
}

export function kidsOf(context: PDFContext, elem: PDFDict): Kid[] {
  const out: Kid[] = [];
  for (const raw of rawKids(context, elem)) {
    const kid = classifyKid(context, elem, raw);
    if (kid) out.push(kid);
  }
  return out;
}

export function setKids(context: PDFContext, elem: PDFDict, raws: PDFObject[]): void {
  if (raws.length === 1) elem.set(N('K'), raws[0]!);
  else elem.set(N('K'), context.obj(raws));
}

export function roleMapOf(context: PDFContext, root: PDFDict): PDFDict | undefined {
  return asDict(context, root.get(N('RoleMap')));
}

/**
 * The standard type a structure type stands for: itself if standard, else followed through
 * the RoleMap. `cycle` is set when the mapping loops; `undefined` type when it ends nowhere.
 */
export function standardTypeOf(
  context: PDFContext,
  roleMap: PDFDict | undefined,
  type: string,
): { type: string | undefined; cycle: boolean } {
  const seen = new Set<string>();
  let current = type;
  while (!STANDARD_TYPES.has(current)) {
    if (seen.has(current)) return { type: undefined, cycle: true };
    seen.add(current);
    const next = asName(context, roleMap?.get(N(current)));
    if (!next) return { type: undefined, cycle: false };
    current = next;
  }
  return { type: current, cycle: false };
}

export function typeOf(context: PDFContext, elem: PDFDict): string {
  return asName(context, elem.get(N('S'))) ?? '';
}

/**
 * Depth-first, in logical (reading) order; the visitor sees each element with its parent chain
 * (`ancestors` is valid during the call only: it is one stack, not a copy per element). The
 * same kids as `kidsOf` gives as elements, without making a Kid of every marked-content id.
 */
export function walkElements(
  context: PDFContext,
  root: PDFDict,
  visit: (elem: PDFDict, ref: PDFRef | undefined, ancestors: readonly PDFDict[]) => void,
): void {
  const seen = new Set<PDFDict>();
  const ancestors: PDFDict[] = [];
  const walk = (node: PDFDict): void => {
    for (const raw of rawKids(context, node)) {
      if (raw instanceof PDFNumber) continue;
      const elem = asDict(context, raw);
      if (!elem || seen.has(elem) || !isElement(context, elem)) continue;
      seen.add(elem);
      visit(elem, raw instanceof PDFRef ? raw : undefined, ancestors);
      ancestors.push(elem);
      walk(elem);
      ancestors.pop();
    }
  };
  walk(root);
}

/** A structure element, as `classifyKid` tells one from a marked-content or object reference. */
function isElement(context: PDFContext, dict: PDFDict): boolean {
  if (!dict.has(N('S'))) return false;
  const type = asName(context, dict.get(N('Type')));
  return type !== 'MCR' && type !== 'OBJR';
}

/** What the text of a structure element is read from. */
export interface ElementTextSource {
  context: PDFContext;
  /** The page index of each page ref. */
  pageIndex: Map<string, number>;
  /** Text of an MCID on a page (0-based page index), decoded; undefined when unknown. */
  mcidText: (pageIndex: number, mcid: number) => PlacedText | undefined;
}

/** The text of an element: its /ActualText or /Alt, else the text of its MCIDs in order. */
export function elementText(input: ElementTextSource, elem: PDFDict): string {
  const { context } = input;
  const parts: PlacedText[] = [];
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict): void => {
    if (seen.has(node)) return;
    seen.add(node);
    const actual = asText(context, node.get(N('ActualText'))) ?? asText(context, node.get(N('Alt')));
    if (actual) {
      parts.push({ text: actual });
      return;
    }
    for (const raw of rawKids(context, node)) {
      const kid = classifyKid(context, node, raw);
      if (!kid) continue;
      if (kid.kind === 'elem') walk(kid.elem);
      else if (kid.kind === 'mcid' && kid.page) {
        const index = input.pageIndex.get(refKey(kid.page));
        const placed = index === undefined ? undefined : input.mcidText(index, kid.mcid);
        if (placed) parts.push(placed);
      }
    }
  };
  walk(elem);
  // Soft hyphens are break opportunities, not text: drop them once the pieces are joined.
  return tidy(joinPlaced(parts).text.replace(/\u00ad/g, ''));
}
