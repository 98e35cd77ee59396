/**
 * The text of printed pages, in the order Chromium paints it, read with the neutral reader
 * from the document the build already holds: where print pages begin (`page-starts.ts`) is
 * found from the real print, without a print of its own. Text inside an /ActualText span counts
 * as that text once (Chromium writes ligatures and soft hyphens that way).
 * The text is kept per page's stored content (`page-read-memo.ts`): a one-word edit reads one
 * or two pages.
 */
import type { PDFDocument, PDFPage } from '@cantoo/pdf-lib';
import { asDict, inherited, N, pageContentBytes } from '../pdf-read/objects.ts';
import { PageReadMemo } from './page-read-memo.ts';
import { decodeTextString } from '../pdf-read/matrix.ts';
import { type MarkedFrame, scanContent } from '../pdf-read/scan.ts';
import { FontDecoders, runsText } from '../pdf-read/text.ts';
import { tokenize } from '../pdf-read/tokenizer.ts';

/** The text of the pages asked for (1-based), each as the text of its text objects in paint order. */
export function pageTexts(
  doc: PDFDocument,
  pages: Iterable<number>,
  memo = new PageReadMemo<string[]>(),
): Map<number, string[]> {
  const decoders = new FontDecoders(doc.context);
  const all = doc.getPages();
  const texts = new Map<number, string[]>();
  for (const number of pages) {
    const page = all[number - 1];
    if (!page) continue;
    texts.set(
      number,
      memo.of(doc, page, () => readPage(doc, page, decoders)),
    );
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
