/**
 * heading-increment — headings go down one level at a time, as the page shows them. The
 * article title (front matter) is the page's only h1, so body headings start at `##`; a box
 * title (`:::kader[Titel]`, `:::meer-info`) is an h2 on the page, so inside a box the next
 * level is `###`.
 *
 * Bad:  `# Tussenkop` (a second h1), `## Eerste` followed by `#### Detail`
 * Good: `## Eerste` followed by `### Detail`
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
  docs: 'Body headings start at ## (the title is the h1) and never skip a level; box titles are h2.',
  severity: 'error',
  plugin: articleRule(id, (tree, file) => {
    let previous = 1;
    visit(tree, (node: Nodes) => {
      if (node.type === 'containerDirective' && boxTitle(node) !== undefined) {
        previous = 2;
        return;
      }
      if (node.type !== 'heading') return;
      if (node.depth === 1) {
        file.message('Unexpected `#` heading (a second h1), expected `##`: the article title in the front matter is the h1', node);
      } else if (node.depth > previous + 1) {
        file.message(`Unexpected \`${hashes(node.depth)}\` heading after an h${previous}, expected \`${hashes(previous + 1)}\` or higher: heading levels do not skip`, node);
      }
      previous = node.depth;
    });
  }),
};
