/**
 * figure-has-image — a `:::figuur` holds a photo; without one it renders as a caption
 * floating on its own.
 */
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { RuleModule } from '../types.ts';
import { articleRule } from '../util/rule.ts';

const id = 'figure-has-image';

export const figureHasImage: RuleModule = {
  id,
  docs: 'A `:::figuur` contains an image.',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'A figure with a caption and no photo.',
        markdown: ':::figuur\n' + 'Erik Pool aan tafel\n' + ':::\n',
        messages: [
          {
            line: 1,
            message:
              'Unexpected `:::figuur` without a photo, expected an image line `![beschrijving](foto.jpg)` inside ' +
              'it',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'A figure with its photo and caption.',
        markdown: ':::figuur\n' + '![Erik Pool aan tafel](erik-pool.jpg)\n' + '\n' + 'Erik Pool aan tafel\n' + ':::\n',
        issue: { images: ['erik-pool.jpg'] },
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    visit(tree, (node: Nodes) => {
      if (node.type !== 'containerDirective' || node.name !== 'figuur') return;
      let found = false;
      visit(node, (child: Nodes) => {
        if (child.type === 'image' || child.type === 'imageReference') found = true;
      });
      if (!found)
        file.message(
          'Unexpected `:::figuur` without a photo, expected an image line `![beschrijving](foto.jpg)` inside it',
          node,
        );
    });
  }),
};
