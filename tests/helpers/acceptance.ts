/**
 * What a reader of any built issue would notice of its links and print pages, as numbers: the
 * web edition's internal links that dangle, links set as text although their anchor exists, and
 * how many print pages the EPUB's page list names, and how many of those where the page begins.
 */
import { danglingLinks, webEdition } from './links.ts';
import { epubPagePlacement } from './print-pages.ts';

export interface LinksAndPages {
  dangling: string[];
  /** Fragments the build set as text though a page of the web edition has that very id. */
  unlinkedButFound: string[];
  /** Share of the print's pages the page list names. */
  pagesListed: number;
  /** Share of the page list's entries whose marker is followed by words on their page. */
  entriesInPlace: number;
}

export async function linksAndPages(out: string, slug: string, buildMessages: string): Promise<LinksAndPages> {
  const pages = webEdition(out);
  const ids = new Set([...pages.values()].flatMap((html) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
  const unlinked = [...buildMessages.matchAll(/Link to missing anchor `#([^`]+)`/g)].map((match) => match[1]!);
  const placement = await epubPagePlacement(out, slug);
  const listed = new Set(placement.listed);
  return {
    dangling: danglingLinks(pages),
    unlinkedButFound: unlinked.filter((fragment) => ids.has(fragment)),
    pagesListed: listed.size / placement.pageCount,
    entriesInPlace: 1 - placement.misplaced.length / Math.max(1, placement.listed.length),
  };
}
