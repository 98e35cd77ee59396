/**
 * A drawing's intrinsic size in CSS pixels, as a browser gives an `<svg>` shown as an image:
 * its `width` and `height` (absolute units converted), else its viewBox, else 300 × 150.
 * The editions use it for `width`/`height` attributes and for how wide a plain image is set.
 */
const PX_PER_UNIT: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4 };

/** A browser's size for a replaced element that gives none. */
const DEFAULT_SIZE = { width: 300, height: 150 };

export interface DrawingSize {
  width: number;
  height: number;
}

export function drawingSize(root: Element): DrawingSize {
  const viewBox = (root.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const fromViewBox =
    viewBox.length === 4 && viewBox[2]! > 0 && viewBox[3]! > 0
      ? { width: viewBox[2]!, height: viewBox[3]! }
      : undefined;
  const width = length(root.getAttribute('width'));
  const height = length(root.getAttribute('height'));
  if (width && height) return rounded({ width, height });
  if (fromViewBox && width) return rounded({ width, height: (width * fromViewBox.height) / fromViewBox.width });
  if (fromViewBox && height) return rounded({ width: (height * fromViewBox.width) / fromViewBox.height, height });
  return rounded(fromViewBox ?? DEFAULT_SIZE);
}

function length(value: string | null): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(px|pt|pc|in|cm|mm)?\s*$/i.exec(value ?? '');
  if (!match) return undefined;
  const pixels = Number(match[1]) * PX_PER_UNIT[(match[2] ?? '').toLowerCase()]!;
  return pixels > 0 ? pixels : undefined;
}

function rounded(size: DrawingSize): DrawingSize {
  return { width: Math.max(1, Math.round(size.width)), height: Math.max(1, Math.round(size.height)) };
}
