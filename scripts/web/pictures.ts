/**
 * The web edition's edge transform for photography: every `<img>` made by the renderer becomes
 * a `<picture>` with AVIF and WebP sources, a JPEG fallback, `srcset`/`sizes`, intrinsic
 * `width`/`height` against layout shift, and lazy loading for all but the first photo.
 * A drawing stays one `<img>` of its SVG.
 */
import path from 'node:path';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { webSrc } from '../images/process.ts';
import { isDrawing } from '../images/drawing.ts';
import type { ProcessedImage, Variant, WebImage } from '../images/types.ts';

const sizesByPlacement: Record<string, string> = {
  cover: '(min-width: 64rem) 38rem, (min-width: 44rem) 60vw, 100vw',
  wide: '(min-width: 64rem) 60rem, 100vw',
  column: '(min-width: 40rem) 38rem, 100vw',
  portrait: '(min-width: 24rem) 22rem, 100vw',
};

export function pictures(tree: Root, images: Map<string, ProcessedImage>, pageDir: string): void {
  let seen = 0;
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'img' || parent === undefined || index === undefined) return;
    const name = String(node.properties.src ?? '');
    const web = images.get(name)?.web;
    if (!web) throw new Error(`No web variants for image \`${name}\`; the image stage must run before the web edition`);
    if (isDrawing(web.fallback[0])) {
      parent.children[index] = drawingImage(node, web, pageDir, seen++);
      return SKIP;
    }
    const placement = String(node.properties.dataPlacement ?? 'column');
    const srcset = (variants: Variant[]) =>
      variants.map((variant) => `${url(pageDir, variant)} ${variant.width}w`).join(', ');
    const sizes = sizesByPlacement[placement] ?? sizesByPlacement.column!;
    const fallback = webSrc(web);
    const picture: Element = h('picture', { className: node.properties.className }, [
      ...web.sources.map((source) => h('source', { type: source.type, srcSet: srcset(source.variants), sizes })),
      h('img', {
        src: url(pageDir, fallback),
        srcSet: srcset(web.fallback),
        sizes,
        alt: node.properties.alt ?? '',
        width: web.width,
        height: web.height,
        loading: seen === 0 ? undefined : 'lazy',
        decoding: 'async',
      }),
    ]);
    seen++;
    parent.children[index] = picture;
    return SKIP;
  });
}

/** A drawing is one SVG file at every width: an `<img>` of it, no `<picture>` and no srcset. */
function drawingImage(node: Element, web: WebImage, pageDir: string, seen: number): Element {
  return h('img', {
    className: node.properties.className,
    src: url(pageDir, web.fallback[0]!),
    alt: node.properties.alt ?? '',
    width: web.width,
    height: web.height,
    loading: seen === 0 ? undefined : 'lazy',
    decoding: 'async',
  });
}

function url(pageDir: string, variant: Variant): string {
  return path.relative(pageDir, variant.path).split(path.sep).join('/');
}
