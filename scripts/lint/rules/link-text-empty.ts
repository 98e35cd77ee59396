/**
 * link-text-empty — a link has text (or an image with alt text): an empty link is announced
 * by a screen reader as just "link", and is invisible on paper.
 *
 * Bad:  `[](https://ind.nl)`, `[![](logo.png)](https://ind.nl)`
 * Good: `[Website van de IND](https://ind.nl)`
 */
import { toString } from 'mdast-util-to-string';
import type { RuleModule } from '../types.ts';
import { linksWithText } from '../util/links.ts';
import { articleRule } from '../util/rule.ts';

const id = 'link-text-empty';

export const linkTextEmpty: RuleModule = {
  id,
  docs: 'A link has text a reader can see or hear.',
  severity: 'error',
  plugin: articleRule(id, (tree, file) => {
    for (const link of linksWithText(tree)) {
      if (toString(link).trim() !== '') continue;
      file.message('Unexpected link without text, expected words that name where the link goes', link);
    }
  }),
};
