/**
 * PDF/UA-1 preflight: the machine-checkable Matterhorn Protocol failure conditions that a
 * Chromium-printed magazine can run into. It is not a full validator (veraPDF and PAC check
 * far more), but it catches what the finishing step exists to fix, with page and element named
 * so that a failure says where to look. Backs `persklaar check FILE.pdf`.
 *
 * What it checks (Matterhorn failure condition, or the clause where Matterhorn has none):
 * - tagged: MarkInfo /Marked true (UA1:7.1-MarkInfo), a StructTreeRoot (UA1:7.1-StructTreeRoot),
 *   no /Suspects (01-007)
 * - content: everything painted is in an MCID sequence owned by the tree or an artifact (01-005),
 *   artifacts and tagged content not nested in each other (01-003, 01-004)
 * - types: standard or role-mapped to standard (02-001), no circular maps (02-003), no remapped
 *   standard types (02-004)
 * - metadata: XMP present (06-001) with pdfuaid:part 1 (06-002) and dc:title (06-003);
 *   DisplayDocTitle true (07-001, 07-002); /Lang on the Catalog (11-001)
 * - lists (09-005), Figure alternative text (13-004), heading levels (14-002, 14-003)
 * - annotations: in the tree (28-002), described (28-004), /Tabs /S (28-008, 28-009), links
 *   tied to Link elements both ways (28-011)
 * - fonts used for text embedded (31-009); bookmarks when there are headings ("bookmarks")
 * - the text layer: no soft hyphen (U+00AD) inside a line, only where a word breaks at a line
 *   end (ISO 32000-1, 14.8.2.2.3; pdf-ua/text-layer.ts)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ParseSpeeds, PDFDocument } from '@cantoo/pdf-lib';
import { refKey } from '../pdf-read/objects.ts';
import { FontDecoders, McidTexts } from '../pdf-read/text.ts';
import { checkContent } from './pdf-ua/content.ts';
import { checkDocument, checkOutline } from './pdf-ua/document.ts';
import { checkStructure } from './pdf-ua/structure.ts';
import { checkTextLayer } from './pdf-ua/text-layer.ts';
import type { CheckContext, CheckFailure, CheckResult } from './pdf-ua/types.ts';

export type { CheckFailure, CheckResult } from './pdf-ua/types.ts';

export async function checkPdf(bytes: Uint8Array, fileName: string): Promise<CheckResult> {
  const failures: CheckFailure[] = [];
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { failures: [{ checkpoint: 'PDF', element: fileName, message: `cannot be read as a PDF: ${reason}` }] };
  }
  const context = doc.context;
  const pages = doc.getPages();
  const pageIndex = new Map<string, number>();
  for (const [index, page] of pages.entries()) pageIndex.set(refKey(page.ref), index);
  const decoders = new FontDecoders(context);
  const texts = new McidTexts(context, pages, decoders);

  const ctx: CheckContext = {
    context,
    catalog: doc.catalog,
    pages,
    pageIndex,
    setMcidPieces: (index, pieces) => texts.setPage(index, pieces),
    mcidText: (index, mcid) => texts.get(index, mcid),
    report: (failure) => failures.push(failure),
  };

  checkDocument(ctx);
  checkContent(ctx, decoders);
  checkTextLayer(ctx, decoders);
  const facts = checkStructure(ctx);
  checkOutline(ctx, facts.hasHeadings);
  return { failures };
}

/** Terminal output: one line per failure, grouped by page, then a summary line. */
export function formatCheckReport(result: CheckResult, fileName: string): string {
  if (result.failures.length === 0) return `${fileName}: PDF/UA preflight passed (no failures)\n`;
  const sorted = [...result.failures].sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  const lines = [
    `${fileName}: PDF/UA preflight found ${result.failures.length}` +
      ` ${result.failures.length === 1 ? 'failure' : 'failures'}`,
  ];
  for (const f of sorted) {
    const where = f.page !== undefined ? `page ${f.page}: ` : 'document: ';
    lines.push(`  ${where}${f.message}  [${f.checkpoint}${f.element ? ` · ${f.element}` : ''}]`);
  }
  const checkpoints = [...new Set(result.failures.map((f) => f.checkpoint))].sort();
  lines.push(`  checkpoints: ${checkpoints.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** `persklaar check FILE.pdf`: 0 when clean, 1 on failures, 2 when the file cannot be checked. */
export async function runCheck(file: string): Promise<number> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.pdf') {
    process.stderr.write(
      `persklaar check: cannot check ${file}: only .pdf files are handled here (got "${ext || 'no extension'}")\n`,
    );
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    process.stderr.write(`persklaar check: cannot read ${file}: ${reason}\n`);
    return 2;
  }
  if (Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) {
    process.stderr.write(`persklaar check: ${file} is not a PDF (no %PDF- header)\n`);
    return 2;
  }
  const name = path.basename(file);
  const result = await checkPdf(bytes, name);
  process.stdout.write(formatCheckReport(result, name));
  return result.failures.length === 0 ? 0 : 1;
}
