/**
 * What a page paints, as the press sees it: every image with its effective resolution (its
 * pixels over the size the transformation matrix gives it where it is drawn, through forms),
 * every font embedded, and RGB used only where a DefaultRGB says what it means (PDF/X-4
 * allows device-independent colour, and device colour only of the output intent's kind).
 */
import { PDFRef, PDFStream, type PDFContext, type PDFDict, type PDFObject } from '@cantoo/pdf-lib';
import { ContentSyntaxError, isName, tokenize } from '../../pdf-read/tokenizer.ts';
import { asArray, asDict, asName, asNumber, inherited, N, resolve, streamBytes } from '../../pdf-read/objects.ts';
import type { PressFinding } from './types.ts';
import { type Matrix, multiply } from '../../pdf-read/matrix.ts';

export const MIN_PPI = 250;
export const LOWEST_PPI = 150;

type Report = (finding: Omit<PressFinding, 'severity'> & { severity?: PressFinding['severity'] }) => void;

export interface PlacedImage {
  page: number;
  object: string;
  ppi: number;
}

/** Walks one page: reports what is wrong and returns every image placement with its ppi. */
export function checkPageContent(context: PDFContext, page: PDFDict, number: number, report: Report): PlacedImage[] {
  const placed: PlacedImage[] = [];
  const reportedFonts = new Set<string>();
  const rgbReported = new Set<string>();
  const visiting = new Set<PDFObject>();

  const hasDefaultRgb = (resources: PDFDict | undefined) =>
    asDict(context, asDict(context, resources?.get(N('ColorSpace')))?.get(N('DefaultRGB'))) !== undefined ||
    asArray(context, asDict(context, resources?.get(N('ColorSpace')))?.get(N('DefaultRGB'))) !== undefined;
  const rgbWithout = (resources: PDFDict | undefined, what: string) => {
    if (hasDefaultRgb(resources) || rgbReported.has(what)) return;
    rgbReported.add(what);
    report({
      check: 'colour',
      page: number,
      object: what,
      message: 'DeviceRGB is used without a DefaultRGB colour space: the printer cannot know what the RGB means',
    });
  };

  const fonts = (resources: PDFDict | undefined) => {
    const dict = asDict(context, resources?.get(N('Font')));
    for (const [key, value] of dict?.entries() ?? []) {
      const font = asDict(context, value);
      if (!font) continue;
      const name = asName(context, font.get(N('BaseFont'))) ?? key.decodeText();
      if (reportedFonts.has(name) || isEmbedded(context, font)) continue;
      reportedFonts.add(name);
      report({ check: 'fonts', page: number, object: `font ${name}`, message: 'the font is not embedded' });
    }
  };

  // Gradients name their colour space themselves: directly, or inside a shading pattern. A
  // tiling pattern is content of its own (Chromium paints its gradients with one), walked in
  // the pattern's space.
  const patterns = (resources: PDFDict | undefined) => {
    for (const kind of ['Shading', 'Pattern']) {
      for (const [key, value] of asDict(context, resources?.get(N(kind)))?.entries() ?? []) {
        const object = resolve(context, value);
        const dict = object instanceof PDFStream ? object.dict : asDict(context, object);
        const shading = kind === 'Shading' ? dict : asDict(context, dict?.get(N('Shading')));
        const label = `${kind.toLowerCase()} /${key.decodeText()}`;
        if (asName(context, shading?.get(N('ColorSpace'))) === 'DeviceRGB') rgbWithout(resources, label);
        if (kind === 'Pattern' && object instanceof PDFStream && !visiting.has(object)) {
          visiting.add(object);
          const matrix = asArray(context, object.dict.get(N('Matrix')))
            ?.asArray()
            .map((item) => asNumber(context, item) ?? 0);
          const own = asDict(context, object.dict.get(N('Resources')));
          walk(streamBytes(object), own, (matrix?.length === 6 ? matrix : [1, 0, 0, 1, 0, 0]) as Matrix, label);
          visiting.delete(object);
        }
      }
    }
  };

  const walk = (bytes: Uint8Array, resources: PDFDict | undefined, base: Matrix, where: string) => {
    fonts(resources);
    patterns(resources);
    let operations;
    try {
      operations = tokenize(bytes);
    } catch (error) {
      if (!(error instanceof ContentSyntaxError)) throw error;
      report({
        check: 'content',
        page: number,
        object: where,
        message: `the content cannot be read: ${error.message}`,
      });
      return;
    }
    const stack: Matrix[] = [];
    let ctm = base;
    for (const { op, operands } of operations) {
      if (op === 'q') stack.push(ctm);
      else if (op === 'Q') ctm = stack.pop() ?? base;
      else if (op === 'cm' && operands.length === 6 && operands.every((o) => typeof o === 'number'))
        ctm = multiply(operands as Matrix, ctm);
      else if (op === 'rg' || op === 'RG') rgbWithout(resources, `${where} (${op} operator)`);
      else if ((op === 'cs' || op === 'CS') && isName(operands[0]) && operands[0].value === 'DeviceRGB')
        rgbWithout(resources, `${where} (/DeviceRGB ${op})`);
      else if (op === 'Do' && isName(operands[0])) {
        const name = operands[0].value;
        const raw = asDict(context, resources?.get(N('XObject')))?.get(N(name));
        const xobject = resolve(context, raw);
        if (!(xobject instanceof PDFStream)) continue;
        const label = `/${name}${raw instanceof PDFRef ? ` (object ${raw.objectNumber})` : ''}`;
        const subtype = asName(context, xobject.dict.get(N('Subtype')));
        if (subtype === 'Image') {
          if (asName(context, xobject.dict.get(N('ColorSpace'))) === 'DeviceRGB')
            rgbWithout(resources, `image ${label}`);
          const width = asNumber(context, xobject.dict.get(N('Width'))) ?? 0;
          const height = asNumber(context, xobject.dict.get(N('Height'))) ?? 0;
          const placedWidth = Math.hypot(ctm[0], ctm[1]) / 72;
          const placedHeight = Math.hypot(ctm[2], ctm[3]) / 72;
          if (placedWidth > 0 && placedHeight > 0)
            placed.push({
              page: number,
              object: `image ${label}`,
              ppi: Math.min(width / placedWidth, height / placedHeight),
            });
        } else if (subtype === 'Form' && !visiting.has(xobject)) {
          visiting.add(xobject);
          const matrix = asArray(context, xobject.dict.get(N('Matrix')))
            ?.asArray()
            .map((item) => asNumber(context, item) ?? 0);
          const own = asDict(context, xobject.dict.get(N('Resources'))) ?? resources;
          walk(
            streamBytes(xobject),
            own,
            multiply((matrix?.length === 6 ? matrix : [1, 0, 0, 1, 0, 0]) as Matrix, ctm),
            `form ${label}`,
          );
          visiting.delete(xobject);
        }
      }
    }
  };

  const pageResources = asDict(context, inherited(context, page, 'Resources'));
  const contents = resolve(context, page.get(N('Contents')));
  const streams =
    contents instanceof PDFStream
      ? [contents]
      : (asArray(context, contents)
          ?.asArray()
          .map((item) => resolve(context, item)) ?? []);
  const bytes = Buffer.concat(
    streams.filter((s): s is PDFStream => s instanceof PDFStream).flatMap((s) => [streamBytes(s), Buffer.from('\n')]),
  );
  walk(bytes, pageResources, [1, 0, 0, 1, 0, 0], 'page content');
  return placed;
}

function isEmbedded(context: PDFContext, font: PDFDict): boolean {
  const subtype = asName(context, font.get(N('Subtype')));
  if (subtype === 'Type3') return true;
  const target = subtype === 'Type0' ? asDict(context, asArray(context, font.get(N('DescendantFonts')))?.get(0)) : font;
  const descriptor = asDict(context, target?.get(N('FontDescriptor')));
  return ['FontFile', 'FontFile2', 'FontFile3'].some(
    (key) => resolve(context, descriptor?.get(N(key))) instanceof PDFStream,
  );
}
