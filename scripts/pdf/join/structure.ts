/**
 * The joined structure tree, shaped as Chromium writes one: a StructTreeRoot whose /K is one
 * `Document` element, which holds every part's top-level elements in order; one flat
 * ParentTree (`/Nums`, each page's array of owners indirect) with each part's keys moved past
 * the keys of the parts before it; element IDs renamed in the joined tree's order (`ids.ts`).
 */
import { type PDFContext, type PDFDict, type PDFName, PDFNumber, type PDFObject } from '@cantoo/pdf-lib';
import { asArray, asDict, asName, asNumber, asText, N, textObject } from '../../pdf-read/objects.ts';
import { rawKids } from '../../pdf-read/tree.ts';
import { JoinedIds } from './ids.ts';
import type { LoadedPart } from './part.ts';

export class JoinedStructure {
  private readonly ids: JoinedIds;

  constructor(private readonly context: PDFContext) {
    this.ids = new JoinedIds(context);
  }

  /** The first ParentTree key still free: the next part's keys start here. */
  nextKey = 0;
  private readonly kids: PDFObject[] = [];
  private readonly nums: [number, PDFObject][] = [];
  /** The Document element's own entries (its /Lang), from the first part. */
  private documentEntries: [PDFName, PDFObject][] | undefined;
  private documentLang: string | undefined;
  /** RoleMap and ClassMap entries, the first part's first (Chromium writes neither today). */
  private readonly maps = { RoleMap: new Map<PDFName, PDFObject>(), ClassMap: new Map<PDFName, PDFObject>() };

  /** Copies a part's elements and ParentTree entries, after its pages. */
  add(part: LoadedPart): void {
    const root = part.structTreeRoot;
    if (!root) return;
    const context = part.doc.context;
    const { document, kids } = topOf(context, root);
    const lang = document && asText(context, document.get(N('Lang')));
    if (!this.documentEntries) {
      this.documentLang = lang;
      const own = document?.entries().filter(([key]) => key !== N('K') && key !== N('P')) ?? [];
      this.documentEntries = own.map(([key, value]) => [key, part.copier.copy(value)]);
    }
    const copiedKids = kids.map((kid) => {
      // Its parent is the joined Document element: the part's own is not copied.
      asDict(context, kid)?.delete(N('P'));
      const copied = part.copier.copy(kid);
      this.kids.push(copied);
      // A part in another language says so on its elements, as the first part's Document does.
      const element = asDict(this.context, copied);
      if (lang && lang !== this.documentLang && element && !element.has(N('Lang')))
        element.set(N('Lang'), textObject(lang));
      return copied;
    });
    this.ids.add(copiedKids);
    for (const key of ['RoleMap', 'ClassMap'] as const) this.mergeMap(part, root, key);
    this.addParentTree(part, root);
  }

  private addParentTree(part: LoadedPart, root: PDFDict): void {
    const context = part.doc.context;
    const offset = this.nextKey;
    let next = asNumber(context, root.get(N('ParentTreeNextKey'))) ?? 0;
    for (const [key, owner] of numberTreeEntries(context, asDict(context, root.get(N('ParentTree'))))) {
      this.nums.push([key + offset, part.copier.copy(owner)]);
      next = Math.max(next, key + 1);
    }
    this.nextKey = offset + next;
  }

  private mergeMap(part: LoadedPart, root: PDFDict, key: 'RoleMap' | 'ClassMap'): void {
    const map = asDict(part.doc.context, root.get(N(key)));
    for (const [name, value] of map?.entries() ?? [])
      if (!this.maps[key].has(name)) this.maps[key].set(name, part.copier.copy(value));
  }

  /** Writes the StructTreeRoot into the catalog, if any part had a structure tree. */
  write(catalog: PDFDict): void {
    const context = this.context;
    if (!this.documentEntries) return;
    const rootRef = context.nextRef();
    const document = context.obj({}) as PDFDict;
    for (const [key, value] of this.documentEntries) document.set(key, value);
    document.set(N('K'), context.obj(this.kids));
    document.set(N('P'), rootRef);
    const documentRef = context.register(document);
    for (const kid of this.kids) asDict(context, kid)?.set(N('P'), documentRef);
    const nums = this.nums.flatMap(([key, owner]) => [PDFNumber.of(key), owner]);
    const parentTree = context.register(context.obj({ Nums: context.obj(nums), Type: 'ParentTree' }));
    const root = context.obj({ K: documentRef, ParentTree: parentTree, Type: 'StructTreeRoot' }) as PDFDict;
    root.set(N('ParentTreeNextKey'), PDFNumber.of(this.nextKey));
    this.ids.write(root);
    for (const key of ['RoleMap', 'ClassMap'] as const) {
      if (this.maps[key].size === 0) continue;
      const map = context.obj({}) as PDFDict;
      for (const [name, value] of this.maps[key]) map.set(name, value);
      root.set(N(key), map);
    }
    context.assign(rootRef, root);
    catalog.set(N('StructTreeRoot'), rootRef);
  }
}

/** The part's Document element and its kids; a root without one gives its own kids. */
function topOf(context: PDFContext, root: PDFDict): { document: PDFDict | undefined; kids: PDFObject[] } {
  const top = rawKids(context, root);
  const only = top.length === 1 ? asDict(context, top[0]) : undefined;
  if (only && asName(context, only.get(N('S'))) === 'Document') return { document: only, kids: rawKids(context, only) };
  return { document: undefined, kids: top };
}

/** A number tree's entries in key order, its values as written (indirect arrays stay so). */
function numberTreeEntries(context: PDFContext, node: PDFDict | undefined, seen = new Set<PDFDict>()) {
  const out: [number, PDFObject][] = [];
  if (!node || seen.has(node)) return out;
  seen.add(node);
  const nums = asArray(context, node.get(N('Nums')))?.asArray() ?? [];
  for (let i = 0; i + 1 < nums.length; i += 2) {
    const key = asNumber(context, nums[i]);
    if (key !== undefined) out.push([key, nums[i + 1]!]);
  }
  for (const kid of asArray(context, node.get(N('Kids')))?.asArray() ?? [])
    out.push(...numberTreeEntries(context, asDict(context, kid), seen));
  return out;
}
