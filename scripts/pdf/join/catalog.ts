/**
 * What the joined document takes from its first part as a whole: the catalog's /Lang,
 * /MarkInfo and /ViewerPreferences, and the Info dictionary (title, dates, producer).
 */
import type { PDFDocument } from '@cantoo/pdf-lib';
import { N } from '../../pdf-read/objects.ts';
import type { LoadedPart } from './part.ts';

const TAKEN = ['Lang', 'MarkInfo', 'ViewerPreferences'];

export function takeDocumentEntries(first: LoadedPart, into: PDFDocument): void {
  const catalog = first.doc.catalog;
  for (const key of TAKEN) {
    const value = catalog.get(N(key));
    if (value !== undefined) into.catalog.set(N(key), first.copier.copy(value));
  }
  const info = first.doc.context.trailerInfo.Info;
  if (info) into.context.trailerInfo.Info = first.copier.copy(info);
}
