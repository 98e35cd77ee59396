/**
 * What the PDF/UA preflight reports. Checkpoints are Matterhorn Protocol 1.1 failure conditions
 * (e.g. "01-005") where one exists; the few requirements Matterhorn leaves implicit use the
 * ISO 14289-1 clause ("UA1:7.1-MarkInfo") or the convention they come from ("bookmarks").
 */
import type { PDFContext, PDFDict, PDFPage } from '@cantoo/pdf-lib';
import type { PlacedText } from '../../pdf-read/text.ts';
import type { TextPiece } from '../../pdf-read/scan.ts';

export interface CheckFailure {
  checkpoint: string;
  /** 1-based page number, when the failure is on a page. */
  page?: number;
  /** What is at fault: a structure element ("Figure", "H3 “Verder lezen”"), "Catalog", … */
  element?: string;
  message: string;
}

export interface CheckResult {
  failures: CheckFailure[];
}

/** What the separate checks share about one loaded document. */
export interface CheckContext {
  context: PDFContext;
  catalog: PDFDict;
  pages: PDFPage[];
  /** "objNum gen" of each page object → 0-based index. */
  pageIndex: Map<string, number>;
  /** Hands the text shown inside each MCID of a page to mcidText (the content check does). */
  setMcidPieces(pageIndex: number, pieces: Map<number, TextPiece[]>): void;
  /** Decoded text of an MCID on a 0-based page, once the content check has run. */
  mcidText(pageIndex: number, mcid: number): PlacedText | undefined;
  report(failure: CheckFailure): void;
}
