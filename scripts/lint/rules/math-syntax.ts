/**
 * math-syntax — a formula (`$…$`, `$$…$$`) is TeX that Temml can set. One it cannot read is
 * printed as its source in every edition, dollar signs and all.
 */
import type { Nodes } from 'mdast';
import type {} from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import { typeset } from '../../markdown/formulas.ts';
import type { RuleModule } from '../types.ts';
import { articleRule } from '../util/rule.ts';

const id = 'math-syntax';

export const mathSyntax: RuleModule = {
  id,
  docs: 'Formulas are TeX that can be set as MathML.',
  severity: 'warning',
  examples: {
    bad: [
      {
        caption: 'A fraction without its closing brace.',
        markdown: 'De helft is $\\frac{1}{2$.\n',
        messages: [
          {
            line: 1,
            message:
              "Unexpected formula that cannot be set (Unexpected end of input in a macro argument, expected '}' at " +
              'end of input: \\frac{1}{2): ' +
              'it is printed as its TeX source; check the TeX',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'A formula in the text and one on its own.',
        markdown: 'Zo: $E = mc^2$.\n\n$$\n\\frac{n(n+1)}{2}\n$$\n',
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    visit(tree, (node: Nodes) => {
      if (node.type !== 'math' && node.type !== 'inlineMath') return;
      const set = typeset(node.value, node.type === 'math');
      if ('error' in set)
        file.message(
          `Unexpected formula that cannot be set (${set.error}): it is printed as its TeX source; check the TeX`,
          node,
        );
    });
  }),
};
