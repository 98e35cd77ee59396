/**
 * Photos as the press prints them: each print variant's pixels over the size it is placed at.
 * Print variants are made at 300 ppi of the placed width, but never upscaled: a source that is
 * too small stays small, and below 250 ppi a printed photo goes visibly soft. Each such use is
 * a warning at the manuscript line that places it (the build still makes the file: a proof
 * may be wanted all the same).
 */
import type { ImageReference, ProcessedImage } from '../images/types.ts';
import { isDrawing } from '../images/drawing.ts';
import { PLACED_WIDTH_MM } from '../images/placements.ts';
import { TRIM_MM } from './settings.ts';

export const MIN_PRESS_PPI = 250;
const MM_PER_INCH = 25.4;

export function placedPpi(
  reference: ImageReference,
  image: ProcessedImage | undefined,
  bleedMm: number,
): number | undefined {
  const variant = image?.print?.[reference.placement];
  // A drawing prints as vector: it has no pixels to count.
  if (!variant || isDrawing(variant)) return undefined;
  if (reference.placement === 'cover') {
    // The cover photo fills the page and its bleed (object-fit: cover): the side that is
    // stretched most decides.
    const width = TRIM_MM.width + 2 * bleedMm;
    const height = TRIM_MM.height + 2 * bleedMm;
    return MM_PER_INCH * Math.min(variant.width / width, variant.height / height);
  }
  return (MM_PER_INCH * variant.width) / PLACED_WIDTH_MM[reference.placement];
}

export function lowResolutionWarnings(
  references: ImageReference[],
  images: Map<string, ProcessedImage>,
  bleedMm: number,
): string[] {
  const warnings: string[] = [];
  for (const reference of references) {
    const ppi = placedPpi(reference, images.get(reference.name), bleedMm);
    if (ppi === undefined || ppi >= MIN_PRESS_PPI) continue;
    const reason =
      `Photo \`${reference.name}\` prints at ${Math.floor(ppi)} ppi as placed (${reference.placement}); ` +
      `the press needs at least ${MIN_PRESS_PPI} ppi (300 is made when the source has the pixels)`;
    reference.file.message(reason, { place: reference.position, ruleId: 'press-resolution', source: 'persklaar' });
    const start = reference.position?.start;
    warnings.push(
      `${start ? `${reference.file.path}:${start.line}:${start.column}` : reference.file.path}: warning: ${reason}`,
    );
  }
  return warnings;
}
