/**
 * Document-level requirements: tagged, language, title shown, PDF/UA identification, outline.
 */
import { PDFStream } from '@cantoo/pdf-lib';
import { asBool, asDict, asText, N, resolve, streamBytes } from '../../pdf-read/objects.ts';
import { readXmp } from '../../pdf-read/xmp.ts';
import type { CheckContext } from './types.ts';

export function checkDocument(ctx: CheckContext): void {
  const { context, catalog } = ctx;

  const markInfo = asDict(context, catalog.get(N('MarkInfo')));
  if (asBool(context, markInfo?.get(N('Marked'))) !== true) {
    ctx.report({
      checkpoint: 'UA1:7.1-MarkInfo',
      element: 'Catalog',
      message: 'MarkInfo /Marked is not true: the document does not say it is tagged',
    });
  }
  if (asBool(context, markInfo?.get(N('Suspects'))) === true) {
    ctx.report({ checkpoint: '01-007', element: 'Catalog', message: 'MarkInfo /Suspects is true' });
  }
  if (!asDict(context, catalog.get(N('StructTreeRoot')))) {
    ctx.report({
      checkpoint: 'UA1:7.1-StructTreeRoot',
      element: 'Catalog',
      message: 'no structure tree (StructTreeRoot): the document is not tagged',
    });
  }

  if (!asText(context, catalog.get(N('Lang')))?.trim()) {
    ctx.report({
      checkpoint: '11-001',
      element: 'Catalog',
      message: 'no /Lang on the Catalog: the natural language of the text cannot be determined',
    });
  }

  const prefs = asDict(context, catalog.get(N('ViewerPreferences')));
  const displayTitle = prefs?.get(N('DisplayDocTitle'));
  if (displayTitle === undefined) {
    ctx.report({
      checkpoint: '07-001',
      element: 'ViewerPreferences',
      message: 'no DisplayDocTitle: viewers show the file name instead of the title',
    });
  } else if (asBool(context, displayTitle) !== true) {
    ctx.report({
      checkpoint: '07-002',
      element: 'ViewerPreferences',
      message: 'DisplayDocTitle is false: viewers show the file name instead of the title',
    });
  }

  const metadata = resolve(context, catalog.get(N('Metadata')));
  if (!(metadata instanceof PDFStream)) {
    ctx.report({ checkpoint: '06-001', element: 'Catalog', message: 'no XMP metadata stream on the Catalog' });
    ctx.report({
      checkpoint: '06-002',
      element: 'XMP',
      message: 'no PDF/UA identification (pdfuaid:part) in XMP metadata',
    });
    ctx.report({ checkpoint: '06-003', element: 'XMP', message: 'no dc:title in XMP metadata' });
  } else {
    let xml = '';
    try {
      xml = Buffer.from(streamBytes(metadata)).toString('utf8');
    } catch {
      xml = '';
    }
    const xmp = readXmp(xml);
    if (xmp.pdfuaPart === undefined) {
      ctx.report({
        checkpoint: '06-002',
        element: 'XMP',
        message: 'no PDF/UA identification (pdfuaid:part) in XMP metadata',
      });
    } else if (xmp.pdfuaPart !== 1) {
      ctx.report({ checkpoint: '06-002', element: 'XMP', message: `pdfuaid:part is ${xmp.pdfuaPart}, not 1` });
    }
    if (!xmp.titles.some((t) => t.length > 0)) {
      ctx.report({ checkpoint: '06-003', element: 'XMP', message: 'no dc:title in XMP metadata' });
    }
  }
}

/** Bookmarks, when the document has headings to make them from (WCAG 2.4.5, PAC's check). */
export function checkOutline(ctx: CheckContext, hasHeadings: boolean): void {
  if (!hasHeadings) return;
  const { context, catalog } = ctx;
  const outlines = asDict(context, catalog.get(N('Outlines')));
  if (!asDict(context, outlines?.get(N('First')))) {
    ctx.report({
      checkpoint: 'bookmarks',
      element: 'Outlines',
      message: 'the document has headings but no bookmarks (Outlines)',
    });
  }
}
