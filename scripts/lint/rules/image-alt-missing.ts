/**
 * image-alt-missing — every photo needs alt text: a screen reader reads it instead of the photo.
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
  examples: {
    bad: [
      {
        caption: 'An image without alt text, or with only a space: a screen reader has nothing to read.',
        markdown: '![](erik-pool.jpg)\n' + '\n' + '![ ](erik-pool.jpg)\n',
        issue: { images: ['erik-pool.jpg'] },
        messages: [
          {
            line: 1,
            message:
              'Unexpected image without alt text, expected a description of what the photo shows: `![Wie of wat, ' +
              'waar, doet wat](foto.jpg)`',
          },
          {
            line: 3,
            message:
              'Unexpected image without alt text, expected a description of what the photo shows: `![Wie of wat, ' +
              'waar, doet wat](foto.jpg)`',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'Alt text that says what the photo shows.',
        markdown: '![Erik Pool zit aan een vergadertafel en kijkt in de camera](erik-pool.jpg)\n',
        issue: { images: ['erik-pool.jpg'] },
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    visit(tree, (node: Nodes) => {
      if (node.type !== 'image' && node.type !== 'imageReference') return;
      if ((node as Image | ImageReference).alt?.trim()) return;
      file.message(
        'Unexpected image without alt text, expected a description of ' +
          'what the photo shows: `![Wie of wat, waar, doet wat](foto.jpg)`',
        node,
      );
    });
  }),
};
