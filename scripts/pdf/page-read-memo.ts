/**
 * What was read from a printed page, kept by the page's stored content: Chromium writes an
 * unchanged page as the same bytes, so after a one-word edit only the pages that changed are
 * read again (inflating and tokenizing a page costs more than anything done with its text).
 */
import { createHash } from 'node:crypto';
import { PDFRawStream, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { readCacheJson, writeFileAtomic } from '../util/output.ts';
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
export class PageReadMemo<T> {
  private readonly used = new Map<string, T>();
  constructor(private readonly known: ReadonlyMap<string, T> = new Map()) {}

  static async read<T>(file: string, version: string): Promise<PageReadMemo<T>> {
    const stored = await readCacheJson<{ version: string; pages: Record<string, T> }>(file);
    return new PageReadMemo<T>(stored?.version === version ? new Map(Object.entries(stored.pages)) : new Map());
  }

  /** The reading of `page`, from the memo or made by `read`. */
  of(doc: PDFDocument, page: PDFPage, read: () => T): T {
    const key = pageKey(doc, page);
    const known = this.known.get(key) ?? this.used.get(key);
    const reading = known ?? read();
    this.used.set(key, reading);
    return reading;
  }

  write(file: string, version: string): Promise<void> {
    return writeFileAtomic(file, JSON.stringify({ version, pages: Object.fromEntries(this.used) }));
  }
}
