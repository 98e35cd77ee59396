/**
 * The EPUB edition's edge transform for photography: each `<img>` from the renderer points at
 * the image stage's EPUB variant (≤ 1600 px long edge). epub-gen-memory only fetches absolute
 * http(s) or `file://` URLs, so the source is handed over as a file URL; the library packs it
 * under `images/` and `reproducible-zip.ts` gives it a stable name. Alt text is kept exactly
 * as written in the manuscript.
 */
import { pathToFileURL } from 'node:url';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import type { ProcessedImage, Variant } from '../images/types.ts';

export function epubVariant(images: ReadonlyMap<string, ProcessedImage>, name: string): Variant {
  const variant = images.get(name)?.epub;
  if (!variant)
    throw new Error(
      `No EPUB variant for image \`${name}\`; run the image stage with the 'epub' edition before the EPUB is built`,
    );
  return variant;
}

export function fileUrl(variant: Variant): string {
  return pathToFileURL(variant.path).href;
}

/** Rewrites every `<img>` of `tree` in place; the tree must be the EPUB's own copy. */
export function epubImages(tree: Root, images: ReadonlyMap<string, ProcessedImage>): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'picture') {
      // Another edition rewrote the shared tree in place; its sources are no manuscript names.
      throw new Error(
        'The shared article tree holds a <picture>: an edition changed it in place before the EPUB was built',
      );
    }
    if (node.tagName !== 'img') return;
    const name = String(node.properties.src ?? '');
    // Only src and alt: the placement is carried by the figure's class, and intrinsic sizes
    // are of no use in a reflowable book (the reading system sizes images to the screen).
    node.properties = { src: fileUrl(epubVariant(images, name)), alt: node.properties.alt ?? '' };
  });
}
