/**
 * Word's headings become the article's levels under its title: Heading 1 is `##`, Heading 2
 * `###`, and so on to `######`. A level the document skips (Heading 1 followed by Heading 3), or
 * one left deeper once the first heading became the title, is closed up, as the build would.
 */
import type { Heading, Root } from 'mdast';

export function headingsUnderTitle(tree: Root): void {
  let previous = 1;
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const depth = Math.min(6, node.depth + 1, previous + 1) as Heading['depth'];
    node.depth = depth;
    previous = depth;
  }
}
