/**
 * What was read from a printed page, kept by the page's stored content: Chromium writes an
 * unchanged page as the same bytes, so after a one-word edit only the pages that changed are
 * read again (inflating and tokenizing a page costs more than anything done with its text).
 */
import { createHash } from 'node:crypto';
import { PDFRawStream, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { KeptMemo, keptEntries } from '../util/kept-memo.ts';
import { asDict, inherited, N, pageContentStreams } from '../pdf-read/objects.ts';

/** The page's stored content and the names of its fonts: the same key, the same reading. */
export function pageKey(doc: PDFDocument, page: PDFPage): string {
  const hash = createHash('sha256');
  for (const stream of pageContentStreams(doc.context, page.node).streams)
    hash.update(stream instanceof PDFRawStream ? stream.contents : stream.getContents()).update('\0');
  const resources = asDict(doc.context, inherited(doc.context, page.node, 'Resources'));
  const fonts = asDict(doc.context, resources?.get(N('Font')));
  hash.update(JSON.stringify(fonts?.entries().map(([name, ref]) => `${name}=${ref}`) ?? []));
  return hash.digest('hex');
}

/** The last print's readings, by page key; written with only this print's pages. */
export class PageReadMemo<T> extends KeptMemo<T> {
  static override async read<T>(file: string, version: string): Promise<PageReadMemo<T>> {
    return new PageReadMemo<T>(await keptEntries<T>(file, version));
  }

  /** The reading of `page`, from the memo or made by `read`. */
  of(doc: PDFDocument, page: PDFPage, read: () => T): T {
    return this.get(pageKey(doc, page), read);
  }
}
