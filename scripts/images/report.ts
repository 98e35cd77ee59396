/**
 * report: a problem with a photo becomes a fatal message in the file that uses it, at the
 * image (or the `cover.image` line), so an editor sees `coos-maas.md:14:1` rather than a stack.
 */
import type { ImageReference } from './types.ts';

/** A problem with a source photo, phrased for the editor (the part after "Cannot read image `x`: "). */
export class ImageProblem extends Error {
  override name = 'ImageProblem';
}

/** Adds the fatal message; returns it as one line, `artikel.md:6:1: Cannot read image …`. */
export function reportProblem(reference: ImageReference, reason: string): string {
  const message = reference.file.message(`Cannot read image \`${reference.name}\`: ${reason}`, {
    place: reference.position,
    ruleId: 'image',
    source: 'persklaar',
  });
  message.fatal = true;
  const start = reference.position?.start;
  const where = start ? `${reference.file.path}:${start.line}:${start.column}` : reference.file.path;
  return `${where}: ${message.reason}`;
}
