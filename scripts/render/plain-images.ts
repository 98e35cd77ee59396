/**
 * A plain Markdown image standing alone in its paragraph is a figure of its own: with a title
 * (`![alt](schema.png "Het beheer in één schema")`) it becomes a <figure> with the title as
 * caption; without one (or with several images in the paragraph) it stays a paragraph, marked
 * so each edition can size it. Photos in a
 * `:::figuur` are set by that component and not touched here.
 */
import { h } from 'hastscript';
import type { Element, ElementContent, Root } from 'hast';
import { hasClass } from './classes.ts';

export function plainImages(tree: Root): void {
  const walk = (parent: Root | Element): void => {
    parent.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      const images = onlyImages(child);
      if (images.length === 0) {
        if (!isFigure(child)) walk(child);
        return;
      }
      const image = images[0]!;
      const title =
        images.length === 1 && typeof image.properties.title === 'string' ? image.properties.title.trim() : '';
      if (title === '') {
        child.properties.className = ['plain-image'];
        return;
      }
      image.properties.title = undefined;
      parent.children[index] = h('figure.plain-figure', [image, h('figcaption', title)]);
    });
  };
  walk(tree);
}

/** The images of a paragraph that holds nothing else (line breaks and spaces aside). */
function onlyImages(node: Element): Element[] {
  if (node.tagName !== 'p') return [];
  const content = node.children.filter(
    (child) =>
      !(child.type === 'text' && child.value.trim() === '') && !(child.type === 'element' && child.tagName === 'br'),
  );
  const images = content.filter((child): child is Element => child.type === 'element' && child.tagName === 'img');
  return images.length > 0 && images.length === content.length ? images : [];
}

function isFigure(node: Element): boolean {
  return node.tagName === 'figure' || hasClass(node, 'figure');
}

/** The images of a plain image paragraph or figure, for the editions' edge transforms. */
export function plainImagesOf(node: ElementContent): Element[] {
  if (node.type !== 'element') return [];
  if (!(hasClass(node, 'plain-image') || hasClass(node, 'plain-figure'))) return [];
  return node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'img');
}
