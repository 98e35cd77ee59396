/**
 * The named destinations of all parts, merged in the form Chromium writes them: one /Dests
 * dictionary in the catalog (not a /Names tree), name → [page /XYZ left top zoom], in the
 * order of the parts. A name is a place in one part only: the same id in two parts would make
 * every link to it ambiguous, and is an error.
 */
import type { PDFContext, PDFDict, PDFName, PDFObject } from '@cantoo/pdf-lib';
import { decode } from '../../markdown/links.ts';
import { nameText, N } from '../../pdf-read/objects.ts';
import type { LoadedPart } from './part.ts';

export class JoinedDestinations {
  /** Each name's text → its name object and the part that holds it. */
  private readonly owners = new Map<string, { name: PDFName; part: string }>();
  private readonly entries: [PDFName, PDFObject][] = [];

  /** Learns every part's names first: a link may point forward, to a later part. */
  learn(part: LoadedPart): void {
    for (const name of part.dests?.keys() ?? []) {
      const text = nameText(name);
      const earlier = this.owners.get(text);
      if (earlier) throw new Error(`#${text} is a destination in both ${earlier.part} and ${part.name}`);
      this.owners.set(text, { name, part: part.name });
    }
  }

  /** The destination a link's fragment names, as written or percent-decoded. */
  nameOf(fragment: string): PDFName | undefined {
    return this.owners.get(fragment)?.name ?? this.owners.get(decode(fragment))?.name;
  }

  /** Copies a part's destinations, once its pages are in the joined document. */
  copy(part: LoadedPart): void {
    for (const [name, value] of part.dests?.entries() ?? []) this.entries.push([name, part.copier.copy(value)]);
  }

  write(context: PDFContext, catalog: PDFDict): void {
    if (this.entries.length === 0) return;
    const dests = context.obj({}) as PDFDict;
    for (const [name, value] of this.entries) dests.set(name, value);
    catalog.set(N('Dests'), context.register(dests));
  }
}
