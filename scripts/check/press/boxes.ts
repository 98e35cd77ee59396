/**
 * Page boxes, as a printer's imposition reads them: a TrimBox of the agreed trim (A4), a
 * BleedBox around it, both inside the MediaBox (ISO 15930-7, 6.2.2). A bleed under 3 mm is a
 * warning: the press's trim tolerance would show white at the edge of what bleeds.
 */
import type { PDFContext, PDFPage } from '@cantoo/pdf-lib';
import { asArray, inherited, resolve } from '../../pdf-read/objects.ts';
import type { PressFinding } from './types.ts';

const PT_PER_MM = 72 / 25.4;
export const A4_PT = { width: 210 * PT_PER_MM, height: 297 * PT_PER_MM };
/** A tenth of a millimetre: writers round box values. */
const TOLERANCE = 0.1 * PT_PER_MM;
const MIN_BLEED_MM = 3;

type Box = [number, number, number, number];
type Report = (finding: Omit<PressFinding, 'severity'> & { severity?: PressFinding['severity'] }) => void;

export function checkBoxes(context: PDFContext, page: PDFPage, number: number, report: Report): void {
  const box = (name: string): Box | undefined => {
    const values = asArray(context, inherited(context, page.node, name))
      ?.asArray()
      .map((item) => (resolve(context, item) as { asNumber?: () => number })?.asNumber?.());
    if (values?.length !== 4 || values.some((v) => typeof v !== 'number')) return undefined;
    const [x0, y0, x1, y1] = values as number[];
    return [Math.min(x0!, x1!), Math.min(y0!, y1!), Math.max(x0!, x1!), Math.max(y0!, y1!)];
  };
  const media = box('MediaBox');
  const trim = box('TrimBox');
  const bleed = box('BleedBox') ?? box('CropBox') ?? media;
  if (!media) report({ check: 'boxes', page: number, object: 'MediaBox', message: 'the page has no MediaBox' });
  if (!trim) {
    report({
      check: 'boxes',
      page: number,
      object: 'TrimBox',
      message: 'the page has no TrimBox: the printer cannot know where to cut',
    });
    return;
  }
  const width = trim[2] - trim[0];
  const height = trim[3] - trim[1];
  if (Math.abs(width - A4_PT.width) > TOLERANCE || Math.abs(height - A4_PT.height) > TOLERANCE) {
    report({
      check: 'boxes',
      page: number,
      object: 'TrimBox',
      message: `the trim is ${mm(width)} × ${mm(height)} mm, not A4 (210 × 297 mm)`,
    });
  }
  if (!box('BleedBox'))
    report({
      check: 'boxes',
      page: number,
      object: 'BleedBox',
      message: 'the page has no BleedBox',
      severity: 'warning',
    });
  if (bleed && !inside(trim, bleed))
    report({ check: 'boxes', page: number, object: 'TrimBox', message: 'the TrimBox reaches beyond the BleedBox' });
  if (media && bleed && !inside(bleed, media))
    report({ check: 'boxes', page: number, object: 'BleedBox', message: 'the BleedBox reaches beyond the MediaBox' });
  if (bleed && inside(trim, bleed)) {
    const least = Math.min(trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]) / PT_PER_MM;
    if (least < MIN_BLEED_MM - 0.05) {
      report({
        check: 'boxes',
        page: number,
        object: 'BleedBox',
        severity: 'warning',
        message: `the bleed is ${least.toFixed(1)} mm on its narrowest side; printers ask for ${MIN_BLEED_MM} mm`,
      });
    }
  }
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner[0] >= outer[0] - TOLERANCE &&
    inner[1] >= outer[1] - TOLERANCE &&
    inner[2] <= outer[2] + TOLERANCE &&
    inner[3] <= outer[3] + TOLERANCE
  );
}

const mm = (pt: number) => (pt / PT_PER_MM).toFixed(1);
