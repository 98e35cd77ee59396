/**
 * The joined outline: every part's bookmarks in order under one /Outlines root. Each part's
 * top-level items are copied as one chain (the copier follows /Next and /First), then linked
 * to the parts before and after by /Prev and /Next; their /Dest arrays name the copied pages
 * and their /SE the copied structure elements, since both were copied before.
 */
import { type PDFContext, type PDFDict, PDFNumber, type PDFRef } from '@cantoo/pdf-lib';
import { asDict, asNumber, N } from '../../pdf-read/objects.ts';
import type { LoadedPart } from './part.ts';

export class JoinedOutline {
  /** Every part's top-level items, in order. */
  private readonly top: PDFRef[] = [];
  /** Open items at every level, as the root's /Count says (Chromium leaves every item open). */
  private count = 0;

  constructor(private readonly context: PDFContext) {}

  add(part: LoadedPart): void {
    const source = part.doc.context;
    const first = part.outlines?.get(N('First'));
    if (!first) return;
    const chain: PDFRef[] = [];
    for (let item = first as PDFRef | undefined; item && !chain.includes(item); ) {
      chain.push(item);
      const dict = asDict(source, item);
      // The part's own root is not copied: the joined one becomes their parent.
      dict?.delete(N('Parent'));
      item = dict?.get(N('Next')) as PDFRef | undefined;
    }
    const copied = chain.map((item) => part.copier.copy(item));
    const previous = this.top.at(-1);
    if (previous) {
      asDict(this.context, previous)!.set(N('Next'), copied[0]!);
      asDict(this.context, copied[0])!.set(N('Prev'), previous);
    }
    this.top.push(...copied);
    this.count += Math.max(asNumber(source, part.outlines!.get(N('Count'))) ?? chain.length, 0);
  }

  write(catalog: PDFDict): void {
    if (this.top.length === 0) return;
    const context = this.context;
    const root = context.obj({ Type: 'Outlines' }) as PDFDict;
    root.set(N('Count'), PDFNumber.of(this.count));
    root.set(N('First'), this.top[0]!);
    root.set(N('Last'), this.top.at(-1)!);
    const ref = context.register(root);
    for (const item of this.top) asDict(context, item)!.set(N('Parent'), ref);
    catalog.set(N('Outlines'), ref);
  }
}
