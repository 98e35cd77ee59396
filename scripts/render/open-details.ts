/**
 * `<details>` open in the print and the EPUB. Chromium prints a closed one as its summary
 * alone, and a reader of paper cannot open it; the web edition keeps it as written.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export function openDetails(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName === 'details') node.properties.open = true;
  });
}
