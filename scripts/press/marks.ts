/**
 * Printer's marks, drawn outside the bleed in registration colour (Separation /All: it prints
 * on every plate, so the marks show on each film and plate): crop marks at the four corners of
 * the trim, and a registration target at the middle of each side. Coordinates are those of
 * the printed page, whose origin is the bleed box's lower left corner.
 */
import { MM } from './settings.ts';

/** Distance of the marks from the bleed edge, and their length. */
export const MARK_GAP_MM = 2;
export const MARK_LENGTH_MM = 5;
/** How far the MediaBox reaches beyond the bleed: room for the marks. */
export const MARK_ROOM_MM = 10;
/** The resource name the mark stream uses for the registration colour space. */
export const REGISTRATION = 'PressRegistration';

const f = (n: number) => Number(n.toFixed(3)).toString();

/** The content stream of one page's marks; `width` and `height` are the bleed box's size in points. */
export function marksStream(width: number, height: number, bleedMm: number): string {
  const b = bleedMm * MM;
  // Measured from the trim: the marks begin a little outside the bleed.
  const near = (bleedMm + MARK_GAP_MM) * MM;
  const far = near + MARK_LENGTH_MM * MM;
  const lines: [number, number, number, number][] = [];
  // Trim corners, in bleed-box coordinates, with the direction that points away from the page.
  for (const [x, dx] of [
    [b, -1],
    [width - b, 1],
  ] as const) {
    for (const [y, dy] of [
      [b, -1],
      [height - b, 1],
    ] as const) {
      lines.push([x + dx * near, y, x + dx * far, y]);
      lines.push([x, y + dy * near, x, y + dy * far]);
    }
  }
  const out = ['q', `/${REGISTRATION} CS 1 SCN`, '0.25 w', '0 J'];
  for (const [x1, y1, x2, y2] of lines) out.push(`${f(x1)} ${f(y1)} m ${f(x2)} ${f(y2)} l`);
  out.push('S');
  // Registration targets midway along each side, centred between the bleed and the media edge.
  const centre = (MARK_GAP_MM + MARK_LENGTH_MM / 2) * MM;
  const radius = 1.5 * MM;
  for (const [cx, cy] of [
    [width / 2, -centre],
    [width / 2, height + centre],
    [-centre, height / 2],
    [width + centre, height / 2],
  ] as const) {
    out.push(circle(cx, cy, radius), `${f(cx - radius * 1.6)} ${f(cy)} m ${f(cx + radius * 1.6)} ${f(cy)} l`);
    out.push(`${f(cx)} ${f(cy - radius * 1.6)} m ${f(cx)} ${f(cy + radius * 1.6)} l S`);
  }
  out.push('Q');
  return out.join('\n');
}

/** A circle as four Bézier arcs. */
function circle(cx: number, cy: number, r: number): string {
  const k = r * 0.5523;
  return [
    `${f(cx + r)} ${f(cy)} m`,
    `${f(cx + r)} ${f(cy + k)} ${f(cx + k)} ${f(cy + r)} ${f(cx)} ${f(cy + r)} c`,
    `${f(cx - k)} ${f(cy + r)} ${f(cx - r)} ${f(cy + k)} ${f(cx - r)} ${f(cy)} c`,
    `${f(cx - r)} ${f(cy - k)} ${f(cx - k)} ${f(cy - r)} ${f(cx)} ${f(cy - r)} c`,
    `${f(cx + k)} ${f(cy - r)} ${f(cx + r)} ${f(cy - k)} ${f(cx + r)} ${f(cy)} c h`,
  ].join(' ');
}
