/**
 * Joins parts printed one by one (each article its own HTML document) into the one PDF a
 * single Chromium print of the whole issue would be, to every reader: one page tree, one
 * structure tree under one Document element, one outline, one /Dests, links between parts as
 * links inside the document. The result is a pdf-lib document, not bytes: the build measures
 * it and finishes it in memory (scripts/pdf/finish/), and reads it exactly as Chromium's own.
 *
 * Not copyPages: it drops the structure tree. Each part gets one object copier, so what its
 * pages share (fonts, images) is copied once and the structure elements' /Pg, /Obj and the
 * outline's /SE land on the copies. Objects are numbered in the order of the parts, pages
 * first: the same parts give the same bytes. Each face's subsets become one font (`fonts/`).
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { takeDocumentEntries } from './catalog.ts';
import { JoinedDestinations } from './destinations.ts';
import { mergeFontSubsets } from './fonts/merge-fonts.ts';
import { linkInternally } from './links.ts';
import { JoinedOutline } from './outline.ts';
import { copyPages } from './pages.ts';
import { type LoadedPart, parsePart, type PrintedPart, readPart } from './part.ts';
import { JoinedStructure } from './structure.ts';

export type { PrintedPart } from './part.ts';
export { facesJoined, seedFaces } from './fonts/merged-face.ts';

export interface JoinOptions {
  /** What a link to another part starts with, before the fragment: `https://join.invalid/#`. */
  linkPrefix: string;
}

export async function joinParts(parts: PrintedPart[], options: JoinOptions): Promise<PDFDocument> {
  if (parts.length === 0) throw new Error('Nothing to join: no printed parts');
  const docs = await Promise.all(parts.map(parsePart));
  const joined = await PDFDocument.create({ updateMetadata: false });
  const loaded = docs.map((doc, index) => readPart(parts[index]!.name, doc, joined));
  const destinations = new JoinedDestinations();
  for (const part of loaded) destinations.learn(part);
  const structure = new JoinedStructure(joined.context);
  const outline = new JoinedOutline(joined.context);
  for (const part of loaded) {
    linkInternally(part, options.linkPrefix, destinations);
    copyPart(part, joined, { structure, outline, destinations });
  }
  mergeFontSubsets(joined.context);
  structure.write(joined.catalog);
  outline.write(joined.catalog);
  destinations.write(joined.context, joined.catalog);
  takeDocumentEntries(loaded[0]!, joined);
  return joined;
}

interface Joined {
  structure: JoinedStructure;
  outline: JoinedOutline;
  destinations: JoinedDestinations;
}

/** Pages first, so that everything after (elements' /Pg, bookmarks' /Dest) points at the copies. */
function copyPart(part: LoadedPart, joined: PDFDocument, into: Joined): void {
  copyPages(part, joined, into.structure.nextKey);
  into.structure.add(part);
  into.outline.add(part);
  into.destinations.copy(part);
}
