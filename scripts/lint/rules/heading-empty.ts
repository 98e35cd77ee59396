/**
 * heading-empty — a heading (and a box title) has text: an empty heading is a landmark with
 * no name for screen readers and an empty line in print.
 *
 * Bad:  `## ` or `:::kader[]`
 * Good: `## De eerste vraag`, `:::kader[Drie E’s als basis]`
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
  plugin: articleRule(id, (tree, file) => {
    visit(tree, (node: Nodes) => {
      if (node.type === 'heading' && toString(node).trim() === '') {
        file.message('Unexpected empty heading, expected text after the `#` signs', node);
      }
      if (node.type === 'containerDirective' && boxTitle(node)?.trim() === '') {
        file.message(`Unexpected empty box title \`:::${node.name}[]\`, expected a title in the brackets${node.name === 'meer-info' ? ' or none at all (then it is “Meer informatie”)' : ''}`, node);
      }
    });
  }),
};
