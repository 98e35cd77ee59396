/**
 * epub-gen-memory, used for what it does well: rendering our EJS templates, fetching images
 * and fonts from `file://` URLs, and laying out the container. Its ESM default export is not
 * callable under Node's CJS interop, so the class is used directly; a subclass reads the
 * zip it has assembled (instead of `genEpub()`, which would stamp every entry with the build
 * time) so `reproducible-zip.ts` can write the final bytes.
 */
import { EPub, type Chapter, type Options } from 'epub-gen-memory';
import type JSZip from 'jszip';
import { sanitiserLoss } from './sanitiser.ts';

/** An image the library fetched: `id` is random per run, `url` is what we gave it. */
export interface PackedImage {
  url: string;
  id: string;
  extension: string;
  mediaType: string;
}

class AssembledEPub extends EPub {
  async assemble(): Promise<{ zip: JSZip; images: PackedImage[] }> {
    await this.render();
    return { zip: this.zip as unknown as JSZip, images: this.images as PackedImage[] };
  }
}

export async function assembleWithLibrary<Extra extends object, ChapterExtra extends object>(
  options: Options & Extra,
  chapters: (Chapter & ChapterExtra)[],
): Promise<{ zip: JSZip; images: PackedImage[] }> {
  const losses: string[] = [];
  const epub = new AssembledEPub(
    {
      ...options,
      verbose: (type, ...args: unknown[]) => {
        const message = args.map(String).join(' ');
        if (type === 'warn') losses.push(message);
      },
    },
    chapters,
  );
  const assembled = await epub.assemble();
  const dropped = losses.filter(sanitiserLoss);
  if (losses.length > 0) {
    throw new Error(
      `epub-gen-memory ${dropped.length > 0 ? 'would drop content from the chapters' : 'reported problems'}` +
        `:\n  ${losses.join('\n  ')}\n` +
        'Map the attribute to an allowed form in scripts/epub/sanitiser.ts, or leave it out of the EPUB on purpose.',
    );
  }
  return assembled;
}
