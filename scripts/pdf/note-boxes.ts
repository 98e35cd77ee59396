/**
 * Note boxes (GitHub alerts) in the print: Chromium tags an element with `role="note"` as a
 * structureless NonStruct, so a box would not read as a unit. Without the role, the `<aside>`
 * is tagged Aside, which finishing maps to a standard section (`finish/structure.ts`), named by
 * its label as on the web.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export function printableNoteBoxes(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName === 'aside' && node.properties.role === 'note') delete node.properties.role;
  });
}
