/**
 * image-alt-missing — every photo needs alt text: a screen reader reads it instead of the photo.
 *
 * Bad:  `![](erik-pool.jpg)` or `![ ](erik-pool.jpg)`
 * Good: `![Erik Pool zit aan een vergadertafel en kijkt in de camera](erik-pool.jpg)`
 */
import type { Image, ImageReference, Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { RuleModule } from '../types.ts';
import { articleRule } from '../util/rule.ts';

const id = 'image-alt-missing';

export const imageAltMissing: RuleModule = {
  id,
  docs: 'An image has alt text that describes the photo.',
  severity: 'error',
  plugin: articleRule(id, (tree, file) => {
    visit(tree, (node: Nodes) => {
      if (node.type !== 'image' && node.type !== 'imageReference') return;
      if ((node as Image | ImageReference).alt?.trim()) return;
      file.message('Unexpected image without alt text, expected a description of what the photo shows: `![Wie of wat, waar, doet wat](foto.jpg)`', node);
    });
  }),
};
