/**
 * image-alt-length — alt text is read in one go and cannot be paused or skimmed; past about
 * 250 characters, say the rest in the caption or the text.
 *
 * Bad:  `![Erik Pool zit aan een vergadertafel … (400 tekens)](erik-pool.jpg)`
 * Good: `![Erik Pool zit aan een vergadertafel en kijkt in de camera](erik-pool.jpg)`
 */
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { RuleModule } from '../types.ts';
import { articleRule } from '../util/rule.ts';

const id = 'image-alt-length';
export const MAX_ALT_LENGTH = 250;

export const imageAltLength: RuleModule = {
  id,
  docs: `Alt text is at most about ${MAX_ALT_LENGTH} characters; longer descriptions go in the caption.`,
  severity: 'warning',
  plugin: articleRule(id, (tree, file) => {
    visit(tree, (node: Nodes) => {
      if (node.type !== 'image' && node.type !== 'imageReference') return;
      const length = [...(node.alt ?? '').trim()].length;
      if (length > MAX_ALT_LENGTH) {
        file.message(`Unexpected alt text of ${length} characters, expected at most ${MAX_ALT_LENGTH}: move details to the caption`, node);
      }
    });
  }),
};
