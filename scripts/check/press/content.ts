/**
 * What a page paints, as the press sees it: every image with its effective resolution (its
 * pixels over the size the transformation matrix gives it where it is drawn, through forms),
 * every font embedded, and RGB used only where a DefaultRGB says what it means (PDF/X-4
 * allows device-independent colour, and device colour only of the output intent's kind).
 */
import { PDFRef, PDFStream, type PDFContext, type PDFDict, type PDFObject } from '@cantoo/pdf-lib';
import { ContentSyntaxError, isName, type Operation, tokenize } from '../../pdf-read/tokenizer.ts';
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
  const walk = new PressPageWalk(context, number, report);
  walk.content(bytes, pageResources, IDENTITY, 'page content');
  return walk.placed;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * One page's content and the forms and tiling patterns it paints, each walked in its own
 * space; what is reported once per page (a font, an RGB use) is remembered here.
 */
class PressPageWalk {
  readonly placed: PlacedImage[] = [];
  private readonly reportedFonts = new Set<string>();
  private readonly rgbReported = new Set<string>();
  /** Forms and patterns being walked: one that paints itself is not walked again. */
  private readonly visiting = new Set<PDFObject>();

  constructor(
    private readonly context: PDFContext,
    private readonly number: number,
    private readonly report: Report,
  ) {}

  content(bytes: Uint8Array, resources: PDFDict | undefined, base: Matrix, where: string): void {
    this.fonts(resources);
    this.patterns(resources);
    const operations = this.operationsOf(bytes, where);
    const stack: Matrix[] = [];
    let ctm = base;
    for (const { op, operands } of operations ?? []) {
      if (op === 'q') stack.push(ctm);
      else if (op === 'Q') ctm = stack.pop() ?? base;
      else if (op === 'cm' && operands.length === 6 && operands.every((o) => typeof o === 'number'))
        ctm = multiply(operands as Matrix, ctm);
      else if (op === 'rg' || op === 'RG') this.rgbWithout(resources, `${where} (${op} operator)`);
      else if ((op === 'cs' || op === 'CS') && isName(operands[0]) && operands[0].value === 'DeviceRGB')
        this.rgbWithout(resources, `${where} (/DeviceRGB ${op})`);
      else if (op === 'Do' && isName(operands[0])) this.xobject(operands[0].value, resources, ctm);
    }
  }

  private operationsOf(bytes: Uint8Array, where: string): Operation[] | undefined {
    try {
      return tokenize(bytes);
    } catch (error) {
      if (!(error instanceof ContentSyntaxError)) throw error;
      this.report({
        check: 'content',
        page: this.number,
        object: where,
        message: `the content cannot be read: ${error.message}`,
      });
      return undefined;
    }
  }

  /** An image (its resolution where it is drawn) or a form (walked in its own space). */
  private xobject(name: string, resources: PDFDict | undefined, ctm: Matrix): void {
    const { context } = this;
    const raw = asDict(context, resources?.get(N('XObject')))?.get(N(name));
    const xobject = resolve(context, raw);
    if (!(xobject instanceof PDFStream)) return;
    const label = `/${name}${raw instanceof PDFRef ? ` (object ${raw.objectNumber})` : ''}`;
    const subtype = asName(context, xobject.dict.get(N('Subtype')));
    if (subtype === 'Image') {
      if (asName(context, xobject.dict.get(N('ColorSpace'))) === 'DeviceRGB') {
        this.rgbWithout(resources, `image ${label}`);
      }
      const width = asNumber(context, xobject.dict.get(N('Width'))) ?? 0;
      const height = asNumber(context, xobject.dict.get(N('Height'))) ?? 0;
      const placedWidth = Math.hypot(ctm[0], ctm[1]) / 72;
      const placedHeight = Math.hypot(ctm[2], ctm[3]) / 72;
      if (placedWidth > 0 && placedHeight > 0) {
        const ppi = Math.min(width / placedWidth, height / placedHeight);
        this.placed.push({ page: this.number, object: `image ${label}`, ppi });
      }
    } else if (subtype === 'Form' && !this.visiting.has(xobject)) {
      const own = asDict(context, xobject.dict.get(N('Resources'))) ?? resources;
      this.visiting.add(xobject);
      this.content(streamBytes(xobject), own, multiply(this.matrixOf(xobject), ctm), `form ${label}`);
      this.visiting.delete(xobject);
    }
  }

  private matrixOf(stream: PDFStream): Matrix {
    const matrix = asArray(this.context, stream.dict.get(N('Matrix')))
      ?.asArray()
      .map((item) => asNumber(this.context, item) ?? 0);
    return matrix?.length === 6 ? (matrix as Matrix) : IDENTITY;
  }

  private rgbWithout(resources: PDFDict | undefined, what: string): void {
    const { context } = this;
    const spaces = asDict(context, resources?.get(N('ColorSpace')));
    const defaultRgb = spaces?.get(N('DefaultRGB'));
    const hasDefaultRgb = asDict(context, defaultRgb) !== undefined || asArray(context, defaultRgb) !== undefined;
    if (hasDefaultRgb || this.rgbReported.has(what)) return;
    this.rgbReported.add(what);
    this.report({
      check: 'colour',
      page: this.number,
      object: what,
      message: 'DeviceRGB is used without a DefaultRGB colour space: the printer cannot know what the RGB means',
    });
  }

  private fonts(resources: PDFDict | undefined): void {
    const { context } = this;
    const dict = asDict(context, resources?.get(N('Font')));
    for (const [key, value] of dict?.entries() ?? []) {
      const font = asDict(context, value);
      if (!font) continue;
      const name = asName(context, font.get(N('BaseFont'))) ?? key.decodeText();
      if (this.reportedFonts.has(name) || isEmbedded(context, font)) continue;
      this.reportedFonts.add(name);
      this.report({ check: 'fonts', page: this.number, object: `font ${name}`, message: 'the font is not embedded' });
    }
  }

  /**
   * Gradients name their colour space themselves: directly, or inside a shading pattern. A
   * tiling pattern is content of its own (Chromium paints its gradients with one), walked in
   * the pattern's space.
   */
  private patterns(resources: PDFDict | undefined): void {
    const { context } = this;
    for (const kind of ['Shading', 'Pattern']) {
      for (const [key, value] of asDict(context, resources?.get(N(kind)))?.entries() ?? []) {
        const object = resolve(context, value);
        const dict = object instanceof PDFStream ? object.dict : asDict(context, object);
        const shading = kind === 'Shading' ? dict : asDict(context, dict?.get(N('Shading')));
        const label = `${kind.toLowerCase()} /${key.decodeText()}`;
        if (asName(context, shading?.get(N('ColorSpace'))) === 'DeviceRGB') this.rgbWithout(resources, label);
        if (kind === 'Pattern' && object instanceof PDFStream && !this.visiting.has(object)) {
          const own = asDict(context, object.dict.get(N('Resources')));
          this.visiting.add(object);
          this.content(streamBytes(object), own, this.matrixOf(object), label);
          this.visiting.delete(object);
        }
      }
    }
  }
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
