/**
 * heading-increment — headings go down one level at a time, as the page shows them. The
 * article title (front matter) is the page's only h1, so body headings start at `##`; a box
 * title (`:::kader[Titel]`, `:::meer-info`) is an h2 on the page, so inside a box the next
 * level is `###`.
 */
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { boxTitle } from '../../markdown/boxes.ts';
import type { RuleModule } from '../types.ts';
import { articleRule } from '../util/rule.ts';

const id = 'heading-increment';
const hashes = (depth: number) => '#'.repeat(depth);

export const headingIncrement: RuleModule = {
  id,
  docs: 'Body headings start at `##` (the title is the h1) and never skip a level; box titles are h2.',
  severity: 'error',
  examples: {
    bad: [
      {
        caption: 'A second h1: the article title is the h1.',
        markdown: '# Tussenkop\n' + '\n' + 'Tekst.\n',
        messages: [
          {
            line: 1,
            message:
              'Unexpected `#` heading (a second h1), expected `##`: the article title in the front matter is the ' +
              'h1',
          },
        ],
      },
      {
        caption: 'A skipped level.',
        markdown: '## Eerste\n' + '\n' + '#### Detail\n',
        messages: [
          {
            line: 3,
            message: 'Unexpected `####` heading after an h2, expected `###` or higher: heading levels do not skip',
          },
        ],
      },
    ],
    good: [
      {
        caption: 'One level at a time; a box title is an h2, so `###` follows it.',
        markdown:
          '## Eerste\n' +
          '\n' +
          '### Detail\n' +
          '\n' +
          ':::kader[Drie E’s als basis]\n' +
          '### Excellentie\n' +
          '\n' +
          'Tekst.\n' +
          ':::\n',
      },
    ],
  },
  plugin: articleRule(id, (tree, file) => {
    let previous = 1;
    visit(tree, (node: Nodes) => {
      if (node.type === 'containerDirective' && boxTitle(node) !== undefined) {
        previous = 2;
        return;
      }
      if (node.type !== 'heading') return;
      if (node.depth === 1) {
        file.message(
          'Unexpected `#` heading (a second h1), expected `##`: the article title in the front matter is the h1',
          node,
        );
      } else if (node.depth > previous + 1) {
        file.message(
          `Unexpected \`${hashes(node.depth)}\` heading after an h${previous}, ` +
            `expected \`${hashes(previous + 1)}\` or higher: heading levels do not skip`,
          node,
        );
      }
      previous = node.depth;
    });
  }),
};
