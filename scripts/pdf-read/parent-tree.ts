/**
 * The structure tree's ParentTree: a number tree from each page's /StructParents (and each
 * annotation's /StructParent) to the structure element that owns the content. Readers use it to
 * go from a marked sequence on a page to its element, so whenever the finishing step moves an
 * MCID or an OBJR to a new element, the entry here has to move with it.
 */
import { PDFArray, type PDFDict, PDFNull, PDFNumber, PDFRef, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';
import { asArray, asDict, asNumber, N, resolve } from './objects.ts';

export class ParentTree {
  private readonly entries = new Map<number, PDFObject>();
  private dirty = false;

  private constructor(
    private readonly context: PDFContext,
    private readonly root: PDFDict,
  ) {}

  static read(context: PDFContext, structTreeRoot: PDFDict): ParentTree {
    const tree = new ParentTree(context, structTreeRoot);
    const seen = new Set<PDFDict>();
    const walk = (node: PDFDict | undefined): void => {
      if (!node || seen.has(node)) return;
      seen.add(node);
      const nums = asArray(context, node.get(N('Nums')));
      if (nums) {
        for (let i = 0; i + 1 < nums.size(); i += 2) {
          const key = asNumber(context, nums.get(i));
          if (key !== undefined) tree.entries.set(key, nums.get(i + 1));
        }
      }
      const kids = asArray(context, node.get(N('Kids')));
      if (kids) for (const kid of kids.asArray()) walk(asDict(context, kid));
    };
    walk(asDict(context, structTreeRoot.get(N('ParentTree'))));
    return tree;
  }

  keys(): number[] {
    return [...this.entries.keys()].sort((a, b) => a - b);
  }

  /** The array of owners, indexed by MCID, for a page's /StructParents key. */
  pageOwners(key: number): PDFArray | undefined {
    return asArray(this.context, this.entries.get(key));
  }

  /** The owner of an MCID on the page whose /StructParents is `key`. */
  mcidOwner(key: number, mcid: number): PDFObject | undefined {
    const arr = this.pageOwners(key);
    if (!arr || mcid >= arr.size()) return undefined;
    const v = arr.get(mcid);
    return v === PDFNull ? undefined : v;
  }

  /** The owner of an object (annotation, XObject) whose /StructParent is `key`. */
  objectOwner(key: number): PDFObject | undefined {
    const v = this.entries.get(key);
    return resolve(this.context, v) instanceof PDFArray ? undefined : v;
  }

  setMcidOwner(key: number, mcid: number, owner: PDFRef): void {
    let arr = this.pageOwners(key);
    if (!arr) {
      arr = this.context.obj([]);
      this.entries.set(key, arr);
      this.dirty = true;
    }
    // Arrays are shared with the file (often indirect): changing them in place is enough.
    while (arr.size() <= mcid) arr.push(PDFNull);
    arr.set(mcid, owner);
  }

  setObjectOwner(key: number, owner: PDFRef): void {
    this.entries.set(key, owner);
    this.dirty = true;
  }

  /** Writes a flat /Nums tree back when entries were added or replaced. */
  write(): void {
    if (!this.dirty) return;
    const nums: PDFObject[] = [];
    for (const key of this.keys()) nums.push(PDFNumber.of(key), this.entries.get(key)!);
    const existing = this.root.get(N('ParentTree'));
    const tree = this.context.obj({ Nums: this.context.obj(nums) });
    if (existing instanceof PDFRef) this.context.assign(existing, tree);
    else this.root.set(N('ParentTree'), this.context.register(tree));
    const next = Math.max(-1, ...this.keys()) + 1;
    const current = asNumber(this.context, this.root.get(N('ParentTreeNextKey'))) ?? 0;
    if (next > current) this.root.set(N('ParentTreeNextKey'), PDFNumber.of(next));
    this.dirty = false;
  }
}
