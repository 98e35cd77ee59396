/**
 * Links between parts. The build writes a link to another part as `linkPrefix` + fragment (an
 * external URI, since the id is not in the part's own document); here it becomes what Chromium
 * writes for a link inside one document: `/Dest /name`, with no action.
 */
import type { PDFDict } from '@cantoo/pdf-lib';
import { asArray, asDict, asName, asText, N } from '../../pdf-read/objects.ts';
import type { JoinedDestinations } from './destinations.ts';
import type { LoadedPart } from './part.ts';

/** Rewrites the part's own link annotations, before its pages are copied. */
export function linkInternally(part: LoadedPart, linkPrefix: string, destinations: JoinedDestinations): void {
  const context = part.doc.context;
  for (const pageRef of part.pageRefs) {
    const annots = asArray(context, asDict(context, pageRef)?.get(N('Annots')));
    for (const annot of annots?.asArray() ?? []) {
      const link = asDict(context, annot);
      const fragment = link && prefixedFragment(link, part, linkPrefix);
      if (fragment === undefined) continue;
      const name = destinations.nameOf(fragment);
      if (!name) throw new Error(`${part.name} links to #${fragment}, which is a destination in no part`);
      link!.delete(N('A'));
      link!.set(N('Dest'), name);
    }
  }
}

/** The fragment of a link annotation whose URI action starts with the prefix. */
function prefixedFragment(link: PDFDict, part: LoadedPart, linkPrefix: string): string | undefined {
  const context = part.doc.context;
  if (asName(context, link.get(N('Subtype'))) !== 'Link') return undefined;
  const action = asDict(context, link.get(N('A')));
  if (!action || asName(context, action.get(N('S'))) !== 'URI') return undefined;
  const uri = asText(context, action.get(N('URI')));
  return uri?.startsWith(linkPrefix) ? uri.slice(linkPrefix.length) : undefined;
}
