/**
 * The press preflight: what a printer's PDF/X-4 preflight refuses a file for, checked with
 * pdf-lib and the content-stream tokenizer, each finding with the page and the object at
 * fault. Runs for a PDF that claims to be PDF/X (`claimsPdfX`), instead of the PDF/UA
 * preflight: the press file is not the accessible edition. It reads the file as it is and
 * shares no code with the step that makes press files.
 *
 * Checks: version ≤ 1.6; XMP pdfxid:GTS_PDFXVersion = PDF/X-4, dc:title, /Trapped, file id;
 * one GTS_PDFX OutputIntent with an identifier and an embedded CMYK printer profile (read from
 * the ICC header); per page MediaBox ⊇ BleedBox ⊇ TrimBox, trim A4, bleed ≥ 3 mm (warning);
 * no annotations; fonts embedded; RGB only with a DefaultRGB; every image's effective
 * resolution (below 150 ppi an error, below 250 a warning); a page count that is a multiple of
 * 4 for saddle stitching (warning).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ParseSpeeds, PDFDocument, PDFDict } from '@cantoo/pdf-lib';
import { asArray, asDict, asName, N, resolve } from '../../pdf-read/objects.ts';
import { checkBoxes } from './boxes.ts';
import { checkPageContent, LOWEST_PPI, MIN_PPI } from './content.ts';
import { checkIdentification, checkOutputIntent, checkVersion } from './document.ts';
import type { PressCheckResult, PressFinding } from './types.ts';

export type { PressCheckResult, PressFinding } from './types.ts';

/** A file that says it is PDF/X: in its XMP (never compressed by our writer), Info or OutputIntents. */
export function claimsPdfX(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.indexOf('GTS_PDFX') >= 0 || buffer.indexOf('http://www.npes.org/pdfx/ns/id/') >= 0;
}

export async function checkPress(bytes: Uint8Array, fileName: string): Promise<PressCheckResult> {
  const findings: PressFinding[] = [];
  const report = (finding: Omit<PressFinding, 'severity'> & { severity?: PressFinding['severity'] }) =>
    findings.push({ severity: 'error', ...finding });
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (error) {
    report({
      check: 'PDF',
      object: fileName,
      message: `cannot be read as a PDF: ${error instanceof Error ? error.message : String(error)}`,
    });
    return { findings, pageCount: 0 };
  }
  const { context, catalog } = doc;
  const info = asDict(context, context.trailerInfo.Info);
  checkVersion(bytes, context, catalog, report);
  checkIdentification(
    context,
    catalog,
    info instanceof PDFDict ? info : undefined,
    resolve(context, context.trailerInfo.ID),
    report,
  );
  checkOutputIntent(context, catalog, report);

  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const number = index + 1;
    checkBoxes(context, page, number, report);
    for (const item of asArray(context, page.node.get(N('Annots')))?.asArray() ?? []) {
      const annotation = asDict(context, item);
      const subtype = annotation ? (asName(context, annotation.get(N('Subtype'))) ?? 'unknown') : 'unknown';
      if (subtype === 'PrinterMark' || subtype === 'TrapNet') continue;
      report({
        check: 'annotations',
        page: number,
        object: `${subtype} annotation`,
        message: 'an annotation on the page: links and notes have no place in a press file',
      });
    }
    for (const image of checkPageContent(context, page.node, number, report)) {
      if (image.ppi >= MIN_PPI) continue;
      report({
        check: 'resolution',
        page: number,
        object: image.object,
        severity: image.ppi < LOWEST_PPI ? 'error' : 'warning',
        message: `prints at ${Math.floor(image.ppi)} ppi as placed; the press needs ${MIN_PPI} ppi or more`,
      });
    }
  });
  if (pages.length % 4 !== 0) {
    const extra = 4 - (pages.length % 4);
    const message =
      `${pages.length} pages is not a multiple of 4: ` +
      `saddle stitching needs ${extra} more ${extra === 1 ? 'page' : 'pages'} (or ${4 - extra} fewer)`;
    report({ check: 'page-count', severity: 'warning', object: 'document', message });
  }
  return { findings, pageCount: pages.length };
}

export function formatPressReport(result: PressCheckResult, fileName: string): string {
  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const warned = warnings.length > 0 ? count(warnings.length, 'warning') : '';
  const head =
    errors.length === 0
      ? `${fileName}: PDF/X-4 press preflight passed (${result.pageCount} pages${warned ? `, ${warned}` : ''})`
      : `${fileName}: PDF/X-4 press preflight found ${count(errors.length, 'error')}${warned ? ` and ${warned}` : ''}`;
  const sorted = [...result.findings].sort(
    (a, b) => (a.page ?? 0) - (b.page ?? 0) || a.severity.localeCompare(b.severity),
  );
  const lines = sorted.map(
    (f) =>
      `  ${f.severity}: ${f.page !== undefined ? `page ${f.page}: ` : 'document: '}${f.message}  ` +
      `[${f.check}${f.object ? ` · ${f.object}` : ''}]`,
  );
  return `${[head, ...lines].join('\n')}\n`;
}

/** `persklaar check` for a file claiming PDF/X: 0 without errors, 1 with. */
export async function runPressCheck(file: string, bytes?: Uint8Array): Promise<number> {
  const data = bytes ?? new Uint8Array(await readFile(file));
  const name = path.basename(file);
  const result = await checkPress(data, name);
  process.stdout.write(formatPressReport(result, name));
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
