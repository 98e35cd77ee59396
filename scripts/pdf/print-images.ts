/** The print edition's edge transform for photography: each `<img>` gets its 300 ppi variant. */
import path from 'node:path';
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';
import type { ProcessedImage } from '../images/types.ts';

export function placePrintImages(tree: Root, images: Map<string, ProcessedImage>, documentDir: string): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'img') return;
    const name = String(node.properties.src ?? '');
    const placement = String(node.properties.dataPlacement ?? 'column') as 'cover' | 'wide' | 'column' | 'portrait';
    const variant = images.get(name)?.print?.[placement];
    if (!variant)
      throw new Error(
        `No print variant (${placement}) for image \`${name}\`; the image stage must run before the print edition`,
      );
    node.properties.src = path.relative(documentDir, variant.path).split(path.sep).join('/');
    node.properties.dataPlacement = undefined;
  });
}
