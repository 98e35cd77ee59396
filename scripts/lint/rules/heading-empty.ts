/**
 * heading-empty — a heading (and a box title) has text: an empty heading is a landmark with
 * no name for screen readers and an empty line in print.
 */
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { boxTitle } from '../../markdown/boxes.ts';
import type { RuleModule } from '../types.ts';
import { articleRule } from '../util/rule.ts';

const id = 'heading-empty';

export const headingEmpty: RuleModule = {
  id,
  docs: 'Headings and box titles are not empty.',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'An empty heading and an empty box title.',
        markdown: '##\n' + '\n' + ':::kader[]\n' + 'Tekst.\n' + ':::\n',
        messages: [
          { line: 1, message: 'Unexpected empty heading, expected text after the `#` signs' },
          { line: 3, message: 'Unexpected empty box title `:::kader[]`, expected a title in the brackets' },
        ],
      },
    ],
    good: [
      {
        caption: 'Both with text.',
        markdown: '## De eerste vraag\n' + '\n' + ':::kader[Drie E’s als basis]\n' + 'Tekst.\n' + ':::\n',
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    visit(tree, (node: Nodes) => {
      if (node.type === 'heading' && toString(node).trim() === '') {
        file.message('Unexpected empty heading, expected text after the `#` signs', node);
      }
      if (node.type === 'containerDirective' && boxTitle(node)?.trim() === '') {
        file.message(
          `Unexpected empty box title \`:::${node.name}[]\`, expected a title in the brackets` +
            `${node.name === 'meer-info' ? ' or none at all (then it is “Meer informatie”)' : ''}`,
          node,
        );
      }
    });
  }),
};
