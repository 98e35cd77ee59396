/**
 * Pictures in the text: each is an image whose file the importer writes. One without alt text
 * keeps an empty `alt` (lint reports it: only the author knows what it shows) and is named here;
 * one in a format no edition can show (EMF, WMF, TIFF, BMP) is written to the images folder but
 * not placed, and named, so that the editor converts and places it.
 */
import type { Image, Paragraph, Parent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { warning, type ImportWarning } from './warning.ts';

const shown = /\.(jpe?g|png|gif|svg|webp)$/i;

export function checkPictures(tree: Root): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const emptied = new Set<Parent>();
  visit(tree, 'image', (node: Image, index, parent) => {
    if (!shown.test(node.url)) {
      warnings.push(
        warning(
          'import-picture-format',
          `picture ${node.url} is in a format no edition can show: it is in the images folder but not placed; ` +
            'convert it to PNG or JPEG and put it in the text',
        ),
      );
      if (parent && index !== undefined) parent.children.splice(index, 1);
      if (parent) emptied.add(parent);
      return [SKIP, index];
    }
    // Word keeps a description's line breaks; alt text is one line.
    node.alt = (node.alt ?? '').replace(/\s+/g, ' ').trim();
    if (node.alt === '') {
      warnings.push(
        warning(
          'import-alt-missing',
          `picture ${node.url} has no alt text in Word (its description, or title): ask the author what it shows`,
        ),
      );
    }
    return undefined;
  });
  removeEmptyParagraphs(tree, emptied);
  return warnings;
}

/** A paragraph that held only an unplaced picture would be an empty line in the article. */
function removeEmptyParagraphs(tree: Root, candidates: Set<Parent>): void {
  if (candidates.size === 0) return;
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    const empty = node.children.every((child) => child.type === 'text' && child.value.trim() === '');
    if (!candidates.has(node) || !empty || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}
