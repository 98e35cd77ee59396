/**
 * A glyph's own advance width, in ems, from its font's width table: what a glyph takes when
 * nothing moves the next one (a composite font's /W and /DW, a simple font's /Widths from
 * /FirstChar; a Type3 font's widths through its /FontMatrix).
 */
import type { PDFContext, PDFDict } from '@cantoo/pdf-lib';
import { asArray, asDict, asName, asNumber, N } from './objects.ts';

export type WidthOf = (bytes: Uint8Array) => number | undefined;

export function glyphWidths(context: PDFContext, font: PDFDict | undefined): WidthOf {
  if (!font) return () => undefined;
  if (asName(context, font.get(N('Subtype'))) === 'Type0') {
    const cidFont = asDict(context, asArray(context, font.get(N('DescendantFonts')))?.get(0));
    const widths = cidWidths(context, cidFont);
    const fallback = asNumber(context, cidFont?.get(N('DW'))) ?? 1000;
    return (bytes) => (bytes.length === 2 ? (widths.get((bytes[0]! << 8) | bytes[1]!) ?? fallback) / 1000 : undefined);
  }
  const first = asNumber(context, font.get(N('FirstChar'))) ?? 0;
  const widths = asArray(context, font.get(N('Widths')));
  const matrix = asArray(context, font.get(N('FontMatrix')));
  const scale = (matrix && asNumber(context, matrix.get(0))) ?? 0.001;
  return (bytes) => {
    const width = bytes.length === 1 && widths ? asNumber(context, widths.get(bytes[0]! - first)) : undefined;
    return width === undefined ? undefined : width * scale;
  };
}

/** A CID font's /W: `c [w1 w2 …]` gives widths from c on, `first last w` one width for a range. */
export function cidWidths(context: PDFContext, cidFont: PDFDict | undefined): Map<number, number> {
  const widths = new Map<number, number>();
  const items = asArray(context, cidFont?.get(N('W')))?.asArray() ?? [];
  for (let index = 0; index < items.length; ) {
    const first = asNumber(context, items[index]) ?? 0;
    const list = asArray(context, items[index + 1]);
    if (list) {
      list.asArray().forEach((width, offset) => {
        widths.set(first + offset, asNumber(context, width) ?? 0);
      });
      index += 2;
      continue;
    }
    const last = asNumber(context, items[index + 1]) ?? first;
    const width = asNumber(context, items[index + 2]) ?? 0;
    for (let code = first; code <= last; code++) widths.set(code, width);
    index += 3;
  }
  return widths;
}
