/**
 * What epub-gen-memory assembles, made stable and faithful before it is zipped:
 * - images get the name of their variant file (`erik-pool-3f2a…-1600.jpg`) instead of the
 *   random UUID the library draws on every run, in the files and in every reference to them;
 * - an empty `alt` (a decorative image) is put back where the sanitiser wrote
 *   "image-placeholder", which a screen reader would read out;
 * - attributes carried through the sanitiser as class tokens are restored (`sanitiser.ts`),
 *   and so are MathML and SVG (`foreign.ts`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type JSZip from 'jszip';
import type { PackedImage } from './library.ts';
import { restoreForeign } from './foreign.ts';
import { restoreCarried } from './sanitiser.ts';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const PLACEHOLDER_ALT = 'alt="image-placeholder"';
const textFile = /\.(xhtml|opf|ncx|css|xml)$/;

export async function stableEntries(zip: JSZip, images: readonly PackedImage[]): Promise<ZipEntry[]> {
  const renames = imageRenames(images);
  const entries: ZipEntry[] = [];
  for (const file of Object.values(zip.files)) {
    // Folders are implied by the paths; their entries would only carry the library's clock.
    if (file.dir) continue;
    const name = renames.get(file.name) ?? file.name;
    if (!textFile.test(name)) {
      entries.push({ name, data: await file.async('uint8array') });
      continue;
    }
    let text = await file.async('string');
    for (const [from, to] of renames) text = text.split(relativeTo(file.name, from)).join(relativeTo(file.name, to));
    if (name.endsWith('.xhtml')) text = restoreForeign(restoreCarried(text.split(PLACEHOLDER_ALT).join('alt=""')));
    entries.push({ name, data: new TextEncoder().encode(text) });
  }
  return entries;
}

/** Zip path of each packed image → the zip path named after its variant file. */
function imageRenames(images: readonly PackedImage[]): Map<string, string> {
  const renames = new Map<string, string>();
  const taken = new Set<string>();
  for (const image of images) {
    const stable = `OEBPS/images/${path.basename(fileURLToPath(image.url))}`;
    if (taken.has(stable)) throw new Error(`Two EPUB images would both be named ${stable}`);
    taken.add(stable);
    renames.set(`OEBPS/images/${image.id}.${image.extension}`, stable);
  }
  return renames;
}

/** How `target` is referred to from the document `from` (both zip paths). */
function relativeTo(from: string, target: string): string {
  return path.posix.relative(path.posix.dirname(from), target);
}
