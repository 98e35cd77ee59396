/**
 * The text of printed pages, in the order Chromium paints it, read with the neutral reader
 * from the document the build already holds: where print pages begin (`page-starts.ts`) is
 * found from the real print, without a print of its own. Text inside an /ActualText span counts
 * as that text once (Chromium writes ligatures and soft hyphens that way).
 *
 * Reading a page means inflating and tokenizing it, which costs more than the rest of finding
 * page starts together; Chromium writes an unchanged page as the same bytes, so the text is
 * kept per page's stored content (`PageTextMemo`) and a one-word edit reads one or two pages.
 */
import { createHash } from 'node:crypto';
import { PDFRawStream, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { readCacheJson, writeFileAtomic } from '../util/output.ts';
import { asDict, inherited, N, pageContentBytes, pageContentStreams } from '../pdf-read/objects.ts';
import { decodeTextString } from '../pdf-read/matrix.ts';
import { type MarkedFrame, scanContent } from '../pdf-read/scan.ts';
import { FontDecoders, runsText } from '../pdf-read/text.ts';
import { tokenize } from '../pdf-read/tokenizer.ts';

/** The text of the pages asked for (1-based), each as the text of its text objects in paint order. */
export function pageTexts(doc: PDFDocument, pages: Iterable<number>, memo = new PageTextMemo()): Map<number, string[]> {
  const decoders = new FontDecoders(doc.context);
  const all = doc.getPages();
  const texts = new Map<number, string[]>();
  for (const number of pages) {
    const page = all[number - 1];
    if (!page) continue;
    const key = pageKey(doc, page);
    let text = memo.get(key);
    if (!text) {
      text = readPage(doc, page, decoders);
      memo.set(key, text);
    }
    texts.set(number, text);
  }
  return texts;
}

function readPage(doc: PDFDocument, page: PDFPage, decoders: FontDecoders): string[] {
  const resources = asDict(doc.context, inherited(doc.context, page.node, 'Resources'));
  const fonts = asDict(doc.context, resources?.get(N('Font')));
  const pieces: string[] = [];
  const spansRead = new Set<MarkedFrame>();
  scanContent(tokenize(pageContentBytes(doc.context, page.node)), {
    paint(item, stack) {
      if (item.kind !== 'text') return;
      const span = stack.find((frame) => frame.actualText !== undefined);
      if (!span) pieces.push(runsText(decoders, fonts, item.runs));
      else if (!spansRead.has(span)) {
        spansRead.add(span);
        pieces.push(decodeTextString(span.actualText!.bytes));
      }
    },
  });
  return pieces;
}

/** The page's stored content and the names of its fonts: the same key, the same text. */
function pageKey(doc: PDFDocument, page: PDFPage): string {
  const hash = createHash('sha256');
  for (const stream of pageContentStreams(doc.context, page.node).streams)
    hash.update(stream instanceof PDFRawStream ? stream.contents : stream.getContents()).update('\0');
  const resources = asDict(doc.context, inherited(doc.context, page.node, 'Resources'));
  const fonts = asDict(doc.context, resources?.get(N('Font')));
  hash.update(JSON.stringify(fonts?.entries().map(([name, ref]) => `${name}=${ref}`) ?? []));
  return hash.digest('hex');
}

/** The text of the last print's pages, by page key; written with only this print's pages. */
export class PageTextMemo {
  private readonly used = new Map<string, string[]>();
  constructor(private readonly known: ReadonlyMap<string, string[]> = new Map()) {}

  static async read(file: string, version: string): Promise<PageTextMemo> {
    const stored = await readCacheJson<{ version: string; pages: Record<string, string[]> }>(file);
    return new PageTextMemo(stored?.version === version ? new Map(Object.entries(stored.pages)) : new Map());
  }

  get(key: string): string[] | undefined {
    const text = this.known.get(key) ?? this.used.get(key);
    if (text) this.used.set(key, text);
    return text;
  }

  set(key: string, text: string[]): void {
    this.used.set(key, text);
  }

  write(file: string, version: string): Promise<void> {
    return writeFileAtomic(file, JSON.stringify({ version, pages: Object.fromEntries(this.used) }));
  }
}
