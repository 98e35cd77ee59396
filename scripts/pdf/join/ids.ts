/**
 * Structure element IDs (a table's header cells, which its data cells name in /Headers) across
 * the joined parts. Chromium names an element by its renderer's DOM node counter, which runs
 * on from one print to the next in the same renderer: the same part printed after another part
 * gets other IDs, and two parts printed in different renderers can share one. The join renames
 * them in the order of the joined structure tree, so that the same parts give the same bytes
 * and every ID is unique, and writes the IDTree that PDF requires wherever elements have IDs.
 */
import { type PDFContext, type PDFDict, type PDFObject, PDFString } from '@cantoo/pdf-lib';
import { asArray, asDict, asText, N } from '../../pdf-read/objects.ts';
import { walkElements } from '../../pdf-read/tree.ts';

export class JoinedIds {
  constructor(private readonly context: PDFContext) {}

  /** The new IDs in order, with the (indirect) element each names. */
  private readonly named: [string, PDFObject][] = [];

  /** Renames the IDs of a part's copied top-level elements and the /Headers that name them. */
  add(elements: PDFObject[]): void {
    const renamed = new Map<string, string>();
    const all = this.elementsUnder(elements);
    for (const { element, ref } of all) {
      const id = asText(this.context, element.get(N('ID')));
      if (id === undefined) continue;
      const name = `id${String(this.named.length + 1).padStart(6, '0')}`;
      renamed.set(id, name);
      element.set(N('ID'), PDFString.of(name));
      this.named.push([name, ref]);
    }
    if (renamed.size > 0) for (const { element } of all) this.renameHeaders(element, renamed);
  }

  /** Writes the IDTree into the StructTreeRoot: one flat name tree, its keys in order. */
  write(root: PDFDict): void {
    if (this.named.length === 0) return;
    const names = this.named.flatMap(([name, ref]) => [PDFString.of(name), ref]);
    root.set(N('IDTree'), this.context.register(this.context.obj({ Names: this.context.obj(names) })));
  }

  /** The elements and every element under them, in document order, each with how it is referred to. */
  private elementsUnder(tops: PDFObject[]): { element: PDFDict; ref: PDFObject }[] {
    const out: { element: PDFDict; ref: PDFObject }[] = [];
    // Not yet under the joined Document element: walked from a holder of their own.
    const holder = this.context.obj({ K: this.context.obj(tops) }) as PDFDict;
    walkElements(this.context, holder, (element, ref) => out.push({ element, ref: ref ?? element }));
    return out;
  }

  /** The element's attribute objects' /Headers, each ID replaced by its new name. */
  private renameHeaders(element: PDFDict, renamed: Map<string, string>): void {
    const attributes = element.get(N('A'));
    const owners = asArray(this.context, attributes)?.asArray() ?? [attributes];
    for (const owner of owners.map((object) => asDict(this.context, object))) {
      const headers = asArray(this.context, owner?.get(N('Headers')));
      if (!owner || !headers) continue;
      const names = headers.asArray().map((header) => {
        const id = asText(this.context, header);
        return id !== undefined && renamed.has(id) ? PDFString.of(renamed.get(id)!) : header;
      });
      owner.set(N('Headers'), this.context.obj(names));
    }
  }
}
