/**
 * `:::figuur{fotograaf="…" plaatsing="portret|kolom|breed"}` — one photo, its caption and the
 * photographer's credit. The placement tells each edition how wide the photo is set, which
 * the image stage turns into pixel sizes. The image keeps its manuscript file name here;
 * each edition rewrites `src` at its own edge.
 */
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { Image, Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { isLabel } from '../../markdown/boxes.ts';
import { placementOf } from '../../markdown/placement.ts';
import type { Component } from './types.ts';

export const figure: Component = {
  name: 'figuur',
  type: 'containerDirective',
  render(state, node, context) {
    const directive = node as ContainerDirective;
    const placement = placementOf(directive);
    const credit = directive.attributes?.fotograaf ?? context.photographer;
    const media: Element[] = [];
    const caption = [];
    for (const child of directive.children) {
      if (isLabel(child)) continue;
      const images = child.type === 'paragraph' ? imagesOnly(child) : [];
      if (images.length > 0) {
        for (const image of images) {
          media.push(h('img', { src: image.url, alt: image.alt ?? '', dataPlacement: placement }));
        }
      } else {
        caption.push(...state.all({ type: 'root', children: [child] }));
      }
    }
    const captionChildren = caption.flatMap((element) =>
      element.type === 'element' && element.tagName === 'p' ? element.children : [element],
    );
    const figcaption =
      captionChildren.length > 0 || credit
        ? h('figcaption', [...captionChildren, credit ? h('span.credit', ` Foto: ${credit}`) : undefined])
        : undefined;
    return h(`figure.figure.figure--${placement}`, [...media, figcaption]);
  },
};

/** The images of a paragraph that holds nothing else (whitespace aside), or none. */
function imagesOnly(paragraph: Paragraph): Image[] {
  const content = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return content.every((child) => child.type === 'image') ? (content as Image[]) : [];
}
